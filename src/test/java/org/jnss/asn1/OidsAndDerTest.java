package org.jnss.asn1;

import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OID text, DER rendering and SecItem rules that need no NSS initialisation. */
class OidsAndDerTest {
    private static byte[] h(String hex) {
        return Codec.readHex(hex, " ");
    }

    @Test
    void tagsAndDescriptionsAnswerTheSameWhenAskedAgain() {
        // known OIDs are remembered for the NSS session; each answer must stay NSS's own
        byte[] sha256 = h("60 86 48 01 65 03 04 02 01");
        byte[] cn = h("55 04 03");
        byte[] unknown = h("2b 06 01 04 01 82 37 99 99 01");
        for (int round = 0; round < 3; round++) {
            assertEquals(NssConstants.SEC_OID_SHA256, Oids.tagOf(sha256));
            assertEquals(NssConstants.SEC_OID_AVA_COMMON_NAME, Oids.tagOf(cn));
            assertEquals(NssConstants.SEC_OID_UNKNOWN, Oids.tagOf(unknown));
            assertEquals("SHA-256", Oids.describe(sha256));
            assertEquals("X520 Common Name", Oids.describe(cn));
            assertEquals("OID.1.3.6.1.4.1.311.412801", Oids.describe(unknown));
            // the caller's array is the key only while asked: changing it afterwards changes nothing
            byte[] mine = sha256.clone();
            assertEquals(NssConstants.SEC_OID_SHA256, Oids.tagOf(mine));
            mine[mine.length - 1] = 2;
            assertEquals(NssConstants.SEC_OID_SHA384, Oids.tagOf(mine));
        }
    }

    @Test
    void dottedStrings() {
        assertEquals("OID.2.5.4.3", Oids.dottedString(h("55 04 03")));
        assertEquals("OID.1.2.840.113549.1.1.11", Oids.dottedString(h("2a 86 48 86 f7 0d 01 01 0b")));
        assertEquals("OID.0.6.3.85.4.3", Oids.dottedString(h("06 03 55 04 03")));
        assertEquals("OID.2.999", Oids.dottedString(h("88 37")));
        assertEquals("5", Oids.dottedString(h("80 05")), "NSS's pseudo-encoded one-number OIDs");
        assertNull(Oids.dottedString(h("55")));
        assertNull(Oids.dottedString(new byte[0]));
        assertEquals("OID.2.5.4.UNSUPPORTED", Oids.dottedString(h("55 04 83")), "unterminated last component");
        assertEquals("OID.UNSUPPORTED.1", Oids.dottedString(h("81 81 81 81 81 81 81 81 81 81 01 01")));
        // a component padded with a leading 0x80 octet (not DER): NSS, and so python-nss, gives up on it
        assertEquals("OID.2.5.UNSUPPORTED.3", Oids.dottedString(h("55 80 04 03")));
        assertEquals("OID.UNSUPPORTED.2", Oids.dottedString(h("80 01 02")));
    }

    @Test
    void oidStrings() {
        assertTrue(OidNames.isOidString("2.5.4.3"));
        assertTrue(OidNames.isOidString("OID.2.5.4.3"));
        assertTrue(OidNames.isOidString("oid.1"));
        assertTrue(OidNames.isOidString("3"));
        assertTrue(OidNames.isOidString("2.5.4.3  "));
        assertFalse(OidNames.isOidString(" 2.5.4.3"));
        assertFalse(OidNames.isOidString("2.5.4.3."));
        assertFalse(OidNames.isOidString(".2.5"));
        assertFalse(OidNames.isOidString("2..5"));
        assertFalse(OidNames.isOidString(""));
        assertFalse(OidNames.isOidString("cn"));
    }

    @Test
    void derText() {
        assertEquals("True", DerFormat.any(h("01 01 ff")));
        assertEquals("-256", DerFormat.any(h("02 02 ff 00")));
        assertEquals("61:62", DerFormat.any(h("04 02 61 62")));
        assertEquals("(null)", DerFormat.any(h("05 00")));
        assertEquals("(null)", DerFormat.any(new byte[0]));
        assertEquals("a\\\"\\?\\x00\\x7F\\n", DerFormat.any(h("13 08 61 22 3f 00 7f 0a")));
        assertEquals(new DerFormat.Uni("hi"), DerFormat.any(h("1e 04 00 68 00 69")));
        assertEquals("[0] ab:cd", DerFormat.any(h("80 02 ab cd")));
        assertEquals("[3]", DerFormat.any(h("a3 03 02 01 05")));
        assertEquals("40:01:05", DerFormat.any(h("40 01 05")));
        assertEquals(List.of("5", "True"), DerFormat.any(h("30 06 02 01 05 01 01 ff")));
        assertNull(DerFormat.any(h("17 0d 32 31 30 31 30 32 30 33 30 34 30 35 5a")));
        assertNull(DerFormat.any(h("03 02 00 ff")));
        assertThrows(IllegalStateException.class, () -> DerFormat.any(h("02")));
        assertThrows(IllegalArgumentException.class, () -> DerFormat.any(h("1e 03 61 62 63")));
    }

    @Test
    void secItemRules() {
        SecItem none = new SecItem(null), empty = new SecItem(new byte[0]);
        SecItem a = new SecItem(h("01")), ab = new SecItem(h("01 02")), b = new SecItem(h("02"));
        assertTrue(none.eq(empty) && empty.eq(none) && none.eq(new SecItem(null)));
        assertTrue(none.lt(a) && a.gt(none));
        assertTrue(empty.eq(ab), "an empty SecItem compares equal (python-nss compares len(self) octets)");
        assertTrue(a.eq(ab) && ab.gt(a));
        assertTrue(b.gt(ab) && ab.lt(b) && a.ne(b));
        assertThrows(IllegalArgumentException.class, () -> a.eq("x"));
        assertArrayEquals(h("02"), ab.getItem(ab.length() - 1));
        assertArrayEquals(h("02 01"), ab.getItem(new org.jnss.core.Slice(null, null, -1L)));
        assertThrows(IndexOutOfBoundsException.class, () -> ab.getItem(2));
        assertThrows(IllegalArgumentException.class, () -> ab.getItem(1.0));
        assertEquals(BigInteger.valueOf(-1), new SecItem(h("ff")).getInteger());
        assertEquals(BigInteger.valueOf(255), new SecItem(h("00 ff")).getInteger());
        assertEquals(BigInteger.ZERO, empty.getInteger());
        assertEquals("01:02", ab.str());
        assertEquals("True", new SecItem(h("01 01 ff"), 0, SecItem.Kind.DER).str());
        assertEquals(List.of("-----BEGIN X-----", "AQI=", "-----END X-----"), ab.toBase64(0, "X"));
        assertEquals(List.of("AQ", "I="), ab.toBase64(2, null));
        assertEquals("AQI=", ab.toBase64(0, null));
        assertEquals("Data:\n  01:02", ab.format(0, 2));
    }

    @Test
    void indentedFormatAlignsValuesPerGroupOfLevel() {
        List<Object[]> lines = List.of(
                new Object[]{0, "Label:", "v"}, new Object[]{0, "Longer label:", "w"}, new Object[]{1, "x:", "y"},
                new Object[]{1, "Only label:"}, new Object[]{0, "A:", "z"}, new Object[]{0});
        assertEquals("Label:        v\nLonger label: w\n    x: y\n    Only label:\nA: z\n", Lines.indentedText(lines, 4));
    }

    @Test
    void initFlags() {
        assertEquals(List.of("NSS_INIT_NOMODDB", "NSS_INIT_READONLY"), Nss.nssInitFlags(5, NssConstants.AsEnumName));
        assertEquals(List.of(1, 4, "unknown bit flags 3000"), Nss.nssInitFlags(0x3005, NssConstants.AsEnum));
        assertEquals(List.of("No Module Database", "Read Only"), Nss.nssInitFlags(5, NssConstants.AsEnumDescription));
        assertThrows(IllegalArgumentException.class, () -> Nss.nssInitFlags(1, NssConstants.AsString));
    }
}
