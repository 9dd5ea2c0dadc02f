package org.jnss.python;

/** Reading the default values of @Python signatures (no Jython state: usable in plain unit tests). */
final class Defaults {
    private Defaults() {}

    static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?\\d+");
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The value of a quoted ASCII string literal with simple escapes, or null if src is anything else. */
    static String simpleStringLiteral(String src) {
        if (src.length() < 2) return null;
        char q = src.charAt(0);
        if ((q != '\'' && q != '"') || src.charAt(src.length() - 1) != q) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < src.length() - 1; i++) {
            char c = src.charAt(i);
            if (c > 0x7e || c == q) return null;
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= src.length() - 1) return null;
            switch (src.charAt(i)) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                default -> { return null; }
            }
        }
        return sb.toString();
    }
}
