package org.jnss.asn1;

import org.jnss.core.UnicodeDecodeError;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * python-nss's rendering of DER encoded values (der_any_secitem_to_pystr and
 * the functions under it): universal types by their value, context-specific
 * ones as "[n] hex", anything else as hex. A rendering is a byte string, a
 * {@link Uni} (decoded ASN.1 text), a List of renderings (SET, SEQUENCE) or
 * null where python-nss gives None. Where python-nss returns NULL without an
 * exception the result is {@link #noResult()}. Every length is bounded by the
 * data: malformed input never reads outside it.
 */
public final class DerFormat {
    private DerFormat() {}

    /**
     * A rendering that is Unicode text (Python 2 unicode: BMPString,
     * UniversalString, UTF8String), as opposed to a byte string.
     *
     * @param text the decoded text
     */
    public record Uni(String text) {
        /**
         * The text as a byte string, UTF-8 encoded (what Python 2's str() of
         * the unicode gives for the text python-nss decodes).
         *
         * @return the UTF-8 octets, one char each
         */
        @Override
        public String toString() { return BStr.utf8(text); }
    }

    /**
     * The exception for the places where python-nss returns NULL without
     * setting an exception, which Python reports as a SystemError ("error
     * return without exception set").
     *
     * @return a new exception to throw (the binder makes it a SystemError)
     */
    public static IllegalStateException noResult() {
        return new IllegalStateException("error return without exception set");
    }

    /**
     * The value of a TLV after its tag and length, as python-nss strips it:
     * the length octets are skipped, not checked, and everything after them
     * is the value.
     *
     * @param item a DER TLV (tag, length, value), or null
     * @return a copy of the value, or null when item is null or shorter than
     *         its tag and length octets
     */
    public static byte[] stripTagAndLength(byte[] item) {
        if (item == null || item.length < 2) return null;
        int start = (item[1] & 0x80) != 0 ? (item[1] & 0x7f) + 2 : 2;
        if (item.length < start) return null;
        return Arrays.copyOfRange(item, start, item.length);
    }

    private static byte[] stripped(byte[] item) {
        byte[] v = stripTagAndLength(item);
        if (v == null) throw noResult();
        return v;
    }

    private static byte[] requireStripped(byte[] item, String message) {
        byte[] v = stripTagAndLength(item);
        if (v == null) throw new IllegalArgumentException(message);
        return v;
    }

    /**
     * A DER INTEGER's contents as a signed number.
     *
     * @param contents the two's complement big-endian octets, or null
     * @return the number; 0 for null or no octets
     */
    public static BigInteger integer(byte[] contents) {
        return contents == null || contents.length == 0 ? BigInteger.ZERO : new BigInteger(contents);
    }

    private static final int CLASS_MASK = 0xc0, UNIVERSAL = 0x00, CONTEXT_SPECIFIC = 0x80, CONSTRUCTED = 0x20, TAGNUM = 0x1f;

    /**
     * The rendering of any DER item, as python-nss renders values it does not
     * know the type of: a universal type by its value (see the class comment),
     * a context-specific one as "[n] hex" ("[n]" when constructed), any other
     * class as hex of the whole item.
     *
     * @param item a DER TLV (tag, length, value), or null
     * @return a rendering: a byte string, a {@link Uni}, a List of renderings
     *         or null (None); "(null)" for null or empty data
     * @throws IllegalArgumentException (ValueError) for malformed ASN.1 string values
     * @throws IllegalStateException where python-nss fails without an exception
     *         ({@link #noResult()})
     * @throws org.jnss.core.UnicodeDecodeError when a string value does not decode
     */
    public static Object any(byte[] item) {
        if (item == null || item.length == 0) return "(null)";
        return switch (item[0] & CLASS_MASK) {
            case CONTEXT_SPECIFIC -> contextSpecific(item);
            case UNIVERSAL -> universal(item);
            default -> Codec.hex(item);
        };
    }

    private static String contextSpecific(byte[] item) {
        int type = item[0] & TAGNUM;
        if ((item[0] & CONSTRUCTED) != 0) return "[" + type + "]";
        byte[] v = stripTagAndLength(item);
        if (v != null) return "[" + type + "] " + Codec.hex(v);
        return "[" + type + "]";
    }

    /**
     * The rendering of a DER item of a universal type, chosen by its tag
     * number alone (the class bits are ignored): INTEGER and ENUMERATED in
     * decimal, OBJECT IDENTIFIER described ({@link Oids#describe}), BOOLEAN as
     * True/False, the ASCII string types escaped, UTF8String, BMPString and
     * UniversalString decoded as {@link Uni}, NULL as "(null)", SET and
     * SEQUENCE as a List of their elements' renderings, OCTET STRING as hex;
     * times and BIT STRING give null (None, as python-nss); unknown tags hex.
     *
     * @param item a DER TLV of at least one octet
     * @return the rendering
     * @throws IllegalArgumentException (ValueError) for malformed ASN.1 string values
     * @throws IllegalStateException when the value cannot be stripped of its
     *         tag and length ({@link #noResult()})
     * @throws org.jnss.core.UnicodeDecodeError when a string value does not decode
     */
    static Object universal(byte[] item) {
        return switch (item[0] & TAGNUM) {
            case 10, 2 -> integer(stripped(item)).toString();                  // ENUMERATED, INTEGER
            case 6 -> Oids.describe(stripped(item));                             // OBJECT IDENTIFIER
            case 1 -> {                                                          // BOOLEAN
                byte[] v = stripped(item);
                yield v.length > 0 && v[0] != 0 ? "True" : "False";
            }
            case 12 -> new Uni(decode(requireStripped(item, "malformed raw ASN.1 BMP string buffer"), "utf8"));
            case 19, 26, 22, 20 ->                                               // Printable, Visible, IA5, T61
                    escapedAscii(requireStripped(item, "malformed raw ascii string buffer"));
            // GeneralizedTime, UTCTime: python-nss hands NSS's time decoder the whole TLV, which it
            // always rejects (the tag octet is no digit), so the rendering is None
            case 24, 23 -> null;
            case 5 -> "(null)";                                                  // NULL
            case 17, 16 -> setOrSequence(item);                                  // SET, SEQUENCE
            case 4 -> Codec.hex(stripped(item));                               // OCTET STRING
            case 3 -> null;                                                      // BIT STRING: python-nss discards it
            case 30 -> {                                                         // BMPString
                byte[] v = requireStripped(item, "malformed raw ASN.1 BMP string buffer");
                if (v.length % 2 != 0) throw new IllegalArgumentException("raw ASN.1 BMP string length must be multiple of 2");
                yield new Uni(decode(v, "utf-16-be"));
            }
            case 28 -> {                                                         // UniversalString
                byte[] v = requireStripped(item, "malformed raw ASN.1 Universal string buffer");
                if (v.length % 4 != 0) throw new IllegalArgumentException("raw ASN.1 Universal string length must be multiple of 4");
                yield new Uni(decode(v, "utf-32-be"));
            }
            default -> Codec.hex(item);
        };
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
                default -> e = c < 0x20 || c >= 0x7f ? "\\x" + Codec.appendHex(new StringBuilder(2), c, 2).toString().toUpperCase()
                        : String.valueOf((char) c);
            }
            ASCII_ESCAPES[c] = e;
        }
    }

    /**
     * Bytes as printable ASCII with C-style escapes for everything else, as
     * python-nss shows ASCII string values: \n, \t, \" and the like, other
     * control and non-ASCII octets as \xNN (upper-case hex).
     *
     * @param data the octets
     * @return the escaped text
     */
    public static String escapedAscii(byte[] data) {
        StringBuilder b = new StringBuilder(data.length);
        for (byte x : data) {
            String e = ASCII_ESCAPES[x & 0xff];
            if (e.length() == 1) b.append(e.charAt(0));     // (most octets: a char, not a string, appended)
            else b.append(e);
        }
        return b.toString();
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

    /**
     * python-nss's der_set_or_str_secitem_to_pylist_of_pystr. Length octets
     * past the data do not matter: the element then reaches the end of the
     * data whatever they would hold (the length is capped to what is left).
     */
    private static Object setOrSequence(byte[] item) {
        if ((item[0] & CONSTRUCTED) == 0) return Codec.hex(item);
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
                    len = (len << 8) | (at < rest.length ? rest[at] & 0xff : 0);
                }
                len = (len + n + 2) & 0xffffffffL;     // unsigned int arithmetic, as in C
            } else {
                len = l1 + 2;
            }
            if (len > remaining) len = remaining;
            if (len == 0) break;                        // python-nss loops forever here
            byte[] element = Arrays.copyOfRange(rest, pos, pos + (int) len);
            pos += (int) len;
            try {
                out.add(any(element));
            } catch (IllegalArgumentException | IllegalStateException e) {
                // python-nss appends the NULL of the failed element, which fails: the element is left out
            }
        }
        return out;
    }

    /**
     * Python 2 {@code str()} of a rendering: "None" for null, a list as
     * Python prints it (elements by their repr), anything else by its
     * toString() (a {@link Uni} as UTF-8).
     *
     * @param v a rendering made by this class, or any object
     * @return the text as a byte string
     */
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

    /**
     * A rendering as plain Java values: each {@link Uni} replaced by its
     * text, lists converted element by element, anything else as it is.
     *
     * @param v a rendering
     * @return the same rendering without Uni wrappers
     */
    public static Object plain(Object v) {
        if (v instanceof Uni u) return u.text();
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) out.add(plain(e));
            return out;
        }
        return v;
    }
}
