package org.jnss.asn1;

import org.jnss.core.ArgumentError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * python-nss's format_lines() result: a list of (level,), (level, text) or
 * (level, label, value) tuples, and its rendering by indented_format(). Labels
 * get their ':' here, as python-nss appends it; texts are byte strings.
 */
public final class Lines {
    /**
     * The tuples, in order: each an Object array whose first element is the
     * Integer level and whose other elements (0, 1 or 2 of them) are byte
     * strings. Formatters may add tuples directly.
     */
    public final List<Object[]> list = new ArrayList<>();

    /** An empty list of lines. */
    public Lines() {}

    /**
     * Appends a label line, {@code (level, "label:")}.
     *
     * @param level the indentation level
     * @param label the label, without the ':'
     * @return this, for chaining
     */
    public Lines label(int level, String label) {
        list.add(new Object[]{level, label + ":"});
        return this;
    }

    /**
     * Appends a label and its value, {@code (level, "label:", str(value))}.
     *
     * @param level the indentation level
     * @param label the label, without the ':'
     * @param value the value: a Boolean (rendered True/False) or a rendering
     *        of {@link DerFormat} (a byte string, a list, null for None)
     * @return this, for chaining
     */
    public Lines pair(int level, String label, Object value) {
        list.add(new Object[]{level, label + ":", text(value)});
        return this;
    }

    /**
     * Appends a line of text, {@code (level, str(value))}.
     *
     * @param level the indentation level
     * @param value the text, as for {@link #pair}
     * @return this, for chaining
     */
    public Lines text(int level, Object value) {
        list.add(new Object[]{level, text(value)});
        return this;
    }

    /**
     * Appends the blank separator line python-nss emits, {@code (0,)}.
     *
     * @return this, for chaining
     */
    public Lines blank() {
        list.add(new Object[]{0});
        return this;
    }

    /**
     * Appends data as lines of colon-separated lower-case hex, 16 octets per line.
     *
     * @param level the indentation level
     * @param data the octets (no line for empty data)
     * @return this, for chaining
     */
    public Lines hex(int level, byte[] data) {
        for (String l : Asn1Fmt.hexLines(data)) text(level, l);
        return this;
    }

    /**
     * Appends all of other's tuples (the same arrays, not copies).
     *
     * @param other the lines to append
     * @return this, for chaining
     */
    public Lines addAll(Lines other) {
        list.addAll(other.list);
        return this;
    }

    private static String text(Object v) {
        if (v instanceof Boolean b) return b ? "True" : "False";
        return DerFormat.str(v);
    }

    /**
     * The tuples as format_lines() returns them to Python: copies whose texts
     * are byte arrays ({@code str} in Python).
     *
     * @return a new list of new arrays
     */
    public List<Object[]> toPython() {
        List<Object[]> out = new ArrayList<>(list.size());
        for (Object[] l : list) {
            Object[] t = l.clone();
            for (int i = 1; i < t.length; i++) t[i] = BStr.bytes((String) t[i]);
            out.add(t);
        }
        return out;
    }

    /**
     * These lines rendered as python-nss's {@code indented_format()} renders
     * them: one line per tuple, indented by level times indentLen spaces, the
     * values of consecutive lines at one indentation aligned one column after
     * their widest label.
     *
     * @param indentLen spaces per level
     * @return the text as a byte string, lines separated by '\n' without a final newline
     * @throws ArgumentError when a level is negative (Python's TypeError)
     * @throws OutOfMemoryError when the text would exceed a Java string's size
     *         (Python's MemoryError)
     */
    public String indented(int indentLen) {
        return indented(list, indentLen);
    }

    /**
     * indented_format() of tuples whose texts are Java (Unicode) strings, as
     * Unicode text: widths are counted in UTF-8 octets, as python-nss counts them.
     *
     * @param tuples (level, text...) arrays; texts are converted with String.valueOf
     * @param indentLen spaces per level
     * @return the rendering as Unicode text
     * @throws ArgumentError when a level is negative (Python's TypeError)
     */
    public static String indentedText(List<Object[]> tuples, int indentLen) {
        List<Object[]> bytes = new ArrayList<>(tuples.size());
        for (Object[] t : tuples) {
            Object[] b = t.clone();
            for (int i = 1; i < b.length; i++) b[i] = BStr.utf8(String.valueOf(b[i]));
            bytes.add(b);
        }
        return new String(BStr.bytes(indented(bytes, indentLen)), StandardCharsets.UTF_8);
    }

    /**
     * python-nss's indented_format(): one line per tuple, indented by level *
     * indentLen; the values of consecutive lines at one indentation are aligned
     * one column after the widest label of those that have a value. Texts are
     * byte strings; a negative level is python-nss's TypeError.
     */
    private static String indented(List<Object[]> tuples, int indentLen) {
        int n = tuples.size();
        int[] indent = new int[n], labelLen = new int[n], valueLen = new int[n], just = new int[n];
        // every level is checked before any line is sized, as python-nss does
        for (int i = 0; i < n; i++) {
            int level = ((Number) tuples.get(i)[0]).intValue();
            if (level < 0)
                throw new ArgumentError("item[0] in the tuple at line_fmt_tuples[" + i
                        + "] list must be a non-negative integer, not " + level);
        }
        for (int i = 0; i < n; i++) {
            Object[] t = tuples.get(i);
            int level = ((Number) t[0]).intValue();
            long ind = (long) level * indentLen;
            if (ind > Integer.MAX_VALUE - 16) throw new OutOfMemoryError("indentation too long");   // MemoryError
            indent[i] = (int) Math.max(0, ind);
            labelLen[i] = t.length > 1 ? ((String) t[1]).length() : 0;
            valueLen[i] = t.length > 2 ? ((String) t[2]).length() : 0;
        }
        for (int i = 0; i < n; ) {
            int maxAlign = valueLen[i] > 0 ? labelLen[i] : 0;
            int j = i + 1;
            for (; j < n && indent[j] == indent[i]; j++) {
                if (valueLen[j] > 0 && labelLen[j] > maxAlign) maxAlign = labelLen[j];
            }
            if (maxAlign > 0) maxAlign++;
            for (int k = i; k < j; k++) if (valueLen[k] > 0) just[k] = maxAlign - labelLen[k];
            i = j;
        }
        long total = 0;
        for (int i = 0; i < n; i++) total += indent[i] + labelLen[i] + Math.max(0, just[i]) + valueLen[i] + 1L;
        // (a Java string holds at most 2^31 - 1 chars; CPython raises MemoryError long before)
        if (total > Integer.MAX_VALUE - 16) throw new OutOfMemoryError("formatted text too long");
        StringBuilder b = new StringBuilder((int) total);
        for (int i = 0; i < n; i++) {
            Object[] t = tuples.get(i);
            spaces(b, indent[i]);
            if (labelLen[i] > 0) b.append((String) t[1]);
            spaces(b, just[i]);
            if (valueLen[i] > 0) b.append((String) t[2]);
            if (i < n - 1) b.append('\n');
        }
        return b.toString();
    }

    private static final String SPACES = " ".repeat(64);

    /** Appends n spaces (none when n is 0 or negative), without a string made per line. */
    private static void spaces(StringBuilder b, int n) {
        for (; n > 0; n -= SPACES.length()) b.append(SPACES, 0, Math.min(n, SPACES.length()));
    }
}
