package org.jnss.nss;

import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Hex and base64 conversions of python-nss (pure Java, no NSS state needed). */
public final class Codec {
    private Codec() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Lower-case hex of data, octets joined by separator (none when null). With
     * octetsPerLine > 0 a list of lines, each line ending with the separator but
     * the last; otherwise one string.
     */
    public static Object dataToHex(byte[] data, int octetsPerLine, String separator) {
        String sep = separator == null ? "" : separator;
        if (octetsPerLine <= 0) {
            StringBuilder sb = new StringBuilder(data.length * (2 + sep.length()));
            for (int i = 0; i < data.length; i++) {
                if (i > 0) sb.append(sep);
                sb.append(HEX[(data[i] >> 4) & 0xf]).append(HEX[data[i] & 0xf]);
            }
            return sb.toString();
        }
        List<String> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            sb.append(HEX[(data[i] >> 4) & 0xf]).append(HEX[data[i] & 0xf]);
            if (i < data.length - 1) sb.append(sep);
            if ((i + 1) % octetsPerLine == 0 || i == data.length - 1) {
                lines.add(sb.toString());
                sb.setLength(0);
            }
        }
        return lines;
    }

    /**
     * Parses hex digits in pairs, skipping any character of separators and
     * "0x" prefixes between octets.
     */
    public static byte[] readHex(String input, String separators) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String seps = separators == null ? "" : separators;
        int i = 0, n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (seps.indexOf(c) >= 0) { i++; continue; }
            if (c == '0' && i + 1 < n && (input.charAt(i + 1) == 'x' || input.charAt(i + 1) == 'X')) {
                i += 2;
                continue;
            }
            int hi = Character.digit(c, 16);
            int lo = i + 1 < n ? Character.digit(input.charAt(i + 1), 16) : -1;
            if (hi < 0 || lo < 0)
                throw new IllegalArgumentException("invalid hexadecimal string beginning at offset " + i
                        + " \"" + input.substring(i) + "\"");
            out.write((hi << 4) | lo);
            i += 2;
        }
        return out.toByteArray();
    }

    /** Decodes base64 text, ignoring PEM armour lines and white space. */
    public static byte[] base64ToBinary(String text) {
        StringBuilder b = new StringBuilder();
        String body = text;
        int begin = body.indexOf("-----BEGIN");
        if (begin >= 0) {
            int eol = body.indexOf('\n', begin);
            int end = body.indexOf("-----END", eol < 0 ? begin : eol);
            body = eol < 0 ? "" : body.substring(eol + 1, end < 0 ? body.length() : end);
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) b.append(c);
        }
        try {
            return Base64.getMimeDecoder().decode(b.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new NSPRError(null, ErrorConstants.SEC_ERROR_BAD_DER);
        }
    }
}
