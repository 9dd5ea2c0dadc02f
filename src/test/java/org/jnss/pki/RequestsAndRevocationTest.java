package org.jnss.pki;

import org.jnss.asn1.LineFormat;
import org.jnss.core.KeyError;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java core of certificate requests, CRLs and the PKI helpers, on the vectors
 * of scripts/make-crl-csr-vectors.sh (the Python suites compare them with the
 * reference python-nss).
 */
class RequestsAndRevocationTest {
    private static final Path VECTORS = Path.of(System.getProperty("user.dir"), "test-vectors");

    @BeforeAll
    static void init() {
        if (!NssRuntime.isInitialized()) Nss.nssInitNodb();
    }

    private static byte[] read(String path) throws IOException {
        return Files.readAllBytes(VECTORS.resolve(path));
    }

    /** Text getters return String already (the Java text rule). */
    private static String s(String t) {
        return t;
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void requestWithAttributes() throws IOException {
        CertificateRequest r = CertificateRequest.create(read("csr/attrs.der"));
        assertEquals(0, r.getVersion());
        assertEquals("O=jnss,CN=attrs.example.com", r.getSubject().toString());
        Object[] exts = r.getExtensions();
        assertEquals(2, exts.length);
        assertEquals(NssConstants.SEC_OID_X509_BASIC_CONSTRAINTS, ((CertificateExtension) exts[0]).getOidTag());
        Object[] attrs = r.getAttributes();
        assertEquals(3, attrs.length);
        CertAttribute password = (CertAttribute) attrs[0];
        assertEquals(NssConstants.SEC_OID_PKCS9_CHALLENGE_PASSWORD, password.getTypeTag());
        assertEquals("PKCS #9 Challenge Password", s(password.getTypeStr()));
        assertEquals("s3cret pass", ((SecItem) password.getItem(0)).str());
        CertAttribute request = (CertAttribute) attrs[2];
        assertEquals(2, request.length());
        assertInstanceOf(CertificateExtension.class, request.getItem(request.length() - 1));
        assertThrows(IndexOutOfBoundsException.class, () -> request.getItem(2));
        String text = s(r.str());
        assertTrue(text.startsWith("    Data:\n        Version: 0 (0x0)\n        Subject: O=jnss,CN=attrs.example.com\n"), text);
        assertTrue(text.contains("\n    Attributes: (3 total)\n        Attribute [0]\n            Type: PKCS #9 Challenge Password\n"
                + "            Values (1 total)\n                Value [0]\n                    s3cret pass\n"), text);
        assertTrue(text.endsWith("                        admin@example.com\n"), text);
    }

    @Test
    void requestsOfEveryKeyType() throws IOException {
        for (String name : List.of("rsa", "ec", "dsa")) {
            CertificateRequest r = CertificateRequest.create(read("csr/" + name + ".der"));
            String text = s(r.format(0, 4));
            assertTrue(text.contains("Subject Public Key Info:\n            Public Key Algorithm:\n"), name + ": " + text);
            assertEquals(text, s(r.str()));
            assertEquals(text.split("\n", -1).length, r.formatLines(0).size());
        }
        assertEquals(5, CertificateRequest.create(read("csr/rsa.der")).getExtensions().length);
        assertEquals(0, CertificateRequest.create(read("csr/ec.der")).getAttributes().length);
    }

    @Test
    void badRequests() throws IOException {
        byte[] der = read("csr/rsa.der");
        NSPRError e = assertThrows(NSPRError.class, () -> CertificateRequest.create(new byte[0]));
        assertEquals(ErrorConstants.SEC_ERROR_BAD_DER, e.getErrorCode());
        byte[] badSignature = der.clone();
        badSignature[der.length - 4] ^= 0x10;
        e = assertThrows(NSPRError.class, () -> CertificateRequest.create(badSignature));
        assertEquals(ErrorConstants.SEC_ERROR_BAD_SIGNATURE, e.getErrorCode());
        CertificateRequest empty = CertificateRequest.create(null);
        assertThrows(IllegalArgumentException.class, empty::getSubject);
        assertThrows(IllegalArgumentException.class, empty::str);
        // every truncation of a request is refused cleanly
        for (int n = 0; n < der.length; n += 7) {
            byte[] cut = java.util.Arrays.copyOf(der, n);
            assertThrows(NSPRError.class, () -> CertificateRequest.create(cut));
        }
    }

    @Test
    void mutatedRequestsNeverCrash() throws IOException {
        byte[] der = read("csr/attrs.der");
        Random rnd = new Random(7);
        int decoded = 0;
        for (int i = 0; i < 500; i++) {
            byte[] m = der.clone();
            m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
            try {
                CertificateRequest r = CertificateRequest.create(m);
                r.str();
                decoded++;
            } catch (NSPRError | IllegalArgumentException | IllegalStateException e) {
                // refused: fine
            }
        }
        assertTrue(decoded < 500);
    }

    @Test
    void emptyAttribute() {
        CertAttribute a = CertAttribute.create("anything");
        assertEquals(0, a.length());
        assertEquals(0, a.getValues().length);
        assertEquals(2, a.formatLines(0).size());
    }

    @Test
    void decodedCrl() throws IOException {
        SecItem der = new SecItem(read("crl/crl.der"));
        for (int options : new int[]{0, NssConstants.CRL_DECODE_DONT_COPY_DER,
                NssConstants.CRL_DECODE_DONT_COPY_DER | NssConstants.CRL_DECODE_ADOPT_HEAP_DER,
                NssConstants.CRL_DECODE_SKIP_ENTRIES}) {
            try (SignedCRL crl = SignedCRL.decode(der, NssConstants.SEC_CRL_TYPE, options)) {
                // not in a database
                NSPRError e = assertThrows(NSPRError.class, crl::deletePermanently);
                assertEquals(ErrorConstants.SEC_ERROR_CRL_INVALID, e.getErrorCode());
            }
        }
        NSPRError e = assertThrows(NSPRError.class, () -> SignedCRL.decode(new SecItem(new byte[]{0x30, 0}),
                NssConstants.SEC_CRL_TYPE, 0));
        assertEquals(ErrorConstants.SEC_ERROR_BAD_DER, e.getErrorCode());
        e = assertThrows(NSPRError.class, () -> SignedCRL.create().deletePermanently());
        assertEquals(ErrorConstants.SEC_ERROR_CRL_INVALID, e.getErrorCode());
    }

    @Test
    void crlLookupAndOcspStatusWithoutResponder() throws IOException {
        CertDB db = Pki.getDefaultCertdb();
        NSPRError e = assertThrows(NSPRError.class,
                () -> db.findCrlByName("CN=jnss CRL Test CA,O=jnss,C=US", NssConstants.SEC_CRL_TYPE));
        assertEquals(ErrorConstants.SEC_ERROR_CRL_NOT_FOUND, e.getErrorCode());
        e = assertThrows(NSPRError.class, () -> db.findCrlByName("bogus", NssConstants.SEC_CRL_TYPE));
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_AVA, e.getErrorCode());
        try (Certificate ca = Certificate.create(read("crl/ca.der"), db, false, null)) {
            e = assertThrows(NSPRError.class, () -> db.findCrlByCert(ca, NssConstants.SEC_CRL_TYPE));
            assertEquals(ErrorConstants.SEC_ERROR_CRL_NOT_FOUND, e.getErrorCode());
            // OCSP checking is off and the CA names no responder: nothing to ask, the status is good
            assertTrue(ca.checkOcspStatus(db, null));
            assertThrows(org.jnss.core.ArgumentError.class, () -> ca.checkOcspStatus(db, "now"));
        }
    }

    @Test
    void flagsAndNames() {
        assertEquals(List.of("Digital Signature", "Key Encipherment"),
                PkiFlags.flags(PkiFlags.KEY_USAGE, 0xa0, NssConstants.AsEnumDescription));
        assertEquals(List.of(32, 128, "unknown bit flags 100000"),
                PkiFlags.flags(PkiFlags.KEY_USAGE, 0x1000a0, NssConstants.AsEnum));
        assertThrows(IllegalArgumentException.class, () -> PkiFlags.flags(PkiFlags.CERT_USAGE, 1, NssConstants.AsString));
        assertArrayEquals(new Object[]{0, 2}, PkiFlags.bitString(PkiFlags.KEY_USAGE, new byte[]{3, 2, 5, (byte) 0xa0},
                NssConstants.AsIndex));
        assertEquals("crlEntryReasoncertificatedHold", PkiFlags.CRL_REASONS.name(6));
        assertEquals("crlEntryReasonKeyCompromise", PkiFlags.CRL_REASONS.name(0x100000001L));
        assertEquals(6, PkiFlags.CRL_REASONS.value("REASONCERTIFICATEDHOLD"));
        assertEquals(NssConstants.certURI, PkiFlags.GENERAL_NAME_TYPES.value("uri"));
        KeyError k = assertThrows(KeyError.class, () -> PkiFlags.CRL_REASONS.name(-1));
        assertEquals("CRL reason name not found: 4294967295", k.getMessage());
        assertThrows(KeyError.class, () -> PkiFlags.GENERAL_NAME_TYPES.value("certBogus"));
    }

    @Test
    void derUniversalLines() {
        List<Object[]> lines = LineFormat.derUniversalSecItemFmtLines(new SecItem(new byte[]{0x30, 6, 2, 1, 1, 2, 1, 2}), 1, 16, ":");
        assertEquals(2, lines.size());
        assertArrayEquals(new Object[]{1, "2".getBytes()}, lines.get(1));
        assertTrue(LineFormat.derUniversalSecItemFmtLines(new SecItem(new byte[]{3, 2, 0, 1}), 0, 16, ":").isEmpty());
        assertTrue(LineFormat.derUniversalSecItemFmtLines(new SecItem(new byte[0]), 0, 16, ":").isEmpty());
        assertEquals(4, LineFormat.fingerprintFormatLines(new byte[0], 0).size() - 1);
    }

    @Test
    void ocspStateNeedsNss() {
        // only the pure settings; the others are covered by test_ocsp_settings.py with a database
        boolean v = OcspSettings.usePkix();
        assertEquals(v, OcspSettings.setUsePkix(!v));
        assertEquals(!v, OcspSettings.setUsePkix(v));
        assertFalse(v != OcspSettings.usePkix());
        OcspSettings.timeout(10);
    }
}
