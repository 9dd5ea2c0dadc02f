package org.jnss.ssl;

import org.jnss.pki.CertVerify;
import org.jnss.core.ArgumentError;
import org.jnss.core.NotFoundError;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.io.IoConstants;
import org.jnss.io.NetworkAddress;
import org.jnss.nss.Nss;
import org.jnss.nss.NssRuntime;
import org.jnss.pk11.PrivateKey;
import org.jnss.pki.Certificate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SSL core from Java: cipher suite information and names, and TLS 1.3
 * exchanges on loopback with the certificates of test-vectors/db (NSS decides
 * every certificate question; a refusing callback must stay in force even when
 * nothing but native code references it).
 */
class SslTest {
    private static final String DB = "sql:" + Path.of(System.getProperty("user.dir"), "test-vectors", "db");
    private static final String HOST = "server.example.com";

    private static boolean started;
    /** NSS was up (without the test database) before this class: put it back the same way afterwards */
    private static boolean wasUp;

    @BeforeAll
    static void init() {
        if (NssRuntime.isInitialized()) {
            // another class left NSS up without a database (it re-initializes when it finds NSS down)
            try {
                System.gc();
                Nss.nssShutdown();
                wasUp = true;
            } catch (NSPRError busy) {
                return; // objects of another class are still in use: the exchanges are skipped
            }
        }
        Nss.nssInit(DB);
        started = true;
        Ssl.setDomesticPolicy();
        Ssl.configServerSessionIdCache(0, 0, 0, null);
    }

    @AfterAll
    static void shutdown() {
        if (started) {
            Ssl.shutdownServerSessionIdCache();
            Ssl.clearSessionCache();
            System.gc();
            Nss.nssShutdown();
            if (wasUp) Nss.nssInitNodb();
        }
    }

    @Test
    void cipherSuiteInfo() {
        SSLCipherSuiteInfo i = Ssl.getCipherSuiteInfo(SslConstants.TLS_AES_128_GCM_SHA256);
        assertEquals("TLS_AES_128_GCM_SHA256", i.getCipherSuiteName());
        assertEquals("AES-GCM", i.getSymmetricCipherName());
        assertEquals(128, i.getSymmetricKeyBits());
        assertTrue(i.isFips());
        assertEquals("Cipher Suite: TLS_AES_128_GCM_SHA256 (0x1301)", i.str().split("\n")[0]);
        assertEquals("    Effective Symmetric Key Bits: 128", i.str().split("\n")[5]);
        NSPRError e = assertThrows(NSPRError.class, () -> Ssl.getCipherSuiteInfo(0xffff));
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, e.getErrorCode());
    }

    @Test
    void names() {
        // python-nss's table: a value shared by several constants answers with the one it registered last
        assertEquals("SRTP_AES128_CM_HMAC_SHA1_80", Ssl.sslCipherSuiteName(1));
        assertEquals(1, Ssl.sslCipherSuiteFromName("TLS_RSA_WITH_NULL_MD5"));
        assertThrows(NotFoundError.class, () -> Ssl.sslCipherSuiteName(-1));
        assertEquals("tls1.2", Ssl.sslLibraryVersionName(0x303, Ssl.AS_STRING));
        assertEquals("SSL_LIBRARY_VERSION_TLS_1_3", Ssl.sslLibraryVersionName(0x304, Ssl.AS_ENUM_NAME));
        assertEquals(0x301, Ssl.sslLibraryVersionFromName("tls1.0"));
        assertEquals("tls1.3", Ssl.getSslVersionFromMajorMinor(3, 4));
        assertThrows(IllegalArgumentException.class, () -> Ssl.getSslVersionFromMajorMinor(2, 0));
        assertThrows(ArgumentError.class, () -> Ssl.setDefaultSslVersionRange(1.5, 2, 0));
        assertArrayEquals(new Object[]{"tls1.0", "tls1.3"}, Ssl.getSupportedSslVersionRange(0, Ssl.AS_STRING));
    }

    /** One-connection echo server on loopback, in a thread. */
    private static final class Server implements AutoCloseable {
        final SSLSocket listener = new SSLSocket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP);
        final List<Throwable> errors = new ArrayList<>();
        final Thread thread;
        final int port;

        Server() {
            Certificate cert = CertVerify.findCertFromNickname("server");
            PrivateKey key = CertVerify.findKeyByAnyCert(cert);
            listener.configSecureServer(cert, key, cert.findKeaType());
            listener.bind(new NetworkAddress(IoConstants.PR_IpAddrLoopback, 0, IoConstants.PR_AF_INET));
            listener.listen(5);
            port = listener.getSockName().getPort();
            thread = new Thread(() -> {
                try {
                    Object[] acc = listener.accept((int) IoConstants.PR_INTERVAL_NO_TIMEOUT);
                    try (SSLSocket c = (SSLSocket) acc[0]) {
                        byte[] line = c.readline(0);
                        c.send(("{" + new String(line, StandardCharsets.ISO_8859_1).trim() + "}\n")
                                .getBytes(StandardCharsets.ISO_8859_1), (int) IoConstants.PR_INTERVAL_NO_TIMEOUT);
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            });
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            thread.join(20_000);
            listener.close();
        }
    }

    private static String exchange(int port, String host, SSLSocket.AuthCertificateCallback auth) {
        try (SSLSocket s = new SSLSocket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP)) {
            s.setHostname(host);
            if (auth != null) s.setAuthCertificateCallback(auth, "ud");
            // a callback only native code refers to must survive collections
            for (int i = 0; i < 3; i++) System.gc();
            s.connect(new NetworkAddress(IoConstants.PR_IpAddrLoopback, port, IoConstants.PR_AF_INET),
                    (int) IoConstants.PR_INTERVAL_NO_TIMEOUT);
            s.send("hello\n".getBytes(StandardCharsets.ISO_8859_1), (int) IoConstants.PR_INTERVAL_NO_TIMEOUT);
            String reply = new String(s.readline(0), StandardCharsets.ISO_8859_1);
            assertEquals("tls1.3", s.getSslChannelInfo().getProtocolVersionStr());
            return reply;
        } finally {
            Ssl.clearSessionCache();
        }
    }

    @Test
    void exchangeVerifiedByNss() throws Exception {
        assumeTrue(started, "NSS was initialized without the test database");
        try (Server srv = new Server()) {
            assertEquals("{hello}\n", exchange(srv.port, HOST, null));
        }
    }

    @Test
    void wrongHostNameIsRefused() throws Exception {
        assumeTrue(started, "NSS was initialized without the test database");
        try (Server srv = new Server()) {
            NSPRError e = assertThrows(NSPRError.class, () -> exchange(srv.port, "wrong.example.com", null));
            assertEquals(ErrorConstants.SSL_ERROR_BAD_CERT_DOMAIN, e.getErrorCode());
        }
    }

    @Test
    void refusingCallbackStaysInForce() throws Exception {
        assumeTrue(started, "NSS was initialized without the test database");
        AtomicInteger calls = new AtomicInteger();
        try (Server srv = new Server()) {
            assertThrows(NSPRError.class, () -> exchange(srv.port, HOST, (sock, checkSig, isServer, ud) -> {
                calls.incrementAndGet();
                assertNotNull(sock.getPeerCertificate());
                return false;
            }));
        }
        assertEquals(1, calls.get());
    }

    @Test
    void throwingCallbackRefusesWithTheThreadsError() throws Exception {
        // as python-nss's hook: the handshake fails with the error the callback's thread has
        // (SSL_ERROR_BAD_CERTIFICATE when it has none)
        assumeTrue(started, "NSS was initialized without the test database");
        int[][] cases = {{ErrorConstants.SEC_ERROR_INVALID_ARGS, ErrorConstants.SEC_ERROR_INVALID_ARGS},
                {0, ErrorConstants.SSL_ERROR_BAD_CERTIFICATE}};
        for (int[] c : cases) {
            try (Server srv = new Server()) {
                NSPRError e = assertThrows(NSPRError.class, () -> exchange(srv.port, HOST, (sock, cs, s, ud) -> {
                    org.jnss.natives.Nspr4.PR_SetError(c[0], 0);
                    throw new IllegalStateException("callback failure");
                }));
                assertEquals(c[1], e.getErrorCode());
            }
        }
    }

    @Test
    void closedSocketRaisesInsteadOfCrashing() {
        SSLSocket s = new SSLSocket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP);
        s.close();
        assertThrows(NSPRError.class, s::forceHandshake);
        assertThrows(NSPRError.class, () -> s.setHostname("x"));
        assertThrows(NSPRError.class, s::getPeerCertificate);
        assertThrows(NSPRError.class, () -> s.getSslOption(1));
    }
}
