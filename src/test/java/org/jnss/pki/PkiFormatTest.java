package org.jnss.pki;

import org.jnss.asn1.Codec;
import org.jnss.asn1.DerFormat;
import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Lines;
import org.jnss.asn1.OidNames;
import org.jnss.core.ArgumentError;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pure-Java parts of the PKI formatting: no NSS needed. */
class PkiFormatTest {

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (byte) v[i];
        return out;
    }

    @Test
    void indentedFormatAlignsValuesPerGroupOfSameLevel() {
        Lines l = new Lines();
        l.label(0, "Data");
        l.pair(2, "Version", "3 (0x2)");
        l.pair(2, "Serial Number", "1 (0x1)");
        l.label(2, "Validity");
        l.pair(3, "Not Before", "x");
        l.pair(3, "Not After", "y");
        l.blank();
        l.pair(1, "A", "");          // an empty value is no value: no justification
        assertEquals("Data:\n"
                + "        Version:       3 (0x2)\n"
                + "        Serial Number: 1 (0x1)\n"
                + "        Validity:\n"
                + "            Not Before: x\n"
                + "            Not After:  y\n"
                + "\n"
                + "    A:", l.indented(4));
        // labels of lines without a value do not widen the column
        assertEquals("Data:\n  Version: 3 (0x2)\n  Serial Number:", new Lines().label(0, "Data")
                .pair(1, "Version", "3 (0x2)").pair(1, "Serial Number", "").indented(2));
        assertThrows(ArgumentError.class, () -> new Lines().text(-1, "x").indented(4));
        assertEquals("", new Lines().indented(4));
    }

    @Test
    void formatLinesTuplesCarryBytes() {
        List<Object[]> t = new Lines().label(1, "L").pair(2, "K", "v\u00e9").blank().toPython();
        assertEquals(1, t.get(0)[0]);
        assertArrayEquals("L:".getBytes(), (byte[]) t.get(0)[1]);
        assertArrayEquals(b('v', 0xe9), (byte[]) t.get(1)[2]);
        assertEquals(1, t.get(2).length);
    }

    @Test
    void numbersAsPythonFormatsThem() {
        assertEquals("3 (0x2)", Asn1Fmt.decHex(BigInteger.valueOf(3), BigInteger.valueOf(2)));
        assertEquals("-5 (-0x5)", Asn1Fmt.decHex(BigInteger.valueOf(-5)));
        assertEquals(BigInteger.valueOf(-128), DerFormat.integer(b(0x80)));
        assertEquals(BigInteger.valueOf(128), DerFormat.integer(b(0x00, 0x80)));
        assertEquals(BigInteger.ZERO, DerFormat.integer(new byte[0]));
        // DER INTEGER contents to the smallest Java type, as BigInteger's value would be
        java.util.Random r = new java.util.Random(7);
        for (int len = 0; len <= 12; len++) {
            for (int k = 0; k < 200; k++) {
                byte[] c = new byte[len];
                r.nextBytes(c);
                if (len > 0 && k % 4 == 0) c[0] = (byte) (k % 8 == 0 ? 0 : 0xff);    // padded
                BigInteger v = DerFormat.integer(c);
                Object expected = v.bitLength() < 32 ? (Object) v.intValue() : v.bitLength() < 64 ? (Object) v.longValue() : v;
                assertEquals(expected, Asn1Fmt.pyInt(c), () -> "contents " + Codec.hex(c));
            }
        }
        assertEquals(7, Asn1Fmt.pyInt(b(0x07)));
        assertEquals(0, Asn1Fmt.pyInt(null));
        assertEquals(Integer.MIN_VALUE, Asn1Fmt.pyInt(b(0x80, 0, 0, 0)));
        assertEquals(1L << 31, Asn1Fmt.pyInt(b(0x00, 0x80, 0, 0, 0)));
        assertEquals(1L << 40, Asn1Fmt.pyInt(b(0x01, 0, 0, 0, 0, 0)));
        assertEquals(Long.MIN_VALUE, Asn1Fmt.pyInt(b(0x80, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(BigInteger.ONE.shiftLeft(63), Asn1Fmt.pyInt(b(0x00, 0x80, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(BigInteger.ONE.shiftLeft(70), Asn1Fmt.pyInt(BigInteger.ONE.shiftLeft(70).toByteArray()));
    }

    @Test
    void stripTagAndLengthIsBounded() {
        assertArrayEquals(b(1, 2), DerFormat.stripTagAndLength(b(4, 2, 1, 2)));
        assertArrayEquals(b(1, 2, 3), DerFormat.stripTagAndLength(b(4, 1, 1, 2, 3)));   // the length is not checked
        assertArrayEquals(b(9), DerFormat.stripTagAndLength(b(4, 0x81, 1, 9)));
        assertNull(DerFormat.stripTagAndLength(b(4)));
        assertNull(DerFormat.stripTagAndLength(b(4, 0x84, 1)));
    }

    @Test
    void escapedAsciiAndRepr() {
        assertEquals("a\\?b\\x00\\xFF\\n\\\"", DerFormat.escapedAscii(b('a', '?', 'b', 0, 0xff, '\n', '"')));
        assertEquals("'ab'", BStr.repr("ab"));
        assertEquals("\"a'b\"", BStr.repr("a'b"));
        assertEquals("'\\xc3\\xbc\\t'", BStr.repr("\u00c3\u00bc\t"));
        assertEquals("u'J\\xfcrgen \\u2713'", BStr.reprUnicode("J\u00fcrgen \u2713"));
        assertEquals("['a', u'\\xe9', None]", DerFormat.str(List.of("a", new DerFormat.Uni("\u00e9"), "x")).replace("'x'", "None"));
        assertEquals("()", PkiFmt.tupleStr(List.of()));
        assertEquals("('Key Compromise',)", PkiFmt.tupleStr(List.of("Key Compromise")));
        assertEquals("('a', 'b')", PkiFmt.tupleStr(List.of("a", "b")));
    }

    @Test
    void bitStringsAsPythonNssReadsThem() {
        // key usage: digitalSignature | keyEncipherment (0xa0, 5 unused bits)
        PkiFmt.Bits bits = PkiFmt.derBitString(b(0x03, 0x02, 0x05, 0xa0));
        assertEquals(3, bits.count());
        assertEquals(List.of("Digital Signature", "Key Encipherment"), PkiFmt.keyUsage(b(0x03, 0x02, 0x05, 0xa0)));
        assertEquals(List.of("SSL CA", "Email CA", "Object Signing CA"), PkiFmt.certType(b(0x03, 0x02, 0x00, 0x07)));
        // a length beyond the data: the missing octets are zero bits, never read
        assertEquals(List.of("Digital Signature"), PkiFmt.keyUsage(b(0x03, 0x7f, 0x00, 0x80)));
        for (byte[] bad : new byte[][]{b(), b(0x04, 0x02, 0, 0), b(0x03), b(0x03, 0x01), b(0x03, 0x01, 0x00), b(0x03, 0x85, 1)}) {
            NSPRError e = assertThrows(NSPRError.class, () -> PkiFmt.derBitString(bad));
            assertEquals(ErrorConstants.SEC_ERROR_BAD_DATA, e.getErrorCode());
        }
    }

    @Test
    void trustFlagsSortedWithUnknownBits() {
        // unknown bits as python-nss under Python 2 printed "%#x": plain hex of the C int
        assertEquals(List.of("Trusted", "Trusted CA", "unknown bit flags 10000"),
                PkiFlags.flags(PkiFlags.TRUST, 0x12 | 0x10000, NssConstants.AsEnumDescription));
        assertEquals(List.of(2, 16, "unknown bit flags 400"), PkiFlags.flags(PkiFlags.TRUST, 0x412, NssConstants.AsEnum));
        assertEquals(List.of("unknown bit flags fffffd00"), PkiFlags.flags(PkiFlags.TRUST, 0xfffffd00, NssConstants.AsEnumName));
        assertEquals(List.of(2, 16), PkiFlags.flags(PkiFlags.TRUST, 0x12, NssConstants.AsEnum));
        assertThrows(IllegalArgumentException.class, () -> PkiFlags.flags(PkiFlags.TRUST, 1, NssConstants.AsString));
    }

    @Test
    void oneUnknownBitsText() {
        assertEquals("unknown bit flags 1000", PkiFlags.unknownBits(0x1000));
        assertEquals("unknown bit flags 80000000", PkiFlags.unknownBits(0x80000000));
        assertEquals(List.of("NSS_INIT_READONLY", "unknown bit flags 1000"), Nss.nssInitFlags(0x1001, NssConstants.AsEnumName));
        assertEquals(List.of("SSL Client", "unknown bit flags 10000"),
                PkiFlags.flags(PkiFlags.CERT_USAGE, 0x10001, NssConstants.AsEnumDescription));
    }

    @Test
    void avaNames() {
        assertEquals("CN", OidNames.avaName(NssConstants.SEC_OID_AVA_COMMON_NAME));
        assertNull(OidNames.avaName(NssConstants.SEC_OID_SHA256));
    }

    @Test
    void anyDerRenderingNeverReadsOutsideTheData() {
        // SEQUENCE renderings with absurd element lengths (NSS is not needed for these tags)
        assertEquals(List.of("7", "(null)"), DerFormat.any(b(0x30, 0x05, 0x02, 0x01, 0x07, 0x05, 0x00)));
        assertEquals(List.of("[0] 01:02"), DerFormat.any(b(0x30, 0x04, 0x80, 0x02, 0x01, 0x02)));
        assertEquals(List.of("[0]"), DerFormat.any(b(0x30, 0x04, 0x80, 0x84, 0x01, 0x02)));     // length past the end
        assertEquals(java.util.Collections.singletonList(null), DerFormat.any(b(0x30, 0x02, 0x30, 0x84)));
        assertNull(DerFormat.any(b(0x03, 0x02, 0x00, 0x01)));          // BIT STRING: python-nss renders None
        assertEquals("(null)", DerFormat.any(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> DerFormat.any(b(0x1e, 0x01, 0x41)));   // odd BMPString
        assertThrows(IllegalArgumentException.class, () -> DerFormat.any(b(0x0c, 0x01, 0xff)));   // bad UTF-8
        Random rnd = new Random(42);
        for (int i = 0; i < 20000; i++) {
            byte[] d = new byte[rnd.nextInt(24)];
            rnd.nextBytes(d);
            if (d.length > 0) d[0] = (byte) (d[0] & 0xdf | (rnd.nextBoolean() ? 0x20 : 0) | 0x10);  // SET/SEQUENCE-ish
            if (d.length > 0 && (d[0] & 0x1f) == 0x06) continue;                                   // OIDs need NSS
            try {
                Object r = DerFormat.any(d);
                DerFormat.str(r);
            } catch (IllegalArgumentException expected) {
                // malformed strings: a ValueError
            }
        }
    }
}
