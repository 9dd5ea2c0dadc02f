package org.jnss.pki;

import org.jnss.core.Peered;

import org.jnss.natives.Nss3;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.AttributeError;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;

/**
 * A public key (SECKEYPublicKey), {@code nss.nss.PublicKey} in Python: its
 * type and, for RSA and DSA keys, their numbers, copied to the Java heap.
 * Read from a {@link SubjectPublicKeyInfo} (a certificate's or a request's),
 * or returned with the private key by PK11Slot.generate_key_pair().
 *
 * <p>A key read from a subject public key info holds nothing native. A
 * generated key keeps NSS's SECKEYPublicKey, as python-nss's does, until it
 * is dropped and the collector finds it unreachable, or (in Java) until
 * {@link #close()} or the end of a try-with-resources block.
 */
public final class PublicKey extends Peered implements Formatted, AutoCloseable {
    /** siUnsignedInteger, the SECItemType NSS gives the numbers of a key. */
    private static final int SI_UNSIGNED_INTEGER = 10;

    private final int keyType;
    private final PyRSAPublicKey rsa;
    private final PyDSAPublicKey dsa;

    /**
     * The native SECKEYPublicKey of a generated key (null for a key read from
     * a subject public key info): it keeps NSS busy, as python-nss's PublicKey
     * does, and is released with this object.
     */
    private final NativeKey nativeKey;

    /** Owner of one SECKEYPublicKey, reachable only through its PublicKey. */
    private static final class NativeKey extends NativeResource {
        NativeKey(long pk) {
            super(pk, Nss3::SECKEY_DestroyPublicKey, true);
        }
    }

    /** A copy without a native key (read from a subject public key info). */
    private PublicKey(int keyType, PyRSAPublicKey rsa, PyDSAPublicKey dsa) {
        this.keyType = keyType;
        this.rsa = rsa;
        this.dsa = dsa;
        this.nativeKey = null;
    }

    /** Owns the native key pk; the members are copies. */
    private PublicKey(long pk, PublicKey copy) {
        this.keyType = copy.keyType;
        this.rsa = copy.rsa;
        this.dsa = copy.dsa;
        this.nativeKey = new NativeKey(pk);
    }

    /** Releases the native key of a generated key now (nothing for a copy); idempotent. */
    @Override
    public void close() {
        if (nativeKey != null) nativeKey.close();
    }

    /**
     * Adopts a SECKEYPublicKey the caller owns (a generated key), keeping the
     * native key alive with this object; its members are copied at once.
     *
     * @param pk the SECKEYPublicKey address
     * @return the key, which destroys pk when closed or dropped
     * @throws RuntimeException whatever copying the members raises; pk is then
     *         destroyed before it propagates
     */
    public static PublicKey adopt(long pk) {
        PublicKey copy;
        try {
            copy = copyOf(pk, true);
        } catch (RuntimeException e) {
            Nss3.SECKEY_DestroyPublicKey(pk);
            throw e;
        }
        return new PublicKey(pk, copy);
    }

    /** The public key of a native CERTSubjectPublicKeyInfo (extracted by NSS, copied, released). */
    static PublicKey fromSpki(long spki) {
        long pk = Nss3.SECKEY_ExtractPublicKey(spki);
        if (pk == 0) throw NSPRError.last();
        try {
            return copyOf(pk, false);
        } finally {
            Nss3.SECKEY_DestroyPublicKey(pk);
        }
    }

    /** The members of the native key pk, copied (item types as NSS set them when nativeTypes, else siUnsignedInteger). */
    private static PublicKey copyOf(long pk, boolean nativeTypes) {
        int type = Mem.getInt(pk, Layout.PK_KEY_TYPE);
        long u = pk + Layout.PK_U;
        PyRSAPublicKey rsa = null;
        PyDSAPublicKey dsa = null;
        if (type == NssConstants.rsaKey) {
            rsa = new PyRSAPublicKey(number(u + Layout.RSA_MODULUS, nativeTypes), number(u + Layout.RSA_EXPONENT, nativeTypes));
        } else if (type == NssConstants.dsaKey) {
            dsa = new PyDSAPublicKey(new KEYPQGParams(number(u + Layout.DSA_PRIME, nativeTypes),
                    number(u + Layout.DSA_SUBPRIME, nativeTypes), number(u + Layout.DSA_BASE, nativeTypes)),
                    number(u + Layout.DSA_PUBLIC_VALUE, nativeTypes));
        }
        return new PublicKey(type, rsa, dsa);
    }

    /** A key number as python-nss hands it out: a SecItem of the unsigned integer, str() decoding it as DER. */
    private static SecItem number(long item, boolean nativeType) {
        int type = nativeType ? Mem.getInt(item, Layout.ITEM_TYPE) : SI_UNSIGNED_INTEGER;
        return new SecItem(Scratch.itemBytes(item), type, SecItem.Kind.DER);
    }

    /**
     * The key's type, a KeyType constant.
     *
     * @return rsaKey, dsaKey, ecKey, ... (nullKey 0 when unknown)
     */
    @Python("key_type")
    public int getKeyType() { return keyType; }

    /**
     * The key's type as text, e.g. "RSA", "DSA", "Elliptic Curve".
     *
     * @return the text ({@code str} in Python); "unknown(0x..)" for a type
     *         python-nss does not name
     */
    @Python("key_type_str")
    public String getKeyTypeStr() { return BStr.text(PkiFmt.keyTypeStr(keyType)); }

    private AttributeError noAttribute(String name) {
        return new AttributeError("when '" + "nss.nss.PublicKey' object has key_type=" + PkiFmt.keyTypeStr(keyType)
                + " there is no attribute '" + name + "'");
    }

    /**
     * The numbers of an RSA key.
     *
     * @return the modulus and exponent
     * @throws org.jnss.core.AttributeError (AttributeError) when the key is not an RSA key
     */
    @Python("rsa")
    public PyRSAPublicKey getRsa() {
        if (rsa == null) throw noAttribute("rsa");
        return rsa;
    }

    /**
     * The parameters and public value of a DSA key.
     *
     * @return the DSA public key's numbers
     * @throws org.jnss.core.AttributeError (AttributeError) when the key is not a DSA key
     */
    @Python("dsa")
    public PyDSAPublicKey getDsa() {
        if (dsa == null) throw noAttribute("dsa");
        return dsa;
    }

    /**
     * The key's text: the numbers of an RSA or DSA key, else its type.
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     */
    @Override
    public Lines lines(int level) {
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
