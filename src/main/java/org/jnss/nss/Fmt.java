package org.jnss.nss;

import java.util.List;

/** Renders python-nss's format_lines() tuples: (level, text) or (level, label, value). */
public final class Fmt {
    private Fmt() {}

    /** Lines joined by '\n'; labels of (level, label, value) lines are padded to the widest such label. */
    public static String indented(List<Object[]> lines, String indent) {
        int width = 0;
        for (Object[] l : lines) if (l.length >= 3) width = Math.max(width, String.valueOf(l[1]).length());
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object[] l : lines) {
            if (!first) sb.append('\n');
            first = false;
            int level = ((Number) l[0]).intValue();
            for (int i = 0; i < level; i++) sb.append(indent);
            if (l.length >= 3) {
                String label = String.valueOf(l[1]);
                sb.append(label);
                for (int i = label.length(); i < width; i++) sb.append(' ');
                sb.append(' ').append(l[2]);
            } else {
                sb.append(l[1]);
            }
        }
        return sb.toString();
    }

    public static String indented(List<Object[]> lines, int indentLen) {
        return indented(lines, " ".repeat(Math.max(0, indentLen)));
    }
}
