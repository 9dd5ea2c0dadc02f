package org.jnss.ssl;

import java.util.List;

/** python-nss's indented_format() for the (level, label, value) and (level, text) lines of nss.ssl objects. */
final class SslFormat {
    private SslFormat() {}

    static String indented(List<Object[]> lines, int indentLen) {
        StringBuilder sb = new StringBuilder();
        int n = lines.size();
        int i = 0;
        while (i < n) {
            // a run of labelled lines at one level: values aligned after the longest label
            int level = (Integer) lines.get(i)[0];
            int j = i;
            int width = 0;
            while (j < n && lines.get(j).length == 3 && (Integer) lines.get(j)[0] == level) {
                width = Math.max(width, ((String) lines.get(j)[1]).length());
                j++;
            }
            if (j == i) {
                Object[] t = lines.get(i);
                line(sb, level, indentLen);
                if (t.length > 1) sb.append(t[1]);
                i++;
                continue;
            }
            for (int k = i; k < j; k++) {
                Object[] t = lines.get(k);
                line(sb, level, indentLen);
                String label = (String) t[1];
                sb.append(label).append(" ".repeat(width - label.length())).append(' ').append(t[2]);
            }
            i = j;
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, int level, int indentLen) {
        if (sb.length() > 0) sb.append('\n');
        sb.append(" ".repeat(Math.max(0, level * indentLen)));
    }
}
