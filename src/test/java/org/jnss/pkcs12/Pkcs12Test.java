package org.jnss.pkcs12;

import org.jnss.asn1.BStr;
import org.jnss.asn1.Scratch;
import org.jnss.core.KeyError;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PKCS#12 decoding, export and the cipher helpers through the plain Java API, on test-vectors/pkcs12. */
class Pkcs12Test {
    private static final Path TOP = Path.of(System.getProperty("user.dir"));
    private static final String DB = "sql:" + TOP.resolve("test-vectors/db");
    private static final Path P12 = TOP.resolve("test-vectors/pkcs12");
    private static final String PW = "pk12_passwd";

    @BeforeEach
    void init() {
        while (Nss.nssIsInitialized()) Nss.nssShutdown();
        Nss.nssInit(DB);
        Pkcs12.pkcs12EnableAllCiphers();
    }

    @AfterEach
    void shutdown() {
        while (Nss.nssIsInitialized()) Nss.nssShutdown();
    }

    private static PKCS12Decoder decode(String file, String password) {
        return PKCS12Decoder.create(P12.resolve(file).toString(), password, null);
    }

    @Test
    void decodesBags() {
        try (PKCS12Decoder d = decode("legacy.p12", PW)) {
            assertEquals(3, d.length());
            int certBags = 0, keyBags = 0, withKey = 0;
            for (PKCS12DecodeItem it : d.items()) {
                assertTrue(it.getFriendlyName().endsWith("\0"), it.getFriendlyName());
                if (it.getType() == NssConstants.SEC_OID_PKCS12_V1_CERT_BAG_ID) {
                    certBags++;
                    if (it.getHasKey()) withKey++;
                    assertNull(it.getShroudAlgorithmId());
                    assertArrayEquals(it.getSignedCertDer().toByteArray(), it.getCertificate().getDerData());
                } else {
                    keyBags++;
                    assertEquals(NssConstants.SEC_OID_PKCS12_V1_PKCS8_SHROUDED_KEY_BAG_ID, it.getType());
                    assertEquals(NssConstants.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC,
                            it.getShroudAlgorithmId().getIdTag());
                    assertNull(it.getCertificate());
                }
            }
            assertEquals(2, certBags);
            assertEquals(1, keyBags);
            assertEquals(1, withKey);
            assertEquals(d.items().get(2), d.getItem(2));
            assertThrows(IndexOutOfBoundsException.class, () -> d.getItem(-1));   // Python counts from the end, Java does not
            assertThrows(IndexOutOfBoundsException.class, () -> d.getItem(3));
            String text = d.str();
            assertTrue(text.startsWith("3 PKCS12 Decode Items:\nItem 1:\n"), text);
            assertTrue(text.contains("\nParameters:\n    Salt:"), text);      // PKCS#12 PBE salt and iterations
            assertTrue(text.contains("Iteration Count:"), text);
        }
    }

    @Test
    void pbes2ParametersAreFormatted() {
        try (PKCS12Decoder d = decode("server.p12", PW)) {
            PKCS12DecodeItem key = d.items().stream()
                    .filter(i -> i.getType() == NssConstants.SEC_OID_PKCS12_V1_PKCS8_SHROUDED_KEY_BAG_ID)
                    .findFirst().orElseThrow();
            List<String> labels = new ArrayList<>();
            for (Object[] l : key.getShroudAlgorithmId().formatLines(0)) labels.add(BStr.of((byte[]) l[1]));
            assertTrue(labels.containsAll(Arrays.asList("Encryption:", "KDF:", "Salt:", "Iteration Count:",
                    "Key Length:", "KDF Algorithm:", "Cipher:")), labels.toString());
        }
    }

    @Test
    void wrongPasswordAndBadData() throws Exception {
        NSPRError e = assertThrows(NSPRError.class, () -> decode("legacy.p12", "wrong"));
        assertEquals(ErrorConstants.SEC_ERROR_BAD_PASSWORD, e.getErrorCode());
        e = assertThrows(NSPRError.class, () -> decode("ec.p12", "wrong"));      // no encrypted safe: the MAC fails
        assertEquals(ErrorConstants.SEC_ERROR_PKCS12_INVALID_MAC, e.getErrorCode());
        byte[] data = Files.readAllBytes(P12.resolve("ec.p12"));
        Path tmp = Files.createTempFile("p12", ".p12");
        try {
            for (int n : new int[]{0, 1, 7, 100, data.length / 2, data.length - 1}) {
                Files.write(tmp, Arrays.copyOf(data, n));
                assertThrows(NSPRError.class, () -> PKCS12Decoder.create(tmp.toString(), PW, null), "length " + n);
            }
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    void unicodePassword() {
        try (PKCS12Decoder d = decode("unicode.p12", "p\u00e4ssw\u00f6rd")) {
            assertTrue(d.items().stream().anyMatch(i -> "dsa-s\u00e9rv\u00e9r\0".equals(i.getFriendlyName())));
        }
    }

    @Test
    void exportRoundTrip() throws Exception {
        byte[] data = Pkcs12.pkcs12Export("server", "java pw",
                NssConstants.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC, null, null);
        assertTrue(data.length > 1000);
        Path tmp = Files.createTempFile("p12", ".p12");
        try {
            Files.write(tmp, data);
            try (PKCS12Decoder d = PKCS12Decoder.create(tmp.toString(), "java pw", null)) {
                assertEquals(3, d.length());
                assertEquals(1, d.items().stream().filter(PKCS12DecodeItem::getHasKey).count());
            }
        } finally {
            Files.delete(tmp);
        }
        assertThrows(IllegalArgumentException.class, () -> Pkcs12.pkcs12Export("nosuch", "pw",
                NssConstants.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC, null, null));
    }

    @Test
    void cipherHelpers() {
        assertEquals("PKCS12_DES_EDE3_168", Pkcs12.CIPHERS.name(NssConstants.PKCS12_DES_EDE3_168));
        assertEquals(NssConstants.PKCS12_RC4_40, Pkcs12.CIPHERS.value("rc4_40"));
        assertThrows(KeyError.class, () -> Pkcs12.CIPHERS.name(0));
        assertEquals(NssConstants.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC,
                Pkcs12.pkcs12MapCipher(NssConstants.SEC_OID_DES_EDE3_CBC, 0));
        assertEquals(NssConstants.SEC_OID_AES_128_CBC, Pkcs12.pkcs12MapCipher(NssConstants.SEC_OID_AES_128_CBC, 0));
        // a tag NSS has no PBE for maps to SEC_OID_UNKNOWN, as python-nss answers (0)
        assertEquals(NssConstants.SEC_OID_UNKNOWN, Pkcs12.pkcs12MapCipher(99999, 0));
        NSPRError e = assertThrows(NSPRError.class, () -> Pkcs12.pkcs12EnableCipher(12345, true));
        assertTrue(e.getMessage().contains("Failed to enable 12345 (3039) pkcs12 cipher"), e.getMessage());
    }

    @Test
    void ucs2PasswordIsBigEndianWithTerminator() {
        long item = Pkcs12.ucs2Password("a\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            byte[] b = Scratch.itemBytes(item);
            assertArrayEquals(new byte[]{0, 'a', 0, (byte) 0xe9, 0, 0}, b);
        } finally {
            org.jnss.natives.Nss3.SECITEM_ZfreeItem(item, 1);
        }
    }

    @Test
    void liveDecoderKeepsNssBusy() {
        PKCS12Decoder d = decode("ec.p12", PW);
        NSPRError e = assertThrows(NSPRError.class, Nss::nssShutdown);
        assertEquals(ErrorConstants.SEC_ERROR_BUSY, e.getErrorCode());
        assertTrue(Nss.nssIsInitialized());
        d.close();
        for (PKCS12DecodeItem it : d.items()) if (it.getCertificate() != null) it.getCertificate().close();
        Nss.nssShutdown();
        assertFalse(Nss.nssIsInitialized());
        assertNotNull(d.items());
        assertThrows(NSPRError.class, d::databaseImport);
    }
}
