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

/**
 * An algorithm identifier (SECAlgorithmID), {@code nss.nss.AlgorithmID} in
 * Python: the algorithm's OID and its DER encoded parameters. Read from a
 * certificate ({@link Certificate#getSignatureAlgorithm signature_algorithm}),
 * a public key info or signed data, or made by the PBE algorithm functions
 * (create_pbev2_algorithm_id() and the like) for password-based keys.
 * Immutable copies on the Java heap; nothing to close.
 */
public final class AlgorithmID extends FormattedValue {
    private final byte[] oid;
    private final byte[] parameters;

    AlgorithmID(byte[] oid, byte[] parameters) {
        this.oid = oid;
        this.parameters = parameters;
    }

    /**
     * Copies a native SECAlgorithmID.
     *
     * @param alg the SECAlgorithmID address
     * @return a new AlgorithmID holding copies of its OID and parameters
     */
    public static AlgorithmID fromNative(long alg) {
        return new AlgorithmID(Scratch.itemBytes(alg + Layout.ALG_ALGORITHM), Scratch.itemBytes(alg + Layout.ALG_PARAMETERS));
    }

    /**
     * The algorithm's OID.
     *
     * @return a SecItem holding the OID's contents
     */
    @Python("id_oid")
    public SecItem getIdOid() {
        return new SecItem(oid, 0, SecItem.Kind.ALGORITHM);
    }

    /**
     * The algorithm's SEC_OID_* tag, e.g. SEC_OID_PKCS1_SHA256_WITH_RSA_ENCRYPTION.
     *
     * @return the tag; SEC_OID_UNKNOWN (0) when NSS does not know the OID
     * @throws org.jnss.error.NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Python("id_tag")
    public int getIdTag() {
        NssRuntime.requireInitialized();
        return Oids.tagOf(oid);
    }

    /**
     * The algorithm's description as NSS names it, e.g. "PKCS #1 SHA-256 With
     * RSA Encryption" (the dotted OID when NSS does not know it).
     *
     * @return the text ({@code str} in Python)
     * @throws org.jnss.error.NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Python("id_str")
    public String getIdStr() {
        NssRuntime.requireInitialized();
        return BStr.text(Oids.describe(oid));
    }

    /**
     * The algorithm's parameters, as encoded (empty when absent; a DER NULL
     * for many RSA algorithms).
     *
     * @return a SecItem holding their DER encoding
     */
    @Python("parameters")
    public SecItem getParameters() {
        return new SecItem(parameters, 0, SecItem.Kind.DER);
    }

    /**
     * The algorithm's text: its description, the decoded parameters of PBE and
     * RSA-PSS algorithms, and the raw parameters in hex when there are any
     * besides a DER NULL.
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     * @throws org.jnss.error.NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Override
    public Lines lines(int level) {
        NssRuntime.requireInitialized();
        Lines lines = new Lines();
        PkiFmt.algorithm(lines, level, oid, parameters);
        return lines;
    }

    /**
     * Runs op with a native SECAlgorithmID holding copies of this identifier's
     * fields, valid only during the call.
     *
     * @param <T> the result's type
     * @param op the operation, given the SECAlgorithmID's address
     * @return what op returns
     */
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
     * The cipher mechanism and its parameter (e.g. the IV) for encrypting with
     * a password-based key (PK11_GetPBECryptoMechanism): what
     * create_context_by_sym_key() needs to use the key that
     * PK11Slot.pbe_key_gen() made from this algorithm identifier.
     *
     * @param symKey the key pbe_key_gen() made with this algorithm identifier
     *        (named alg_id in Python, as python-nss names it)
     * @param pad true for the padding variant of a block cipher mechanism
     *        (get_pad_mechanism()), so input need not be a multiple of the
     *        block size; must be a bool in Python (True when omitted)
     * @return {mechanism, params}: the CKM_* mechanism (a Long) and its
     *         parameter as a SecItem (a tuple in Python)
     * @throws org.jnss.error.NSPRError SEC_ERROR_INVALID_ARGS when the key was not made by
     *         pbe_key_gen() (no password to derive the IV from); NSS's error
     *         when it has no mechanism for the algorithm; the closed-key error
     *         for a closed key
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

    /**
     * The initialization vector a PBE algorithm derives from a password
     * (PK11_GetPBEIV), as the cipher of a key made with pbe_key_gen() uses it.
     *
     * @param password the password the key was made from (a str in Python)
     * @return the IV as a SecItem
     * @throws org.jnss.error.NSPRError when NSS cannot derive one for this algorithm (e.g.
     *         SEC_ERROR_INVALID_ALGORITHM)
     */
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
