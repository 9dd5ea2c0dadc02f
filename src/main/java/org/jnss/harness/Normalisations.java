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
 * {@code scripts/compare} reads) plus the user's own patterns. Both outputs are
 * rewritten by the same rules before they are compared. Static methods only; the
 * rules are immutable and may be shared between threads.
 */
public final class Normalisations {

    /**
     * One rule: where it applies, what it matches and what a match becomes.
     *
     * @param name        the rule's name ({@code [name]} in the file; a user pattern's is the quoted pattern)
     * @param what        why the outputs differ, for reports
     * @param pattern     what the rule matches ({@code ^} and {@code $} match at line ends)
     * @param replacement what each match becomes: {@code \1}..{@code \9} stand for the
     *                    pattern's groups, {@code \n} for a newline
     * @param applies     {@code "stdout"}, {@code "stderr"} or {@code "both"}
     * @param byDefault   true if the rule applies unless the case is strict; false if only when named
     */
    public record Rule(String name, String what, Pattern pattern, String replacement, String applies, boolean byDefault) {

        /**
         * Rewrites one stream's text with this rule.
         *
         * @param stream {@code "stdout"} or {@code "stderr"}: which output the text is
         * @param text   the output
         * @return the text with every match replaced ({@code \1}..{@code \9} are the pattern's
         *         groups, {@code \n} a newline); unchanged if the rule does not apply to the stream
         */
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

    /**
     * Reads the shipped rules from the class path.
     *
     * @return the rules of {@code normalisations.txt}, in file order
     * @throws IllegalStateException if the resource is missing
     * @throws IllegalArgumentException if the file has a malformed line
     */
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

    /**
     * Makes a rule of a pattern the user gives ({@code scripts/compare --normalize}):
     * each match becomes {@code <...>}, in both streams.
     *
     * @param regex a Java regular expression ({@code ^} and {@code $} match at line ends)
     * @return the rule, named after the quoted pattern
     * @throws java.util.regex.PatternSyntaxException if the pattern is malformed
     */
    public static Rule user(String regex) {
        return new Rule("'" + regex + "'", "given by the user", Pattern.compile(regex, Pattern.MULTILINE), "<...>", "both", true);
    }

    /**
     * The rules a case uses: the shipped defaults (none when strict), the shipped rules
     * named, then the user's patterns.
     *
     * @param strict       true to leave out the shipped rules applied by default
     * @param named        names of shipped rules to apply as well
     * @param userPatterns the user's regular expressions, each made a rule by {@link #user}
     * @return the rules, in the order they are applied
     */
    public static List<Rule> forCase(boolean strict, Collection<String> named, Collection<String> userPatterns) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : shipped()) {
            if ((r.byDefault() && !strict) || named.contains(r.name())) out.add(r);
        }
        for (String p : userPatterns) out.add(user(p));
        return out;
    }

    /**
     * Rewrites one stream's text with each rule in turn.
     *
     * @param rules  the rules, e.g. from {@link #forCase}
     * @param stream {@code "stdout"} or {@code "stderr"}: which output the text is
     * @param text   the output
     * @return the text after every rule
     */
    public static String apply(List<Rule> rules, String stream, String text) {
        for (Rule r : rules) text = r.apply(stream, text);
        return text;
    }
}
