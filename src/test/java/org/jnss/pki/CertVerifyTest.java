package org.jnss.pki;

import org.jnss.core.ArgumentError;
import org.jnss.error.CertVerifyError;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verification through the Java core without a database: nothing is trusted,
 * so NSS must refuse every chain (no trust-all shortcut), and the log must
 * report what NSS reported.
 */
class CertVerifyTest {
    private static final Path VECTORS = Path.of(System.getProperty("user.dir"), "test-vectors", "certs");
    private static final long SSL_SERVER = NssConstants.certificateUsageSSLServer;

    private static boolean started;

    @BeforeAll
    static void init() {
        if (!NssRuntime.isInitialized()) {
            Nss.nssInitNodb();
            started = true;
        }
    }

    /** Leaves NSS as found: the other test classes of this JVM may initialize it their own way. */
    @AfterAll
    static void shutdown() {
        if (started) {
            System.gc();
            Nss.nssShutdown();
        }
    }

    private static Certificate cert(String name) throws IOException {
        return Certificate.create(Files.readAllBytes(VECTORS.resolve(name + ".der")), null, false, null);
    }

    private static CertDB db() {
        return Pki.getDefaultCertdb();
    }

    @Test
    void untrustedChainFailsWithTheIssuerInTheLog() throws IOException {
        try (Certificate ca = cert("ca"); Certificate server = cert("server")) {
            CertVerifyError e = assertThrows(CertVerifyError.class,
                    () -> server.verifyNow(db(), true, SSL_SERVER));
            assertTrue(e.getErrorCode() == ErrorConstants.SEC_ERROR_UNTRUSTED_ISSUER
                    || e.getErrorCode() == ErrorConstants.SEC_ERROR_UNKNOWN_ISSUER, e.getMessage());
            assertEquals(0, e.getUsages());
            assertNull(e.getLog());

            CertVerifyError logged = assertThrows(CertVerifyError.class,
                    () -> server.verifyWithLog(db(), true, SSL_SERVER, null));
            CertVerifyLog log = assertInstanceOf(CertVerifyLog.class, logged.getLog());
            assertTrue(log.getCount() >= 1);
            CertVerifyLogNode node = log.getItem(log.getCount() - 1);
            assertEquals(logged.getErrorCode(), node.getError());
            String text = log.str();
            assertTrue(text.startsWith("Validation Errors: " + log.getCount() + "\n"), text);
            assertTrue(text.contains("Issuer: CN=jnss Test CA,O=jnss,C=US"), text);
            assertEquals(log.getItem(log.len() - 1).getDepth(), node.getDepth());
            assertThrows(IndexOutOfBoundsException.class, () -> log.getItem(log.getCount()));
            for (CertVerifyLogNode n : log.nodes()) n.getCertificate().close();
        }
    }

    @Test
    void verifyAtATimeOutsideTheValidityReportsExpiry() throws IOException {
        try (Certificate ca = cert("ca"); Certificate expired = cert("expired")) {
            CertVerifyError e = assertThrows(CertVerifyError.class,
                    () -> expired.verify(db(), false, SSL_SERVER, null));
            assertFalse(e.getErrorCode() == 0);
            CertVerifyError logged = assertThrows(CertVerifyError.class,
                    () -> expired.verifyWithLog(db(), false, SSL_SERVER, null));
            List<CertVerifyLogNode> nodes = ((CertVerifyLog) logged.getLog()).nodes();
            assertTrue(nodes.stream().anyMatch(n -> n.getError() == ErrorConstants.SEC_ERROR_EXPIRED_CERTIFICATE
                    && n.getDepth() == 0));
            String node = nodes.get(0).str();
            assertTrue(node.startsWith("Certificate:\n    Subject:  CN=expired.example.com"), node);
            assertEquals(NssConstants.secCertTimeExpired, expired.checkValidTimes(null, false));
            assertEquals(NssConstants.secCertTimeValid, ca.checkValidTimes(null, false));
        }
    }

    @Test
    void argumentsAndClosedCertificates() throws IOException {
        Certificate server = cert("server");

        assertThrows(ArgumentError.class, () -> server.verify(db(), true, SSL_SERVER, "now"));
        assertThrows(ArgumentError.class, () -> server.hasSignerInCaNames(List.of("x")));
        assertFalse(server.hasSignerInCaNames(List.of()));
        assertTrue(server.verifyHostname("server.example.com"));
        assertFalse(server.verifyHostname("server.example.org"));
        assertEquals(NssConstants.ssl_kea_rsa, server.findKeaType());
        assertEquals(Boolean.FALSE, server.isCaCert(false));
        server.close();
        assertThrows(NSPRError.class, () -> server.verifyNow(db(), true, SSL_SERVER));
        assertThrows(NSPRError.class, () -> server.verifyHostname("server.example.com"));
        assertThrows(NSPRError.class, () -> server.getCertChain(null, NssConstants.certUsageAnyCA));
    }
}
