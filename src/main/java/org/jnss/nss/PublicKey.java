package org.jnss.nss;

import org.jnss.core.AttributeError;
import org.jnss.core.Py;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.NssPki;


/**
 * A public key (SECKEYPublicKey) copied to the Java heap when read from a
 * subject public key info: its type and, for RSA and DSA keys, their numbers.
 */
@Py.Type(doc = "An object representing a Public Key")
public final class PublicKey extends Formatted {
    /** siUnsignedInteger, the SECItemType NSS gives the numbers of a key. */
    private static final int SI_UNSIGNED_INTEGER = 10;

    private final int keyType;
    private final PyRSAPublicKey rsa;
    private final PyDSAPublicKey dsa;

    private PublicKey(int keyType, PyRSAPublicKey rsa, PyDSAPublicKey dsa) {
        this.keyType = keyType;
        this.rsa = rsa;
        this.dsa = dsa;
    }

    /** The public key of a native CERTSubjectPublicKeyInfo (extracted by NSS, copied, released). */
    static PublicKey fromSpki(long spki) {
        long pk = NssPki.SECKEY_ExtractPublicKey(spki);
        if (pk == 0) throw NSPRError.last();
        try {
            int type = Mem.getInt(pk, Layout.PK_KEY_TYPE);
            long u = pk + Layout.PK_U;
            PyRSAPublicKey rsa = null;
            PyDSAPublicKey dsa = null;
            if (type == NssConstants.rsaKey) {
                rsa = new PyRSAPublicKey(number(u + Layout.RSA_MODULUS), number(u + Layout.RSA_EXPONENT));
            } else if (type == NssConstants.dsaKey) {
                dsa = new PyDSAPublicKey(new KEYPQGParams(number(u + Layout.DSA_PRIME),
                        number(u + Layout.DSA_SUBPRIME), number(u + Layout.DSA_BASE)),
                        number(u + Layout.DSA_PUBLIC_VALUE));
            }
            return new PublicKey(type, rsa, dsa);
        } finally {
            NssPki.SECKEY_DestroyPublicKey(pk);
        }
    }

    /** A key number as python-nss hands it out: a SecItem of the unsigned integer, str() decoding it as DER. */
    private static SecItem number(long item) {
        return new SecItem(Scratch.itemBytes(item), SI_UNSIGNED_INTEGER, SecItem.Kind.DER);
    }

    @Py("key_type")
    public int getKeyType() { return keyType; }

    @Py("key_type_str")
    public byte[] getKeyTypeStr() { return BStr.bytes(PkiFmt.keyTypeStr(keyType)); }

    private AttributeError noAttribute(String name) {
        return new AttributeError("when '" + "nss.nss.PublicKey' object has key_type=" + PkiFmt.keyTypeStr(keyType)
                + " there is no attribute '" + name + "'");
    }

    @Py("rsa")
    public PyRSAPublicKey getRsa() {
        if (rsa == null) throw noAttribute("rsa");
        return rsa;
    }

    @Py("dsa")
    public PyDSAPublicKey getDsa() {
        if (dsa == null) throw noAttribute("dsa");
        return dsa;
    }

    @Override
    Lines lines(int level) {
        Lines lines = new Lines();
        if (rsa != null) {
            lines.label(level, "RSA Public Key");
            lines.addAll(rsa.lines(level + 1));
        } else if (dsa != null) {
            lines.label(level, "DSA Public Key");
            lines.addAll(dsa.lines(level + 1));
        } else if (keyType >= 0 && keyType <= 8) {
            lines.pair(level, "Key Type", PkiFmt.keyTypeStr(keyType));
        }
        return lines;
    }
}
