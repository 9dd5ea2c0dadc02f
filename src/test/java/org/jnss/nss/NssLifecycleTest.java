package org.jnss.nss;

import org.jnss.pk11.Digests;
import org.jnss.asn1.OidNames;
import org.jnss.asn1.Codec;
import org.jnss.core.NativeResource;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.pk11.Bulk;
import org.jnss.pk11.PK11Context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NSS initialisation, shutdown and object lifetimes, and the digests, through
 * the plain-Java API. Every test starts and ends with NSS down.
 */
class NssLifecycleTest {
    private static final int NOCERTDB = NssConstants.NSS_INIT_NOCERTDB | NssConstants.NSS_INIT_NOMODDB
            | NssConstants.NSS_INIT_FORCEOPEN;

    private static void down() {
        while (Nss.nssIsInitialized()) Nss.nssShutdown();
    }

    @BeforeEach
    void before() {
        down();
    }

    @AfterEach
    void after() {
        down();
    }

    /** Dropped NSS objects are freed under native pressure, without the program collecting. */
    @Test
    void droppedContextsAreFreedUnderPressure() throws InterruptedException {
        Nss.nssInitNodb();
        int n = 100_000;   // more than the pressure step can have grown to in earlier tests
        for (int i = 0; i < n; i++) Digests.createDigestContext(NssConstants.SEC_OID_SHA256).digestBegin();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (org.jnss.core.Lifecycle.liveBlockingCount() >= n / 2 && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(org.jnss.core.Lifecycle.liveBlockingCount() < n / 2, "live: " + org.jnss.core.Lifecycle.liveBlockingCount());
    }

    private static int code(Runnable r) {
        return assertThrows(NSPRError.class, r::run).getErrorCode();
    }

    @Test
    void digestsMatchTheJdk() throws Exception {
        Nss.nssInitNodb();
        Random random = new Random(1);
        String[][] algs = {{"MD5", "md5"}, {"SHA-1", "sha1"}, {"SHA-256", "sha256"}, {"SHA-512", "sha512"}};
        int[] tags = {NssConstants.SEC_OID_MD5, NssConstants.SEC_OID_SHA1, NssConstants.SEC_OID_SHA256, NssConstants.SEC_OID_SHA512};
        for (int n : new int[]{0, 1, 55, 56, 64, 127, 1000, 100_000}) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            byte[][] ours = {Digests.md5Digest(data), Digests.sha1Digest(data), Digests.sha256Digest(data), Digests.sha512Digest(data)};
            for (int i = 0; i < algs.length; i++) {
                byte[] expect = MessageDigest.getInstance(algs[i][0]).digest(data);
                assertArrayEquals(expect, ours[i], algs[i][1] + " of " + n + " bytes");
                assertArrayEquals(expect, Digests.hashBuf(tags[i], data));
                try (PK11Context cx = Digests.createDigestContext(tags[i])) {
                    cx.digestBegin();
                    for (int off = 0; off < n; off += 333) cx.digestOp(Arrays.copyOfRange(data, off, Math.min(n, off + 333)));
                    assertArrayEquals(expect, cx.digestFinal());
                }
            }
        }
    }

    @Test
    void digestsOfLargeReadOnlyBuffersAreChunkedCorrectly() throws Exception {
        Nss.nssInitNodb();
        // read-only views (what the Python surface passes for str) go through the chunked path
        Random random = new Random(7);
        for (int n : new int[]{Bulk.CHUNK - 1, Bulk.CHUNK, Bulk.CHUNK + 1, 3 * Bulk.CHUNK + 17, 1 << 20}) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(data).asReadOnlyBuffer();
            byte[] expect = MessageDigest.getInstance("SHA-256").digest(data);
            assertArrayEquals(expect, Digests.sha256Digest(view), n + " bytes");
            assertEquals(0, view.position(), "the caller's buffer is not consumed");
            try (PK11Context cx = Digests.createDigestContext(NssConstants.SEC_OID_SHA256)) {
                cx.digestBegin();
                cx.digestOp(view);
                assertArrayEquals(expect, cx.digestFinal(), "digest_op of " + n + " bytes");
            }
        }
    }

    @Test
    void cloneAndFinalize() throws Exception {
        Nss.nssInitNodb();
        try (PK11Context cx = Digests.createDigestContext(NssConstants.SEC_OID_SHA256)) {
            cx.digestBegin();
            cx.digestOp("ab".getBytes());
            try (PK11Context copy = cx.cloneContext(cx)) {
                cx.digestOp("c".getBytes());
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                assertArrayEquals(md.digest("abc".getBytes()), cx.digestFinal());
                assertArrayEquals(md.digest("ab".getBytes()), copy.digestFinal());
            }
            assertEquals(ErrorConstants.SEC_ERROR_LIBRARY_FAILURE, code(cx::digestFinal));
            cx.digestBegin();
            cx.digestOp("x".getBytes());
            cx.finalizeOperation();
            assertEquals(ErrorConstants.SEC_ERROR_LIBRARY_FAILURE, code(() -> cx.digestOp("y".getBytes())));
        }
        assertEquals(ErrorConstants.SEC_ERROR_NO_MODULE, code(() -> Digests.createDigestContext(12345)));
        NSPRError e = assertThrows(NSPRError.class, () -> Digests.hashBuf(NssConstants.SEC_OID_AVA_COMMON_NAME, new byte[1]));
        assertEquals("unable to determine resulting hash length for hash_alg = X520 Common Name", e.getErrorMessage());
    }

    @Test
    void useAfterCloseIsAnError() {
        Nss.nssInitNodb();
        PK11Context cx = Digests.createDigestContext(NssConstants.SEC_OID_SHA1);
        cx.close();
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, code(cx::digestBegin));
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, code(() -> cx.cloneContext(cx)));
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, code(new PK11Context()::digestFinal));
    }

    private static void makeUnreferencedContexts(int n) {
        for (int i = 0; i < n; i++) {
            PK11Context cx = Digests.createDigestContext(NssConstants.SEC_OID_SHA1);
            cx.digestBegin();
            cx.cloneContext(cx);
        }
    }

    @Test
    void shutdownReleasesWhatIsNoLongerReferenced() {
        Nss.nssInitNodb();
        makeUnreferencedContexts(100);
        Nss.nssShutdown();
        assertFalse(Nss.nssIsInitialized());
        Nss.nssInitNodb();           // a failed (BUSY) shutdown would have made this impossible
        assertEquals(20, Digests.sha1Digest(new byte[0]).length);
    }

    @Test
    void shutdownIsRefusedWhileAnObjectIsReferencedAndNssStaysUsable() throws Exception {
        Nss.nssInitNodb();
        PK11Context cx = Digests.createDigestContext(NssConstants.SEC_OID_SHA1);
        cx.digestBegin();
        cx.digestOp("ab".getBytes());
        assertEquals(ErrorConstants.SEC_ERROR_BUSY, code(Nss::nssShutdown));
        assertTrue(Nss.nssIsInitialized());
        cx.digestOp("c".getBytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest("abc".getBytes()), cx.digestFinal());
        cx.close();
        Nss.nssShutdown();
        assertFalse(Nss.nssIsInitialized());
    }

    /**
     * Finished contexts give their native context back once many are waiting
     * (PK11Context's parking): one kept across that still keeps NSS busy,
     * works as before, and is released at shutdown once dropped.
     */
    @Test
    void parkedContextsKeepTheirBehaviour() throws Exception {
        Nss.nssInitNodb();
        PK11Context kept = Digests.createDigestContext(NssConstants.SEC_OID_SHA1);
        kept.digestOp("ab".getBytes());
        kept.digestFinal();
        for (int i = 0; i < 1000; i++) {
            try (PK11Context other = Digests.createDigestContext(NssConstants.SEC_OID_SHA1)) {
                other.digestFinal();
            }
        }
        PK11Context dropped = Digests.createDigestContext(NssConstants.SEC_OID_SHA1);
        dropped.digestFinal();
        for (int i = 0; i < 1000; i++) Digests.createDigestContext(NssConstants.SEC_OID_MD5).digestFinal();
        dropped = null;
        assertEquals(ErrorConstants.SEC_ERROR_LIBRARY_FAILURE, code(() -> kept.digestOp("x".getBytes())),
                "a completed operation stays completed");
        assertEquals(ErrorConstants.SEC_ERROR_BUSY, code(Nss::nssShutdown));
        assertTrue(Nss.nssIsInitialized());
        kept.digestBegin();
        kept.digestOp("abc".getBytes());
        PK11Context copy = kept.cloneContext(kept);
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest("abc".getBytes()), kept.digestFinal());
        copy.digestOp("d".getBytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest("abcd".getBytes()), copy.digestFinal());
        kept.close();
        copy.close();
        Nss.nssShutdown();
        assertFalse(Nss.nssIsInitialized());
    }

    /** One-call digests reuse digest contexts: never across a shutdown, and never keeping NSS busy. */
    @Test
    void oneCallDigestsAcrossSessions() throws Exception {
        byte[] expect = MessageDigest.getInstance("SHA-256").digest("abc".getBytes());
        for (int i = 0; i < 3; i++) {
            Nss.nssInitNodb();
            assertArrayEquals(expect, Digests.sha256Digest("abc".getBytes()));
            assertArrayEquals(expect, Digests.sha256Digest("abc".getBytes()), "on a pooled context");
            Nss.nssShutdown();
            assertFalse(Nss.nssIsInitialized());
            assertEquals(ErrorConstants.SEC_ERROR_NO_MODULE, code(() -> Digests.sha256Digest(new byte[1])));
        }
    }

    @Test
    void contexts() {
        InitContext c1 = Nss.nssInitContext(null, null, null, null, null, NOCERTDB);
        InitContext c2 = Nss.nssInitContext(null, null, null, null, new InitParameters(), NOCERTDB);
        assertEquals(ErrorConstants.SEC_ERROR_NOT_INITIALIZED, code(Nss::nssShutdown), "only contexts: no plain init");
        c1.shutdown();
        assertTrue(Nss.nssIsInitialized());
        assertEquals(ErrorConstants.SEC_ERROR_NOT_INITIALIZED, code(c1::shutdown));
        PK11Context cx = Digests.createDigestContext(NssConstants.SEC_OID_MD5);
        assertEquals(ErrorConstants.SEC_ERROR_BUSY, code(c2::shutdown), "the last context takes NSS down");
        assertFalse(c2.isShutdown());
        cx.close();
        c2.shutdown();
        assertFalse(Nss.nssIsInitialized());

        Nss.nssInitNodb();
        InitContext c3 = Nss.nssInitContext(null, null, null, null, null, NOCERTDB);
        Nss.nssShutdown();           // the plain shutdown ends every context
        assertFalse(Nss.nssIsInitialized());
        assertEquals(ErrorConstants.SEC_ERROR_NOT_INITIALIZED, code(c3::shutdown));
    }

    @Test
    void shutdownCallback() {
        List<Object> calls = new ArrayList<>();
        Nss.setShutdownCallback((data, user) -> { calls.add("early"); return Boolean.TRUE; });   // NSS down: ignored
        Nss.nssInitNodb();
        Nss.nssShutdown();
        assertEquals(List.of(), calls);

        Nss.nssInitNodb();
        Nss.setShutdownCallback((data, user) -> {
            calls.add(Map.copyOf(data));
            calls.add(List.of(user));
            return Boolean.TRUE;
        }, "a", 1);
        Nss.nssShutdown();
        assertEquals(List.of(Map.of(), List.of("a", 1)), calls);

        calls.clear();
        Nss.nssInitNodb();
        Nss.nssShutdown();           // cancelled by the previous shutdown
        assertEquals(List.of(), calls);

        Nss.nssInitNodb();
        Nss.setShutdownCallback((data, user) -> Boolean.FALSE);
        assertThrows(NSPRError.class, Nss::nssShutdown);
        assertFalse(Nss.nssIsInitialized(), "NSS shuts down all the same");

        Nss.nssInitNodb();
        Nss.setShutdownCallback((data, user) -> { throw new IllegalStateException("in callback"); });
        Nss.nssShutdown();           // an exception is reported, the shutdown succeeds
        assertFalse(Nss.nssIsInitialized());
    }

    @Test
    void beforeInitialisation() {
        assertEquals(ErrorConstants.SEC_ERROR_NO_MODULE, code(() -> Digests.md5Digest(new byte[1])));
        assertEquals(ErrorConstants.SEC_ERROR_NO_MODULE, code(() -> Digests.createDigestContext(NssConstants.SEC_OID_SHA1)));
        assertEquals(ErrorConstants.SEC_ERROR_NOT_INITIALIZED, code(() -> OidNames.oidStr(99999)));
        assertEquals(ErrorConstants.SEC_ERROR_NOT_INITIALIZED, code(Nss::nssShutdown));
        assertEquals("SHA-1", OidNames.oidStr(NssConstants.SEC_OID_SHA1));
        assertEquals("SEC_OID_AVA_COMMON_NAME", OidNames.oidTagName("cn"));
        assertEquals("OID.2.5.4.3", OidNames.oidDottedDecimal("OID.2.5.4.3"));
    }

    @Test
    void theDefaultCertificateDatabaseIsReadAgainInEachSession() {
        // CertDB reads NSS's default database once per session; after a shutdown and a new
        // initialisation it must be the new one, and a handle object of the old session is stale
        Nss.nssInitNodb();
        org.jnss.pki.CertDB first = org.jnss.pki.CertDB.getDefault();
        long before = org.jnss.natives.Nss3.CERT_GetDefaultCertDB();
        assertEquals(before, org.jnss.pki.CertDB.currentDefault());
        assertEquals(before, first.handle());
        Nss.nssShutdown();
        assertEquals(0, org.jnss.pki.CertDB.currentDefault());
        assertEquals(null, org.jnss.pki.CertDB.getDefault());
        assertEquals(ErrorConstants.SEC_ERROR_NOT_INITIALIZED, code(first::handle));
        Nss.nssInitNodb();
        long after = org.jnss.natives.Nss3.CERT_GetDefaultCertDB();
        assertTrue(after != 0);
        assertEquals(after, org.jnss.pki.CertDB.currentDefault());
        assertEquals(after, org.jnss.pki.CertDB.getDefault().handle());
        if (after != before) assertEquals(ErrorConstants.SEC_ERROR_BAD_DATABASE, code(first::handle));
        else assertEquals(after, first.handle());     // the same address again: it is the current one
    }

    /** The parameters NSS loaded its internal module with (the flags NSS's init function chose). */
    private static String internalModuleParams() {
        long module = org.jnss.natives.Nss3.SECMOD_GetInternalModule();
        assertTrue(module != 0);
        return org.jnss.natives.Mem.cString(org.jnss.natives.Mem.getPointer(module,
                org.jnss.natives.Layout.MODULE_LIBRARY_PARAMS));
    }

    /** The module's flags, as a list (the words after {@code flags=}). */
    private static List<String> moduleFlags() {
        String p = internalModuleParams();
        int at = p.indexOf("flags=");
        assertTrue(at >= 0, p);
        return Arrays.asList(p.substring(at + 6).split(" ", 2)[0].split(","));
    }

    /**
     * The three plain initializations load the internal module with the options
     * of NSS's own NSS_NoDB_Init, NSS_Init and NSS_InitReadWrite except the small
     * tables (NSS_INIT_OPTIMIZESPACE): softoken's sessions in 1,024 buckets with a
     * lock each, not 32 behind one lock.
     */
    @Test
    void plainInitializationsUseNssOptionsWithoutTheSmallTables(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Nss.nssInitNodb();
        assertEquals(List.of("readOnly", "noCertDB", "noModDB", "forceOpen"), moduleFlags());
        Nss.nssShutdown();

        Nss.nssInitReadWrite("sql:" + dir);          // makes the databases
        assertFalse(moduleFlags().contains("optimizeSpace"), internalModuleParams());
        assertFalse(moduleFlags().contains("readOnly"), internalModuleParams());
        assertTrue(internalModuleParams().contains("secmod='secmod.db'"), internalModuleParams());
        Nss.nssShutdown();

        Nss.nssInit("sql:" + dir);
        assertEquals(List.of("readOnly"), moduleFlags());
        assertTrue(internalModuleParams().contains("configdir='sql:" + dir + "'"), internalModuleParams());
        Nss.nssShutdown();

        // an explicit NSS_Initialize keeps the caller's flags, the small tables included
        Nss.nssInitialize(null, null, null, null, NssConstants.NSS_INIT_NOMODDB | NssConstants.NSS_INIT_NOCERTDB
                | NssConstants.NSS_INIT_OPTIMIZESPACE);
        assertTrue(moduleFlags().contains("optimizeSpace"), internalModuleParams());
    }

    @Test
    void initFailures() {
        NSPRError e = assertThrows(NSPRError.class, () -> Nss.nssInit("/nonexistent/jnss"));
        assertEquals(ErrorConstants.SEC_ERROR_BAD_DATABASE, e.getErrorCode());
        assertFalse(Nss.nssIsInitialized());
        assertThrows(NSPRError.class, () -> Nss.nssInitContext("/nonexistent/jnss", null, null, null, null, 0));
        assertFalse(Nss.nssIsInitialized());
    }

    @Test
    void oids() {
        Nss.nssInitNodb();
        assertEquals(NssConstants.SEC_OID_SHA256, OidNames.oidTag("sha256"));
        assertEquals(NssConstants.SEC_OID_SHA256, OidNames.oidTag("SEC_OID_SHA256"));
        assertEquals(NssConstants.SEC_OID_AVA_COMMON_NAME, OidNames.oidTag("2.5.4.3"));
        assertEquals(NssConstants.SEC_OID_AVA_COMMON_NAME, OidNames.oidTag(new SecItem(new byte[]{0x55, 4, 3})));
        assertEquals("SEC_OID_PKCS12_KEY_USAGE", OidNames.oidTagName(NssConstants.SEC_OID_X509_KEY_USAGE));
        assertEquals("OID.2.16.840.1.101.3.4.2.1", OidNames.oidDottedDecimal(NssConstants.SEC_OID_SHA256));
        assertThrows(IllegalArgumentException.class, () -> OidNames.oidTag(0));
        assertThrows(IllegalArgumentException.class, () -> OidNames.oidTag("1.2"));
        assertThrows(IllegalStateException.class, () -> OidNames.oidTag(-1));
        assertThrows(org.jnss.core.NotFoundError.class, () -> OidNames.oidTag("bogus"));
        assertThrows(org.jnss.core.NotFoundError.class, () -> OidNames.oidTagName(99999));
        assertEquals(ErrorConstants.SEC_ERROR_UNRECOGNIZED_OID, code(() -> OidNames.oidStr(99999)));
        assertEquals(List.of("TLS Web Server Authentication Certificate"),
                Arrays.asList(new SecItem(Codec.readHex("30 0a 06 08 2b 06 01 05 05 07 03 01", " "))
                        .getOidSequence(NssConstants.AsString)));
    }
}
