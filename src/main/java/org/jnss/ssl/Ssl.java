package org.jnss.ssl;

import org.jnss.core.CInts;
import org.jnss.core.ArgumentError;
import org.jnss.core.NotFoundError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Ssl3;
import org.jnss.natives.ThreadBuffer;
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
 * session cache, and the names of cipher suites and protocol versions. NSS
 * must be initialised first ({@code nss.nss}); settings made here apply to the
 * whole process and to sockets made afterwards. Failures are raised as
 * {@code nss.error.NSPRError}.
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
 *
 * @implNote This class holds the module's functions as static methods and,
 * through {@link SslConstants}, its constants; it has no instances. The
 * module's types are {@link SSLSocket}, {@link SSLCipherSuiteInfo} and
 * {@link SSLChannelInfo}.
 */
@Python.Module(value = "nss.ssl", types = {SSLSocket.class, SSLCipherSuiteInfo.class, SSLChannelInfo.class})
public final class Ssl implements SslConstants {
    private Ssl() {}

    /** python-nss's representation kinds (nss.nss AsString, AsEnum, AsEnumName) */
    static final int AS_STRING = 1, AS_ENUM = 5, AS_ENUM_NAME = 6;

    /**
     * The cipher suites implemented by this NSS (SSL_ImplementedCiphers), in
     * NSS's preference order; the module attribute
     * {@code ssl_implemented_ciphers} (a tuple of int) in Python. Read when the
     * class loads; treat the array as read-only.
     */
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

    /**
     * Names a cipher suite value, e.g. {@code "TLS_AES_128_GCM_SHA256"} for
     * 0x1301. Where several constants share a value, the name is the one
     * python-nss gives.
     *
     * @param cipher a cipher suite value
     * @return the suite's name (str)
     * @throws org.jnss.core.NotFoundError (KeyError) if no suite has that value
     */
    @Python("ssl_cipher_suite_name(cipher, /)")
    public static String sslCipherSuiteName(@Python.Unsigned long cipher) {
        String n = SUITE_NAME.get(cipher);
        if (n == null) throw new NotFoundError("cipher suite name not found: " + Long.toUnsignedString(cipher));
        return n;
    }

    /**
     * The value of a cipher suite given its name, e.g. 0x1301 for
     * {@code "TLS_AES_128_GCM_SHA256"}.
     *
     * @param name a cipher suite constant's name
     * @return the suite's value
     * @throws org.jnss.core.NotFoundError (KeyError) if no suite has that name
     */
    @Python("ssl_cipher_suite_from_name(name, /)")
    public static int sslCipherSuiteFromName(String name) {
        Integer v = SUITE_BY_NAME.get(name);
        if (v == null) throw new NotFoundError("cipher suite name not found: " + name);
        return v;
    }

    /**
     * Names a protocol version value ({@code SSL_LIBRARY_VERSION_*}).
     *
     * @param version  a protocol version value, e.g. {@code SSL_LIBRARY_VERSION_TLS_1_2} (0x0303)
     * @param reprKind how to name it: {@code nss.AsEnumName} (6, the default) for the
     *                 constant's name ({@code "SSL_LIBRARY_VERSION_TLS_1_2"}),
     *                 {@code nss.AsString} (1) for the short name ({@code "tls1.2"}), or
     *                 {@code nss.AsEnum} (5) for the value itself
     * @return the name (str), or the value (int) for AsEnum
     * @throws IllegalArgumentException (ValueError) for another repr_kind
     * @throws org.jnss.core.NotFoundError (KeyError) if the value is no version python-nss knows
     */
    @Python("ssl_library_version_name(ssl_library_version, repr_kind=6)")
    public static Object sslLibraryVersionName(@Python.Unsigned long version, int reprKind) {
        if (version >= 0 && version <= Integer.MAX_VALUE) return versionRepr((int) version, reprKind);
        // python-nss reads a C unsigned long: no version has such a value
        checkReprKind(reprKind);
        if (reprKind == AS_ENUM) return version;
        throw new NotFoundError("SSL Library Version name not found: " + Long.toUnsignedString(version));
    }

    private static void checkReprKind(int reprKind) {
        if (reprKind != AS_ENUM && reprKind != AS_ENUM_NAME && reprKind != AS_STRING)
            throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
    }

    static Object versionRepr(int version, int reprKind) {
        checkReprKind(reprKind);
        if (reprKind == AS_ENUM) return version;
        for (Object[] v : VERSIONS)
            if ((Integer) v[0] == version) return reprKind == AS_ENUM_NAME ? v[1] : v[2];
        throw new NotFoundError("SSL Library Version name not found: " + version);
    }

    /**
     * The protocol version value of a name.
     *
     * @param name a constant's name ({@code "SSL_LIBRARY_VERSION_TLS_1_2"}) or a
     *             short name ({@code "ssl2"}, {@code "ssl3"}, {@code "tls1.0"} to {@code "tls1.3"})
     * @return the {@code SSL_LIBRARY_VERSION_*} value
     * @throws org.jnss.core.NotFoundError (KeyError) if the name is unknown
     */
    @Python("ssl_library_version_from_name(name, /)")
    public static int sslLibraryVersionFromName(String name) {
        for (Object[] v : VERSIONS)
            if (v[1].equals(name) || v[2].equals(name)) return (Integer) v[0];
        throw new NotFoundError("ssl_library_version name not found: " + name);
    }

    /** A version given as an int or a name (python-nss's version converter). */
    static int versionArg(Object v, String which) {
        if (CInts.isInteger(v)) {
            // python-nss reads a C unsigned long: a negative value or one past 64 bits reads as
            // all ones (its OverflowError is then replaced by NSS's error for the range)
            java.math.BigInteger b = v instanceof java.math.BigInteger big ? big : java.math.BigInteger.valueOf(CInts.asLong(v));
            return b.signum() < 0 || b.bitLength() > 64 ? -1 : b.intValue();
        }
        if (v instanceof String s) return sslLibraryVersionFromName(s);
        throw new ArgumentError("ssl library " + which + " version value be an integer or string, not "
                + PyTypeNames.of(v));
    }

    /**
     * The short name of the protocol version with the given major and minor
     * numbers as they appear on the wire: 3.0 is {@code "ssl3"}, 3.1 to 3.4 are
     * {@code "tls1.0"} to {@code "tls1.3"}. (python-nss 1.0.1 names the two
     * keywords ssl_library_version and repr_kind; they are the major and minor
     * numbers.)
     *
     * @param major the major version number; only 3 is known
     * @param minor the minor version number, 0 to 4
     * @return the short name (str)
     * @throws IllegalArgumentException (ValueError) for another major or minor number
     */
    @Python("get_ssl_version_from_major_minor(ssl_library_version, repr_kind)")
    public static String getSslVersionFromMajorMinor(@Python.Unsigned('I') int major, @Python.Unsigned('I') int minor) {
        if (major != 3) throw new IllegalArgumentException("Verson " + major + "." + minor + " has unkown major version");
        if (minor < 0 || minor > 4)
            throw new IllegalArgumentException("Verson " + major + "." + minor + " has unkown minor version");
        return (String) versionRepr(SSL_LIBRARY_VERSION_3_0 + minor, AS_STRING);
    }

    // ---- cipher suites ---------------------------------------------------------

    /**
     * Tells what NSS knows about a cipher suite (SSL_GetCipherSuiteInfo):
     * names, algorithms and key sizes.
     *
     * @param suite a cipher suite value (its low 16 bits are used)
     * @return a new SSLCipherSuiteInfo
     * @throws NSPRError SEC_ERROR_INVALID_ARGS if NSS does not implement the suite
     */
    @Python("get_cipher_suite_info(suite, /)")
    public static SSLCipherSuiteInfo getCipherSuiteInfo(@Python.Unsigned('I') int suite) {
        return SSLCipherSuiteInfo.of(suite);
    }

    /**
     * Tells whether the process-wide policy allows a cipher suite
     * (SSL_CipherPolicyGet).
     *
     * @param cipher a cipher suite value
     * @return false if the policy is {@code SSL_NOT_ALLOWED}; true if it is
     *         {@code SSL_ALLOWED} or {@code SSL_RESTRICTED}
     * @throws NSPRError SSL_ERROR_UNKNOWN_CIPHER_SUITE for a suite NSS does not know
     */
    @Python("get_cipher_policy(cipher, /)")
    public static boolean getCipherPolicy(int cipher) {
        return out(v -> Ssl3.SSL_CipherPolicyGet(cipher, v)) != 0;
    }

    /**
     * Sets the process-wide policy of a cipher suite (SSL_CipherPolicySet); a
     * suite the policy forbids cannot be enabled on any socket.
     *
     * @param cipher a cipher suite value
     * @param policy {@code SSL_ALLOWED}, {@code SSL_RESTRICTED} or {@code SSL_NOT_ALLOWED}
     * @throws NSPRError SSL_ERROR_UNKNOWN_CIPHER_SUITE for a suite NSS does not know
     */
    @Python("set_cipher_policy(cipher, policy, /)")
    public static void setCipherPolicy(int cipher, int policy) {
        if (Ssl3.SSL_CipherPolicySet(cipher, policy) != 0) throw NSPRError.last();
    }

    /**
     * Tells whether a cipher suite is enabled by default on new sockets
     * (SSL_CipherPrefGetDefault).
     *
     * @param cipher a cipher suite value
     * @return true if enabled
     * @throws NSPRError SSL_ERROR_UNKNOWN_CIPHER_SUITE for a suite NSS does not know
     */
    @Python("get_default_cipher_pref(cipher, /)")
    public static boolean getDefaultCipherPref(int cipher) {
        return out(v -> Ssl3.SSL_CipherPrefGetDefault(cipher, v)) != 0;
    }

    /**
     * Enables or disables a cipher suite by default on sockets made afterwards
     * (SSL_CipherPrefSetDefault); {@link SSLSocket#setCipherPref} overrides it
     * per socket.
     *
     * @param cipher  a cipher suite value
     * @param enabled true to enable (an int or bool in Python)
     * @throws NSPRError SSL_ERROR_UNKNOWN_CIPHER_SUITE for a suite NSS does not know
     */
    @Python("set_default_cipher_pref(cipher, enabled, /)")
    public static void setDefaultCipherPref(int cipher, @Python.IntFlag boolean enabled) {
        if (Ssl3.SSL_CipherPrefSetDefault(cipher, enabled ? 1 : 0) != 0) throw NSPRError.last();
    }

    /**
     * Allows every cipher suite NSS implements in the process-wide policy
     * (NSS_SetDomesticPolicy). Usually called once, after NSS is initialised.
     *
     * @throws NSPRError if NSS refuses
     */
    @Python("set_domestic_policy()")
    public static void setDomesticPolicy() {
        if (Ssl3.NSS_SetDomesticPolicy() != 0) throw NSPRError.last();
    }

    /**
     * Sets the process-wide cipher policy NSS_SetExportPolicy sets; in current
     * NSS the same as {@link #setDomesticPolicy()}.
     *
     * @throws NSPRError if NSS refuses
     */
    @Python("set_export_policy()")
    public static void setExportPolicy() {
        if (Ssl3.NSS_SetExportPolicy() != 0) throw NSPRError.last();
    }

    /**
     * Sets the process-wide cipher policy NSS_SetFrancePolicy sets; in current
     * NSS the same as {@link #setDomesticPolicy()}.
     *
     * @throws NSPRError if NSS refuses
     */
    @Python("set_france_policy()")
    public static void setFrancePolicy() {
        if (Ssl3.NSS_SetFrancePolicy() != 0) throw NSPRError.last();
    }

    // ---- options -----------------------------------------------------------------

    /**
     * The default of an SSL socket option for sockets made afterwards
     * (SSL_OptionGetDefault).
     *
     * @param option an option constant, e.g. {@code SSL_SECURITY}, {@code SSL_HANDSHAKE_AS_CLIENT},
     *               {@code SSL_NO_CACHE}
     * @return the option's value (usually 0 or 1; some options take other values)
     * @throws NSPRError SEC_ERROR_INVALID_ARGS for an unknown option
     */
    @Python("get_ssl_default_option(option, /)")
    public static int getSslDefaultOption(int option) {
        return out(v -> Ssl3.SSL_OptionGetDefault(option, v));
    }

    /**
     * Sets the default of an SSL socket option for sockets made afterwards
     * (SSL_OptionSetDefault); {@link SSLSocket#setSslOption} overrides it per socket.
     *
     * @param option an option constant, e.g. {@code SSL_REQUIRE_CERTIFICATE}
     * @param value  the value (usually 0 or 1, or one of the option's constants)
     * @throws NSPRError SEC_ERROR_INVALID_ARGS for an unknown option or a value it refuses
     */
    @Python("set_ssl_default_option(option, value, /)")
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

    /**
     * The range of protocol versions this NSS supports
     * (SSL_VersionRangeGetSupported).
     *
     * @param variant  {@code SSL_VARIANT_STREAM} (TLS, the default) or {@code SSL_VARIANT_DATAGRAM} (DTLS)
     * @param reprKind how each version is given: {@code nss.AsEnum} (5, the default)
     *                 for the value, {@code nss.AsEnumName} for the constant's name,
     *                 {@code nss.AsString} for the short name ({@code "tls1.2"})
     * @return a two-item array (a tuple in Python): the lowest and the highest version
     * @throws IllegalArgumentException (ValueError) for another repr_kind
     * @throws NSPRError SEC_ERROR_INVALID_ARGS for an unknown variant
     */
    @Python("get_supported_ssl_version_range(protocol_variant=SSL_VARIANT_STREAM, repr_kind=5)")
    public static Object[] getSupportedSslVersionRange(@Python.Unsigned int variant, int reprKind) {
        return getRange(r -> Ssl3.SSL_VersionRangeGetSupported(variant, r), reprKind);
    }

    /**
     * The range of protocol versions sockets made afterwards enable
     * (SSL_VersionRangeGetDefault).
     *
     * @param variant  {@code SSL_VARIANT_STREAM} (TLS, the default) or {@code SSL_VARIANT_DATAGRAM} (DTLS)
     * @param reprKind how each version is given: {@code nss.AsEnum} (5, the default)
     *                 for the value, {@code nss.AsEnumName} for the constant's name,
     *                 {@code nss.AsString} for the short name ({@code "tls1.2"})
     * @return a two-item array (a tuple in Python): the lowest and the highest version
     * @throws IllegalArgumentException (ValueError) for another repr_kind
     * @throws NSPRError SEC_ERROR_INVALID_ARGS for an unknown variant
     */
    @Python("get_default_ssl_version_range(protocol_variant=SSL_VARIANT_STREAM, repr_kind=5)")
    public static Object[] getDefaultSslVersionRange(@Python.Unsigned int variant, int reprKind) {
        return getRange(r -> Ssl3.SSL_VersionRangeGetDefault(variant, r), reprKind);
    }

    /**
     * Sets the range of protocol versions sockets made afterwards enable
     * (SSL_VersionRangeSetDefault); {@link SSLSocket#setSslVersionRange} overrides it per socket.
     *
     * @param min     the lowest version: an {@code SSL_LIBRARY_VERSION_*} value (Integer)
     *                or a name (String, e.g. {@code "tls1.2"})
     * @param max     the highest version, given the same way
     * @param variant {@code SSL_VARIANT_STREAM} (TLS, the default) or {@code SSL_VARIANT_DATAGRAM} (DTLS)
     * @throws org.jnss.core.ArgumentError (TypeError) if a version is neither an int nor a string
     * @throws org.jnss.core.NotFoundError (KeyError) for an unknown version name
     * @throws NSPRError SSL_ERROR_INVALID_VERSION_RANGE if the range is empty or
     *         outside what NSS supports
     */
    @Python("set_default_ssl_version_range(min_version, max_version, protocol_variant=SSL_VARIANT_STREAM)")
    public static void setDefaultSslVersionRange(Object min, Object max, @Python.Unsigned int variant) {
        setRange(min, max, r -> Ssl3.SSL_VersionRangeSetDefault(variant, r));
    }

    // ---- session caches --------------------------------------------------------

    /**
     * Empties the client's session cache (SSL_ClearSessionCache), so that the
     * next connections make full handshakes.
     */
    @Python("clear_session_cache()")
    public static void clearSessionCache() {
        Ssl3.SSL_ClearSessionCache();
    }

    /**
     * Sets up the server's session cache for this process
     * (SSL_ConfigServerSessionIDCache). A server needs one before its first
     * handshake; when a program serves without calling this, a cache with NSS's
     * defaults is configured for it. {@link #shutdownServerSessionIdCache()} releases it.
     *
     * @param maxEntries  the most cached sessions; 0 (the default) for NSS's default
     * @param ssl2Timeout how long an SSL 2 session stays valid, in seconds; 0 (the default) for NSS's default
     * @param ssl3Timeout how long an SSL 3/TLS session stays valid, in seconds; 0 (the default) for NSS's default
     * @param directory   where the cache's files go; null (None, the default) for NSS's default directory
     * @throws NSPRError if NSS cannot set up the cache
     */
    @Python("config_server_session_id_cache(max_cache_entries=0, ssl2_timeout=0, ssl3_timeout=0, directory=None)")
    public static void configServerSessionIdCache(int maxEntries, @Python.Unsigned('I') int ssl2Timeout, @Python.Unsigned('I') int ssl3Timeout,
                                                  String directory) {
        configServerCache(() -> Ssl3.SSL_ConfigServerSessionIDCache(maxEntries, ssl2Timeout, ssl3Timeout, Mem.utf8z(directory)));
    }

    /**
     * Sets up a server session cache that several server processes share
     * (NSS's multi-process cache, SSL_ConfigMPServerSIDCache).
     *
     * @param maxEntries  the most cached sessions; 0 (the default) for NSS's default
     * @param ssl2Timeout how long an SSL 2 session stays valid, in seconds; 0 (the default) for NSS's default
     * @param ssl3Timeout how long an SSL 3/TLS session stays valid, in seconds; 0 (the default) for NSS's default
     * @param directory   where the cache's files go; null (None, the default) for NSS's default directory
     * @throws NSPRError if NSS cannot set up the cache
     */
    @Python("config_mp_server_sid_cache(max_cache_entries=0, ssl2_timeout=0, ssl3_timeout=0, directory=None)")
    public static void configMpServerSidCache(int maxEntries, @Python.Unsigned('I') int ssl2Timeout, @Python.Unsigned('I') int ssl3Timeout,
                                              String directory) {
        configServerCache(() -> Ssl3.SSL_ConfigMPServerSIDCache(maxEntries, ssl2Timeout, ssl3Timeout, Mem.utf8z(directory)));
    }

    /**
     * Sets up the server's session cache for this process with separate limits
     * for sessions, certificates and server names
     * (SSL_ConfigServerSessionIDCacheWithOpt), always single-process.
     *
     * <p>python-nss 1.0.1 declares seven keywords but parses six values: the
     * cache is configured by calls that give at most the first five; CPython 2's
     * argument parser refuses any call that gives directory or enable_mp_cache
     * with RuntimeError, before NSS is called. Kept so.
     *
     * @param maxEntries           the most cached sessions; 0 (the default) for NSS's default
     * @param maxCertEntries       the most cached certificates; 0 (the default) for NSS's default
     * @param maxServerNameEntries the most cached server names; 0 (the default) for NSS's default
     * @param ssl2Timeout          SSL 2 session lifetime in seconds; 0 (the default) or out of
     *                             range for NSS's default
     * @param ssl3Timeout          SSL 3/TLS session lifetime in seconds; 0 (the default) or out of
     *                             range for NSS's default
     * @param directory            must be omitted (null)
     * @param enableMpCache        must be omitted (null)
     * @throws org.jnss.core.InterpreterError (RuntimeError) if directory or enable_mp_cache is given
     * @throws NSPRError if NSS cannot set up the cache
     */
    @Python("config_server_session_id_cache_with_opt(max_cache_entries=0, max_cert_cache_entries=0, "
            + "max_server_name_cache_entries=0, ssl2_timeout=0, ssl3_timeout=0, directory=, enable_mp_cache=)")
    public static void configServerSessionIdCacheWithOpt(int maxEntries, int maxCertEntries, int maxServerNameEntries,
                                                         @Python.Unsigned('I') long ssl2Timeout, @Python.Unsigned('I') long ssl3Timeout,
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

    /**
     * Releases the server's session cache (SSL_ShutdownServerSessionIDCache).
     * NSS would go on using a released cache in later server handshakes (and
     * crash), so the release is recorded here and done when it is safe: before
     * a cache is configured again, or when NSS shuts down.
     */
    @Python("shutdown_server_session_id_cache()")
    public static void shutdownServerSessionIdCache() {
        // done once no server handshake can use the cache any more (see NssRuntime)
        NssRuntime.deferServerCacheShutdown();
    }

    /**
     * The most locks a server session cache configured afterwards will use
     * (SSL_GetMaxServerCacheLocks).
     *
     * @return the number of locks
     */
    @Python("get_max_server_cache_locks()")
    public static long getMaxServerCacheLocks() {
        return Ssl3.SSL_GetMaxServerCacheLocks() & 0xffffffffL;
    }

    /**
     * Sets the most locks a server session cache uses
     * (SSL_SetMaxServerCacheLocks); call before configuring the cache.
     *
     * @param maxLocks the number of locks, at least 2
     * @throws NSPRError SEC_ERROR_INVALID_ARGS for fewer than 2
     */
    @Python("set_max_server_cache_locks(max_locks, /)")
    public static void setMaxServerCacheLocks(@Python.Unsigned('I') int maxLocks) {
        if (Ssl3.SSL_SetMaxServerCacheLocks(maxLocks) != 0) throw NSPRError.last();
    }

    /**
     * The value an NSS getter writes to its int out-argument (the address it is
     * given, in the thread's buffer: a Java array argument JNA would copy in and
     * out); NSPRError when the getter fails.
     */
    static int out(java.util.function.LongToIntFunction getter) {
        try (ThreadBuffer b = ThreadBuffer.take(Integer.BYTES)) {
            if (getter.applyAsInt(b.address()) != 0) throw NSPRError.last();
            return Mem.getInt(b.address(), 0);
        }
    }
}
