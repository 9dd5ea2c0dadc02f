package org.jnss.asn1;

import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hex and base64 helpers (base64 goes through NSS's codec, which needs no initialisation). */
class CodecTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void dataToHex() {
        assertEquals("01:02:ff", Codec.dataToHex(new byte[]{1, 2, -1}, 0, ":"));
        assertEquals(List.of("01:02:", "ff"), Codec.dataToHex(new byte[]{1, 2, -1}, 2, ":"));
        assertEquals(List.of("0102", "ff04"), Codec.dataToHex(new byte[]{1, 2, -1, 4}, 2, null));
        assertEquals("", Codec.dataToHex(new byte[0], 0, ":"));
        assertEquals(List.of(), Codec.dataToHex(new byte[0], 3, ":"));
        assertEquals("6162", Codec.dataToHex(b("ab"), -1, ""));
        assertEquals(List.of("61 : 62 : 63 : ", "64"), Codec.dataToHex(b("abcd"), 3, " : "));
    }

    /**
     * The hex text against a plain model (String.format of each octet, the separator after every
     * octet but the array's last), for every kind of separator the writer treats apart: none, one
     * Latin-1 char (ASCII or not), one char beyond Latin-1, several chars.
     */
    @Test
    void dataToHexMatchesAPlainModel() {
        java.util.Random random = new java.util.Random(7);
        String[] seps = {null, "", ":", " ", "\u00e9", "\u2014", ", ", "::\u00e9"};
        for (int trial = 0; trial < 600; trial++) {
            byte[] data = new byte[trial < 40 ? trial : random.nextInt(300)];
            random.nextBytes(data);
            String sep = seps[trial % seps.length];
            int perLine = trial % 3 == 0 ? 0 : 1 + random.nextInt(20);
            String s = sep == null ? "" : sep;
            StringBuilder all = new StringBuilder();
            List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < data.length; i++) {
                all.append(String.format("%02x", data[i] & 0xff));
                if (i < data.length - 1) all.append(s);
                if (perLine > 0 && ((i + 1) % perLine == 0 || i == data.length - 1)) {
                    lines.add(all.toString());
                    all.setLength(0);
                }
            }
            Object expected = perLine > 0 ? lines : all.toString();
            assertEquals(expected, Codec.dataToHex(data, perLine, sep), "length " + data.length + ", " + perLine + " per line, separator " + sep);
        }
    }

    @Test
    void readHex() {
        String sep = " ,:\t\n";
        assertArrayEquals(new byte[]{1, 2, -1}, Codec.readHex("01:02:ff", sep));
        assertArrayEquals(new byte[]{1, -1}, Codec.readHex("0x01 0XfF", sep));
        assertArrayEquals(new byte[]{1, 0x23, 0x45}, Codec.readHex("0x010x230x45", sep));
        assertArrayEquals(new byte[]{1, 2}, Codec.readHex("  01,, 02\n", sep));
        assertArrayEquals(new byte[]{1}, Codec.readHex("01\u0000zz", sep), "the text ends at NUL, as a C string");
        assertArrayEquals(new byte[0], Codec.readHex("", sep));
        for (String bad : new String[]{"1", "01:2", "0102zz", "0x", "01 02 3", "g0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codec.readHex(bad, sep), bad);
            assertEquals("invalid hexadecimal string beginning at offset %td \"%s\"", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Codec.readHex("01 02", ""));
    }

    @Test
    void base64RoundTripAgainstTheJdk() {
        Random r = new Random(7);
        for (int n : new int[]{1, 2, 3, 47, 48, 49, 100, 1000}) {
            byte[] d = new byte[n];
            r.nextBytes(d);
            String text = Codec.toBase64(d);
            assertEquals(Base64.getMimeEncoder(64, new byte[]{'\r', '\n'}).encodeToString(d), text);
            assertArrayEquals(d, Codec.base64ToBinary(b(text)));
        }
    }

    @Test
    void base64AsNssDecodesIt() {
        assertArrayEquals(new byte[]{1, 2, 3}, Codec.base64ToBinary(b("AQ ID")));
        assertArrayEquals(new byte[]{1, 0}, Codec.base64ToBinary(b("AQ!D")), "characters outside the alphabet are skipped");
        assertArrayEquals(new byte[]{1, 2, 3}, Codec.base64ToBinary(b("junk\n-----BEGIN X-----\nAQID\n-----END X-----\n")));
        assertArrayEquals(new byte[]{1, 2, 3}, Codec.base64ToBinary(b("-----BEGIN X-----\rAQID-----END X-----")));
        assertEquals("no line ending after PEM BEGIN",
                assertThrows(IllegalArgumentException.class, () -> Codec.base64ToBinary(b("-----BEGIN X-----AQID"))).getMessage());
        assertEquals("no PEM END found",
                assertThrows(IllegalArgumentException.class, () -> Codec.base64ToBinary(b("-----BEGIN X-----\nAQID"))).getMessage());
        NSPRError empty = assertThrows(NSPRError.class, () -> Codec.base64ToBinary(new byte[0]));
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, empty.getErrorCode());
        assertEquals("Could not base64 decode", empty.getErrorMessage());
        // NSS fails on "A" without an error of its own: the thread's previous one, as python-nss
        for (int previous : new int[]{ErrorConstants.SEC_ERROR_BAD_DATA, 0}) {
            org.jnss.natives.Nspr4.PR_SetError(previous, 0);
            assertEquals(previous, assertThrows(NSPRError.class, () -> Codec.base64ToBinary(b("A"))).getErrorCode());
        }
        assertThrows(NSPRError.class, () -> Codec.toBase64(new byte[0]));
    }
}
