package org.jnss.nss;

import org.jnss.core.ArgumentError;
import org.jnss.core.Py;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * python-nss's {@code nss.nss} module: initialisation and shutdown, digests,
 * data helpers and OIDs. Every function is a plain static Java method, usable
 * from JShell; the {@link Py} annotations give the Python names and signatures.
 */
@Py.Module(value = "nss.nss", types = {SecItem.class, PK11Context.class, PK11Slot.class, InitParameters.class, InitContext.class,
        CertDB.class, Certificate.class, AVA.class, RDN.class, DN.class, AlgorithmID.class, SignedData.class,
        CertificateExtension.class},
        doc = "NSS cryptography, certificates and PKI (python-nss compatible, on the JVM)")
public final class Nss implements NssConstants {
    private Nss() {}

    /** Default separator of the hex formatting functions. */
    @Py("HEX_SEPARATOR_DEFAULT")
    public static final String HEX_SEPARATOR_DEFAULT = ":";

    // ---- initialisation -------------------------------------------------

    private static void check(int rv) {
        if (rv != 0) throw NSPRError.last();
    }

    @Py("nss_init(cert_dir)")
    public static void nssInit(String certDir) {
        check(Nss3.NSS_Init(certDir));
        NssRuntime.afterInit(true, null);
    }

    @Py("nss_init_read_write(cert_dir)")
    public static void nssInitReadWrite(String certDir) {
        check(Nss3.NSS_InitReadWrite(certDir));
        NssRuntime.afterInit(true, null);
    }

    @Py("nss_init_nodb()")
    public static void nssInitNodb() {
        check(Nss3.NSS_NoDB_Init(null));
        NssRuntime.afterInit(true, null);
    }

    @Py("nss_initialize(cert_dir=None, cert_prefix=None, key_prefix=None, secmod_name=None, flags=0)")
    public static void nssInitialize(String certDir, String certPrefix, String keyPrefix, String secmodName, int flags) {
        check(Nss3.NSS_Initialize(certDir == null ? "" : certDir, certPrefix == null ? "" : certPrefix,
                keyPrefix == null ? "" : keyPrefix, secmodName == null ? "secmod.db" : secmodName, flags));
        NssRuntime.afterInit(true, null);
    }

    @Py("nss_init_context(cert_dir=None, cert_prefix=None, key_prefix=None, secmod_name=None, init_params=None, flags=0)")
    public static InitContext nssInitContext(String certDir, String certPrefix, String keyPrefix, String secmodName,
                                             InitParameters initParams, int flags) {
        long params = initParams == null ? 0 : initParams.toNative();
        try {
            long ctx = Nss3.NSS_InitContext(certDir == null ? "" : certDir, certPrefix == null ? "" : certPrefix,
                    keyPrefix == null ? "" : keyPrefix, secmodName == null ? "secmod.db" : secmodName, params, flags);
            if (ctx == 0) throw NSPRError.last();
            InitContext c = new InitContext(ctx);
            NssRuntime.afterInit(false, c);
            return c;
        } finally {
            InitParameters.freeNative(params);
        }
    }

    @Py("nss_shutdown()")
    public static void nssShutdown() {
        NssRuntime.shutdown();
    }

    @Py("nss_shutdown_context(context)")
    public static void nssShutdownContext(InitContext context) {
        if (context == null) throw new ArgumentError("nss_shutdown_context() argument 1 must be nss.nss.InitContext, not None");
        context.shutdown();
    }

    @Py("nss_is_initialized()")
    public static boolean nssIsInitialized() {
        return NssRuntime.isInitialized();
    }

    @Py("nss_get_version()")
    public static String nssGetVersion() {
        return Nss3.NSS_GetVersion();
    }

    @Py("nss_version_check(version)")
    public static boolean nssVersionCheck(String version) {
        if (version == null) throw new ArgumentError("nss_version_check() argument 1 must be str, not None");
        return Nss3.NSS_VersionCheck(version) != 0;
    }

    @Py("set_shutdown_callback(callback, *user_data)")
    public static void setShutdownCallback(NssRuntime.ShutdownCallback callback, Object... userData) {
        NssRuntime.setShutdownCallback(callback, userData);
    }

    @Py("set_password_callback(callback)")
    public static void setPasswordCallback(Passwords.PasswordCallback callback) {
        Passwords.setCallback(callback);
    }

    private static final String[][] INIT_FLAGS = {
            {"NSS_INIT_READONLY", "Read Only"}, {"NSS_INIT_NOCERTDB", "No Certificate Database"},
            {"NSS_INIT_NOMODDB", "No Module Database"}, {"NSS_INIT_FORCEOPEN", "Force Open"},
            {"NSS_INIT_NOROOTINIT", "No Root Init"}, {"NSS_INIT_OPTIMIZESPACE", "Optimize Space"},
            {"NSS_INIT_PK11THREADSAFE", "PK11 Thread Safe"}, {"NSS_INIT_PK11RELOAD", "PK11 Reload"},
            {"NSS_INIT_NOPK11FINALIZE", "No PK11 Finalize"}, {"NSS_INIT_RESERVED", "Reserved"},
    };

    /** The names (or values, per repr_kind) of the NSS_INIT_* bits set in flags. */
    @Py("nss_init_flags(flags, repr_kind=AsEnumName)")
    public static List<Object> nssInitFlags(int flags, int reprKind) {
        List<Object> out = new ArrayList<>();
        for (String[] f : INIT_FLAGS) {
            int bit = constant(f[0]);
            if ((flags & bit) == 0) continue;
            switch (reprKind) {
                case AsEnum -> out.add(bit);
                case AsEnumName -> out.add(f[0]);
                case AsEnumDescription -> out.add(f[1]);
                default -> throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
            }
            flags &= ~bit;
        }
        if (flags != 0 && reprKind != AsEnum) out.add(String.format("unknown bit flags %#x", flags));
        return out;
    }

    // ---- digests ---------------------------------------------------------

    private static byte[] digest(int oid, byte[] data) {
        NssRuntime.requireInitialized();
        int len = Nss3.HASH_ResultLenByOidTag(oid);
        if (len <= 0) {
            int err = org.jnss.natives.Nspr4.PR_GetError();
            throw new NSPRError("unable to determine resulting hash length for hash_alg = " + oidDescription(oid), err);
        }
        byte[] out = new byte[len];
        if (Nss3.PK11_HashBuf(oid, out, data, data.length) != 0) throw NSPRError.last();
        return out;
    }

    @Py("md5_digest(data)")
    public static byte[] md5Digest(byte[] data) { return digest(SEC_OID_MD5, data); }

    @Py("sha1_digest(data)")
    public static byte[] sha1Digest(byte[] data) { return digest(SEC_OID_SHA1, data); }

    @Py("sha256_digest(data)")
    public static byte[] sha256Digest(byte[] data) { return digest(SEC_OID_SHA256, data); }

    @Py("sha512_digest(data)")
    public static byte[] sha512Digest(byte[] data) { return digest(SEC_OID_SHA512, data); }

    @Py("hash_buf(hash_alg, data)")
    public static byte[] hashBuf(int hashAlg, byte[] data) { return digest(hashAlg, data); }

    @Py("create_digest_context(hash_alg)")
    public static PK11Context createDigestContext(int hashAlg) {
        NssRuntime.requireInitialized();
        long cx = Nss3.PK11_CreateDigestContext(hashAlg);
        if (cx == 0) throw NSPRError.last();
        return new PK11Context(cx);
    }

    // ---- data helpers ----------------------------------------------------

    @Py("data_to_hex(data, octets_per_line=0, separator=':')")
    public static Object dataToHex(byte[] data, int octetsPerLine, String separator) {
        return Codec.dataToHex(data, octetsPerLine, separator);
    }

    @Py("read_hex(input, separators=' ,:\\t\\n')")
    public static byte[] readHex(String input, String separators) {
        return Codec.readHex(input, separators);
    }

    @Py("base64_to_binary(text)")
    public static SecItem base64ToBinary(String text) {
        return new SecItem(Codec.base64ToBinary(text));
    }

    // ---- OIDs ------------------------------------------------------------

    private static volatile Map<Integer, String> tagNames;
    private static volatile Map<String, Integer> nameTags;

    private static void loadTagNames() {
        if (tagNames != null) return;
        Map<Integer, String> byTag = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        for (Field f : NssConstants.class.getFields()) {
            if (!f.getName().startsWith("SEC_OID_") || f.getType() != int.class || !Modifier.isStatic(f.getModifiers())) continue;
            try {
                int v = f.getInt(null);
                byTag.putIfAbsent(v, f.getName());
                byName.put(f.getName(), v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        nameTags = byName;
        tagNames = byTag;
    }

    private static int constant(String name) {
        try {
            return NssConstants.class.getField(name).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SECOidData* for a tag, or 0. Layout: SECItem oid (24), tag at 24, desc at 32. */
    private static long oidData(int tag) {
        NssRuntime.requireInitialized();
        return Nss3.SECOID_FindOIDByTag(tag);
    }

    static String oidDescription(int tag) {
        long d = oidData(tag);
        if (d == 0) return String.format("unknown(%#x)", tag);
        return Mem.cString(Mem.getPointer(d, 32));
    }

    /**
     * The SECOidTag of an OID given as a tag (int), a name ("SHA256",
     * "SEC_OID_SHA256", any case), a dotted decimal string (optionally prefixed
     * "OID.") or a SecItem holding the encoded OID.
     */
    public static int oidToTag(Object oid) {
        if (oid instanceof Integer i) return i;
        if (oid instanceof Long l) return (int) (long) l;
        if (oid instanceof SecItem item) return tagOfEncoded(item.toByteArray());
        if (oid instanceof String s) {
            String t = s.trim();
            String dotted = t.regionMatches(true, 0, "OID.", 0, 4) ? t.substring(4) : t;
            if (dotted.matches("\\d+(\\.\\d+)+")) {
                int tag = tagOfEncoded(Oids.encode(dotted));
                if (tag == SEC_OID_UNKNOWN) throw new IllegalArgumentException("unable to convert to known OID");
                return tag;
            }
            loadTagNames();
            String upper = t.toUpperCase(Locale.ROOT);
            Integer tag = nameTags.get(upper.startsWith("SEC_OID_") ? upper : "SEC_OID_" + upper);
            if (tag == null) throw new java.util.NoSuchElementException("oid tag name not found: " + t);
            return tag;
        }
        throw new ArgumentError("oid must be a string, an integer, or a SecItem, not "
                + (oid == null ? "None" : org.jnss.core.PyTypeNames.of(oid)));
    }

    private static int tagOfEncoded(byte[] der) {
        NssRuntime.requireInitialized();
        byte[] body = Der.isTagged(der, 0x06) ? Der.contents(der) : der;
        long item = new SecItem(body).toNative();
        try {
            return Nss3.SECOID_FindOIDTag(item);
        } finally {
            SecItem.freeNative(item);
        }
    }

    private static long requireOidData(int tag) {
        long d = oidData(tag);
        if (d == 0) throw new NSPRError(null, ErrorConstants.SEC_ERROR_UNRECOGNIZED_OID);
        return d;
    }

    @Py("oid_str(oid)")
    public static String oidStr(Object oid) {
        long d = requireOidData(oidToTag(oid));
        return Mem.cString(Mem.getPointer(d, 32));
    }

    @Py("oid_tag(oid)")
    public static int oidTag(Object oid) {
        return oidToTag(oid);
    }

    @Py("oid_tag_name(oid)")
    public static String oidTagName(Object oid) {
        int tag = oidToTag(oid);
        requireOidData(tag);
        loadTagNames();
        String n = tagNames.get(tag);
        return n != null ? n : String.format("unknown(%#x)", tag);
    }

    @Py("oid_dotted_decimal(oid)")
    public static String oidDottedDecimal(Object oid) {
        long d = requireOidData(oidToTag(oid));
        return "OID." + Oids.decode(SecItem.readNative(d));
    }

    // ---- certificates (Pki) ------------------------------------------------

    /** The default certificate database, None before NSS is initialized. */
    @Py("get_default_certdb()")
    public static CertDB getDefaultCertdb() {
        return CertDB.getDefault();
    }

    /**
     * The contents of a file as a SecItem; with ascii, the file is PEM or base64
     * text and the result its decoded DER.
     */
    @Py("read_der_from_file(file, ascii=False)")
    public static SecItem readDerFromFile(Object file, boolean ascii) {
        return Pki.readDerFromFile(file, ascii);
    }
}
