package org.jnss.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The known, intended differences between python-nss and pynss output, as rewriting
 * rules: the shipped list ({@code org/jnss/harness/normalisations.txt}, the same file
 * {@code scripts/compare} reads) plus the user's own patterns.
 */
public final class Normalisations {

    /** One rule: where it applies, what it matches and what a match becomes. */
    public record Rule(String name, String what, Pattern pattern, String replacement, String applies, boolean byDefault) {

        /** The text with every match replaced ({@code \1}..{@code \9} are the pattern's groups, {@code \n} a newline). */
        public String apply(String stream, String text) {
            if (!applies.equals("both") && !applies.equals(stream)) return text;
            Matcher m = pattern.matcher(text);
            return m.replaceAll(r -> Matcher.quoteReplacement(expand(replacement, r)));
        }

        private static String expand(String template, java.util.regex.MatchResult r) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c == '\\' && i + 1 < template.length()) {
                    char n = template.charAt(++i);
                    if (Character.isDigit(n)) {
                        String g = r.group(n - '0');
                        out.append(g == null ? "" : g);
                    } else {
                        out.append(n == 'n' ? '\n' : n);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    private static final String RESOURCE = "normalisations.txt";

    private Normalisations() {
    }

    /** The shipped rules, in file order. */
    public static List<Rule> shipped() {
        try (InputStream in = Normalisations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource org/jnss/harness/" + RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the rules file format (blocks of {@code [name]} then {@code key: value} lines). */
    static List<Rule> parse(String text) {
        List<Rule> rules = new ArrayList<>();
        Map<String, String> block = null;
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.add("[]");
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) continue;
            if (line.startsWith("[")) {
                if (block != null) {
                    rules.add(new Rule(block.get("name"), block.getOrDefault("what", ""),
                            Pattern.compile(block.get("pattern"), Pattern.MULTILINE),
                            block.getOrDefault("replace", ""), block.getOrDefault("applies", "both"),
                            block.getOrDefault("default", "yes").equals("yes")));
                }
                block = new LinkedHashMap<>();
                block.put("name", line.strip().substring(1, line.strip().length() - 1));
                continue;
            }
            int colon = line.indexOf(':');
            if (block == null || colon < 0) throw new IllegalArgumentException("bad rules line: " + line);
            String value = line.substring(colon + 1);
            block.put(line.substring(0, colon).strip(), value.startsWith(" ") ? value.substring(1) : value);
        }
        return rules;
    }

    /** A rule for a pattern the user gives: each match becomes {@code <...>}. */
    public static Rule user(String regex) {
        return new Rule("'" + regex + "'", "given by the user", Pattern.compile(regex, Pattern.MULTILINE), "<...>", "both", true);
    }

    /**
     * The rules a case uses: the shipped defaults (none when strict), the shipped rules
     * named, then the user's patterns.
     */
    public static List<Rule> forCase(boolean strict, Collection<String> named, Collection<String> userPatterns) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : shipped()) {
            if ((r.byDefault() && !strict) || named.contains(r.name())) out.add(r);
        }
        for (String p : userPatterns) out.add(user(p));
        return out;
    }

    /** The text after every rule. */
    public static String apply(List<Rule> rules, String stream, String text) {
        for (Rule r : rules) text = r.apply(stream, text);
        return text;
    }
}
