package org.jnss.asn1;

import org.jnss.core.UnicodeDecodeError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;
import org.jnss.natives.Nss3;
import org.jnss.natives.NssPki;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Renderings of DER data shared by the PKI formatters, as python-nss renders
 * them: hex, integers, OIDs, times, escaped ASCII, any universal type. All
 * bounds are checked: malformed input gives a Python-level error or the
 * rendering python-nss gives for it, never a read outside the data.
 * Results are byte strings ({@link BStr}); decoded ASN.1 text is a {@link Uni}.
 */
public final class Asn1Fmt {
    private Asn1Fmt() {}

    /** Unicode text (Python 2 unicode), as opposed to a byte string. */
    public record Uni(String text) {
        @Override
        public String toString() { return BStr.utf8(text); }
    }

    static final String TIME_FORMAT = "%a %b %d %H:%M:%S %Y UTC";

    // ---- plain renderings --------------------------------------------------

    public static String hex(byte[] data) {
        return (String) Codec.dataToHex(data, 0, ":");
    }

    @SuppressWarnings("unchecked")
    static List<String> hexLines(byte[] data) {
        return (List<String>) Codec.dataToHex(data, 16, ":");
    }

    /** The value of a TLV after its tag and length (python-nss's sec_strip_tag_and_length), or null. */
    public static byte[] stripTagAndLength(byte[] item) {
        if (item == null || item.length < 2) return null;
        int start = (item[1] & 0x80) != 0 ? (item[1] & 0x7f) + 2 : 2;
        if (item.length < start) return null;
        return java.util.Arrays.copyOfRange(item, start, item.length);
    }

    /** A DER INTEGER's contents as a signed number (0 when empty). */
    public static BigInteger integer(byte[] contents) {
        return contents == null || contents.length == 0 ? BigInteger.ZERO : new BigInteger(contents);
    }

    /** The Python int/long for a number: Integer, Long or BigInteger. */
    public static Object pyInt(BigInteger v) {
        if (v.bitLength() < 32) return v.intValue();
        if (v.bitLength() < 64) return v.longValue();
        return v;
    }

    /** Python's {@code '%d (%#x)' % (v, v)}. */
    public static String decHex(BigInteger v) {
        String hex = v.signum() < 0 ? "-0x" + v.negate().toString(16) : "0x" + v.toString(16);
        return v.toString() + " (" + hex + ")";
    }

    /** Python's {@code '%d (%#x)' % (shown, v)}. */
    public static String decHex(BigInteger shown, BigInteger v) {
        String hex = v.signum() < 0 ? "-0x" + v.negate().toString(16) : "0x" + v.toString(16);
        return shown.toString() + " (" + hex + ")";
    }

    /** python-nss's secitem_integer_format_lines: hex lines above 8 octets, else "n (0xn)". */
    public static void integerLines(Lines lines, int level, byte[] contents) {
        if (contents.length > 8) {
            lines.hex(level, contents);
        } else {
            lines.text(level, decHex(integer(contents)));
        }
    }

    private static final String[] ASCII_ESCAPES = new String[256];

    static {
        for (int c = 0; c < 256; c++) {
            String e;
            switch (c) {
                case 7 -> e = "\\a";
                case 8 -> e = "\\b";
                case 9 -> e = "\\t";
                case 10 -> e = "\\n";
                case 11 -> e = "\\v";
                case 12 -> e = "\\f";
                case 13 -> e = "\\r";
                case '"' -> e = "\\\"";
                case '\'' -> e = "\\'";
                case '?' -> e = "\\?";
                case '\\' -> e = "\\\\";
                default -> e = c < 0x20 || c >= 0x7f ? String.format("\\x%02X", c) : String.valueOf((char) c);
            }
            ASCII_ESCAPES[c] = e;
        }
    }

    /** ASCII text with C-style escapes for everything else (python-nss's escaped ASCII). */
    public static String escapedAscii(byte[] data) {
        StringBuilder b = new StringBuilder(data.length);
        for (byte x : data) b.append(ASCII_ESCAPES[x & 0xff]);
        return b.toString();
    }

    // ---- OIDs ------------------------------------------------------------

    /** The NSS description of an OID (contents bytes), else its "OID.n.n" form, else hex. */
    public static String oidDesc(byte[] oid) {
        try (Scratch s = new Scratch()) {
            long item = s.item(oid);
            long data = Nss3.SECOID_FindOID(item);
            if (data != 0) return BStr.of(Mem.cStringBytes(Mem.getPointer(data, Layout.OIDDATA_DESC)));
            byte[] dotted = Scratch.takeSmprintfString(NssPki.CERT_GetOidString(item));
            if (dotted != null) return BStr.of(dotted);
        }
        return hex(oid);
    }

    /** "OID.n.n" of OID contents (python-nss's dotted decimal), "" when NSS cannot render it. */
    static String oidDotted(byte[] oid) {
        try (Scratch s = new Scratch()) {
            byte[] dotted = Scratch.takeSmprintfString(NssPki.CERT_GetOidString(s.item(oid)));
            return dotted == null ? "" : BStr.of(dotted);
        }
    }

    public static int oidTag(byte[] oid) {
        try (Scratch s = new Scratch()) {
            return Nss3.SECOID_FindOIDTag(s.item(oid));
        }
    }

    // ---- times -----------------------------------------------------------

    /** PRTime (microseconds) rendered as python-nss renders times, in UTC. */
    public static String timeString(long prtime) {
        long tm = Mem.calloc(Layout.EXPLODED_TIME_SIZE);
        try {
            NssPki.PR_ExplodeTime(prtime, NssPki.PR_GMT_PARAMETERS, tm);
            byte[] buf = new byte[100];
            NssPki.PR_FormatTime(buf, buf.length, TIME_FORMAT, tm);
            int len = 0;
            while (len < buf.length && buf[len] != 0) len++;
            return BStr.of(java.util.Arrays.copyOf(buf, len));
        } finally {
            Mem.free(tm);
        }
    }

    /** DER_UTCTimeToTime / DER_GeneralizedTimeToTime of an item, or null on failure. */
    public static Long derTime(byte[] item, int siType, boolean generalized) {
        try (Scratch s = new Scratch()) {
            long[] t = new long[1];
            long native_ = s.item(item, siType);
            int rv = generalized ? NssPki.DER_GeneralizedTimeToTime(t, native_) : NssPki.DER_UTCTimeToTime(t, native_);
            return rv == 0 ? t[0] : null;
        }
    }

    // ---- addresses ---------------------------------------------------------

    /** An IPv4/IPv6 address as NSPR prints it (v4-mapped v6 as v4), other lengths as hex. */
    public static String ipAddress(byte[] ip) {
        if (ip.length != 4 && ip.length != 16) return hex(ip);
        boolean v4 = ip.length == 4;
        byte[] v4bytes = ip;
        if (!v4) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) if (ip[i] != 0) mapped = false;
            if ((ip[10] & 0xff) != 0xff || (ip[11] & 0xff) != 0xff) mapped = false;
            if (mapped) {
                v4 = true;
                v4bytes = java.util.Arrays.copyOfRange(ip, 12, 16);
            }
        }
        long addr = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            if (v4) {
                Mem.setShort(addr, 0, (short) 2);          // PR_AF_INET
                Mem.write(addr, 4, v4bytes, 0, 4);
            } else {
                Mem.setShort(addr, 0, (short) 10);         // PR_AF_INET6
                Mem.write(addr, 8, ip, 0, 16);
            }
            byte[] buf = new byte[1024];
            if (Nspr4.PR_NetAddrToString(addr, buf, buf.length) != 0) return hex(ip);
            int len = 0;
            while (len < buf.length && buf[len] != 0) len++;
            return BStr.of(java.util.Arrays.copyOf(buf, len));
        } finally {
            Mem.free(addr);
        }
    }

    // ---- any DER value -----------------------------------------------------

    private static final int CLASS_MASK = 0xc0, UNIVERSAL = 0x00, CONTEXT_SPECIFIC = 0x80, CONSTRUCTED = 0x20, TAGNUM = 0x1f;

    /**
     * python-nss's der_any_secitem_to_pystr: a rendering of any DER item (tag,
     * length, value): a byte string, a {@link Uni}, a List of renderings (SET,
     * SEQUENCE) or null (Python None).
     */
    public static Object any(byte[] item) {
        if (item == null || item.length == 0) return "(null)";
        return switch (item[0] & CLASS_MASK) {
            case CONTEXT_SPECIFIC -> contextSpecific(item);
            case UNIVERSAL -> universal(item);
            default -> hex(item);
        };
    }

    private static String contextSpecific(byte[] item) {
        int type = item[0] & TAGNUM;
        if ((item[0] & CONSTRUCTED) != 0) return "[" + type + "]";
        byte[] v = stripTagAndLength(item);
        if (v != null) return "[" + type + "] " + hex(v);
        return "[" + type + "]";
    }

    /** python-nss's der_universal_secitem_to_pystr. */
    static Object universal(byte[] item) {
        int tag = item[0] & TAGNUM;
        switch (tag) {
            case 10, 2 -> {                                  // ENUMERATED, INTEGER
                byte[] v = stripTagAndLength(item);
                return v == null ? null : integer(v).toString();
            }
            case 6 -> {                                      // OBJECT IDENTIFIER
                byte[] v = stripTagAndLength(item);
                return v == null ? null : oidDesc(v);
            }
            case 1 -> {                                      // BOOLEAN
                byte[] v = stripTagAndLength(item);
                return v == null ? null : (v.length > 0 && v[0] != 0 ? "True" : "False");
            }
            case 12 -> {                                     // UTF8String
                byte[] v = requireStripped(item, "malformed raw ASN.1 BMP string buffer");
                return new Uni(decode(v, "utf8"));
            }
            case 19, 26, 22, 20 -> {                         // Printable, Visible, IA5, T61
                byte[] v = requireStripped(item, "malformed raw ascii string buffer");
                return escapedAscii(v);
            }
            case 24 -> {                                     // GeneralizedTime
                Long t = derTime(item, 0, true);
                return t == null ? null : timeString(t);
            }
            case 23 -> {                                     // UTCTime
                Long t = derTime(item, 0, false);
                return t == null ? null : timeString(t);
            }
            case 5 -> {                                      // NULL
                return "(null)";
            }
            case 17, 16 -> {                                 // SET, SEQUENCE
                return setOrSequence(item);
            }
            case 4 -> {                                      // OCTET STRING
                byte[] v = stripTagAndLength(item);
                return v == null ? null : hex(v);
            }
            case 3 -> {                                      // BIT STRING: python-nss discards the rendering
                return null;
            }
            case 30 -> {                                     // BMPString
                byte[] v = requireStripped(item, "malformed raw ASN.1 BMP string buffer");
                if (v.length % 2 != 0) throw new IllegalArgumentException("raw ASN.1 BMP string length must be multiple of 2");
                return new Uni(decode(v, "utf-16-be"));
            }
            case 28 -> {                                     // UniversalString
                byte[] v = requireStripped(item, "malformed raw ASN.1 Universal string buffer");
                if (v.length % 4 != 0) throw new IllegalArgumentException("raw ASN.1 Universal string length must be multiple of 4");
                return new Uni(decode(v, "utf-32-be"));
            }
            default -> {
                return hex(item);
            }
        }
    }

    private static byte[] requireStripped(byte[] item, String message) {
        byte[] v = stripTagAndLength(item);
        if (v == null) throw new IllegalArgumentException(message);
        return v;
    }

    /** Python 2's decoding of UTF-8, UTF-16BE and UTF-32BE (surrogates pass, as in Python 2): UnicodeDecodeError if malformed. */
    static String decode(byte[] v, String codec) {
        StringBuilder b = new StringBuilder(v.length);
        int i = 0, n = v.length;
        if (codec.equals("utf8")) {
            while (i < n) {
                int c = v[i] & 0xff;
                if (c < 0x80) { b.append((char) c); i++; continue; }
                int need = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
                if (c >= 0xf5 || need < 0) throw new UnicodeDecodeError("utf8", v, i, i + 1, "invalid start byte");
                if (i + need >= n)
                    throw new UnicodeDecodeError("utf8", v, i, n, "unexpected end of data");
                int cp = c & (0x3f >> need);
                for (int k = 1; k <= need; k++) {
                    int x = v[i + k] & 0xff;
                    boolean ok = (x & 0xc0) == 0x80;
                    if (k == 1) {
                        if (c == 0xe0 && x < 0xa0) ok = false;            // overlong
                        if (c == 0xf0 && x < 0x90) ok = false;            // overlong
                        if (c == 0xf4 && x > 0x8f) ok = false;            // above U+10FFFF
                    }
                    if (!ok) throw new UnicodeDecodeError("utf8", v, i, i + k, "invalid continuation byte");
                    cp = (cp << 6) | (x & 0x3f);
                }
                b.appendCodePoint(cp);
                i += need + 1;
            }
            return b.toString();
        }
        if (codec.equals("utf-16-be")) {
            while (i + 1 < n) {
                int ch = ((v[i] & 0xff) << 8) | (v[i + 1] & 0xff);
                if (ch < 0xd800 || ch > 0xdfff) { b.append((char) ch); i += 2; continue; }
                if (ch >= 0xdc00) throw new UnicodeDecodeError("utf16", v, i, i + 2, "illegal encoding");
                if (i + 3 >= n) throw new UnicodeDecodeError("utf16", v, i, n, "unexpected end of data");
                int lo = ((v[i + 2] & 0xff) << 8) | (v[i + 3] & 0xff);
                if (lo < 0xdc00 || lo > 0xdfff) throw new UnicodeDecodeError("utf16", v, i, i + 2, "illegal UTF-16 surrogate");
                b.append((char) ch).append((char) lo);
                i += 4;
            }
            return b.toString();
        }
        // utf-32-be
        while (i + 3 < n) {
            long cp = ((long) (v[i] & 0xff) << 24) | ((v[i + 1] & 0xff) << 16) | ((v[i + 2] & 0xff) << 8) | (v[i + 3] & 0xff);
            if (cp > 0x10ffff) throw new UnicodeDecodeError("utf32", v, i, i + 4, "codepoint not in range(0x110000)");
            b.appendCodePoint((int) cp);
            i += 4;
        }
        return b.toString();
    }

    /** python-nss's der_set_or_str_secitem_to_pylist_of_pystr (element lengths bounded by the data). */
    private static Object setOrSequence(byte[] item) {
        if ((item[0] & CONSTRUCTED) == 0) return hex(item);
        byte[] rest = stripTagAndLength(item);
        if (rest == null) return null;
        List<Object> out = new ArrayList<>();
        int pos = 0;
        while (rest.length - pos >= 2) {
            int remaining = rest.length - pos;
            long len;
            int l1 = rest[pos + 1] & 0xff;
            if ((l1 & 0x80) != 0) {
                int n = l1 & 0x7f;
                if (n > 4) break;
                len = 0;
                for (int i = 0; i < n; i++) {
                    int at = pos + 2 + i;
                    len = (len << 8) | (at < rest.length ? rest[at] & 0xff : 0xff);
                }
                len = (len + n + 2) & 0xffffffffL;     // unsigned int arithmetic, as in C
            } else {
                len = l1 + 2;
            }
            if (len > remaining) len = remaining;
            if (len == 0) break;                        // python-nss loops forever here
            byte[] element = java.util.Arrays.copyOfRange(rest, pos, pos + (int) len);
            pos += (int) len;
            try {
                out.add(any(element));
            } catch (IllegalArgumentException e) {
                // python-nss appends the NULL of the failed element, which fails: the element is left out
            }
        }
        return out;
    }

    /** Python 2 str() of a rendering. */
    public static String str(Object v) {
        if (v == null) return "None";
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(repr(l.get(i)));
            }
            return b.append(']').toString();
        }
        return v.toString();
    }

    static String repr(Object v) {
        if (v == null) return "None";
        if (v instanceof Uni u) return BStr.reprUnicode(u.text());
        if (v instanceof String s) return BStr.repr(s);
        return str(v);
    }
}
