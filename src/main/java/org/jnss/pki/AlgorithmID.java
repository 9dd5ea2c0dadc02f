package org.jnss.pki;

import org.jnss.asn1.Oids;
import org.jnss.asn1.BStr;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.natives.Layout;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;
import org.jnss.pk11.MechParam;
import org.jnss.pk11.PK11SymKey;
import org.jnss.pk11.SymCipher;

/** An algorithm identifier (SECAlgorithmID): the algorithm's OID and its DER encoded parameters. */
@Python.Type(doc = "An object representing a signature algorithm")
public final class AlgorithmID extends FormattedValue {
    private final byte[] oid;
    private final byte[] parameters;

    AlgorithmID(byte[] oid, byte[] parameters) {
        this.oid = oid;
        this.parameters = parameters;
    }

    /** The SECAlgorithmID at alg, copied. */
    public static AlgorithmID fromNative(long alg) {
        return new AlgorithmID(Scratch.itemBytes(alg + Layout.ALG_ALGORITHM), Scratch.itemBytes(alg + Layout.ALG_PARAMETERS));
    }

    @Python("id_oid")
    public SecItem getIdOid() {
        return new SecItem(oid, 0, SecItem.Kind.ALGORITHM);
    }

    @Python("id_tag")
    public int getIdTag() {
        NssRuntime.requireInitialized();
        return Oids.tagOf(oid);
    }

    @Python("id_str")
    public byte[] getIdStr() {
        NssRuntime.requireInitialized();
        return BStr.bytes(Oids.describe(oid));
    }

    @Python("parameters")
    public SecItem getParameters() {
        return new SecItem(parameters, 0, SecItem.Kind.DER);
    }

    @Override
    public Lines lines(int level) {
        NssRuntime.requireInitialized();
        Lines lines = new Lines();
        PkiFmt.algorithm(lines, level, oid, parameters);
        return lines;
    }

    /** Runs op with a native SECAlgorithmID holding copies of this identifier's fields. */
    public <T> T withNative(java.util.function.LongFunction<T> op) {
        try (Scratch sc = new Scratch()) {
            long alg = sc.calloc(Layout.ALG_SIZE);
            copyItem(sc.item(oid), alg + Layout.ALG_ALGORITHM);
            copyItem(sc.item(parameters), alg + Layout.ALG_PARAMETERS);
            return op.apply(alg);
        }
    }

    private static void copyItem(long from, long to) {
        org.jnss.natives.Mem.setInt(to, Layout.ITEM_TYPE, org.jnss.natives.Mem.getInt(from, Layout.ITEM_TYPE));
        org.jnss.natives.Mem.setPointer(to, Layout.ITEM_DATA, org.jnss.natives.Mem.getPointer(from, Layout.ITEM_DATA));
        org.jnss.natives.Mem.setInt(to, Layout.ITEM_LEN, org.jnss.natives.Mem.getInt(from, Layout.ITEM_LEN));
    }

    /**
     * The cipher mechanism of a PBE algorithm and its parameter (e.g. the IV),
     * for the key pbe_key_gen() made; with padded, the padding variant.
     */
    @Python("get_pbe_crypto_mechanism(alg_id, padded=True)")    // python-nss's keyword names
    public Object[] getPbeCryptoMechanism(PK11SymKey symKey, @Python.BoolOnly boolean pad) {
        // the password the key was made from (PKCS #12 and PKCS #5 v1 derive the IV from it)
        byte[] password = symKey.pbePassword();
        int tag = getIdTag();
        if (password == null && tag != NssConstants.SEC_OID_PKCS5_PBES2
                && org.jnss.natives.Nss3.SEC_PKCS5IsAlgorithmPBEAlgTag(tag) != 0)
            throw new org.jnss.error.NSPRError("the key was not made by pbe_key_gen(): no password to derive the IV from",
                    org.jnss.error.ErrorConstants.SEC_ERROR_INVALID_ARGS);    // (NSS would read a NULL password)
        symKey.lease().close();                                               // a closed key raises here
        return withNative(a -> {
            try (Scratch sc = new Scratch()) {
                long[] param = new long[1];
                long pw = password == null ? 0 : sc.item(password);
                long mech = org.jnss.natives.Nss3.PK11_GetPBECryptoMechanism(a, param, pw);
                if (mech == SymCipher.CKM_INVALID_MECHANISM) {
                    org.jnss.error.NSPRError e = org.jnss.error.NSPRError.last();
                    if (param[0] != 0) org.jnss.natives.Nss3.SECITEM_FreeItem(param[0], 1);
                    throw e;
                }
                SecItem p = MechParam.adopt(param[0], MechParam.ANY);
                if (pad) mech = org.jnss.natives.Nss3.PK11_GetPadMechanism(mech);
                return new Object[]{mech, p};
            }
        });
    }

    /** The IV a PBE algorithm derives from password. */
    @Python("get_pbe_iv(password, /)")
    public SecItem getPbeIv(byte[] password) {
        int tag = getIdTag();
        boolean v2 = tag == NssConstants.SEC_OID_PKCS5_PBES2 || tag == NssConstants.SEC_OID_PKCS5_PBMAC1
                || tag == NssConstants.SEC_OID_PKCS5_PBKDF2;
        return withNative(a -> {
            if (!v2) {
                // NSS copies an uninitialised item when it cannot make the mechanism's parameter
                // from the algorithm (a crash, or garbage in python-nss): that is an error here
                long param = org.jnss.natives.Nss3.PK11_ParamFromAlgid(a);
                if (param == 0) {
                    org.jnss.error.NSPRError e = org.jnss.error.NSPRError.last();
                    throw e.getErrorCode() != 0 ? e : new org.jnss.error.NSPRError(null,
                            org.jnss.error.ErrorConstants.SEC_ERROR_INVALID_ALGORITHM);
                }
                org.jnss.natives.Nss3.SECITEM_FreeItem(param, 1);
            }
            try (Scratch sc = new Scratch()) {
                long iv = org.jnss.natives.Nss3.PK11_GetPBEIV(a, sc.item(password));
                if (iv == 0) throw org.jnss.error.NSPRError.last();
                try {
                    return new SecItem(Scratch.itemBytes(iv));
                } finally {
                    org.jnss.natives.Nss3.SECITEM_FreeItem(iv, 1);
                }
            }
        });
    }
}
