package org.jnss.asn1;

import java.nio.charset.StandardCharsets;

/**
 * Python 2 byte strings in Java: text produced by NSS (names, descriptions) and
 * by the formatters is kept as a String whose chars are the bytes (ISO-8859-1),
 * so that bytes NSS returns reach Python unchanged even when they are not
 * UTF-8. Unicode text (decoded ASN.1 strings) enters through {@link #utf8}.
 */
public final class BStr {
    private BStr() {}

    public static String of(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    public static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The UTF-8 encoding of Unicode text, as a byte string. */
    public static String utf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Python 2 repr() of a byte string. */
    public static String repr(String s) {
        boolean sq = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
        char q = sq ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') b.append('\\').append(c);
            else if (c == '\t') b.append("\\t");
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c < 0x20 || c >= 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.append(q).toString();
    }

    /** Python 2 repr() of a unicode string. */
    public static String reprUnicode(String s) {
        boolean sq = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
        char q = sq ? '"' : '\'';
        StringBuilder b = new StringBuilder("u").append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == q || c == '\\') b.append('\\').append((char) c);
            else if (c == '\t') b.append("\\t");
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c < 0x20 || (c >= 0x7f && c < 0x100)) b.append(String.format("\\x%02x", c));
            else if (c >= 0x100 && c < 0x10000) b.append(String.format("\\u%04x", c));
            else if (c >= 0x10000) b.append(String.format("\\U%08x", c));
            else b.append((char) c);
        }
        return b.append(q).toString();
    }
}
