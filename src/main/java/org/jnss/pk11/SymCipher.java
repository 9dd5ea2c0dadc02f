package org.jnss.pk11;

import org.jnss.core.NativeResource.Lease;
import org.jnss.asn1.Lines;
import org.jnss.asn1.OidNames;
import org.jnss.asn1.Scratch;
import org.jnss.core.KeyError;
import org.jnss.core.NameTable;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nss3;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;
import org.jnss.pki.AlgorithmID;
import org.jnss.pki.PublicKey;
import org.jnss.pki.PyRSAPublicKey;

import java.util.Set;

/**
 * python-nss's symmetric key functions of {@code nss.nss}: importing keys,
 * cipher contexts, mechanism parameters, random data, mechanism and attribute
 * names, PBE v2 algorithm identifiers and public key wrapping.
 */
public final class SymCipher {
    private SymCipher() {}

    /** CKM_INVALID_MECHANISM (0xffffffff) */
    public static final long CKM_INVALID_MECHANISM = 0xffffffffL;
    /** CKK_RSA */
    private static final long CKK_RSA = 0;

    /** python-nss's converter for an optional mechanism parameter: a SecItem or None. */
    static SecItem secParam(Object o) {
        if (o == null || o instanceof SecItem) return (SecItem) o;
        throw new org.jnss.core.ArgumentError("must be nss.nss.SecItem or None, not " + org.jnss.core.PyTypeNames.of(o));
    }

    // ---- keys and contexts ------------------------------------------------

    @Python(value = "import_sym_key(slot, mechanism, origin, operation, key_data, /, *user_data)",
            doc = "import_sym_key(slot, mechanism, origin, operation, key_data, [user_data1, ...]) -> PK11SymKey\n\n"
                    + "A symmetric key for mechanism made from the octets of key_data (a SecItem) on slot,\n"
                    + "for the given operation (CKA_*) and origin (PK11_Origin*).")
    public static PK11SymKey importSymKey(PK11Slot slot, long mechanism, long origin, long operation, SecItem keyData,
                                          Object... userData) {
        long pin = Passwords.pinArgs(userData);
        try {
            try (Lease s = slot.lease()) {
                return MechParam.with(keyData, k ->
                        PK11SymKey.adopt(Nss3.PK11_ImportSymKey(s.handle(), mechanism, (int) origin, operation, k, pin)));
            }
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    @Python(value = "create_context_by_sym_key(mechanism, operation, sym_key, sec_param=None)",
            doc = "create_context_by_sym_key(mechanism, operation, sym_key, sec_param=None) -> PK11Context\n\n"
                    + "A context doing operation (CKA_ENCRYPT, CKA_DECRYPT, ...) with mechanism and sym_key;\n"
                    + "sec_param is the mechanism parameter (e.g. from param_from_iv()) or None.")
    public static PK11Context createContextBySymKey(long mechanism, long operation, PK11SymKey symKey, Object sec) {
        SecItem secParam = secParam(sec);
        // NSS wants an item: None is an empty one (as in python-nss, where CBC without an IV is SEC_ERROR_BAD_DATA)
        SecItem param = secParam != null ? secParam : new SecItem(new byte[0]);
        try (Lease k = symKey.lease()) {
            return MechParam.with(mechanism, param, p -> {
                long cx = Nss3.PK11_CreateContextBySymKey(mechanism, operation, k.handle(), p);
                if (cx == 0) throw NSPRError.last();
                return new PK11Context(cx);
            });
        }
    }

    @Python(value = "pub_wrap_sym_key(mechanism, pub_key, sym_key, /)",
            doc = "pub_wrap_sym_key(mechanism, pub_key, sym_key) -> SecItem\n\n"
                    + "sym_key encrypted with the public key pub_key using mechanism (e.g. CKM_RSA_PKCS).")
    public static SecItem pubWrapSymKey(long mechanism, PublicKey pubKey, PK11SymKey symKey) {
        long pk = nativePublicKey(pubKey);
        try {
            try (Lease s = symKey.lease()) {
                return PK11SymKey.wrapped(item -> Nss3.PK11_PubWrapSymKey(mechanism, pk, s.handle(), item),
                        Nss3.PK11_GetKeyLength(s.handle()));
            }
        } finally {
            Nss3.SECKEY_DestroyPublicKey(pk);
        }
    }

    /** A native SECKEYPublicKey for a key copied to the heap (RSA keys, from their numbers). */
    private static long nativePublicKey(PublicKey key) {
        if (key.getKeyType() != NssConstants.rsaKey)
            throw new NSPRError(null, ErrorConstants.SEC_ERROR_INVALID_ALGORITHM);  // as NSS for a non-RSA key
        PyRSAPublicKey rsa = key.getRsa();
        byte[] der = derSequence(derInteger(rsa.getModulus().toByteArray()),
                derInteger(rsa.getExponent().toByteArray()));
        try (Scratch sc = new Scratch()) {
            long pk = Nss3.SECKEY_ImportDERPublicKey(sc.item(der), CKK_RSA);
            if (pk == 0) throw NSPRError.last();
            return pk;
        }
    }

    private static byte[] derInteger(byte[] unsigned) {
        int i = 0;
        while (i < unsigned.length - 1 && unsigned[i] == 0 && (unsigned[i + 1] & 0x80) == 0) i++;
        byte[] v = java.util.Arrays.copyOfRange(unsigned, i, unsigned.length);
        if (v.length == 0 || (v[0] & 0x80) != 0) {
            byte[] w = new byte[v.length + 1];
            System.arraycopy(v, 0, w, 1, v.length);
            v = w;
        }
        return tlv(0x02, v);
    }

    private static byte[] derSequence(byte[]... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return tlv(0x30, b.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] v) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(tag);
        int n = v.length;
        if (n < 0x80) {
            b.write(n);
        } else {
            int octets = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            b.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) b.write(n >>> (8 * i));
        }
        b.writeBytes(v);
        return b.toByteArray();
    }

    // ---- parameters ------------------------------------------------------------

    @Python(value = "param_from_iv(mechanism, iv=None)",
            doc = "param_from_iv(mechanism, iv=None) -> SecItem\n\n"
                    + "The parameter of mechanism built from the initialization vector iv (a SecItem).")
    public static SecItem paramFromIv(long mechanism, Object ivArg) {
        SecItem iv = secParam(ivArg);
        return MechParam.with(iv, i -> MechParam.adopt(Nss3.PK11_ParamFromIV(mechanism, i), mechanism));
    }

    @Python(value = "param_from_algid(algid, /)",
            doc = "param_from_algid(algid) -> SecItem\n\nThe mechanism parameter an AlgorithmID encodes.")
    public static SecItem paramFromAlgid(AlgorithmID algid) {
        long mech = Nss3.PK11_AlgtagToMechanism(algid.getIdTag());
        return algid.withNative(a -> MechParam.adopt(Nss3.PK11_ParamFromAlgid(a), mech));
    }

    @Python(value = "generate_new_param(mechanism, sym_key=None)",
            doc = "generate_new_param(mechanism, sym_key=None) -> SecItem\n\n"
                    + "A new parameter for mechanism (e.g. with a random IV).")
    public static SecItem generateNewParam(long mechanism, Object key) {
        if (key != null && !(key instanceof PK11SymKey))
            throw new org.jnss.core.ArgumentError("must be nss.nss.PK11SymKey or None, not " + org.jnss.core.PyTypeNames.of(key));
        PK11SymKey symKey = (PK11SymKey) key;
        if (symKey == null) return MechParam.adopt(Nss3.PK11_GenerateNewParam(mechanism, 0), mechanism);
        try (Lease k = symKey.lease()) {
            return MechParam.adopt(Nss3.PK11_GenerateNewParam(mechanism, k.handle()), mechanism);
        }
    }

    @Python(value = "get_iv_length(mechanism, /)", doc = "get_iv_length(mechanism) -> int\n\nThe IV length of mechanism.")
    public static int getIvLength(long mechanism) {
        return Nss3.PK11_GetIVLength(mechanism);
    }

    @Python(value = "get_block_size(mechanism, sec_param=None)",
            doc = "get_block_size(mechanism, sec_param=None) -> int\n\nThe block size of mechanism.")
    public static int getBlockSize(long mechanism, Object sec) {
        SecItem secParam = secParam(sec);
        return MechParam.with(mechanism, secParam, p -> Nss3.PK11_GetBlockSize(mechanism, p));
    }

    @Python(value = "get_pad_mechanism(mechanism, /)",
            doc = "get_pad_mechanism(mechanism) -> int\n\nThe padding variant of mechanism (itself when it has none).")
    public static long getPadMechanism(long mechanism) {
        return Nss3.PK11_GetPadMechanism(mechanism);
    }

    @Python(value = "algtag_to_mechanism(algtag, /)",
            doc = "algtag_to_mechanism(algtag) -> mechanism\n\nThe mechanism of an algorithm's SEC_OID_* tag.")
    public static long algtagToMechanism(long algtag) {
        long m = Nss3.PK11_AlgtagToMechanism((int) algtag);
        // python-nss formats with "%#lx", which CPython's PyString_FromFormat leaves as it is
        if (m == CKM_INVALID_MECHANISM) throw new KeyError("algtag not found: %#lx");
        return m;
    }

    @Python(value = "mechanism_to_algtag(mechanism, /)",
            doc = "mechanism_to_algtag(mechanism) -> algtag\n\nThe SEC_OID_* tag of a mechanism.")
    public static int mechanismToAlgtag(long mechanism) {
        int tag = Nss3.PK11_MechanismToAlgtag(mechanism);
        if (tag == NssConstants.SEC_OID_UNKNOWN) throw new KeyError("mechanism not found: %#lx");
        return tag;
    }

    @Python(value = "generate_random(num_bytes, /)",
            doc = "generate_random(num_bytes) -> string\n\nnum_bytes octets from NSS's random number generator.")
    public static byte[] generateRandom(int numBytes) {
        if (numBytes < 0) throw new IllegalArgumentException("byte count must be non-negative");
        byte[] out = new byte[numBytes];
        if (numBytes > 0 && Nss3.PK11_GenerateRandom(out, numBytes) != 0) throw NSPRError.last();
        return out;
    }

    // ---- PBE v2 -----------------------------------------------------------------

    @Python(value = "create_pbev2_algorithm_id(pbe_alg=SEC_OID_PKCS5_PBKDF2, cipher_alg=SEC_OID_AES_256_CBC, "
            + "prf_alg=SEC_OID_HMAC_SHA1, key_length=0, iterations=100, salt=None)",
            doc = "create_pbev2_algorithm_id(pbe_alg=SEC_OID_PKCS5_PBKDF2, cipher_alg=SEC_OID_AES_256_CBC, "
                    + "prf_alg=SEC_OID_HMAC_SHA1, key_length=0, iterations=100, salt=None) -> AlgorithmID\n\n"
                    + "A PKCS #5 v2 algorithm identifier; the algorithms may be given as tags, names or OIDs;\n"
                    + "without salt NSS makes a random one.")
    public static AlgorithmID createPbev2AlgorithmId(Object pbeAlg, Object cipherAlg, Object prfAlg,
                                                     int keyLength, int iterations, byte[] salt) {
        int pbe = OidNames.tagOf(pbeAlg);
        int cipher = OidNames.tagOf(cipherAlg);
        int prf = OidNames.tagOf(prfAlg);
        return MechParam.with(salt == null ? null : new SecItem(salt), s -> {
            long alg = Nss3.PK11_CreatePBEV2AlgorithmID(pbe, cipher, prf, keyLength, iterations, s);
            if (alg == 0) throw NSPRError.last();
            try {
                return AlgorithmID.fromNative(alg);
            } finally {
                Nss3.SECOID_DestroyAlgorithmID(alg, 1);
            }
        });
    }

    // ---- names ------------------------------------------------------------------

    /**
     * The PKCS #11 mechanism types (CKM_*); where several names share a value,
     * python-nss names it by the one it registers last, which the preferred set lists.
     */
    @Python.Lookup(name = "key_mechanism_type_name(mechanism, /)", value = "key_mechanism_type_from_name(name, /)")
    public static final NameTable MECHANISMS = NameTable.fromConstants("PKCS #11 mechanism", NssConstants.class, "CKM_",
            Set.of("CKM_CAST128_KEY_GEN", "CKM_CAST128_ECB", "CKM_CAST128_CBC", "CKM_CAST128_MAC",
                    "CKM_CAST128_MAC_GENERAL", "CKM_CAST128_CBC_PAD", "CKM_PBE_MD5_CAST128_CBC",
                    "CKM_PBE_SHA1_CAST128_CBC", "CKM_EC_KEY_PAIR_GEN"),
            NameTable.Width.UNSIGNED_64, "mechanism name not found", "mechanism name not found");

    /** The PKCS #11 attribute types (CKA_*). */
    @Python.Lookup(name = "pk11_attribute_type_name(type, /)", value = "pk11_attribute_type_from_name(name, /)")
    public static final NameTable ATTRIBUTES = NameTable.fromConstants("PKCS #11 attribute", NssConstants.class, "CKA_",
            Set.of("CKA_SUB_PRIME_BITS", "CKA_EC_PARAMS"),
            NameTable.Width.UNSIGNED_64, "attribute type name not found", "attribute name not found");

    /** "CKM_NAME (0xhex)", as python-nss labels a mechanism in format_lines(). */
    static String mechanismText(long mechanism) {
        return MECHANISMS.name(mechanism) + " (0x" + Long.toHexString(mechanism) + ")";
    }

    // ---- slot description within PK11SymKey.format_lines() -------------------------

    /** The slot's description, as python-nss's PK11Slot.format_lines() gives it. */
    static void slotLines(Lines l, PK11Slot slot, int level) {
        l.addAll(slot.lines(level));
    }
}
