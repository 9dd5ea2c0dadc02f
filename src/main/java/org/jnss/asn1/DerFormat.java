package org.jnss.asn1;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * python-nss's text rendering of DER encoded values (what str() shows for a
 * SecItem whose kind is not plain data): universal types by their value,
 * context-specific ones as "[n] hex", anything else as hex. The result is a
 * String, a List (SET and SEQUENCE), or null where python-nss produces None.
 */
public final class DerFormat {
    private DerFormat() {}

    /** python-nss returns NULL without an exception here; Python reports it as a SystemError. */
    public static IllegalStateException noResult() {
        return new IllegalStateException("error return without exception set");
    }

    /** Tag and length header stripped as python-nss does it (length octets are not checked), or null. */
    public static byte[] stripTagAndLength(byte[] d) {
        if (d.length < 2) return null;
        int start = (d[1] & 0x80) != 0 ? (d[1] & 0x7f) + 2 : 2;
        if (d.length < start) return null;
        return Arrays.copyOfRange(d, start, d.length);
    }

    /** Any DER item. */
    public static Object any(byte[] d) {
        if (d.length == 0) return "(null)";
        switch (d[0] & 0xc0) {
            case 0x80: return contextSpecific(d);
            case 0x00: return universal(d);
            default: return Codec.hex(d);
        }
    }

    private static String contextSpecific(byte[] d) {
        int type = d[0] & 0x1f;
        if ((d[0] & 0x20) == 0) {
            byte[] v = stripTagAndLength(d);
            if (v != null) return "[" + type + "] " + Codec.hex(v);
        }
        return "[" + type + "]";
    }

    private static Object universal(byte[] d) {
        switch (d[0] & 0x1f) {
            case 0x02: case 0x0a: return integer(stripped(d)).toString(); // INTEGER, ENUMERATED
            case 0x06: return Oids.describe(stripped(d));                 // OBJECT IDENTIFIER
            case 0x01: {                                                  // BOOLEAN
                byte[] v = stripped(d);
                return v.length > 0 && v[0] != 0 ? "True" : "False";
            }
            case 0x0c: return string(d, "utf8", 1, "malformed raw ASN.1 BMP string buffer", null);
            case 0x13: case 0x1a: case 0x16: case 0x14: {                 // Printable, Visible, IA5, T61
                byte[] v = stripTagAndLength(d);
                if (v == null) throw new IllegalArgumentException("malformed raw ascii string buffer");
                return escapedAscii(v);
            }
            // GeneralizedTime, UTCTime: python-nss hands NSS's time decoder the whole TLV, which it
            // rejects, so the text is None
            case 0x18: case 0x17: return null;
            case 0x05: return "(null)";
            case 0x10: case 0x11: return setOrSequence(d);
            case 0x04: return Codec.hex(stripped(d));
            case 0x03: return null;                                       // BIT STRING: python-nss returns None
            case 0x1e: return string(d, "utf-16-be", 2, "malformed raw ASN.1 BMP string buffer",
                    "raw ASN.1 BMP string length must be multiple of 2");
            case 0x1c: return string(d, "utf-32-be", 4, "malformed raw ASN.1 Universal string buffer",
                    "raw ASN.1 Universal string length must be multiple of 4");
            default: return Codec.hex(d);
        }
    }

    private static byte[] stripped(byte[] d) {
        byte[] v = stripTagAndLength(d);
        if (v == null) throw noResult();
        return v;
    }

    /** A two's complement big-endian integer (0 when empty). */
    public static BigInteger integer(byte[] v) {
        return v.length == 0 ? BigInteger.ZERO : new BigInteger(v);
    }

    /** Text decoded as Python 2 decodes it (UnicodeDecodeError when malformed). */
    private static String string(byte[] d, String codec, int unit, String malformed, String badLength) {
        byte[] v = stripTagAndLength(d);
        if (v == null) throw new IllegalArgumentException(malformed);
        if (v.length % unit != 0) throw new IllegalArgumentException(badLength);
        return Asn1Fmt.decode(v, codec);
    }

    /** python-nss's escaping of ASCII string values: C escapes, \xHH for other non-printables. */
    static String escapedAscii(byte[] v) {
        StringBuilder sb = new StringBuilder(v.length);
        for (byte b : v) {
            int c = b & 0xff;
            switch (c) {
                case 7 -> sb.append("\\a");
                case 8 -> sb.append("\\b");
                case 9 -> sb.append("\\t");
                case 10 -> sb.append("\\n");
                case 11 -> sb.append("\\v");
                case 12 -> sb.append("\\f");
                case 13 -> sb.append("\\r");
                case '"' -> sb.append("\\\"");
                case '\'' -> sb.append("\\'");
                case '?' -> sb.append("\\?");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c >= 32 && c < 127) sb.append((char) c);
                    else sb.append(String.format("\\x%02X", c));
                }
            }
        }
        return sb.toString();
    }

    /** A SET or SEQUENCE as the list of its elements' texts; not constructed: hex; unreadable: null. */
    private static Object setOrSequence(byte[] d) {
        if ((d[0] & 0x20) == 0) return Codec.hex(d);
        byte[] rest = stripTagAndLength(d);
        if (rest == null) return null;
        List<Object> out = new ArrayList<>();
        int pos = 0;
        while (rest.length - pos >= 2) {
            long len;
            int l1 = rest[pos + 1] & 0xff;
            if ((l1 & 0x80) != 0) {
                int n = l1 & 0x7f;
                if (n > 4) break;
                len = 0;
                for (int i = 0; i < n; i++) len = (len << 8) | (pos + 2 + i < rest.length ? rest[pos + 2 + i] & 0xff : 0);
                len = (len + n + 2) & 0xffffffffL;
            } else {
                len = l1 + 2;
            }
            int avail = rest.length - pos;
            int take = (int) Math.min(len, avail);
            byte[] element = Arrays.copyOfRange(rest, pos, pos + take);
            pos += take;
            try {
                out.add(any(element));
            } catch (IllegalArgumentException | IllegalStateException e) {
                // python-nss appends the NULL of the failed element, which fails: the element is left out
            }
        }
        return out;
    }
}
