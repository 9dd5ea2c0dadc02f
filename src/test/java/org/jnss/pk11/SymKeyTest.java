package org.jnss.pk11;

import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Symmetric keys, cipher contexts and mechanism parameters through the plain-Java API; NSS down around each test. */
class SymKeyTest {
    private static void down() {
        while (Nss.nssIsInitialized()) Nss.nssShutdown();
    }

    @BeforeEach
    void before() {
        down();
        Nss.nssInitNodb();
    }

    @AfterEach
    void after() {
        org.jnss.core.Lifecycle.closeAllBlocking();
        down();
    }

    private static int code(Runnable r) {
        return assertThrows(NSPRError.class, r::run).getErrorCode();
    }

    private static PK11SymKey key(PK11Slot slot, long mech, byte[] data) {
        return SymCipher.importSymKey(slot, mech, NssConstants.PK11_OriginUnwrap, NssConstants.CKA_ENCRYPT,
                new SecItem(data));
    }

    @Test
    void aesCbcPadMatchesTheJdk() throws Exception {
        Random random = new Random(7);
        byte[] k = new byte[16], iv = new byte[16];
        random.nextBytes(k);
        random.nextBytes(iv);
        Cipher jdk = Cipher.getInstance("AES/CBC/PKCS5Padding");
        try (PK11Slot slot = Pk11Slots.getInternalSlot()) {
            PK11SymKey key = key(slot, NssConstants.CKM_AES_CBC_PAD, k);
            SecItem param = SymCipher.paramFromIv(NssConstants.CKM_AES_CBC_PAD, new SecItem(iv));
            for (int n : new int[]{0, 1, 15, 16, 17, 1000, 65_535, 65_536, 65_537, 200_000, (3 << 20) + 5}) {
                byte[] text = new byte[n];
                random.nextBytes(text);
                jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new IvParameterSpec(iv));
                byte[] expect = jdk.doFinal(text);
                try (PK11Context enc = SymCipher.createContextBySymKey(NssConstants.CKM_AES_CBC_PAD,
                        NssConstants.CKA_ENCRYPT, key, param);
                     PK11Context dec = SymCipher.createContextBySymKey(NssConstants.CKM_AES_CBC_PAD,
                             NssConstants.CKA_DECRYPT, key, param)) {
                    byte[] ct = concat(enc.cipherOp(text), enc.digestFinal());
                    assertArrayEquals(expect, ct, n + " octets");
                    assertArrayEquals(text, concat(dec.cipherOp(ct), dec.digestFinal()), n + " octets back");
                }
            }
            key.close();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void closedKeyRaisesInsteadOfCrashing() {
        try (PK11Slot slot = Pk11Slots.getInternalSlot()) {
            PK11SymKey key = key(slot, NssConstants.CKM_AES_CBC, new byte[16]);
            key.close();
            assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, code(key::getKeyData));
            assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, code(() -> SymCipher.createContextBySymKey(
                    NssConstants.CKM_AES_ECB, NssConstants.CKA_ENCRYPT, key, null)));
            assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, code(() -> key.derive(
                    NssConstants.CKM_SHA256_KEY_DERIVATION, null, NssConstants.CKM_AES_CBC, NssConstants.CKA_ENCRYPT, 16)));
        }
    }

    @Test
    void aContextKeepsItsKeyThroughCloseAndParking() throws Exception {
        byte[] k = new byte[16];
        new Random(11).nextBytes(k);
        byte[] data = new byte[48];
        Cipher jdk = Cipher.getInstance("AES/CBC/PKCS5Padding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new IvParameterSpec(new byte[16]));
        byte[] expected = jdk.doFinal(data);
        try (PK11Slot slot = Pk11Slots.getInternalSlot()) {
            PK11SymKey key = key(slot, NssConstants.CKM_AES_CBC_PAD, k);
            SecItem iv = SymCipher.paramFromIv(NssConstants.CKM_AES_CBC_PAD, new SecItem(new byte[16]));
            // made and not used yet: enough finished contexts after it that its native context is
            // given back to the pool
            PK11Context cx = SymCipher.createContextBySymKey(NssConstants.CKM_AES_CBC_PAD, NssConstants.CKA_ENCRYPT, key, iv);
            for (int i = 0; i < 400; i++) {
                try (PK11Context other = SymCipher.createContextBySymKey(NssConstants.CKM_AES_CBC_PAD,
                        NssConstants.CKA_ENCRYPT, key, iv)) {
                    assertEquals(expected.length, other.cipherOp(data).length + other.digestFinal().length);
                }
            }
            key.close();
            assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, code(key::getKeyData));
            // the context made again from its key, which it still holds
            assertArrayEquals(expected, concat(cx.cipherOp(data), cx.digestFinal()));
            cx.close();
        }
        Nss.nssShutdown();     // the key's native object went with the last context: NSS is not busy
        assertTrue(!Nss.nssIsInitialized());
    }

    @Test
    void aReferencedKeyKeepsNssBusyAndParametersOutliveNss() {
        SecItem param = SymCipher.paramFromIv(NssConstants.CKM_AES_CBC, new SecItem(new byte[16]));
        PK11Slot slot = Pk11Slots.getInternalSlot();
        PK11SymKey key = slot.keyGen(NssConstants.CKM_AES_KEY_GEN, null, 16);
        slot.close();
        assertEquals(ErrorConstants.SEC_ERROR_BUSY, code(Nss::nssShutdown));
        assertTrue(Nss.nssIsInitialized());
        assertEquals(16, key.getKeyData().length);
        key.close();
        Nss.nssShutdown();
        assertArrayEquals(new byte[16], param.getData());
        Nss.nssInitNodb();
        try (PK11Slot s = Pk11Slots.getInternalSlot()) {
            PK11SymKey k2 = key(s, NssConstants.CKM_AES_CBC, new byte[16]);
            try (PK11Context cx = SymCipher.createContextBySymKey(NssConstants.CKM_AES_CBC, NssConstants.CKA_ENCRYPT,
                    k2, param)) {
                assertEquals(16, cx.cipherOp(new byte[16]).length);
            }
            k2.close();
        }
    }

    @Test
    void pointerParametersAreRefused() {
        try (PK11Slot slot = Pk11Slots.getInternalSlot()) {
            PK11SymKey key = key(slot, NssConstants.CKM_AES_CBC, new byte[16]);
            assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, code(() -> key.derive(NssConstants.CKM_XOR_BASE_AND_DATA,
                    new SecItem(new byte[16]), NssConstants.CKM_AES_CBC, NssConstants.CKA_ENCRYPT, 16)));
            // shorter than a pointer: NSS itself refuses the length
            assertEquals(ErrorConstants.SEC_ERROR_BAD_DATA, code(() -> key.derive(NssConstants.CKM_XOR_BASE_AND_DATA,
                    new SecItem(new byte[2]), NssConstants.CKM_AES_CBC, NssConstants.CKA_ENCRYPT, 16)));
            key.close();
        }
    }

    @Test
    void mechanismNames() {
        assertEquals("CKM_AES_CBC", SymCipher.MECHANISMS.name(NssConstants.CKM_AES_CBC));
        assertEquals(NssConstants.CKM_AES_CBC, SymCipher.MECHANISMS.value("aes_cbc"));
        assertEquals("CKM_EC_KEY_PAIR_GEN", SymCipher.MECHANISMS.name(NssConstants.CKM_ECDSA_KEY_PAIR_GEN));
        assertEquals("CKA_EC_PARAMS", SymCipher.ATTRIBUTES.name(NssConstants.CKA_ECDSA_PARAMS));
        assertThrows(org.jnss.core.KeyError.class, () -> SymCipher.MECHANISMS.name(0x12345678L));
    }
}
