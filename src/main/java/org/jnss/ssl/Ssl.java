package org.jnss.ssl;

import org.jnss.core.ArgumentError;
import org.jnss.core.NotFoundError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Ssl3;
import org.jnss.nss.NssRuntime;

import java.util.HashMap;
import java.util.Map;

/**
 * SSL and TLS for Python: NSS's secure sockets and their settings.
 *
 * <p>The {@code nss.ssl} module of python-nss 1.0.1, over the system NSS SSL
 * library: {@code SSLSocket} (a {@code nss.io.Socket} speaking SSL/TLS, as a
 * client or a server), the process-wide defaults of its options, cipher
 * suites and their policies, protocol version ranges, and the server's
 * session cache. NSS must be initialised first ({@code nss.nss}); failures
 * are raised as {@code nss.error.NSPRError}.
 *
 * <p>Constants, by family:
 * <ul>
 * <li>{@code SSL_SECURITY}, {@code SSL_SOCKS}, {@code SSL_REQUEST_CERTIFICATE},
 *     {@code SSL_REQUIRE_CERTIFICATE}, {@code SSL_HANDSHAKE_AS_CLIENT},
 *     {@code SSL_HANDSHAKE_AS_SERVER}, {@code SSL_ENABLE_*} (SSL 2, SSL 3,
 *     TLS, full duplex), {@code SSL_NO_CACHE}, {@code SSL_NO_LOCKS},
 *     {@code SSL_NO_STEP_DOWN}, {@code SSL_ROLLBACK_DETECTION},
 *     {@code SSL_BYPASS_PKCS11}, {@code SSL_V2_COMPATIBLE_HELLO}: options of
 *     set_ssl_option() and set_ssl_default_option().
 * <li>{@code SSL_REQUIRE_*}: values of the {@code SSL_REQUIRE_CERTIFICATE}
 *     option (never, always, on the first handshake, without error).
 * <li>{@code SSL_ALLOWED}, {@code SSL_RESTRICTED}, {@code SSL_NOT_ALLOWED}:
 *     cipher policies.
 * <li>{@code SSL_SECURITY_STATUS_*}: security levels a socket's status
 *     reports.
 * <li>{@code SSL_LIBRARY_VERSION_*}: protocol versions (SSL 2 and 3, TLS 1.0
 *     to 1.3) of the version range functions; {@code ssl2}, {@code ssl3},
 *     {@code tls1.0}, {@code tls1.1}, {@code tls1.2}, {@code tls1.3}: the same
 *     values under their short names.
 * <li>{@code SSL_VARIANT_*}: stream (TLS) or datagram (DTLS) protocol.
 * <li>{@code TLS_*}, {@code SSL_*_WITH_*}: cipher suite numbers;
 *     {@code SSL_CK_*}, {@code SSL_EN_*}: the SSL 2 cipher kinds;
 *     {@code ssl_implemented_ciphers}: the suites this NSS implements, in
 *     its order of preference.
 * <li>{@code SRTP_*}: SRTP protection profiles.
 * </ul>
 */
@Python.Module(value = "nss.ssl", types = {SSLSocket.class, SSLCipherSuiteInfo.class, SSLChannelInfo.class})
public final class Ssl implements SslConstants {
    private Ssl() {}

    /** python-nss's representation kinds (nss.nss AsString, AsEnum, AsEnumName) */
    static final int AS_STRING = 1, AS_ENUM = 5, AS_ENUM_NAME = 6;

    /** The cipher suites implemented by this NSS (SSL_ImplementedCiphers), in NSS's preference order. */
    @Python("ssl_implemented_ciphers")
    public static final int[] SSL_IMPLEMENTED_CIPHERS = implementedCiphers();

    private static int[] implementedCiphers() {
        int n = Ssl3.SSL_GetNumImplementedCiphers() & 0xffff;
        long p = Ssl3.SSL_GetImplementedCiphers();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = Mem.getShort(p, 2L * i) & 0xffff;
        return out;
    }

    // ---- names ---------------------------------------------------------------

    private static final Map<String, Integer> SUITE_BY_NAME = new HashMap<>();
    private static final Map<Long, String> SUITE_NAME = new HashMap<>();

    static {
        for (Object[] e : SslCipherNames.NAMES) SUITE_BY_NAME.put((String) e[0], (Integer) e[1]);
        for (Object[] e : SslCipherNames.PREFERRED) SUITE_NAME.put((long) (Integer) e[0], (String) e[1]);
    }

    /** {value, enum name, short name} of the SSL library versions python-nss knows */
    private static final Object[][] VERSIONS = {
            {SSL_LIBRARY_VERSION_2, "SSL_LIBRARY_VERSION_2", "ssl2"},
            {SSL_LIBRARY_VERSION_3_0, "SSL_LIBRARY_VERSION_3_0", "ssl3"},
            {SSL_LIBRARY_VERSION_TLS_1_0, "SSL_LIBRARY_VERSION_TLS_1_0", "tls1.0"},
            {SSL_LIBRARY_VERSION_TLS_1_1, "SSL_LIBRARY_VERSION_TLS_1_1", "tls1.1"},
            {SSL_LIBRARY_VERSION_TLS_1_2, "SSL_LIBRARY_VERSION_TLS_1_2", "tls1.2"},
            {SSL_LIBRARY_VERSION_TLS_1_3, "SSL_LIBRARY_VERSION_TLS_1_3", "tls1.3"},
    };

    @Python(value = "ssl_cipher_suite_name(cipher, /)", doc = "ssl_cipher_suite_name(cipher) -> string\n\n"
            + "The name of a cipher suite enumeration value; KeyError when it has none.")
    public static String sslCipherSuiteName(long cipher) {
        String n = SUITE_NAME.get(cipher);
        if (n == null) throw new NotFoundError("cipher suite name not found: " + Long.toUnsignedString(cipher));
        return n;
    }

    @Python(value = "ssl_cipher_suite_from_name(name, /)", doc = "ssl_cipher_suite_from_name(name) -> int\n\n"
            + "The cipher suite enumeration value of a name; KeyError when unknown.")
    public static int sslCipherSuiteFromName(String name) {
        Integer v = SUITE_BY_NAME.get(name);
        if (v == null) throw new NotFoundError("cipher suite name not found: " + name);
        return v;
    }

    @Python(value = "ssl_library_version_name(ssl_library_version, repr_kind=6)",
            doc = "ssl_library_version_name(ssl_library_version, repr_kind=AsEnumName) -> string\n\n"
                    + "The name of an SSL_LIBRARY_VERSION_* value: its enum name (AsEnumName), its short\n"
                    + "name such as 'tls1.2' (AsString), or the value itself (AsEnum).")
    public static Object sslLibraryVersionName(int version, int reprKind) {
        return versionRepr(version, reprKind);
    }

    static Object versionRepr(int version, int reprKind) {
        if (reprKind != AS_ENUM && reprKind != AS_ENUM_NAME && reprKind != AS_STRING)
            throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
        if (reprKind == AS_ENUM) return version;
        for (Object[] v : VERSIONS)
            if ((Integer) v[0] == version) return reprKind == AS_ENUM_NAME ? v[1] : v[2];
        throw new NotFoundError("SSL Library Version name not found: " + version);
    }

    @Python(value = "ssl_library_version_from_name(name, /)", doc = "ssl_library_version_from_name(name) -> int\n\n"
            + "The SSL_LIBRARY_VERSION_* value of an enum name or short name ('tls1.2').")
    public static int sslLibraryVersionFromName(String name) {
        for (Object[] v : VERSIONS)
            if (v[1].equals(name) || v[2].equals(name)) return (Integer) v[0];
        throw new NotFoundError("ssl_library_version name not found: " + name);
    }

    /** A version given as an int or a name (python-nss's version converter). */
    static int versionArg(Object v, String which) {
        if (v instanceof Integer i) return i;
        if (v instanceof Long l) return (int) (long) l;
        if (v instanceof String s) return sslLibraryVersionFromName(s);
        throw new ArgumentError("ssl library " + which + " version value be an integer or string, not "
                + PyTypeNames.of(v));
    }

    @Python(value = "get_ssl_version_from_major_minor(ssl_library_version, repr_kind)",
            doc = "get_ssl_version_from_major_minor(major, minor) -> string\n\n"
                    + "The short name ('tls1.2') of the protocol version with the given major and minor numbers.")
    public static String getSslVersionFromMajorMinor(int major, int minor) {
        if (major != 3) throw new IllegalArgumentException("Verson " + major + "." + minor + " has unkown major version");
        if (minor < 0 || minor > 4)
            throw new IllegalArgumentException("Verson " + major + "." + minor + " has unkown minor version");
        return (String) versionRepr(SSL_LIBRARY_VERSION_3_0 + minor, AS_STRING);
    }

    // ---- cipher suites ---------------------------------------------------------

    @Python(value = "get_cipher_suite_info(suite, /)", doc = "get_cipher_suite_info(suite) -> SSLCipherSuiteInfo\n\n"
            + "What NSS knows about a cipher suite (names, algorithms, key sizes).")
    public static SSLCipherSuiteInfo getCipherSuiteInfo(int suite) {
        return SSLCipherSuiteInfo.of(suite);
    }

    @Python(value = "get_cipher_policy(cipher, /)", doc = "get_cipher_policy(cipher) -> policy\n\n"
            + "Whether the cipher suite is allowed by the process-wide policy.")
    public static boolean getCipherPolicy(int cipher) {
        return out(v -> Ssl3.SSL_CipherPolicyGet(cipher, v)) != 0;
    }

    @Python(value = "set_cipher_policy(cipher, policy, /)", doc = "set_cipher_policy(cipher, policy)\n\n"
            + "Sets the process-wide policy of a cipher suite (SSL_ALLOWED, SSL_RESTRICTED or SSL_NOT_ALLOWED).")
    public static void setCipherPolicy(int cipher, int policy) {
        if (Ssl3.SSL_CipherPolicySet(cipher, policy) != 0) throw NSPRError.last();
    }

    @Python(value = "get_default_cipher_pref(cipher, /)", doc = "get_default_cipher_pref(cipher) -> enabled\n\n"
            + "Whether the cipher suite is enabled by default for new sockets.")
    public static boolean getDefaultCipherPref(int cipher) {
        return out(v -> Ssl3.SSL_CipherPrefGetDefault(cipher, v)) != 0;
    }

    @Python(value = "set_default_cipher_pref(cipher, enabled, /)", doc = "set_default_cipher_pref(cipher, enabled)\n\n"
            + "Enables or disables a cipher suite by default for new sockets.")
    public static void setDefaultCipherPref(int cipher, @Python.IntFlag boolean enabled) {
        if (Ssl3.SSL_CipherPrefSetDefault(cipher, enabled ? 1 : 0) != 0) throw NSPRError.last();
    }

    @Python(value = "set_domestic_policy()", doc = "Allows every cipher suite NSS implements (NSS_SetDomesticPolicy).")
    public static void setDomesticPolicy() {
        if (Ssl3.NSS_SetDomesticPolicy() != 0) throw NSPRError.last();
    }

    @Python(value = "set_export_policy()", doc = "NSS_SetExportPolicy (today the same as the domestic policy).")
    public static void setExportPolicy() {
        if (Ssl3.NSS_SetExportPolicy() != 0) throw NSPRError.last();
    }

    @Python(value = "set_france_policy()", doc = "NSS_SetFrancePolicy (today the same as the domestic policy).")
    public static void setFrancePolicy() {
        if (Ssl3.NSS_SetFrancePolicy() != 0) throw NSPRError.last();
    }

    // ---- options -----------------------------------------------------------------

    @Python(value = "get_ssl_default_option(option, /)", doc = "get_ssl_default_option(option) -> value\n\n"
            + "The process default of an SSL_* socket option.")
    public static int getSslDefaultOption(int option) {
        return out(v -> Ssl3.SSL_OptionGetDefault(option, v));
    }

    @Python(value = "set_ssl_default_option(option, value, /)", doc = "set_ssl_default_option(option, value)\n\n"
            + "Sets the process default of an SSL_* socket option.")
    public static void setSslDefaultOption(int option, int value) {
        if (Ssl3.SSL_OptionSetDefault(option, value) != 0) throw NSPRError.last();
    }

    // ---- version ranges --------------------------------------------------------

    /** Reads an SSLVersionRange (two PRUint16) into a (min, max) tuple of the repr kind. */
    static Object[] rangeTuple(long range, int reprKind) {
        int min = Mem.getShort(range, 0) & 0xffff, max = Mem.getShort(range, 2) & 0xffff;
        return new Object[]{versionRepr(min, reprKind), versionRepr(max, reprKind)};
    }

    @FunctionalInterface
    interface RangeCall {
        int call(long range);
    }

    static Object[] getRange(RangeCall f, int reprKind) {
        long r = Mem.calloc(4);
        try {
            if (f.call(r) != 0) throw NSPRError.last();
            return rangeTuple(r, reprKind);
        } finally {
            Mem.free(r);
        }
    }

    static void setRange(Object min, Object max, RangeCall f) {
        int lo = versionArg(min, "min"), hi = versionArg(max, "max");
        long r = Mem.calloc(4);
        try {
            Mem.setShort(r, 0, (short) lo);
            Mem.setShort(r, 2, (short) hi);
            if (f.call(r) != 0) throw NSPRError.last();
        } finally {
            Mem.free(r);
        }
    }

    @Python(value = "get_supported_ssl_version_range(protocol_variant=SSL_VARIANT_STREAM, repr_kind=5)",
            doc = "get_supported_ssl_version_range(protocol_variant=SSL_VARIANT_STREAM, repr_kind=AsEnum) "
                    + "-> (min_version, max_version)\n\nThe range of protocol versions this NSS supports.")
    public static Object[] getSupportedSslVersionRange(int variant, int reprKind) {
        return getRange(r -> Ssl3.SSL_VersionRangeGetSupported(variant, r), reprKind);
    }

    @Python(value = "get_default_ssl_version_range(protocol_variant=SSL_VARIANT_STREAM, repr_kind=5)",
            doc = "get_default_ssl_version_range(protocol_variant=SSL_VARIANT_STREAM, repr_kind=AsEnum) "
                    + "-> (min_version, max_version)\n\nThe range of protocol versions new sockets enable.")
    public static Object[] getDefaultSslVersionRange(int variant, int reprKind) {
        return getRange(r -> Ssl3.SSL_VersionRangeGetDefault(variant, r), reprKind);
    }

    @Python(value = "set_default_ssl_version_range(min_version, max_version, protocol_variant=SSL_VARIANT_STREAM)",
            doc = "set_default_ssl_version_range(min_version, max_version, protocol_variant=SSL_VARIANT_STREAM)\n\n"
                    + "Sets the versions new sockets enable; each an SSL_LIBRARY_VERSION_* value or its name.")
    public static void setDefaultSslVersionRange(Object min, Object max, int variant) {
        setRange(min, max, r -> Ssl3.SSL_VersionRangeSetDefault(variant, r));
    }

    // ---- session caches --------------------------------------------------------

    @Python(value = "clear_session_cache()", doc = "Empties the client session cache.")
    public static void clearSessionCache() {
        Ssl3.SSL_ClearSessionCache();
    }

    @Python(value = "config_server_session_id_cache(max_cache_entries=0, ssl2_timeout=0, ssl3_timeout=0, directory=None)",
            doc = "Configures the server's session cache for one process (0 chooses NSS's defaults).")
    public static void configServerSessionIdCache(int maxEntries, int ssl2Timeout, int ssl3Timeout, String directory) {
        configServerCache(() -> Ssl3.SSL_ConfigServerSessionIDCache(maxEntries, ssl2Timeout, ssl3Timeout, directory));
    }

    @Python(value = "config_mp_server_sid_cache(max_cache_entries=0, ssl2_timeout=0, ssl3_timeout=0, directory=None)",
            doc = "Configures the server's session cache shared by several processes.")
    public static void configMpServerSidCache(int maxEntries, int ssl2Timeout, int ssl3Timeout, String directory) {
        configServerCache(() -> Ssl3.SSL_ConfigMPServerSIDCache(maxEntries, ssl2Timeout, ssl3Timeout, directory));
    }

    /**
     * python-nss 1.0.1 declares seven keywords but parses six values: the cache is
     * configured by calls that give at most the first five (max_cache_entries,
     * max_cert_cache_entries, max_server_name_cache_entries, ssl2_timeout, ssl3_timeout),
     * always single-process; CPython 2's argument parser refuses any call that gives
     * directory or enable_mp_cache with RuntimeError, before NSS is called. Kept so.
     */
    @Python(value = "config_server_session_id_cache_with_opt(max_cache_entries=0, max_cert_cache_entries=0, "
            + "max_server_name_cache_entries=0, ssl2_timeout=0, ssl3_timeout=0, directory=, enable_mp_cache=)",
            doc = "config_server_session_id_cache_with_opt(max_cache_entries=0, max_cert_cache_entries=0, "
                    + "max_server_name_cache_entries=0, ssl2_timeout=0, ssl3_timeout=0)\n\n"
                    + "Configures the server's single-process session cache with limits for the session,\n"
                    + "certificate and server name caches and the SSL 2/SSL 3 session lifetimes in seconds\n"
                    + "(0 or out of range: NSS's defaults). As in python-nss 1.0.1, giving directory or\n"
                    + "enable_mp_cache raises RuntimeError.")
    public static void configServerSessionIdCacheWithOpt(int maxEntries, int maxCertEntries, int maxServerNameEntries,
                                                         long ssl2Timeout, long ssl3Timeout,
                                                         @Python.Raw Object directory, @Python.Raw Object enableMpCache) {
        if (directory != null || enableMpCache != null)
            throw new org.jnss.core.InterpreterError("More keyword list entries (7) than format specifiers (6)");
        configServerCache(() -> Ssl3.SSL_ConfigServerSessionIDCacheWithOpt((int) ssl2Timeout, (int) ssl3Timeout, null,
                maxEntries, maxCertEntries, maxServerNameEntries, 0));
    }

    /** One server session cache configuration call (NSS status), bracketed by NssRuntime's bookkeeping. */
    private static void configServerCache(java.util.function.IntSupplier configure) {
        NssRuntime.beforeServerCacheConfig();
        if (configure.getAsInt() != 0) throw NSPRError.last();
        NssRuntime.serverCacheConfigured();
    }

    @Python(value = "shutdown_server_session_id_cache()", doc = "Releases the server's session cache.")
    public static void shutdownServerSessionIdCache() {
        // done once no server handshake can use the cache any more (see NssRuntime)
        NssRuntime.deferServerCacheShutdown();
    }

    @Python(value = "get_max_server_cache_locks()", doc = "get_max_server_cache_locks() -> int\n\n"
            + "The most locks the server session cache uses.")
    public static long getMaxServerCacheLocks() {
        return Ssl3.SSL_GetMaxServerCacheLocks() & 0xffffffffL;
    }

    @Python(value = "set_max_server_cache_locks(max_locks, /)", doc = "Sets the most locks the server session cache uses "
            + "(at least 2); call before configuring the cache.")
    public static void setMaxServerCacheLocks(int maxLocks) {
        if (Ssl3.SSL_SetMaxServerCacheLocks(maxLocks) != 0) throw NSPRError.last();
    }

    /** The value an NSS getter writes to its int out-argument; NSPRError when the getter fails. */
    private static int out(java.util.function.ToIntFunction<int[]> getter) {
        int[] v = new int[1];
        if (getter.applyAsInt(v) != 0) throw NSPRError.last();
        return v[0];
    }
}
