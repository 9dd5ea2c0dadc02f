package org.jnss.nss;

import org.jnss.asn1.Codec;
import org.jnss.asn1.LineFormat;
import org.jnss.asn1.Oids;
import org.jnss.core.ArgumentError;
import org.jnss.core.NotFoundError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.core.WorkingDirectory;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nspr4;
import org.jnss.natives.Nss3;
import org.jnss.pk11.Bulk;
import org.jnss.pk11.PK11Context;
import org.jnss.pk11.PK11Slot;
import org.jnss.pk11.PK11SymKey;
import org.jnss.pk11.Passwords;
import org.jnss.pk11.Pk11Slots;
import org.jnss.pk11.PrivateKey;
import org.jnss.pk11.RSAGenParams;
import org.jnss.pk11.SymCipher;
import org.jnss.pkcs12.PKCS12DecodeItem;
import org.jnss.pkcs12.PKCS12Decoder;
import org.jnss.pkcs12.Pkcs12;
import org.jnss.pki.AVA;
import org.jnss.pki.AlgorithmID;
import org.jnss.pki.AuthKeyID;
import org.jnss.pki.AuthorityInfoAccess;
import org.jnss.pki.AuthorityInfoAccesses;
import org.jnss.pki.BasicConstraints;
import org.jnss.pki.CRLDistributionPoint;
import org.jnss.pki.CRLDistributionPts;
import org.jnss.pki.CertAttribute;
import org.jnss.pki.CertDB;
import org.jnss.pki.CertVerify;
import org.jnss.pki.CertVerifyLog;
import org.jnss.pki.CertVerifyLogNode;
import org.jnss.pki.Certificate;
import org.jnss.pki.CertificateExtension;
import org.jnss.pki.CertificateRequest;
import org.jnss.pki.DN;
import org.jnss.pki.GeneralName;
import org.jnss.pki.KEYPQGParams;
import org.jnss.pki.OcspSettings;
import org.jnss.pki.Pki;
import org.jnss.pki.PkiFlags;
import org.jnss.pki.PublicKey;
import org.jnss.pki.PyDSAPublicKey;
import org.jnss.pki.PyRSAPublicKey;
import org.jnss.pki.RDN;
import org.jnss.pki.SignedCRL;
import org.jnss.pki.SignedData;
import org.jnss.pki.SubjectPublicKeyInfo;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * python-nss's {@code nss.nss} module: initialisation and shutdown, digests,
 * data helpers and OIDs. Every function is a plain static Java method, usable
 * from JShell; the {@link Python} annotations give the Python names and signatures.
 */
@Python.Module(value = "nss.nss", types = {SecItem.class, PK11Context.class, PK11Slot.class, InitParameters.class, InitContext.class,
        CertDB.class, Certificate.class, AVA.class, RDN.class, DN.class, AlgorithmID.class, SignedData.class,
        CertificateExtension.class, GeneralName.class, BasicConstraints.class, AuthKeyID.class,
        CRLDistributionPoint.class, CRLDistributionPts.class, AuthorityInfoAccess.class, AuthorityInfoAccesses.class,
        CertificateRequest.class, CertAttribute.class, SignedCRL.class,
        CertVerifyLog.class, CertVerifyLogNode.class, PrivateKey.class,
        SubjectPublicKeyInfo.class, PublicKey.class, PyRSAPublicKey.class, PyDSAPublicKey.class, KEYPQGParams.class,
        PK11SymKey.class, RSAGenParams.class, PKCS12Decoder.class, PKCS12DecodeItem.class},
        functions = {SymCipher.class, Pk11Slots.class, Pkcs12.class},
        doc = "NSS cryptography, certificates and PKI (python-nss compatible, on the JVM)")
public final class Nss implements NssConstants {
    private Nss() {}

    /** Default separator of the hex formatting functions. */
    @Python("HEX_SEPARATOR_DEFAULT")
    public static final String HEX_SEPARATOR_DEFAULT = ":";

    // ---- initialisation -------------------------------------------------

    private static void check(int rv) {
        if (rv != 0) throw NSPRError.last();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Python("nss_init(cert_dir, /)")
    public static void nssInit(String certDir) {
        NssRuntime.init(true, () -> { check(Nss3.NSS_Init(WorkingDirectory.resolveDatabase(certDir))); return null; });
    }

    @Python("nss_init_read_write(cert_dir, /)")
    public static void nssInitReadWrite(String certDir) {
        NssRuntime.init(true, () -> { check(Nss3.NSS_InitReadWrite(WorkingDirectory.resolveDatabase(certDir))); return null; });
    }

    @Python("nss_init_nodb()")
    public static void nssInitNodb() {
        NssRuntime.init(true, () -> { check(Nss3.NSS_NoDB_Init(null)); return null; });
    }

    /**
     * The configuration directory NSS gets. python-nss passes NULL for None;
     * NSS_Initialize then crashes looking for root certificates in it unless
     * the module database, the certificate database or the root-certificate
     * lookup is off (NSS_INIT_NOMODDB, NSS_INIT_NOCERTDB, NSS_INIT_NOROOTINIT):
     * here that is an NSPRError instead. NSS_InitContext never looks for them
     * (a context with no directory works, as in python-nss).
     */
    private static String configDir(String certDir, int flags, boolean context) {
        if (certDir != null) return WorkingDirectory.resolveDatabase(certDir);
        if (context) return null;
        if ((flags & (NSS_INIT_NOMODDB | NSS_INIT_NOCERTDB | NSS_INIT_NOROOTINIT)) == 0)
            throw new NSPRError("cert_dir is required unless flags include NSS_INIT_NOMODDB, NSS_INIT_NOCERTDB "
                    + "or NSS_INIT_NOROOTINIT", ErrorConstants.SEC_ERROR_INVALID_ARGS);
        return "";
    }

    /** NSS_Initialize; omitted prefixes are empty, the module database defaults to "secmod.db". */
    @Python("nss_initialize(cert_dir=None, cert_prefix=None, key_prefix=None, secmod_name=None, flags=0)")
    public static void nssInitialize(String certDir, String certPrefix, String keyPrefix, String secmodName, int flags) {
        String dir = configDir(certDir, flags, false);
        NssRuntime.init(true, () -> {
            check(Nss3.NSS_Initialize(dir, orEmpty(certPrefix), orEmpty(keyPrefix),
                    secmodName == null ? "secmod.db" : secmodName, flags));
            return null;
        });
    }

    @Python("nss_init_context(cert_dir=None, cert_prefix=None, key_prefix=None, secmod_name=None, init_params=None, flags=0)")
    public static InitContext nssInitContext(String certDir, String certPrefix, String keyPrefix, String secmodName,
                                             InitParameters initParams, int flags) {
        String dir = configDir(certDir, flags, true);
        return NssRuntime.init(false, () -> {
            long params = initParams == null ? 0 : initParams.toNative();
            try {
                long ctx = Nss3.NSS_InitContext(dir, orEmpty(certPrefix), orEmpty(keyPrefix),
                        secmodName == null ? "secmod.db" : secmodName, params, flags);
                if (ctx == 0) throw NSPRError.last();
                return new InitContext(ctx);
            } finally {
                InitParameters.freeNative(params);
            }
        });
    }

    @Python("nss_shutdown()")
    public static void nssShutdown() {
        NssRuntime.shutdown();
    }

    @Python("nss_shutdown_context(context, /)")
    public static void nssShutdownContext(InitContext context) {
        context.shutdown();
    }

    @Python("nss_is_initialized()")
    public static boolean nssIsInitialized() {
        return NssRuntime.isInitialized();
    }

    @Python("nss_get_version()")
    public static String nssGetVersion() {
        String v = Nss3.NSS_GetVersion();
        if (v == null) throw NSPRError.last();
        return v;
    }

    @Python("nss_version_check(version, /)")
    public static boolean nssVersionCheck(String version) {
        return Nss3.NSS_VersionCheck(version) != 0;
    }

    /** callback(nss_data_dict, *user_data) is called when NSS shuts down; None cancels it. */
    @Python("set_shutdown_callback(callback, /, *user_data)")
    public static void setShutdownCallback(@Python.OrNone NssRuntime.ShutdownCallback callback, Object... userData) {
        NssRuntime.setShutdownCallback(callback, userData);
    }

    @Python("set_password_callback(callback, /)")
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

    /**
     * The NSS_INIT_* bits set in flags as a sorted list of their values,
     * names or descriptions (per repr_kind), plus "unknown bit flags N" (N in
     * hex, as Python 2 formats python-nss's message) for bits without a name.
     * (python-nss 1.0.1 fails with SystemError here; this is what its
     * documentation describes.)
     */
    @Python("nss_init_flags(flags, repr_kind=AsEnumName)")
    public static List<Object> nssInitFlags(int flags, int reprKind) {
        PkiFlags.Flag[] table = new PkiFlags.Flag[INIT_FLAGS.length];
        for (int i = 0; i < table.length; i++)
            table[i] = new PkiFlags.Flag(constant(INIT_FLAGS[i][0]), INIT_FLAGS[i][0], INIT_FLAGS[i][1]);
        return PkiFlags.flags(table, flags, reprKind);
    }

    // ---- digests ---------------------------------------------------------

    /** Before NSS is initialised python-nss's digests fail with SEC_ERROR_NO_MODULE (no token can hash). */
    private static void requireToken() {
        if (!NssRuntime.isInitialized()) throw new NSPRError(null, ErrorConstants.SEC_ERROR_NO_MODULE);
    }

    /** Result lengths of hash algorithms by tag (constant per tag): saves a native call per digest. */
    private static final java.util.concurrent.ConcurrentHashMap<Integer, Integer> HASH_LENGTHS = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] digest(int oid, ByteBuffer data) {
        requireToken();
        Integer known = HASH_LENGTHS.get(oid);
        int len = known != null ? known : Nss3.HASH_ResultLenByOidTag(oid);
        if (len <= 0) {
            // as python-nss: the error is read after looking up the description (which may set it)
            String text = oidTagText(oid);
            throw NSPRError.last("unable to determine resulting hash length for hash_alg = " + text);
        }
        if (known == null) HASH_LENGTHS.put(oid, len);
        byte[] out = new byte[len];
        if (data.remaining() <= Bulk.CHUNK) {
            // one chunk: hashed in one call from the native scratch buffer
            if (!Bulk.feed(data, (ptr, n) -> Nss3.PK11_HashBuf(oid, out, ptr, n))) throw NSPRError.last();
            return out;
        }
        // large input: one digest context fed chunk by chunk (same result as PK11_HashBuf)
        long cx = Nss3.PK11_CreateDigestContext(oid);
        if (cx == 0) throw NSPRError.last();
        try {
            if (Nss3.PK11_DigestBegin(cx) != 0
                    || !Bulk.feed(data, (ptr, n) -> Nss3.PK11_DigestOp(cx, ptr, n))) throw NSPRError.last();
            int[] outLen = new int[1];
            if (Nss3.PK11_DigestFinal(cx, out, outLen, out.length) != 0) throw NSPRError.last();
            return out;
        } finally {
            Nss3.PK11_DestroyContext(cx, 1);
        }
    }

    @Python("md5_digest(data, /)")
    public static byte[] md5Digest(ByteBuffer data) { return digest(SEC_OID_MD5, data); }

    public static byte[] md5Digest(byte[] data) { return md5Digest(ByteBuffer.wrap(data)); }

    @Python("sha1_digest(data, /)")
    public static byte[] sha1Digest(ByteBuffer data) { return digest(SEC_OID_SHA1, data); }

    public static byte[] sha1Digest(byte[] data) { return sha1Digest(ByteBuffer.wrap(data)); }

    @Python("sha256_digest(data, /)")
    public static byte[] sha256Digest(ByteBuffer data) { return digest(SEC_OID_SHA256, data); }

    public static byte[] sha256Digest(byte[] data) { return sha256Digest(ByteBuffer.wrap(data)); }

    @Python("sha512_digest(data, /)")
    public static byte[] sha512Digest(ByteBuffer data) { return digest(SEC_OID_SHA512, data); }

    public static byte[] sha512Digest(byte[] data) { return sha512Digest(ByteBuffer.wrap(data)); }

    @Python("hash_buf(hash_alg, data, /)")
    public static byte[] hashBuf(int hashAlg, ByteBuffer data) { return digest(hashAlg, data); }

    public static byte[] hashBuf(int hashAlg, byte[] data) { return hashBuf(hashAlg, ByteBuffer.wrap(data)); }

    @Python("create_digest_context(hash_alg, /)")
    public static PK11Context createDigestContext(int hashAlg) {
        requireToken();
        long cx = Nss3.PK11_CreateDigestContext(hashAlg);
        if (cx == 0) throw NSPRError.last();
        return new PK11Context(cx);
    }

    // ---- data helpers ----------------------------------------------------

    @Python("data_to_hex(data, octets_per_line=0, separator=':')")
    public static Object dataToHex(byte[] data, int octetsPerLine, @Python.OrNone String separator) {
        return Codec.dataToHex(data, octetsPerLine, separator);
    }

    @Python("read_hex(input, separators=' ,:\\t\\n')")
    public static byte[] readHex(String input, String separators) {
        return Codec.readHex(input, separators);
    }

    @Python("base64_to_binary(text)")
    public static SecItem base64ToBinary(String text) {
        return new SecItem(Codec.base64ToBinary(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0,
                SecItem.Kind.DER);
    }

    // ---- OIDs ------------------------------------------------------------

    /** Lower-case SEC_OID_* names, with and without the prefix, to tags; tags to names. */
    private static volatile Map<String, Integer> nameTags;
    private static volatile Map<Integer, String> tagNames;

    /**
     * Where several SEC_OID_* names share a tag, python-nss reports the one it
     * registered last; these are those names.
     */
    private static final List<String> PREFERRED_ALIASES = List.of(
            "SEC_OID_PKCS12_KEY_USAGE", "SEC_OID_ANSIX962_ECDSA_SIGNATURE_WITH_SHA1_DIGEST",
            "SEC_OID_SECG_EC_SECP192R1", "SEC_OID_SECG_EC_SECP256R1");

    private static void loadTagNames() {
        if (tagNames != null) return;
        Map<Integer, String> byTag = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        for (Field f : NssConstants.class.getFields()) {
            if (!f.getName().startsWith("SEC_OID_") || f.getType() != int.class || !Modifier.isStatic(f.getModifiers())) continue;
            try {
                int v = f.getInt(null);
                String lower = f.getName().toLowerCase(Locale.ROOT);
                byName.put(lower, v);
                byName.put(lower.substring("sec_oid_".length()), v);
                String had = byTag.get(v);
                if (had == null || PREFERRED_ALIASES.contains(f.getName())) byTag.put(v, f.getName());
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

    /** Canonical attribute names of distinguished names (case-insensitive) and their tags. */
    private static final String[][] AVA_NAMES = {
            {"CN", "SEC_OID_AVA_COMMON_NAME"}, {"ST", "SEC_OID_AVA_STATE_OR_PROVINCE"},
            {"O", "SEC_OID_AVA_ORGANIZATION_NAME"}, {"OU", "SEC_OID_AVA_ORGANIZATIONAL_UNIT_NAME"},
            {"dnQualifier", "SEC_OID_AVA_DN_QUALIFIER"}, {"C", "SEC_OID_AVA_COUNTRY_NAME"},
            {"serialNumber", "SEC_OID_AVA_SERIAL_NUMBER"}, {"L", "SEC_OID_AVA_LOCALITY"},
            {"title", "SEC_OID_AVA_TITLE"}, {"SN", "SEC_OID_AVA_SURNAME"}, {"givenName", "SEC_OID_AVA_GIVEN_NAME"},
            {"initials", "SEC_OID_AVA_INITIALS"}, {"generationQualifier", "SEC_OID_AVA_GENERATION_QUALIFIER"},
            {"DC", "SEC_OID_AVA_DC"}, {"MAIL", "SEC_OID_RFC1274_MAIL"}, {"UID", "SEC_OID_RFC1274_UID"},
            {"postalAddress", "SEC_OID_AVA_POSTAL_ADDRESS"}, {"postalCode", "SEC_OID_AVA_POSTAL_CODE"},
            {"postOfficeBox", "SEC_OID_AVA_POST_OFFICE_BOX"}, {"houseIdentifier", "SEC_OID_AVA_HOUSE_IDENTIFIER"},
            {"E", "SEC_OID_PKCS9_EMAIL_ADDRESS"},
    };

    /**
     * The SECOidTag of an OID given as a tag (int), a canonical attribute
     * name ("cn"), a dotted decimal string (optionally "OID."-prefixed), a
     * SEC_OID_* name with or without the prefix (any case), or a SecItem
     * holding the OID contents. Unknown OIDs raise as python-nss does.
     */
    public static int oidToTag(Object oid) {
        int tag = anyOidToTag(oid);
        if (tag == SEC_OID_UNKNOWN) throw new IllegalArgumentException("unable to convert to known OID");
        return tag;
    }

    /**
     * {@link #oidToTag} without its check for SEC_OID_UNKNOWN (pkcs12_map_cipher
     * takes tag 0). An integer is taken as C takes it into a SECOidTag: its low
     * 32 bits, unchecked (NSS then answers for the tag); -1 is python-nss's
     * error return without an exception (SystemError).
     */
    public static int anyOidToTag(Object oid) {
        int tag;
        if (oid instanceof String s) {
            tag = stringToTag(s);
        } else if (oid instanceof Boolean b) {
            tag = b ? 1 : 0;
        } else if (oid instanceof Integer i) {
            tag = i;
        } else if (oid instanceof Long l) {
            tag = l.intValue();
        } else if (oid instanceof BigInteger b) {
            tag = b.intValue();
        } else if (oid instanceof SecItem item) {
            tag = Oids.tagOf(item.toByteArray());
        } else {
            throw new ArgumentError("oid must be a string, an integer, or a SecItem, not " + PyTypeNames.of(oid));
        }
        if (tag == -1) throw new IllegalStateException("error return without exception set");
        return tag;
    }

    private static int stringToTag(String s) {
        for (String[] a : AVA_NAMES) if (a[0].equalsIgnoreCase(s)) return constant(a[1]);
        if (isOidString(s)) {
            byte[] der = Oids.parse(s);
            if (der == null) throw new IllegalArgumentException("failed to convert oid string \"" + s + "\" to SECItem");
            return Oids.tagOf(der);
        }
        loadTagNames();
        Integer tag = nameTags.get(s.toLowerCase(Locale.ROOT));
        if (tag == null) throw new NotFoundError("oid tag name not found: " + s);
        return tag;
    }

    /** Digits separated by single dots, optional "OID." prefix, trailing white space allowed. */
    public static boolean isOidString(String s) {
        int i = s.regionMatches(true, 0, "OID.", 0, 4) ? 4 : 0;
        int integers = 0, dots = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                integers++;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            } else if (c == '.') {
                dots++;
                i++;
            } else if (Character.isWhitespace(c)) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
                if (i < s.length()) return false;
            } else {
                return false;
            }
        }
        return integers > 0 && integers == dots + 1;
    }

    /**
     * Tags past NSS's built-in table live in its dynamic table, which NSS reads
     * without a check when it is not initialised (a crash in python-nss).
     */
    private static void requireKnownTag(int tag) {
        if (!NssRuntime.isInitialized()) {
            loadTagNames();
            if (!tagNames.containsKey(tag)) throw new NSPRError(null, ErrorConstants.SEC_ERROR_NOT_INITIALIZED);
        }
    }

    /** Description of a tag, or "unknown(0x..)" (for messages). */
    static String oidTagText(int tag) {
        requireKnownTag(tag);
        long d = Oids.dataOfTag(tag);
        return d == 0 ? String.format("unknown(%#x)", tag) : Oids.descriptionOfTag(tag);
    }

    @Python("oid_str(oid, /)")
    public static String oidStr(Object oid) {
        int tag = oidToTag(oid);
        requireKnownTag(tag);
        return Oids.descriptionOfTag(tag);
    }

    @Python("oid_tag(oid, /)")
    public static int oidTag(Object oid) {
        return oidToTag(oid);
    }

    @Python("oid_tag_name(oid, /)")
    public static String oidTagName(Object oid) {
        int tag = oidToTag(oid);
        loadTagNames();
        String n = tagNames.get(tag);
        // python-nss formats the tag with "%#x", which Python 2 renders without the 0x
        if (n == null) throw new NotFoundError("oid tag not found: " + Integer.toHexString(tag));
        return n;
    }

    /** "OID.a.b.c"; for a SecItem the dotted form of its contents, whatever they are ("" if NSS has none). */
    @Python("oid_dotted_decimal(oid, /)")
    public static String oidDottedDecimal(Object oid) {
        if (oid instanceof SecItem item) {
            String d = Oids.dottedString(item.toByteArray());
            return d == null ? "" : d;
        }
        int tag = oidToTag(oid);
        requireKnownTag(tag);
        String d = Oids.dottedString(Oids.contentsOfTag(tag));
        return d == null ? "" : d;
    }

    // ---- requests, revocation, OCSP, flag and format helpers (PkiFlags, SignedCRL, OcspSettings, LineFormat)

    /** C's "k" conversion: any int or long, masked to an unsigned 64-bit value; anything else a TypeError. */
    private static long unsignedMask(Object v, String function) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Integer || v instanceof Long) return ((Number) v).longValue();
        if (v instanceof java.math.BigInteger b) return b.longValue();
        throw new ArgumentError(function + "() argument 1 must be integer<k>, not " + PyTypeNames.of(v));
    }

    @Python(value = "cert_crl_reason_name(reason, /)", doc = "The name of a CERTCRLEntryReasonCode constant (KeyError if none).")
    public static String certCrlReasonName(Object reason) {
        return PkiFlags.CRL_REASONS.name(unsignedMask(reason, "cert_crl_reason_name"));
    }

    @Python(value = "cert_crl_reason_from_name(name, /)",
            doc = "The value of a CERTCRLEntryReasonCode constant given its name, case-insensitive, with or without the crlEntry prefix.")
    public static int certCrlReasonFromName(String name) {
        return PkiFlags.CRL_REASONS.value(name);
    }

    @Python(value = "cert_general_name_type_name(type, /)", doc = "The name of a CERTGeneralNameType constant (KeyError if none).")
    public static String certGeneralNameTypeName(Object type) {
        return PkiFlags.GENERAL_NAME_TYPES.name(unsignedMask(type, "cert_general_name_type_name"));
    }

    @Python(value = "cert_general_name_type_from_name(name, /)",
            doc = "The value of a CERTGeneralNameType constant given its name, case-insensitive, with or without the cert prefix.")
    public static int certGeneralNameTypeFromName(String name) {
        return PkiFlags.GENERAL_NAME_TYPES.value(name);
    }

    @Python(value = "cert_usage_flags(flags, repr_kind=AsEnumDescription)",
            doc = "The certificateUsage* bits set in flags, as a sorted list (AsEnum, AsEnumName or AsEnumDescription).")
    public static List<Object> certUsageFlags(int flags, int reprKind) {
        return PkiFlags.flags(PkiFlags.CERT_USAGE, flags, reprKind);
    }

    @Python(value = "cert_type_flags(flags, repr_kind=AsEnumName)",
            doc = "The NS_CERT_TYPE_* bits set in flags, as a sorted list (AsEnum, AsEnumName or AsEnumDescription).")
    public static List<Object> certTypeFlags(int flags, int reprKind) {
        return PkiFlags.flags(PkiFlags.CERT_TYPE, flags, reprKind);
    }

    @Python(value = "key_usage_flags(flags, repr_kind=AsEnumName)",
            doc = "The KU_* bits set in flags, as a sorted list (AsEnum, AsEnumName or AsEnumDescription).")
    public static List<Object> keyUsageFlags(int flags, int reprKind) {
        return PkiFlags.flags(PkiFlags.KEY_USAGE, flags, reprKind);
    }

    @Python(value = "x509_key_usage(bitstr, repr_kind=AsEnumDescription)",
            doc = "The usages set in a DER key usage bit string, as a tuple (AsEnum, AsEnumName, AsEnumDescription or AsIndex).")
    public static Object[] x509KeyUsage(SecItem bitstr, int reprKind) {
        return PkiFlags.bitString(PkiFlags.KEY_USAGE, bitstr.toByteArray(), reprKind);
    }

    @Python(value = "x509_cert_type(bitstr, repr_kind=AsEnumDescription)",
            doc = "The types set in a DER Netscape cert type bit string, as a tuple (AsEnum, AsEnumName, AsEnumDescription or AsIndex).")
    public static Object[] x509CertType(SecItem bitstr, int reprKind) {
        return PkiFlags.bitString(PkiFlags.CERT_TYPE, bitstr.toByteArray(), reprKind);
    }

    @Python(value = "x509_ext_key_usage(sec_item, repr_kind=AsString)",
            doc = "The OIDs of a DER extended key usage extension, as a tuple (AsObject, AsString, AsDottedDecimal or AsEnum).")
    public static Object[] x509ExtKeyUsage(SecItem secItem, int reprKind) {
        return secItem.getOidSequence(reprKind);
    }

    @Python(value = "x509_alt_name(sec_item, repr_kind=AsString)",
            doc = "The general names of a DER alternative name extension, as a tuple (AsObject, AsString, AsTypeString, AsTypeEnum or AsLabeledString).")
    public static Object[] x509AltName(SecItem secItem, int reprKind) {
        return PkiFlags.altNames(secItem.toByteArray(), reprKind);
    }

    @Python(value = "decode_der_crl(der_crl, type=SEC_CRL_TYPE, decode_options=CRL_DECODE_DEFAULT_OPTIONS)",
            doc = "Decodes a DER CRL (a SecItem) into a SignedCRL.")
    public static SignedCRL decodeDerCrl(SecItem derCrl, int type, int decodeOptions) {
        return SignedCRL.decode(derCrl, type, decodeOptions);
    }

    @Python(value = "import_crl(slot, der_crl, url, type, import_options, decode_options, /, *user_data)",
            doc = "Imports a DER CRL (a SecItem) into the slot's database and returns it as a SignedCRL; user_data goes to the password callback.")
    public static SignedCRL importCrl(PK11Slot slot, SecItem derCrl, String url, int type, int importOptions,
                                      int decodeOptions, Object... userData) {
        return SignedCRL.importCrl(slot, derCrl, url, type, importOptions, decodeOptions, userData);
    }

    @Python(value = "enable_ocsp_checking(certdb=get_default_certdb())", doc = "Turns on OCSP checking for the certificate database.")
    public static void enableOcspChecking(CertDB certdb) {
        OcspSettings.enableChecking(certdb);
    }

    @Python(value = "disable_ocsp_checking(certdb=get_default_certdb())",
            doc = "Turns off OCSP checking for the certificate database (SEC_ERROR_OCSP_NOT_ENABLED if it is not on).")
    public static void disableOcspChecking(CertDB certdb) {
        OcspSettings.disableChecking(certdb);
    }

    @Python(value = "set_ocsp_cache_settings(max_cache_entries, min_secs_till_next_fetch, max_secs_till_next_fetch, /)",
            doc = "Sets the size of NSS's OCSP cache (-1 disables it, 0 is unlimited) and its fetch intervals.")
    public static void setOcspCacheSettings(int maxCacheEntries, long minSecsTillNextFetch, long maxSecsTillNextFetch) {
        OcspSettings.cacheSettings(maxCacheEntries, minSecsTillNextFetch, maxSecsTillNextFetch);
    }

    @Python(value = "set_ocsp_failure_mode(failure_mode, /)",
            doc = "What an OCSP failure means: ocspMode_FailureIsVerificationFailure or ocspMode_FailureIsNotAVerificationFailure.")
    public static void setOcspFailureMode(int failureMode) {
        OcspSettings.failureMode(failureMode);
    }

    @Python(value = "set_ocsp_timeout(seconds, /)", doc = "The longest NSS waits for an OCSP response, in seconds.")
    public static void setOcspTimeout(long seconds) {
        OcspSettings.timeout(seconds);
    }

    @Python(value = "clear_ocsp_cache()", doc = "Removes every response from the OCSP cache.")
    public static void clearOcspCache() {
        OcspSettings.clearCache();
    }

    @Python(value = "set_ocsp_default_responder(certdb, url, nickname, /)",
            doc = "The location of the default OCSP responder and the nickname of the certificate that signs its responses.")
    public static void setOcspDefaultResponder(CertDB certdb, String url, String nickname) {
        OcspSettings.defaultResponder(certdb, url, nickname);
    }

    @Python(value = "enable_ocsp_default_responder(certdb=get_default_certdb())",
            doc = "OCSP checking goes to the default responder (which must have been set).")
    public static void enableOcspDefaultResponder(CertDB certdb) {
        OcspSettings.enableDefaultResponder(certdb);
    }

    @Python(value = "disable_ocsp_default_responder(certdb=get_default_certdb())",
            doc = "OCSP checking no longer goes to the default responder.")
    public static void disableOcspDefaultResponder(CertDB certdb) {
        OcspSettings.disableDefaultResponder(certdb);
    }

    @Python(value = "get_use_pkix_for_validation()", doc = "Whether NSS validates certificates with libpkix.")
    public static boolean getUsePkixForValidation() {
        return OcspSettings.usePkix();
    }

    @Python(value = "set_use_pkix_for_validation(flag, /)",
            doc = "Turns validation with libpkix on or off; returns the previous setting.")
    public static boolean setUsePkixForValidation(int flag) {
        return OcspSettings.setUsePkix(flag);
    }

    @Python(value = "make_line_fmt_tuples(level, obj)",
            doc = "[(level, str(x)) for x in obj] for a list or tuple, else [(level, str(obj))]; strings are kept as they are.")
    public static List<Object[]> makeLineFmtTuples(int level, @Python.Raw Object obj) {
        return LineFormat.makeLineFmtTuples(level, obj);
    }

    @Python(value = "indented_format(lines_pairs, indent_len=4)",
            doc = "indented_format(line_fmt_tuples, indent_len=4) -> string\n\n"
                    + "Renders a list of (level,), (level, text) and (level, label, value) tuples, one line each, "
                    + "indented by level * indent_len spaces, the values of consecutive lines at one level aligned.")
    public static byte[] indentedFormat(@Python.Raw Object linesPairs, int indentLen) {
        return LineFormat.indentedFormat(linesPairs, indentLen);
    }

    @Python(value = "fingerprint_format_lines(data, level=0)", doc = "The MD5 and SHA1 fingerprints of data as line tuples.")
    public static List<Object[]> fingerprintFormatLines(byte[] data, int level) {
        return LineFormat.fingerprintFormatLines(data, level);
    }

    @Python(value = "der_universal_secitem_fmt_lines(sec_item, level=0, octets_per_line=OCTETS_PER_LINE_DEFAULT, separator=HEX_SEPARATOR_DEFAULT)",
            doc = "The text of a DER encoded ASN.1 universal type as line tuples.")
    public static List<Object[]> derUniversalSecitemFmtLines(SecItem secItem, int level, int octetsPerLine,
                                                             @Python.OrNone String separator) {
        return LineFormat.derUniversalSecItemFmtLines(secItem, level, octetsPerLine, separator);
    }

    @Python(value = "get_internal_slot()", doc = "The internal cryptographic slot.")
    public static PK11Slot getInternalSlot() {
        requireModule();
        return slot(Nss3.PK11_GetInternalSlot());
    }

    @Python(value = "get_internal_key_slot()", doc = "The internal key slot (the certificate and key database).")
    public static PK11Slot getInternalKeySlot() {
        requireModule();
        return slot(Nss3.PK11_GetInternalKeySlot());
    }

    /** Before NSS_Init there is no module to have a slot (python-nss: SEC_ERROR_NO_MODULE). */
    private static void requireModule() {
        if (!NssRuntime.isInitialized()) throw new NSPRError(null, ErrorConstants.SEC_ERROR_NO_MODULE);
    }

    private static PK11Slot slot(long slot) {
        if (slot == 0) throw NSPRError.last();
        return PK11Slot.adopt(slot);
    }

    // ---- certificates (Pki) ------------------------------------------------

    /** The default certificate database, None before NSS is initialized. */
    @Python("get_default_certdb()")
    public static CertDB getDefaultCertdb() {
        return CertDB.getDefault();
    }

    /**
     * The contents of a file (a path or any object with a read() method
     * returning bytes) as a SecItem; with ascii, the file is PEM or base64
     * text and the result its decoded DER.
     */
    @Python("read_der_from_file(file, ascii=False)")
    public static SecItem readDerFromFile(Object file, int ascii) {
        return Pki.readDerFromFile(file, ascii != 0);
    }

    // ---- database lookups and keys (CertVerify) -------------------------------

    @Python("find_cert_from_nickname(nickname, /, *user_data)")
    public static Certificate findCertFromNickname(String nickname, Object... userData) {
        return CertVerify.findCertFromNickname(nickname, userData);
    }

    @Python("find_certs_from_nickname(nickname, /, *user_data)")
    public static Object[] findCertsFromNickname(String nickname, Object... userData) {
        return CertVerify.findCertsFromNickname(nickname, userData);
    }

    @Python("find_certs_from_email_addr(email, /, *user_data)")
    public static Object[] findCertsFromEmailAddr(String email, Object... userData) {
        return CertVerify.findCertsFromEmailAddr(email, userData);
    }

    @Python("get_cert_nicknames(certdb, what, /, *user_data)")
    public static Object[] getCertNicknames(CertDB certdb, int what, Object... userData) {
        return CertVerify.certNicknames(certdb, what, userData);
    }

    @Python("list_certs(type, /, *user_data)")
    public static Object[] listCerts(int type, Object... userData) {
        return CertVerify.listCerts(type, userData);
    }

    @Python("find_key_by_any_cert(cert, /, *user_data)")
    public static PrivateKey findKeyByAnyCert(Certificate cert, Object... userData) {
        return CertVerify.findKeyByAnyCert(cert, userData);
    }
}
