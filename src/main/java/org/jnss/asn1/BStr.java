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

    /**
     * A byte string as a Java String holding one char per byte (ISO-8859-1).
     *
     * @param b the bytes, or null
     * @return the byte string, or null for null
     */
    public static String of(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * The bytes of a byte string made by {@link #of} (each char's low 8 bits).
     *
     * @param s the byte string, or null
     * @return its bytes, or null for null
     */
    public static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A byte string as Java API text ({@link org.jnss.core.JavaText}'s rule:
     * UTF-8, undecodable bytes kept as U+DC80 + byte), what a text getter returns.
     *
     * @param byteString a byte string (one char per byte), or null
     * @return the text, or null
     */
    public static String text(String byteString) {
        return byteString == null ? null : org.jnss.core.JavaText.of(bytes(byteString));
    }

    /**
     * Java API text back as a byte string, the inverse of {@link #text}.
     *
     * @param text text a getter returned, or null
     * @return the byte string (one char per byte), or null
     */
    public static String ofText(String text) {
        return text == null ? null : of(org.jnss.core.JavaText.encode(text));
    }

    /**
     * The UTF-8 encoding of Unicode text, as a byte string.
     *
     * @param text Unicode text, not null
     * @return one char per UTF-8 octet
     */
    public static String utf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Python 2 {@code repr()} of a byte string: single quotes unless the text
     * holds a single quote and no double quote; \t, \n, \r, backslash and the
     * quote escaped; other bytes outside printable ASCII as \xNN.
     *
     * @param s the byte string
     * @return the quoted literal
     */
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
            else if (c < 0x20 || c >= 0x7f) Codec.appendHex(b.append("\\x"), c, 2);
            else b.append(c);
        }
        return b.append(q).toString();
    }

    /**
     * Python 2 {@code repr()} of a unicode string: {@code u'...'}, quoted as
     * {@link #repr}, code points above U+00FF as Python's
     * 4- or 8-digit unicode escapes.
     *
     * @param s the Unicode text
     * @return the quoted literal
     */
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
            else if (c < 0x20 || (c >= 0x7f && c < 0x100)) Codec.appendHex(b.append("\\x"), c, 2);
            else if (c >= 0x100 && c < 0x10000) Codec.appendHex(b.append("\\u"), c, 4);
            else if (c >= 0x10000) Codec.appendHex(b.append("\\U"), c, 8);
            else b.append((char) c);
        }
        return b.append(q).toString();
    }
}
