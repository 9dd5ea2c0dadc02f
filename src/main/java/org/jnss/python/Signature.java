package org.jnss.python;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed python-nss signature: {@code name(a, b=default, *rest)}, or a bare
 * name for a property. Defaults stay as source text until the binder
 * evaluates them in the module namespace.
 *
 * <p>A {@code /} marks the parameters before it as positional-only, as in
 * Python 3.8 signatures: python-nss parses those with {@code PyArg_ParseTuple}
 * (no keywords). A signature without parameters is positional-only too
 * ({@code METH_NOARGS}).
 */
final class Signature {
    final String name;
    final boolean callable;
    final List<String> params = new ArrayList<>();
    /** default source per param, null when the param is required */
    final List<String> defaults = new ArrayList<>();
    /** name of the *args parameter, or null */
    String varargs;
    /** how many leading params cannot be passed by keyword */
    int positionalOnly;

    private Signature(String name, boolean callable) {
        this.name = name;
        this.callable = callable;
    }

    static Signature parse(String text) {
        text = text.trim();
        int open = text.indexOf('(');
        if (open < 0) return new Signature(text, false);
        if (!text.endsWith(")")) throw new IllegalArgumentException("bad signature: " + text);
        Signature s = new Signature(text.substring(0, open).trim(), true);
        boolean slash = false;
        for (String part : splitTopLevel(text.substring(open + 1, text.length() - 1))) {
            part = part.trim();
            if (part.isEmpty()) continue;
            if (part.equals("/")) {
                if (slash || s.varargs != null) throw new IllegalArgumentException("misplaced '/': " + text);
                slash = true;
                s.positionalOnly = s.params.size();
                continue;
            }
            if (part.startsWith("*")) {
                if (s.varargs != null) throw new IllegalArgumentException("two *args: " + text);
                s.varargs = part.substring(1).trim();
                continue;
            }
            if (s.varargs != null) throw new IllegalArgumentException("parameter after *args: " + text);
            int eq = part.indexOf('=');
            if (eq < 0) {
                if (!s.defaults.isEmpty() && s.defaults.get(s.defaults.size() - 1) != null)
                    throw new IllegalArgumentException("required parameter after optional one: " + text);
                s.params.add(part);
                s.defaults.add(null);
            } else {
                s.params.add(part.substring(0, eq).trim());
                s.defaults.add(part.substring(eq + 1).trim());
            }
        }
        return s;
    }

    /** True when no argument may be passed by keyword (PyArg_ParseTuple, METH_NOARGS, METH_VARARGS). */
    boolean noKeywords() {
        return positionalOnly == params.size();
    }

    /** Splits on commas outside quotes and brackets. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) cur.append(s.charAt(++i));
                else if (c == quote) quote = 0;
                continue;
            }
            switch (c) {
                case '\'', '"' -> { quote = c; cur.append(c); }
                case '(', '[', '{' -> { depth++; cur.append(c); }
                case ')', ']', '}' -> { depth--; cur.append(c); }
                case ',' -> {
                    if (depth == 0) { out.add(cur.toString()); cur.setLength(0); }
                    else cur.append(c);
                }
                default -> cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    int requiredCount() {
        int n = 0;
        for (String d : defaults) if (d == null) n++;
        return n;
    }
}
