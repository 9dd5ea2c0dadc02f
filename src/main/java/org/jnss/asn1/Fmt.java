package org.jnss.asn1;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * python-nss's indented_format(): renders format_lines() tuples, (level,),
 * (level, text) or (level, label, value), one line each. Values of
 * consecutive lines at the same level are aligned one column after the
 * widest label of that group; lines without a value are not aligned.
 */
public final class Fmt {
    private Fmt() {}

    public static String indented(List<Object[]> lines, int indentLen) {
        int n = lines.size();
        int[] indent = new int[n], labelLen = new int[n], valueLen = new int[n], pad = new int[n];
        for (int i = 0; i < n; i++) {
            Object[] l = lines.get(i);
            indent[i] = ((Number) l[0]).intValue() * indentLen;
            labelLen[i] = l.length > 1 ? width(l[1]) : 0;
            valueLen[i] = l.length > 2 ? width(l[2]) : 0;
        }
        for (int i = 0; i < n; ) {
            int j = i + 1;
            int align = valueLen[i] > 0 ? labelLen[i] : 0;
            for (; j < n && indent[j] == indent[i]; j++) if (valueLen[j] > 0) align = Math.max(align, labelLen[j]);
            if (align > 0) align++;
            for (int k = i; k < j; k++) if (valueLen[k] > 0) pad[k] = align - labelLen[k];
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Object[] l = lines.get(i);
            sb.append(" ".repeat(Math.max(0, indent[i])));
            if (labelLen[i] > 0) sb.append(l[1]);
            sb.append(" ".repeat(Math.max(0, pad[i])));
            if (valueLen[i] > 0) sb.append(l[2]);
            if (i < n - 1) sb.append('\n');
        }
        return sb.toString();
    }

    /** Width as python-nss counts it: UTF-8 octets. */
    private static int width(Object s) {
        return String.valueOf(s).getBytes(StandardCharsets.UTF_8).length;
    }
}
