package org.jnss.asn1;

import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.natives.ThreadBuffer;
import org.jnss.nss.SecItem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * python-nss's hex and base64 conversions: the nss.nss functions data_to_hex,
 * read_hex and base64_to_binary, and the helpers the formatters use.
 */
public final class Codec {
    private Codec() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** The two lower-case hex digits of each octet value, as Latin-1 bytes: octet v at [2v, 2v + 1]. */
    private static final byte[] HEX_PAIRS = new byte[512];

    static {
        for (int v = 0; v < 256; v++) {
            HEX_PAIRS[2 * v] = (byte) HEX[v >> 4];
            HEX_PAIRS[2 * v + 1] = (byte) HEX[v & 0xf];
        }
    }

    /**
     * Renders data as lower-case hex, two digits per octet, octets joined by
     * separator. With a positive number of octets per line the result is a
     * list of lines of that many octets each; every octet but the very last is
     * followed by the separator, so a line may end with it
     * ({@code data_to_hex('\x01\x02\x03', 2)} gives {@code ['01:02:', '03']}).
     * Otherwise it is one string.
     *
     * @param data the octets (in Python a str, buffer or SecItem)
     * @param octetsPerLine octets per line; 0 (the default) or negative for a single string
     * @param separator text between octets (':' when omitted in Python);
     *        null (None) or "" for none
     * @return a string, or a list of line strings when octets per line is positive
     */
    @Python("data_to_hex(data, octets_per_line=0, separator=':')")
    public static Object dataToHex(byte[] data, int octetsPerLine, @Python.OrNone String separator) {
        String sep = separator == null ? "" : separator;
        if (octetsPerLine <= 0) return hexText(data, 0, data.length, sep);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.length; i += octetsPerLine) lines.add(hexText(data, i, Math.min(data.length, i + octetsPerLine), sep));
        return lines;
    }

    /**
     * The hex of data[from, to), sep after each octet but the last of the whole
     * array. Text of Latin-1 characters only (hex digits and a one-character
     * separator, the usual case) is written as the String's own bytes, two
     * digits per octet from a table, so that the JDK stores it as it is (a
     * char array compressed to bytes afterwards, written one digit at a time,
     * took about three times as long for 64 KiB); other separators are written
     * as chars.
     */
    private static String hexText(byte[] data, int from, int to, String sep) {
        int sl = sep.length();
        int seps = Math.max(0, Math.min(to, data.length - 1) - from);
        int n = 2 * (to - from) + seps * sl;
        boolean lastIncluded = to == data.length;
        if (sl == 0 || (sl == 1 && sep.charAt(0) < 0x100)) {
            byte[] out = new byte[n];
            byte[] pairs = HEX_PAIRS;
            int o = 0;
            if (sl == 0) {
                for (int i = from; i < to; i++, o += 2) {
                    int p = (data[i] & 0xff) << 1;
                    out[o] = pairs[p];
                    out[o + 1] = pairs[p + 1];
                }
            } else {
                byte sb = (byte) sep.charAt(0);
                int plain = lastIncluded ? to - 1 : to;     // octets followed by the separator end before this
                for (int i = from; i < plain; i++, o += 3) {
                    int p = (data[i] & 0xff) << 1;
                    out[o] = pairs[p];
                    out[o + 1] = pairs[p + 1];
                    out[o + 2] = sb;
                }
                if (lastIncluded && to > from) {
                    int p = (data[to - 1] & 0xff) << 1;
                    out[o] = pairs[p];
                    out[o + 1] = pairs[p + 1];
                }
            }
            return new String(out, StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[n];
        int o = 0;
        for (int i = from; i < to; i++) {
            out[o++] = HEX[(data[i] >> 4) & 0xf];
            out[o++] = HEX[data[i] & 0xf];
            if (i < data.length - 1) {
                for (int k = 0; k < sl; k++) out[o++] = sep.charAt(k);
            }
        }
        return new String(out);
    }

    /**
     * Appends the last {@code digits} hex digits of a value, lower-case and
     * zero-padded, as C's and Java's {@code %0Nx} would (without the cost of a
     * formatter, which parses its pattern with a regular expression at every
     * call and compiles that expression at its first).
     *
     * @param sb     where to append
     * @param value  the value (its low {@code 4 * digits} bits are shown)
     * @param digits how many digits (1 to 16)
     * @return sb
     */
    public static StringBuilder appendHex(StringBuilder sb, long value, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) sb.append(HEX[(int) (value >>> shift) & 0xf]);
        return sb;
    }

    /**
     * The hex of data on one line with ':' separators, python-nss's default
     * rendering of binary data ("0a:1b:ff").
     *
     * @param data the octets
     * @return the text ("" for no octets)
     */
    public static String hex(byte[] data) {
        return (String) dataToHex(data, 0, ":");
    }

    /**
     * Parses hex text into bytes, the inverse of data_to_hex(): each octet is
     * a pair of hex digits (either case), optionally preceded by "0x";
     * characters of separators are skipped between octets
     * ({@code read_hex('0x01, 02:ff')} gives {@code '\x01\x02\xff'}). The text
     * ends at its first NUL character.
     *
     * @param input the hex text
     * @param separators the characters allowed between octets (space, comma,
     *        colon, tab and newline when omitted in Python)
     * @return the octets ({@code str} in Python)
     * @throws IllegalArgumentException (ValueError) when an octet is not two hex digits;
     *         the message is python-nss's, unformatted placeholders included
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
     * base64 alphabet. The text ends at its first NUL.
     *
     * @param text the base64 or PEM text, as bytes
     * @return the decoded bytes
     * @throws IllegalArgumentException (ValueError) when a PEM BEGIN line has no
     *         line ending or no END marker follows it
     * @throws NSPRError "Could not base64 decode" when NSS's decoder fails
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
        // NSS's decoder does not always set an error when it fails: python-nss then reports
        // the thread's previous error, and so does this
        long item;
        try (ThreadBuffer in = ThreadBuffer.take(to - from)) {
            Mem.write(in.address(), 0, text, from, to - from);
            item = Nss3.NSSBase64_DecodeBuffer(0, 0, in.address(), to - from);
        }
        if (item == 0) throw NSPRError.last("Could not base64 decode");
        try {
            return Scratch.itemBytes(item);
        } finally {
            Nss3.SECITEM_FreeItem(item, 1);
        }
    }

    /**
     * NSS's base64 of data (NSSBase64_EncodeItem): lines of 64 characters
     * separated by CRLF.
     *
     * @param data the octets
     * @return the base64 text
     * @throws NSPRError "unable to encode SECItem to base64" when NSS fails
     *         (SEC_ERROR_INVALID_ARGS when NSS sets no error)
     */
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

    /**
     * Decodes base64 text, or the first block of PEM text (what lies between
     * the "-----BEGIN ...-----" line and "-----END"), into binary data.
     * Characters outside the base64 alphabet are skipped. The result is a
     * SecItem of DER data, whose str() renders the decoded DER.
     *
     * @param text base64 or PEM text
     * @return the decoded data as a SecItem
     * @throws IllegalArgumentException (ValueError) when a PEM BEGIN line has no
     *         line ending or no END marker follows it
     * @throws NSPRError "Could not base64 decode" when the text cannot be decoded
     */
    @Python("base64_to_binary(text)")
    public static SecItem base64ToBinary(String text) {
        return new SecItem(base64ToBinary(text.getBytes(StandardCharsets.UTF_8)), 0, SecItem.Kind.DER);
    }
}
