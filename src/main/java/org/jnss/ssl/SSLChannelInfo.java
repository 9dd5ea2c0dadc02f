package org.jnss.ssl;

import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.natives.Mem;
import org.jnss.nss.SecItem;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The state of an SSL connection (SSL_GetChannelInfo), copied to the Java heap;
 * Python's {@code nss.ssl.SSLChannelInfo}. Made by
 * {@link SSLSocket#getSslChannelInfo()} ({@code get_ssl_channel_info()}) only
 * (python-nss's own constructor makes an object whose use crashes). Immutable:
 * a snapshot taken when it was made; owns no native memory. Its {@code str()}
 * (and {@code toString()}) lists the fields, one per line.
 *
 * <p>Times are returned as {@link LocalDateTime} (Python: a naive
 * {@code datetime}), in the local time zone or, for the {@code _utc}
 * properties, in UTC.
 */
public final class SSLChannelInfo extends FormattedValue {
    /** sizeof(SSLChannelInfo) in NSS 3.87 and field offsets (offsetof, /usr/include/nss/sslt.h) */
    static final int SIZE = 136;
    private static final int PROTOCOL = 4, SUITE = 6, AUTH_BITS = 8, KEA_BITS = 12, CREATED = 16, ACCESSED = 20,
            EXPIRES = 24, SID_LEN = 28, SID = 32, COMPRESSION_NAME = 64, COMPRESSION = 72;
    private static final DateTimeFormatter FMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int protocolVersion, cipherSuite, authKeyBits, keaKeyBits, compressionMethod;
    private final long creationTime, lastAccessTime, expirationTime;
    private final byte[] sessionId;
    private final String compressionMethodName;

    SSLChannelInfo(long p) {
        protocolVersion = Mem.getShort(p, PROTOCOL) & 0xffff;
        cipherSuite = Mem.getShort(p, SUITE) & 0xffff;
        authKeyBits = Mem.getInt(p, AUTH_BITS);
        keaKeyBits = Mem.getInt(p, KEA_BITS);
        creationTime = Mem.getInt(p, CREATED) & 0xffffffffL;
        lastAccessTime = Mem.getInt(p, ACCESSED) & 0xffffffffL;
        expirationTime = Mem.getInt(p, EXPIRES) & 0xffffffffL;
        int n = Math.min(32, Math.max(0, Mem.getInt(p, SID_LEN)));
        sessionId = Mem.read(p, SID, n);
        long name = Mem.getPointer(p, COMPRESSION_NAME);
        compressionMethodName = name == 0 ? null : Mem.cString(name);
        compressionMethod = Mem.getInt(p, COMPRESSION);
    }

    private static LocalDateTime local(long t) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(t), ZoneId.systemDefault());
    }

    private static LocalDateTime utc(long t) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(t), ZoneOffset.UTC);
    }

    /**
     * The negotiated protocol version as on the wire: major number in the high byte, minor in the
     * low (0x0303 is TLS 1.2).
     *
     * @return the version
     */
    @Python("protocol_version")
    public int getProtocolVersion() {
        return protocolVersion;
    }

    /**
     * The negotiated protocol version as an {@code SSL_LIBRARY_VERSION_*} value,
     * computed as python-nss does from the major and minor numbers.
     *
     * @return the version constant's value, e.g. {@code SSL_LIBRARY_VERSION_TLS_1_2}
     * @throws IllegalArgumentException (ValueError) for a version python-nss does
     *         not know (e.g. before the handshake, when the version is 0.0)
     */
    @Python("protocol_version_enum")
    public int getProtocolVersionEnum() {
        versionStr();
        return Ssl.SSL_LIBRARY_VERSION_3_0 + (protocolVersion & 0xff);
    }

    /**
     * The short name of the negotiated protocol version, e.g. {@code "tls1.2"}.
     *
     * @return the name (str)
     */
    @Python("protocol_version_str")
    public String getProtocolVersionStr() {
        return versionStr();
    }

    /**
     * The major number of the negotiated protocol version (3 for SSL 3 and every TLS version).
     *
     * @return the major number
     */
    @Python("major_protocol_version")
    public int getMajorProtocolVersion() {
        return protocolVersion >> 8;
    }

    /**
     * The minor number of the negotiated protocol version (TLS 1.2 is 3.3, so 3).
     *
     * @return the minor number
     */
    @Python("minor_protocol_version")
    public int getMinorProtocolVersion() {
        return protocolVersion & 0xff;
    }

    /**
     * The negotiated cipher suite's value; {@code ssl_cipher_suite_name()} names it and {@code
     * get_cipher_suite_info()} describes it.
     *
     * @return the suite value
     */
    @Python("cipher_suite")
    public int getCipherSuite() {
        return cipherSuite;
    }

    /**
     * The size of the key that authenticated the server (its certificate's key), in bits.
     *
     * @return the key size in bits
     */
    @Python("auth_key_bits")
    public int getAuthKeyBits() {
        return authKeyBits;
    }

    /**
     * The size of the key exchange's key, in bits.
     *
     * @return the key size in bits
     */
    @Python("kea_key_bits")
    public int getKeaKeyBits() {
        return keaKeyBits;
    }

    /**
     * When the session was created, in local time.
     *
     * @return the time (a naive datetime in Python)
     */
    @Python("creation_time")
    public LocalDateTime getCreationTime() {
        return local(creationTime);
    }

    /**
     * When the session was created, in UTC.
     *
     * @return the time (a naive datetime in Python)
     */
    @Python("creation_time_utc")
    public LocalDateTime getCreationTimeUtc() {
        return utc(creationTime);
    }

    /**
     * When the session was last used, in local time.
     *
     * @return the time (a naive datetime in Python)
     */
    @Python("last_access_time")
    public LocalDateTime getLastAccessTime() {
        return local(lastAccessTime);
    }

    /**
     * When the session was last used, in UTC.
     *
     * @return the time (a naive datetime in Python)
     */
    @Python("last_access_time_utc")
    public LocalDateTime getLastAccessTimeUtc() {
        return utc(lastAccessTime);
    }

    /**
     * The session's expiration time as python-nss 1.0.1 gives it: in fact the
     * creation time (str() shows the real expiration time); kept as it is.
     *
     * @return the creation time in local time (a naive datetime in Python)
     */
    @Python("expiration_time")
    public LocalDateTime getExpirationTime() {
        return local(creationTime);
    }

    /**
     * The session's expiration time in UTC as python-nss 1.0.1 gives it: the creation time (see
     * {@link #getExpirationTime()}).
     *
     * @return the creation time in UTC (a naive datetime in Python)
     */
    @Python("expiration_time_utc")
    public LocalDateTime getExpirationTimeUtc() {
        return utc(creationTime);
    }

    /**
     * The negotiated compression, as NSS's SSLCompressionMethod value (0: none).
     *
     * @return the compression method
     */
    @Python("compression_method")
    public int getCompressionMethod() {
        return compressionMethod;
    }

    /**
     * The name of the negotiated compression, e.g. {@code "NULL"}.
     *
     * @return the name (str), or null (None in Python) if NSS gives none
     */
    @Python("compression_method_name")
    public String getCompressionMethodName() {
        return compressionMethodName;
    }

    /**
     * The session's id.
     *
     * @return a new SecItem holding the id (at most 32 bytes; may be empty)
     */
    @Python("session_id")
    public SecItem getSessionId() {
        return new SecItem(sessionId);
    }

    private String versionStr() {
        return Ssl.getSslVersionFromMajorMinor(protocolVersion >> 8, protocolVersion & 0xff);
    }

    String versionText() {
        return (protocolVersion >> 8) + "." + (protocolVersion & 0xff) + " (" + versionStr() + ")";
    }

    static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

    /**
     * The connection's description as python-nss's {@code format_lines()}
     * gives it: protocol version, cipher suite, key sizes, times (local),
     * compression, and the session id in hexadecimal, 16 bytes a line.
     *
     * @param level the indentation level of the lines
     * @return the lines
     * @throws IllegalArgumentException (ValueError) if the protocol version is
     *         not one python-nss knows (e.g. before the handshake)
     */
    @Override
    public Lines lines(int level) {
        Lines out = new Lines();
        List<Object[]> l = out.list;
        String suiteName;
        try {
            suiteName = Ssl.sslCipherSuiteName(cipherSuite);
        } catch (RuntimeException e) {
            suiteName = "unknown";
        }
        l.add(new Object[]{level, "Protocol Version:", versionText()});
        l.add(new Object[]{level, "Cipher Suite:", suiteName + " (" + hex(cipherSuite) + ")"});
        l.add(new Object[]{level, "Auth Key Bits:", Integer.toString(authKeyBits)});
        l.add(new Object[]{level, "Key Exchange Key Bits:", Integer.toString(keaKeyBits)});
        l.add(new Object[]{level, "Creation Time:", FMT.format(local(creationTime))});
        l.add(new Object[]{level, "Last Access Time:", FMT.format(local(lastAccessTime))});
        l.add(new Object[]{level, "Expiration Time:", FMT.format(local(expirationTime))});
        l.add(new Object[]{level, "Compression Method:", compressionMethodName + " (" + hex(compressionMethod) + ")"});
        l.add(new Object[]{level, "Session ID:"});
        for (int i = 0; i < sessionId.length; i += 16) {
            StringBuilder sb = new StringBuilder();
            int end = Math.min(sessionId.length, i + 16);
            for (int k = i; k < end; k++) {
                org.jnss.asn1.Codec.appendHex(sb, sessionId[k] & 0xff, 2);
                if (k < sessionId.length - 1) sb.append(':');
            }
            l.add(new Object[]{level + 1, sb.toString()});
        }
        return out;
    }
}
