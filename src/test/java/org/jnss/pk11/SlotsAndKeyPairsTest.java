package org.jnss.pk11;

import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.pki.KEYPQGParams;
import org.jnss.pki.PublicKey;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PK11 slots, the slot module functions and key pair generation through the plain-Java API. */
class SlotsAndKeyPairsTest {
    private static void down() {
        System.gc();
        while (Nss.nssIsInitialized()) Nss.nssShutdown();
    }

    @BeforeEach
    void before() {
        down();
        Nss.nssInitNodb();
    }

    @AfterEach
    void after() {
        down();
    }

    @Test
    void internalSlotFlagsAndLines() {
        try (PK11Slot s = Pk11Slots.getInternalKeySlot()) {
            assertEquals("NSS Certificate DB", s.getTokenName());
            assertTrue(s.isInternal());
            assertTrue(s.isPresent());
            assertFalse(s.isHw());
            assertFalse(s.isDisabled());
            assertEquals(NssConstants.PK11_DIS_NONE, s.getDisabledReason());
            List<Object[]> lines = s.formatLines(0);
            assertEquals(14, lines.size());
            assertArrayEquals("Slot Name:".getBytes(), (byte[]) lines.get(0)[1]);
            String text = s.str();
            assertTrue(text.contains("Is Disabled:                       False (no reason)"), text);
            assertTrue(text.endsWith("Best Wrap Mechanism:               CKM_DES3_ECB (0x132)"), text);
        }
    }

    @Test
    void closedSlotRaisesInsteadOfCrashing() {
        PK11Slot s = Pk11Slots.getInternalSlot();
        s.close();
        assertThrows(NSPRError.class, s::isHw);
        assertThrows(NSPRError.class, s::isLoggedIn);
        assertThrows(NSPRError.class, s::logout);
        assertThrows(NSPRError.class, () -> s.formatLines(0));
        assertThrows(NSPRError.class, () -> s.generateKeyPair(0, RSAGenParams.create(1024, 65537L), 0, 0));
        s.close();   // idempotent
    }

    @Test
    void disabledReasonNamesAndUnknownValues() {
        assertEquals("PK11_DIS_TOKEN_NOT_PRESENT", Pk11Slots.pk11DisabledReasonName(4));
        assertEquals("could not initialize token", Pk11Slots.pk11DisabledReasonStr(2L));
        assertEquals("unknown(0xffffffff)", Pk11Slots.pk11DisabledReasonName(-1));
        assertEquals("no reason", Pk11Slots.pk11DisabledReasonStr(0));   // 1 << 64 masks to 0 in the binder ("k")
    }

    @Test
    void tokensAndBestSlot() {
        List<String> names = new ArrayList<>();
        for (Object o : Pk11Slots.getAllTokens(0xffffffffL, 0, 0, null)) {
            try (PK11Slot s = (PK11Slot) o) {
                names.add(s.getTokenName());
            }
        }
        assertEquals(List.of("NSS Certificate DB", "NSS Generic Crypto Services"), names);
        try (PK11Slot s = Pk11Slots.getBestSlot((long) NssConstants.CKM_DSA_KEY_PAIR_GEN)) {
            assertEquals("NSS Certificate DB", s.getTokenName());
        }
        NSPRError e = assertThrows(NSPRError.class, () -> Pk11Slots.getBestSlot(0x7ffffff0L));
        assertEquals(ErrorConstants.SEC_ERROR_NO_TOKEN, e.getErrorCode());
        assertThrows(IllegalStateException.class, Pk11Slots::tokenExists);
    }

    @Test
    void rsaParamsKeepTheCTypes() {
        RSAGenParams p = RSAGenParams.create(2048, BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(7)));
        assertEquals("key_size=2048 public_exponent=7", p.str());
        assertEquals(2048, p.getPublicExponent());       // python-nss reads the key size here
        assertEquals("key_size=-1 public_exponent=18446744073709551615", RSAGenParams.create(-1, -1L).str());
        assertThrows(ArithmeticException.class, () -> RSAGenParams.create(1L << 31, 3L));
    }

    @Test
    void generatedKeysKeepNssBusyUntilReleased() {
        Object[] pair;
        try (PK11Slot s = Pk11Slots.getInternalSlot()) {
            pair = s.generateKeyPair((long) NssConstants.CKM_RSA_PKCS_KEY_PAIR_GEN, RSAGenParams.create(1024, 65537L), 0, 0);
        }
        PublicKey pub = assertInstanceOf(PublicKey.class, pair[0]);
        PrivateKey priv = assertInstanceOf(PrivateKey.class, pair[1]);
        assertEquals(NssConstants.rsaKey, pub.getKeyType());
        assertEquals(128, pub.getRsa().getModulus().getData().length);
        assertArrayEquals(new byte[]{1, 0, 1}, pub.getRsa().getExponent().getData());
        NSPRError busy = assertThrows(NSPRError.class, Nss::nssShutdown);
        assertEquals(ErrorConstants.SEC_ERROR_BUSY, busy.getErrorCode());
        pub.close();
        priv.close();
        Nss.nssShutdown();
        assertFalse(Nss.nssIsInitialized());
    }

    @Test
    void dsaKeyPairFromTheDefaultParameters() {
        KEYPQGParams params = KEYPQGParams.create(null, null, null);
        assertEquals(129, params.getPrime().getData().length);
        assertEquals(21, params.getSubprime().getData().length);
        try (PK11Slot s = Pk11Slots.getInternalKeySlot()) {
            Object[] pair = s.generateKeyPair((long) NssConstants.CKM_DSA_KEY_PAIR_GEN, params, 0, 0);
            try (PublicKey pub = (PublicKey) pair[0]; PrivateKey priv = (PrivateKey) pair[1]) {
                assertEquals(NssConstants.dsaKey, pub.getKeyType());
                assertArrayEquals(params.getPrime().getData(), pub.getDsa().getPqgParams().getPrime().getData());
                assertArrayEquals(params.getBase().getData(), pub.getDsa().getPqgParams().getBase().getData());
            }
            NSPRError e = assertThrows(NSPRError.class, () -> s.generateKeyPair((long) NssConstants.CKM_EC_KEY_PAIR_GEN, null, 0, 0));
            assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, e.getErrorCode());
            assertThrows(org.jnss.core.ArgumentError.class,
                    () -> s.generateKeyPair((long) NssConstants.CKM_DSA_KEY_PAIR_GEN, RSAGenParams.create(1024, 3L), 0, 0));
        }
    }
}
