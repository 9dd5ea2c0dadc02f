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
 * The state of an SSL connection (SSL_GetChannelInfo), copied to the Java heap.
 * Made by {@code SSLSocket.get_ssl_channel_info()} only (python-nss's own
 * constructor makes an object whose use crashes).
 */
@Python.Type(doc = "An object representing the state of an SSL connection (see SSLSocket.get_ssl_channel_info())")
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

    @Python("protocol_version") public int getProtocolVersion() { return protocolVersion; }
    /** As python-nss: the version named by the major and minor numbers (ValueError for one it does not know). */
    @Python("protocol_version_enum") public int getProtocolVersionEnum() {
        versionStr();
        return Ssl.SSL_LIBRARY_VERSION_3_0 + (protocolVersion & 0xff);
    }
    @Python("protocol_version_str") public String getProtocolVersionStr() { return versionStr(); }
    @Python("major_protocol_version") public int getMajorProtocolVersion() { return protocolVersion >> 8; }
    @Python("minor_protocol_version") public int getMinorProtocolVersion() { return protocolVersion & 0xff; }
    @Python("cipher_suite") public int getCipherSuite() { return cipherSuite; }
    @Python("auth_key_bits") public int getAuthKeyBits() { return authKeyBits; }
    @Python("kea_key_bits") public int getKeaKeyBits() { return keaKeyBits; }
    @Python("creation_time") public LocalDateTime getCreationTime() { return local(creationTime); }
    @Python("creation_time_utc") public LocalDateTime getCreationTimeUtc() { return utc(creationTime); }
    @Python("last_access_time") public LocalDateTime getLastAccessTime() { return local(lastAccessTime); }
    @Python("last_access_time_utc") public LocalDateTime getLastAccessTimeUtc() { return utc(lastAccessTime); }
    /** python-nss 1.0.1 answers the creation time here (str() shows the real expiration time); kept as it is. */
    @Python("expiration_time") public LocalDateTime getExpirationTime() { return local(creationTime); }
    @Python("expiration_time_utc") public LocalDateTime getExpirationTimeUtc() { return utc(creationTime); }
    @Python("compression_method") public int getCompressionMethod() { return compressionMethod; }
    @Python("compression_method_name") public String getCompressionMethodName() { return compressionMethodName; }
    @Python("session_id") public SecItem getSessionId() { return new SecItem(sessionId); }

    private String versionStr() {
        return Ssl.getSslVersionFromMajorMinor(protocolVersion >> 8, protocolVersion & 0xff);
    }

    String versionText() {
        return (protocolVersion >> 8) + "." + (protocolVersion & 0xff) + " (" + versionStr() + ")";
    }

    static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

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
                sb.append(String.format("%02x", sessionId[k] & 0xff));
                if (k < sessionId.length - 1) sb.append(':');
            }
            l.add(new Object[]{level + 1, sb.toString()});
        }
        return out;
    }
}
