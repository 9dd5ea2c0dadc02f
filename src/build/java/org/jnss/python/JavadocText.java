package org.jnss.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Javadoc comment into the text of a Python docstring: plain text in
 * lines of at most {@link #WIDTH} characters, as CPython's help() shows them.
 * Build-time code (run by {@link PydocProcessor} while the core compiles); the
 * binder puts the Python signature above the text.
 *
 * <p>HTML becomes text: {@code <p>} a blank line, {@code <ul>}/{@code <ol>}
 * items {@code "- "}/{@code "1. "} lines, {@code <pre>} an indented verbatim
 * block, {@code <dl>} terms and indented definitions, entities their
 * characters, other tags nothing. Inline tags: {@code {@code x}} and
 * {@code {@literal x}} are x, {@code {@link A#b label}} the label, else the
 * name the {@link Links} give for the reference (the Python name of an
 * {@code @Python} member). Block tags become sections: {@code @param} an
 * "Args:" entry under the Python parameter's name, {@code @return}
 * "Returns:", {@code @throws} a "Raises:" entry under the Python exception
 * the binder raises for the Java one, {@code @see} "See also:",
 * {@code @deprecated} "Deprecated:"; {@code @implNote}, {@code @implSpec},
 * {@code @since}, {@code @author} and {@code @version} are for Java readers
 * and left out.
 */
final class JavadocText {
    /** The longest line of a docstring. */
    static final int WIDTH = 72;

    private JavadocText() {}

    /** Names what a {@code {@link}} or {@code @see} reference points at, as Python shows it. */
    @FunctionalInterface
    interface Links {
        String name(String reference);

        /**
         * The text of a {@code {@code}} tag: a Java parameter's name becomes the
         * Python one; a qualified Java class name may become the Python type's.
         */
        default String code(String text) {
            return text;
        }
    }

    /**
     * The Python exception the binder ({@code PyErrors.map}) raises for a Java
     * exception of the core, by simple name; a name not listed (NSPRError,
     * CertVerifyError, KeyError, ...) is the Python name already.
     */
    static final Map<String, String> PYTHON_EXCEPTIONS = Map.ofEntries(
            Map.entry("ArgumentError", "TypeError"),
            Map.entry("InterpreterError", "RuntimeError"),
            Map.entry("IllegalArgumentException", "ValueError"),
            Map.entry("NumberFormatException", "ValueError"),
            Map.entry("IndexOutOfBoundsException", "IndexError"),
            Map.entry("ArrayIndexOutOfBoundsException", "IndexError"),
            Map.entry("NotFoundError", "KeyError"),
            Map.entry("IllegalStateException", "SystemError"),
            Map.entry("NoSuchElementException", "StopIteration"),
            Map.entry("UnsupportedOperationException", "NotImplementedError"),
            Map.entry("ArithmeticException", "OverflowError"),
            Map.entry("OutOfMemoryError", "MemoryError"),
            Map.entry("IOException", "IOError"),
            Map.entry("UncheckedIOException", "IOError"),
            Map.entry("FileNotFoundException", "IOError"));

    /** The Python name of an exception named in a {@code @throws} tag (simple or qualified). */
    static String pythonException(String javaName) {
        String simple = javaName.substring(javaName.lastIndexOf('.') + 1);
        return PYTHON_EXCEPTIONS.getOrDefault(simple, simple);
    }

    /**
     * The docstring text of a comment (without the signature line).
     *
     * @param comment the comment as {@code Elements.getDocComment} gives it
     * @param javaParams the Java parameter names, in order
     * @param pythonParams the Python name of each Java parameter (same order;
     *     {@code *name} for the variable arguments)
     * @param links names the targets of references
     * @return the text, lines joined by {@code \n}; empty when the comment says nothing for Python
     */
    static String docstring(String comment, List<String> javaParams, List<String> pythonParams, Links links) {
        if (comment == null) return "";
        Map<String, String> pythonNames = new java.util.HashMap<>();
        for (int i = 0; i < javaParams.size() && i < pythonParams.size(); i++)
            pythonNames.put(javaParams.get(i), pythonParams.get(i).replace("*", ""));
        Links names = links;
        links = new Links() {
            @Override
            public String name(String reference) {
                return names.name(reference);
            }

            @Override
            public String code(String text) {
                String p = pythonNames.get(text);
                return p != null ? p : names.code(text);
            }
        };
        List<String> parts = splitBlockTags(comment);
        List<Block> blocks = new ArrayList<>(html(parts.get(0), links, 0));
        Map<String, String> args = new LinkedHashMap<>();
        List<String> raises = new ArrayList<>();
        String returns = null;
        List<String> see = new ArrayList<>();
        String deprecated = null;
        List<String> notes = new ArrayList<>();
        for (String tag : parts.subList(1, parts.size())) {
            String name = firstWord(tag);
            String rest = tag.substring(name.length()).strip();
            switch (name) {
                case "@param" -> {
                    String p = firstWord(rest);
                    if (p.startsWith("<")) break;                       // a type parameter: Java only
                    int i = javaParams.indexOf(p);
                    String py = i >= 0 && i < pythonParams.size() ? pythonParams.get(i) : p;
                    args.merge(py, rest.substring(p.length()).strip(), (a, b) -> a + " " + b);
                }
                case "@return" -> returns = returns == null ? rest : returns + " " + rest;
                case "@throws", "@exception" -> {
                    String x = firstWord(rest);
                    String py = pythonException(x);
                    String why = rest.substring(x.length()).strip();
                    // "(Python's TypeError) when ..." / "(Python's TypeError "message") when ...", written for
                    // Java readers: under "TypeError:" only the message is news
                    String note = "(Python's " + py;
                    int close = why.startsWith(note) ? closingParen(why) : -1;
                    if (close > 0 && (why.charAt(note.length()) == ')' || why.charAt(note.length()) == ' '))
                        why = (why.substring(note.length(), close).strip() + " " + why.substring(close + 1).strip()).strip();
                    raises.add(py + "\u0000" + why);
                }
                case "@see" -> see.add(seeName(rest, links));
                case "@deprecated" -> deprecated = rest;
                case "@apiNote" -> notes.add(rest);
                default -> { }                                          // @implNote, @since, @author, ...: Java readers only
            }
        }
        for (String n : notes) blocks.addAll(html(n, links, 0));
        if (deprecated != null) blocks.addAll(html("Deprecated: " + deprecated, links, 0));
        List<String> out = render(blocks);
        if (!args.isEmpty()) {
            section(out, "Args:");
            for (Map.Entry<String, String> e : args.entrySet()) entry(out, e.getKey(), e.getValue(), links);
        }
        if (returns != null && !returns.isBlank()) {
            section(out, "Returns:");
            out.addAll(render(html(returns, links, 4)));
        }
        if (!raises.isEmpty()) {
            section(out, "Raises:");
            for (String r : raises) {
                int z = r.indexOf('\u0000');
                entry(out, r.substring(0, z), r.substring(z + 1), links);
            }
        }
        if (!see.isEmpty()) {
            if (!out.isEmpty()) out.add("");
            out.addAll(wrap("See also: " + String.join(", ", see), "", "    ", WIDTH));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return String.join("\n", out);
    }

    /** Index of the parenthesis closing the one that opens s (quoted text skipped), or -1. */
    private static int closingParen(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static void section(List<String> out, String title) {
        if (!out.isEmpty()) out.add("");
        out.add(title);
    }

    /** One "name: text" entry of a section, its text wrapped under it with a hanging indent. */
    private static void entry(List<String> out, String name, String text, Links links) {
        List<Block> blocks = html(text, links, 8);
        if (blocks.isEmpty()) {
            out.add("    " + name);
            return;
        }
        Block first = blocks.get(0);
        if (!first.verbatim) {
            blocks.set(0, new Block(first.text, 4, name + ": ", 8, false, false));
        } else {
            out.add("    " + name + ":");
        }
        List<String> lines = render(blocks);
        out.addAll(lines);
    }

    private static String seeName(String reference, Links links) {
        String r = reference.strip();
        if (r.startsWith("\"")) return r.replace("\"", "");
        if (r.startsWith("<")) return renderInline(r, links);
        String target = reference(r);
        String label = r.substring(target.length()).strip();
        return label.isEmpty() ? links.name(target) : label;
    }

    /** The reference at the start of a link: up to white space, but whole parameter lists ({@code #f(int, int)}). */
    private static String reference(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (Character.isWhitespace(c) && depth <= 0) return s.substring(0, i);
        }
        return s;
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
        return s.substring(0, i);
    }

    // ---- block tags -------------------------------------------------------------------------

    /** The comment without its block tags of one kind ({@code "@return"}). */
    static String withoutTag(String comment, String tag) {
        StringBuilder sb = new StringBuilder();
        for (String part : splitBlockTags(comment))
            if (!firstWord(part).equals(tag)) sb.append(part);
        return sb.toString();
    }

    /**
     * The main description, then each block tag ({@code @param x text}, ...):
     * a tag starts where a line starts with {@code @}, outside an inline tag
     * and outside {@code <pre>}.
     */
    static List<String> splitBlockTags(String comment) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean pre = false;
        boolean lineStart = true;
        int start = 0;
        String lower = comment.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < comment.length(); i++) {
            char c = comment.charAt(i);
            if (c == '\n') {
                lineStart = true;
                continue;
            }
            if (lineStart && Character.isWhitespace(c)) continue;
            if (lineStart && c == '@' && depth == 0 && !pre && i + 1 < comment.length()
                    && Character.isLetter(comment.charAt(i + 1))) {
                parts.add(comment.substring(start, i));
                start = i;
            }
            lineStart = false;
            if (c == '{' && i + 1 < comment.length() && comment.charAt(i + 1) == '@') depth++;
            else if (c == '{' && depth > 0) depth++;
            else if (c == '}' && depth > 0) depth--;
            else if (c == '<' && lower.startsWith("<pre", i)) pre = true;
            else if (c == '<' && lower.startsWith("</pre", i)) pre = false;
        }
        parts.add(comment.substring(start));
        return parts;
    }

    // ---- inline tags and HTML -----------------------------------------------------------------

    private enum Kind { TEXT, LITERAL, TAG }

    /** A piece of comment text: HTML text, literal text (from {@code {@code}}), or an HTML tag. */
    private record Tok(Kind kind, String text, String tag, boolean closing, boolean newline) {
        Tok(Kind kind, String text, String tag, boolean closing) {
            this(kind, text, tag, closing, false);
        }
    }

    private static List<Tok> tokens(String s, Links links) {
        List<Tok> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{' && s.startsWith("{@", i)) {
                int end = matchingBrace(s, i);
                String inner = s.substring(i + 2, end < 0 ? s.length() : end);
                String name = firstWord(inner);
                String body = inner.substring(name.length());
                // the whitespace after the tag's name separates; a line break there also (the next
                // line's indentation then counts only inside <pre>)
                int nl = body.indexOf('\n');
                boolean newline = nl >= 0 && body.substring(0, nl).isBlank();
                if (newline) body = body.substring(nl + 1);
                else if (body.startsWith(" ") || body.startsWith("\t")) body = body.substring(1);
                flushText(out, text);
                out.add(new Tok(Kind.LITERAL, inlineTag(name, body, links), null, false, newline));
                i = end < 0 ? s.length() : end + 1;
                continue;
            }
            if (c == '<') {
                if (s.startsWith("<!--", i)) {
                    int end = s.indexOf("-->", i);
                    i = end < 0 ? s.length() : end + 3;
                    continue;
                }
                java.util.regex.Matcher m = TAG.matcher(s).region(i, s.length());
                if (m.lookingAt()) {
                    flushText(out, text);
                    out.add(new Tok(Kind.TAG, null, m.group(2).toLowerCase(java.util.Locale.ROOT), !m.group(1).isEmpty()));
                    i = m.end();
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        flushText(out, text);
        return out;
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>");

    private static void flushText(List<Tok> out, StringBuilder text) {
        if (text.length() > 0) out.add(new Tok(Kind.TEXT, entities(text.toString()), null, false));
        text.setLength(0);
    }

    /** Index of the brace closing the inline tag that opens at {@code open}, or -1. */
    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }

    private static String inlineTag(String name, String body, Links links) {
        switch (name) {
            case "code":
                return links.code(body);
            case "literal", "summary":
                return body;
            case "index":
                return firstWord(body.strip()).replace("\"", "");
            case "link", "linkplain", "value": {
                String b = body.strip();
                String target = reference(b);
                String label = b.substring(target.length()).strip();
                if (!label.isEmpty()) return renderInline(label, links);
                return target.isEmpty() ? "" : links.name(target);
            }
            case "docRoot", "inheritDoc":
                return "";
            default:
                return body;
        }
    }

    /** HTML text inside a label: tags dropped, entities decoded, inline tags applied. */
    private static String renderInline(String s, Links links) {
        StringBuilder sb = new StringBuilder();
        for (Tok t : tokens(s, links)) if (t.kind != Kind.TAG) sb.append(t.text);
        return sb.toString().strip();
    }

    static String entities(String s) {
        if (s.indexOf('&') < 0) return s;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String e = s.substring(i + 1, semi);
                String r = switch (e) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "mdash" -> "--";
                    case "ndash" -> "-";
                    case "hellip" -> "...";
                    default -> numeric(e);
                };
                if (r != null) {
                    sb.append(r);
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static String numeric(String e) {
        try {
            if (e.startsWith("#x") || e.startsWith("#X")) return Character.toString(Integer.parseInt(e.substring(2), 16));
            if (e.startsWith("#")) return Character.toString(Integer.parseInt(e.substring(1)));
        } catch (IllegalArgumentException x) {
            return null;
        }
        return null;
    }

    // ---- blocks ---------------------------------------------------------------------------------

    /**
     * A paragraph (wrapped; its first line starts with {@code prefix}, the
     * others at {@code hang}) or a verbatim block; {@code tight}: no blank line before it.
     */
    private record Block(String text, int indent, String prefix, int hang, boolean verbatim, boolean tight) {}

    /** The blocks of a piece of comment HTML, indented by {@code base}. */
    private static List<Block> html(String s, Links links, int base) {
        List<Block> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        Deque<int[]> lists = new ArrayDeque<>();      // per open list: {next number or -1 for <ul>, items so far}
        String prefix = "";
        int indent = base;                            // the current paragraph's first line ...
        int hang = base;                              // ... and its other lines
        boolean tight = false;                        // no blank line before the current paragraph
        StringBuilder pre = null;
        boolean inDl = false;                         // a <dt> of this <dl> came already
        for (Tok t : tokens(s, links)) {
            if (pre != null) {
                if (t.kind == Kind.TAG && t.tag.equals("pre") && t.closing) {
                    String text = dedent(pre.toString());
                    if (!text.isBlank()) out.add(new Block(text, hang + 4, "", 0, true, false));
                    pre = null;
                    prefix = "";
                    indent = hang;
                    tight = false;
                } else if (t.kind != Kind.TAG) {
                    pre.append(t.text);
                }
                continue;
            }
            if (t.kind != Kind.TAG) {
                para.append(t.newline ? t.text.stripLeading() : t.text);
                continue;
            }
            switch (t.tag) {
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "dl" -> {
                    flush(out, para, indent, prefix, hang, tight);
                    prefix = "";
                    if (t.tag.equals("dl")) {
                        inDl = false;
                        hang = base + 2 * lists.size();
                    }
                    indent = hang;
                    tight = false;
                }
                case "br", "tr" -> {
                    flush(out, para, indent, prefix, hang, tight);
                    prefix = "";
                    indent = hang;
                    tight = !out.isEmpty();
                }
                case "dt" -> {
                    flush(out, para, indent, prefix, hang, tight);
                    prefix = "";
                    hang = indent = base + 2 * lists.size();
                    tight = inDl;
                    inDl = true;
                }
                case "dd" -> {
                    flush(out, para, indent, prefix, hang, tight);
                    prefix = "";
                    hang = base + 2 * lists.size() + (t.closing ? 0 : 4);
                    indent = hang;
                    tight = !out.isEmpty();
                }
                case "ul", "ol" -> {
                    flush(out, para, indent, prefix, hang, tight);
                    prefix = "";
                    if (!t.closing) lists.push(new int[]{t.tag.equals("ol") ? 1 : -1, 0});
                    else if (!lists.isEmpty()) lists.pop();
                    hang = base + 2 * lists.size();
                    indent = hang;
                    tight = false;
                }
                case "li" -> {
                    flush(out, para, indent, prefix, hang, tight);
                    if (t.closing) break;
                    if (lists.isEmpty()) lists.push(new int[]{-1, 0});
                    int[] l = lists.peek();
                    prefix = l[0] < 0 ? "- " : (l[0]++) + ". ";
                    indent = base + 2 * (lists.size() - 1);
                    hang = indent + prefix.length();
                    tight = l[1]++ > 0 || (lists.size() > 1 && !out.isEmpty());
                }
                case "pre" -> {
                    if (t.closing) break;
                    flush(out, para, indent, prefix, hang, tight);
                    pre = new StringBuilder();
                }
                case "td", "th" -> {
                    if (!t.closing) para.append(' ');
                }
                default -> { }                                          // inline markup: <code>, <b>, <a>, ...
            }
        }
        if (pre != null) out.add(new Block(dedent(pre.toString()), hang + 4, "", 0, true, false));
        flush(out, para, indent, prefix, hang, tight);
        return out;
    }

    private static void flush(List<Block> out, StringBuilder para, int indent, String prefix, int hang, boolean tight) {
        String text = para.toString().strip();
        para.setLength(0);
        if (text.isEmpty()) return;
        out.add(new Block(text, indent, prefix, hang, false, tight));
    }

    /** Verbatim lines without their common indentation, blank lines at either end dropped. */
    private static String dedent(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(0).isBlank()) lines.remove(0);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int n = 0;
            while (n < l.length() && l.charAt(n) == ' ') n++;
            common = Math.min(common, n);
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(l.isBlank() ? "" : l.substring(Math.min(common, l.length())).stripTrailing());
        }
        return sb.toString();
    }

    private static List<String> render(List<Block> blocks) {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!out.isEmpty() && !b.tight) out.add("");
            if (b.verbatim) {
                for (String l : b.text.split("\n", -1)) out.add(l.isEmpty() ? "" : " ".repeat(b.indent) + l);
            } else {
                out.addAll(wrap(b.text, " ".repeat(b.indent) + b.prefix, " ".repeat(b.hang), WIDTH));
            }
        }
        return out;
    }

    /** Words of text filled into lines of at most width characters (a longer word stands alone). */
    static List<String> wrap(String text, String first, String rest, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String w : text.strip().split("\\s+")) {
            if (w.isEmpty()) continue;
            if (!empty && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) line.append(' ');
            line.append(w);
            empty = false;
        }
        if (!empty) out.add(line.toString());
        return out;
    }
}
