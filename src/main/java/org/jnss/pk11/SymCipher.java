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
import org.jnss.natives.Mem;
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

    /**
     * Idle native contexts made by PK11_CreateContextBySymKey whose last
     * operation completed, with their recipe (mechanism, operation, key,
     * parameter), oldest first, at most {@value #IDLE_MAX}, all of NSS session
     * {@link #idleSession}: given back by a dropped or parked
     * {@link PK11Context}, taken (and begun again) by the next
     * create_context_by_sym_key() of the same recipe instead of a new context.
     * Each keeps its key alive in NSS (the context holds it) and its parameter
     * object (NSS's copy of a parameter may point into it). Emptied before
     * every shutdown call.
     */
    private static final int IDLE_MAX = 64;
    private static final java.util.ArrayDeque<Idle> IDLE = new java.util.ArrayDeque<>();

    /** An idle native context and its recipe (one object per entry: no boxed numbers). */
    private record Idle(long cx, long mechanism, long operation, long key, SecItem param) {}
    private static int idleSession;
    static {
        org.jnss.nss.NssRuntime.beforeShutdown(SymCipher::releaseIdle);
    }

    /** The same recipe: the same parameter object, or equal plain (not NSS-made) parameter data. */
    private static boolean sameParam(SecItem a, SecItem b) {
        if (a == b) return true;
        return a.mechParam() == null && b.mechParam() == null && java.util.Arrays.equals(a.toByteArray(), b.toByteArray());
    }

    /** An idle context for the recipe (its own parameter object with it), or null. */
    private static Idle takeIdle(long mechanism, long operation, long key, SecItem param) {
        synchronized (IDLE) {
            if (idleSession != org.jnss.nss.NssRuntime.session()) return null;
            for (java.util.Iterator<Idle> it = IDLE.descendingIterator(); it.hasNext(); ) {
                Idle e = it.next();
                if (e.mechanism == mechanism && e.operation == operation && e.key == key && sameParam(e.param, param)) {
                    it.remove();
                    return e;
                }
            }
            return null;
        }
    }

    /**
     * Gives back a context whose last operation completed, made in NSS session
     * {@code session}: kept for reuse (the oldest is destroyed beyond the
     * limit). One of an ended session is left alone (it went with NSS).
     */
    static void giveIdle(long cx, long mechanism, long operation, long key, SecItem param, int session) {
        long evicted = 0;
        synchronized (IDLE) {
            if (session != org.jnss.nss.NssRuntime.session()) return;
            if (idleSession != session) {
                IDLE.clear();                              // contexts of an ended session: gone with it
                idleSession = session;
            }
            IDLE.addLast(new Idle(cx, mechanism, operation, key, param));
            if (IDLE.size() > IDLE_MAX) evicted = IDLE.removeFirst().cx;
            if (evicted != 0) Nss3.PK11_DestroyContext(evicted, 1);
        }
    }

    /** Destroys the idle contexts (before a shutdown call, NSS still up). */
    private static void releaseIdle() {
        synchronized (IDLE) {
            if (idleSession == org.jnss.nss.NssRuntime.session()) {
                for (Idle e : IDLE) Nss3.PK11_DestroyContext(e.cx, 1);
            }
            IDLE.clear();
        }
    }

    /** CKM_INVALID_MECHANISM (0xffffffff): no mechanism, as NSS reports a failed lookup. */
    public static final long CKM_INVALID_MECHANISM = 0xffffffffL;
    /** CKK_RSA */
    private static final long CKK_RSA = 0;

    /** python-nss's converter for an optional mechanism parameter: a SecItem or None. */
    static SecItem secParam(Object o) {
        if (o == null || o instanceof SecItem) return (SecItem) o;
        throw new org.jnss.core.ArgumentError("must be nss.nss.SecItem or None, not " + org.jnss.core.PyTypeNames.of(o));
    }

    // ---- keys and contexts ------------------------------------------------

    /**
     * Makes a symmetric key on a slot from raw key octets ({@code PK11_ImportSymKey}).
     *
     * @param slot      the slot that will hold the key (e.g. {@code get_best_slot(mechanism)})
     * @param mechanism the mechanism the key is for, a CKM_* constant
     * @param origin    how the key came about, a PK11_Origin* constant (e.g. PK11_OriginUnwrap)
     * @param operation what the key will do, a CKA_* constant (CKA_ENCRYPT, CKA_DECRYPT,
     *                  CKA_SIGN, ...)
     * @param keyData   the key octets
     * @param userData  extra arguments handed to the password callback
     * @return the new key
     * @throws NSPRError NSS's error when the key cannot be made, or SEC_ERROR_INVALID_ARGS
     *                   when the slot is closed or empty
     */
    @Python("import_sym_key(slot, mechanism, origin, operation, key_data, /, *user_data)")
    public static PK11SymKey importSymKey(PK11Slot slot, @Python.Unsigned long mechanism, @Python.Unsigned long origin, @Python.Unsigned long operation,
                                          SecItem keyData,
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

    /**
     * Makes a context that encrypts, decrypts, signs or verifies with a
     * symmetric key ({@code PK11_CreateContextBySymKey}); feed it with
     * {@link PK11Context#cipherOp} (or {@code digest_op} for MACs) and finish
     * with {@link PK11Context#digestFinal()}.
     *
     * @param mechanism the mechanism, a CKM_* constant (e.g. CKM_AES_CBC_PAD)
     * @param operation what the context does, a CKA_* constant (CKA_ENCRYPT, CKA_DECRYPT,
     *                  CKA_SIGN, CKA_VERIFY)
     * @param symKey    the key
     * @param sec       the mechanism's parameter, e.g. from {@link #paramFromIv}; null
     *                  (None, the default) for none (NSS then gets an empty one: a
     *                  mechanism that needs an IV fails with SEC_ERROR_BAD_DATA)
     * @return the new context
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code sec} is neither a SecItem nor None
     * @throws NSPRError NSS's error when the context cannot be made; SEC_ERROR_INVALID_ARGS
     *                   for a parameter not made by NSS where one must be, or when the key is closed
     */
    @Python("create_context_by_sym_key(mechanism, operation, sym_key, sec_param=None)")
    public static PK11Context createContextBySymKey(@Python.Unsigned long mechanism, @Python.Unsigned long operation, PK11SymKey symKey, Object sec) {
        SecItem secParam = secParam(sec);
        // NSS wants an item: None is an empty one (as in python-nss, where CBC without an IV is SEC_ERROR_BAD_DATA)
        SecItem param = secParam != null ? secParam : new SecItem(new byte[0]);
        try (Lease k = symKey.lease()) {
            Idle idle = takeIdle(mechanism, operation, k.handle(), param);
            if (idle != null) {
                if (Nss3.PK11_DigestBegin(idle.cx) == 0)     // begun with its own parameter, as a new one is
                    return PK11Context.begun(PK11Context.Native.bySymKey(idle.cx, mechanism, operation, k, idle.param));
                Nss3.PK11_DestroyContext(idle.cx, 1);
            }
            return MechParam.with(mechanism, param, p -> {
                long cx = Nss3.PK11_CreateContextBySymKey(mechanism, operation, k.handle(), p);
                if (cx == 0) throw NSPRError.last();
                return PK11Context.begun(PK11Context.Native.bySymKey(cx, mechanism, operation, k, param));
            });
        }
    }

    /**
     * Wraps (encrypts) a symmetric key with a public key ({@code PK11_PubWrapSymKey}),
     * e.g. to send it to the key's owner; only RSA keys can do this.
     *
     * @param mechanism the wrapping mechanism, e.g. CKM_RSA_PKCS
     * @param pubKey    the public key to wrap with
     * @param symKey    the key to wrap
     * @return the wrapped key
     * @throws NSPRError SEC_ERROR_INVALID_ALGORITHM when the public key is not RSA; NSS's
     *                   error when the key cannot be wrapped
     */
    @Python("pub_wrap_sym_key(mechanism, pub_key, sym_key, /)")
    public static SecItem pubWrapSymKey(@Python.Unsigned long mechanism, PublicKey pubKey, PK11SymKey symKey) {
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

    /**
     * Builds the parameter of a mechanism from an initialization vector
     * ({@code PK11_ParamFromIV}), for {@link #createContextBySymKey}.
     *
     * @param mechanism the mechanism, a CKM_* constant
     * @param ivArg     the IV, a SecItem; null (None, the default) or an empty SecItem
     *                  when the mechanism has none
     * @return the parameter, as NSS made it
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code ivArg} is neither a SecItem nor None
     * @throws NSPRError NSS's error when it cannot build the parameter
     */
    @Python("param_from_iv(mechanism, iv=None)")
    public static SecItem paramFromIv(@Python.Unsigned long mechanism, Object ivArg) {
        SecItem iv = secParam(ivArg);
        return MechParam.with(iv, i -> MechParam.adopt(Nss3.PK11_ParamFromIV(mechanism, i), mechanism));
    }

    /**
     * Extracts the mechanism parameter an algorithm identifier carries
     * ({@code PK11_ParamFromAlgid}), e.g. the IV of an encryption algorithm in
     * an encrypted structure.
     *
     * @param algid the algorithm identifier
     * @return the parameter, as NSS made it
     * @throws NSPRError NSS's error when the algorithm has no parameter NSS understands
     */
    @Python("param_from_algid(algid, /)")
    public static SecItem paramFromAlgid(AlgorithmID algid) {
        long mech = Nss3.PK11_AlgtagToMechanism(algid.getIdTag());
        return algid.withNative(a -> MechParam.adopt(Nss3.PK11_ParamFromAlgid(a), mech));
    }

    /**
     * Makes a fresh parameter for a mechanism ({@code PK11_GenerateNewParam}),
     * e.g. one with a random IV.
     *
     * @param mechanism the mechanism, a CKM_* constant
     * @param key       a PK11SymKey the parameter is for, or null (None, the default)
     * @return the parameter, as NSS made it
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code key} is neither a PK11SymKey nor None
     * @throws NSPRError NSS's error when it cannot make the parameter, or
     *                   SEC_ERROR_INVALID_ARGS when the key is closed
     */
    @Python("generate_new_param(mechanism, sym_key=None)")
    public static SecItem generateNewParam(@Python.Unsigned long mechanism, Object key) {
        if (key != null && !(key instanceof PK11SymKey))
            throw new org.jnss.core.ArgumentError("must be nss.nss.PK11SymKey or None, not " + org.jnss.core.PyTypeNames.of(key));
        PK11SymKey symKey = (PK11SymKey) key;
        if (symKey == null) return MechParam.adopt(Nss3.PK11_GenerateNewParam(mechanism, 0), mechanism);
        try (Lease k = symKey.lease()) {
            return MechParam.adopt(Nss3.PK11_GenerateNewParam(mechanism, k.handle()), mechanism);
        }
    }

    /**
     * The length of a mechanism's initialization vector ({@code PK11_GetIVLength}).
     *
     * @param mechanism a CKM_* constant
     * @return the IV length in octets; 0 for a mechanism without one (ECB modes); NSS
     *         answers 8 for mechanisms it has no entry for, digests included
     */
    @Python("get_iv_length(mechanism, /)")
    public static int getIvLength(@Python.Unsigned long mechanism) {
        return Nss3.PK11_GetIVLength(mechanism);
    }

    /**
     * The block size of a mechanism ({@code PK11_GetBlockSize}).
     *
     * @param mechanism a CKM_* constant
     * @param sec       the mechanism's parameter, a SecItem (some mechanisms, such as RC5,
     *                  take the size from it), or null (None, the default)
     * @return the block size in octets (NSS answers 8 for mechanisms it has no entry for)
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code sec} is neither a SecItem nor None
     */
    @Python("get_block_size(mechanism, sec_param=None)")
    public static int getBlockSize(@Python.Unsigned long mechanism, Object sec) {
        SecItem secParam = secParam(sec);
        return MechParam.with(mechanism, secParam, p -> Nss3.PK11_GetBlockSize(mechanism, p));
    }

    /**
     * The padding variant of a mechanism ({@code PK11_GetPadMechanism}), e.g.
     * CKM_AES_CBC_PAD for CKM_AES_CBC.
     *
     * @param mechanism a CKM_* constant
     * @return the padding mechanism, or {@code mechanism} itself when it has none
     */
    @Python("get_pad_mechanism(mechanism, /)")
    public static long getPadMechanism(@Python.Unsigned long mechanism) {
        return Nss3.PK11_GetPadMechanism(mechanism);
    }

    /**
     * The PKCS #11 mechanism of an algorithm ({@code PK11_AlgtagToMechanism}).
     *
     * @param algtag the algorithm's SEC_OID_* tag
     * @return its CKM_* mechanism
     * @throws KeyError (Python's KeyError) when the tag has no mechanism
     */
    @Python("algtag_to_mechanism(algtag, /)")
    public static long algtagToMechanism(@Python.Unsigned long algtag) {
        long m = Nss3.PK11_AlgtagToMechanism((int) algtag);
        // python-nss formats with "%#lx", which CPython's PyString_FromFormat leaves as it is
        if (m == CKM_INVALID_MECHANISM) throw new KeyError("algtag not found: %#lx");
        return m;
    }

    /**
     * The algorithm tag of a PKCS #11 mechanism ({@code PK11_MechanismToAlgtag}).
     *
     * @param mechanism a CKM_* constant
     * @return its SEC_OID_* tag
     * @throws KeyError (Python's KeyError) when NSS knows no tag for it
     */
    @Python("mechanism_to_algtag(mechanism, /)")
    public static int mechanismToAlgtag(@Python.Unsigned long mechanism) {
        int tag = Nss3.PK11_MechanismToAlgtag(mechanism);
        if (tag == NssConstants.SEC_OID_UNKNOWN) throw new KeyError("mechanism not found: %#lx");
        return tag;
    }

    /** Counts up to this are generated straight into the Java array. */
    private static final int DIRECT_RANDOM = 1 << 20;

    /**
     * Random octets from NSS's random number generator ({@code PK11_GenerateRandom}).
     *
     * @param numBytes how many octets (0 gives an empty string)
     * @return the octets (a str in Python)
     * @throws IllegalArgumentException (Python's ValueError) when {@code numBytes} is negative
     * @throws NSPRError NSS's error when the generator fails (SEC_ERROR_NO_TOKEN before
     *                   NSS is initialized)
     */
    @Python("generate_random(num_bytes, /)")
    public static byte[] generateRandom(int numBytes) {
        if (numBytes < 0) throw new IllegalArgumentException("byte count must be non-negative");
        if (numBytes <= DIRECT_RANDOM) {
            byte[] out = new byte[numBytes];
            if (Nss3.PK11_GenerateRandom(out, numBytes) != 0) throw NSPRError.last();
            return out;
        }
        // NSS may refuse a count this large: ask it before making a Java array of that size
        long buf = Mem.malloc(numBytes);
        try {
            if (Nss3.PK11_GenerateRandom(buf, numBytes) != 0) throw NSPRError.last();
            return Mem.read(buf, 0, numBytes);
        } finally {
            Mem.free(buf);
        }
    }

    // ---- PBE v2 -----------------------------------------------------------------

    /**
     * Makes a PKCS #5 v2 password-based encryption algorithm identifier
     * ({@code PK11_CreatePBEV2AlgorithmID}), for {@link PK11Slot#pbeKeyGen} or
     * PKCS #12 export. The defaults suit most uses. Each algorithm may be given
     * as a SEC_OID_* tag, a name ({@code "SEC_OID_AES_256_CBC"}, the
     * {@code SEC_OID_} prefix optional, case insensitive), a dotted decimal
     * OID ({@code "2.16.840.1.101.3.4.1.42"}, {@code OID.} prefix optional) or a
     * SecItem holding the DER OID.
     *
     * @param pbeAlg     the password-based algorithm (default SEC_OID_PKCS5_PBKDF2)
     * @param cipherAlg  the cipher (default SEC_OID_AES_256_CBC)
     * @param prfAlg     the pseudo-random function (default SEC_OID_HMAC_SHA1)
     * @param keyLength  the derived key's length in octets; 0 (the default) for the
     *                   cipher's longest
     * @param iterations how many times the pseudo-random function runs (default 100)
     * @param salt       the salt octets (a str or buffer in Python), or null (None, the
     *                   default) for a random one
     * @return the algorithm identifier
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when an algorithm is of another type
     * @throws KeyError (Python's KeyError) for an unknown algorithm name
     * @throws IllegalArgumentException (Python's ValueError) for a dotted OID NSS cannot encode
     * @throws NSPRError NSS's error when it cannot make the identifier
     */
    @Python("create_pbev2_algorithm_id(pbe_alg=SEC_OID_PKCS5_PBKDF2, cipher_alg=SEC_OID_AES_256_CBC, "
            + "prf_alg=SEC_OID_HMAC_SHA1, key_length=0, iterations=100, salt=None)")
    public static AlgorithmID createPbev2AlgorithmId(Object pbeAlg, Object cipherAlg, Object prfAlg,
                                                     int keyLength, int iterations, byte[] salt) {
        int pbe = OidNames.anyTagOf(pbeAlg);
        int cipher = OidNames.anyTagOf(cipherAlg);
        int prf = OidNames.anyTagOf(prfAlg);
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
