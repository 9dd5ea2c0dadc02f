package org.jnss.asn1;

import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.SecItem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hex and base64 conversions of python-nss. */
public final class Codec {
    private Codec() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Lower-case hex of data, octets joined by separator (none when null).
     * With octetsPerLine &gt; 0 a list of lines (every octet but the very last
     * is followed by the separator, so a line may end with it); otherwise one
     * string. A negative octetsPerLine counts as 0.
     */
    @Python("data_to_hex(data, octets_per_line=0, separator=':')")
    public static Object dataToHex(byte[] data, int octetsPerLine, @Python.OrNone String separator) {
        String sep = separator == null ? "" : separator;
        if (octetsPerLine <= 0) {
            StringBuilder sb = new StringBuilder(data.length * (2 + sep.length()));
            appendHex(sb, data, 0, data.length, sep);
            return sb.toString();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.length; i += octetsPerLine) {
            StringBuilder sb = new StringBuilder();
            appendHex(sb, data, i, Math.min(data.length, i + octetsPerLine), sep);
            lines.add(sb.toString());
        }
        return lines;
    }

    private static void appendHex(StringBuilder sb, byte[] data, int from, int to, String sep) {
        for (int i = from; i < to; i++) {
            sb.append(HEX[(data[i] >> 4) & 0xf]).append(HEX[data[i] & 0xf]);
            if (i < data.length - 1) sb.append(sep);
        }
    }

    /** The hex of data on one line with ':' separators (python-nss's default rendering of binary data). */
    public static String hex(byte[] data) {
        return (String) dataToHex(data, 0, ":");
    }

    /**
     * python-nss's read_hex: octets are pairs of hex digits, optionally
     * preceded by 0x; characters of separators are skipped between octets.
     * The text ends at the first NUL, as the C string it is in python-nss.
     */
    @Python("read_hex(input, separators=' ,:\\t\\n')")
    public static byte[] readHex(String input, String separators) {
        int nul = input.indexOf('\0');
        String s = nul >= 0 ? input.substring(0, nul) : input;
        int n = s.length(), i = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(n / 2);
        while (i < n) {
            while (i < n && separators.indexOf(s.charAt(i)) >= 0) i++;
            if (i >= n) break;
            if (s.charAt(i) == '0' && i + 1 < n && Character.toLowerCase(s.charAt(i + 1)) == 'x') i += 2;
            int hi = i < n ? hexDigit(s.charAt(i)) : -1;
            int lo = i + 1 < n ? hexDigit(s.charAt(i + 1)) : -1;
            if (hi < 0 || lo < 0)
                // python-nss formats this message with a conversion its Python does not support,
                // so the text reaches the user as written
                throw new IllegalArgumentException("invalid hexadecimal string beginning at offset %td \"%s\"");
            out.write((hi << 4) | lo);
            i += 2;
        }
        return out.toByteArray();
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /**
     * Decodes base64 text as python-nss does: when the text holds a PEM
     * "-----BEGIN" line, only what lies between the end of that line and
     * "-----END" is decoded; NSS's decoder skips characters outside the
     * base64 alphabet.
     */
    public static byte[] base64ToBinary(byte[] text) {
        String t = new String(text, StandardCharsets.ISO_8859_1);
        int nul = t.indexOf('\0');
        String c = nul >= 0 ? t.substring(0, nul) : t;   // PEM markers are searched in the C string
        int from = 0, to = c.length();   // python-nss decodes the C string: nothing after a NUL
        int begin = c.indexOf("-----BEGIN");
        if (begin >= 0) {
            int eol = c.indexOf('\n', begin);
            if (eol < 0) eol = c.indexOf('\r', begin);
            if (eol < 0) throw new IllegalArgumentException("no line ending after PEM BEGIN");
            from = eol + 1;
            int end = c.indexOf("-----END", from);
            if (end < 0) throw new IllegalArgumentException("no PEM END found");
            to = end;
        }
        byte[] in = java.util.Arrays.copyOfRange(text, from, to);
        // NSS's decoder does not always set an error when it fails: python-nss then reports
        // the thread's previous error, and so does this
        long item = Nss3.NSSBase64_DecodeBuffer(0, 0, in, in.length);
        if (item == 0) throw NSPRError.last("Could not base64 decode");
        try {
            return Scratch.itemBytes(item);
        } finally {
            Nss3.SECITEM_FreeItem(item, 1);
        }
    }

    /** NSS's base64 of data: lines of 64 characters separated by CRLF. */
    public static String toBase64(byte[] data) {
        try (Scratch s = new Scratch()) {
            long text = Nss3.NSSBase64_EncodeItem(0, 0, 0, s.item(data));
            if (text == 0) throw NSPRError.last("unable to encode SECItem to base64");
            try {
                return new String(Mem.cStringBytes(text), StandardCharsets.ISO_8859_1);
            } finally {
                Nss3.PORT_Free(text);
            }
        }
    }

    /** base64_to_binary: the DER that base64 (or PEM) text holds, as a SecItem that str() decodes. */
    @Python("base64_to_binary(text)")
    public static SecItem base64ToBinary(String text) {
        return new SecItem(base64ToBinary(text.getBytes(StandardCharsets.UTF_8)), 0, SecItem.Kind.DER);
    }
}
