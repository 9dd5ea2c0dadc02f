package org.jnss.python;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Javadoc comments become docstring text (the build-time converter behind help()). */
class JavadocTextTest {
    /** References named as the processor names them: a map for the test. */
    private static final JavadocText.Links LINKS = ref -> switch (ref) {
        case "#getExtension(Object)", "Certificate#getExtension" -> "get_extension";
        case "Certificate" -> "Certificate";
        default -> ref.substring(ref.indexOf('#') + 1).replaceAll("\\(.*", "");
    };

    private static String doc(String comment) {
        return JavadocText.docstring(comment, List.of(), List.of(), LINKS);
    }

    @Test
    void paragraphsAreWrappedAndSeparatedByABlankLine() {
        String text = doc(" The first paragraph, which is long enough to need more than one line of the docstring\n"
                + " when it is wrapped.\n <p>The second.\n");
        assertEquals("The first paragraph, which is long enough to need more than one line of\n"
                + "the docstring when it is wrapped.\n\nThe second.", text);
        for (String line : text.split("\n")) assertTrue(line.length() <= JavadocText.WIDTH, line);
    }

    @Test
    void htmlEntitiesAndInlineMarkup() {
        assertEquals("a < b && c > d \"q\" 'x' A", doc("a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;x&#39; &#x41;"));
        assertEquals("bold and italic and a link", doc("<b>bold</b> and <i>italic</i> and <a href=\"x\">a link</a>"));
    }

    @Test
    void codeAndLiteralAreTakenAsTheyAre() {
        assertEquals("use x<y> or {a, b} here", doc("use {@code x<y>} or {@literal {a, b}} here"));
        // a line break after the tag's name separates it from the text before
        assertEquals("timeout (PR_INTERVAL_NO_TIMEOUT waits)", doc("timeout ({@code\n PR_INTERVAL_NO_TIMEOUT} waits)"));
    }

    @Test
    void linksNameTheirTargetsAsPythonDoes() {
        assertEquals("see get_extension and Certificate, or the label",
                doc("see {@link #getExtension(Object)} and {@link Certificate}, or {@link Certificate#getExtension the label}"));
        assertEquals("plain get_extension", doc("plain {@linkplain Certificate#getExtension}"));
    }

    @Test
    void linkTargetsMayHaveParameterLists() {
        assertEquals("str() and format give it", doc("{@code str()} and {@link #format(int, int)} give it"));
        assertEquals("the label here", doc("the {@link #format(int, int) label} here"));
    }

    @Test
    void codeNamingAParameterNamesThePythonParameter() {
        assertEquals("when certdb is None, user_data is passed on",
                JavadocText.docstring("when {@code certDb} is None, {@code userData} is passed on",
                        List.of("certDb", "userData"), List.of("certdb", "*user_data"), LINKS));
    }

    @Test
    void listsBecomeDashOrNumberLines() {
        assertEquals("Kinds:\n\n- one\n- two, long enough to be wrapped onto a second line of the docstring\n"
                        + "  text\n- three\n\nAfter.",
                doc("Kinds:\n <ul>\n <li>one</li>\n <li>two, long enough to be wrapped onto a second line of the "
                        + "docstring text\n <li>three\n </ul>\n After."));
        assertEquals("1. first\n2. second", doc("<ol><li>first<li>second</ol>"));
    }

    @Test
    void preformattedTextKeepsItsLines() {
        assertEquals("Example:\n\n    cert = Certificate(data)\n      print cert\n\nDone.",
                doc("Example:\n <pre>\n   cert = Certificate(data)\n     print cert\n </pre>\n Done."));
        assertEquals("    if (a < b) { f(); }", doc("<pre>{@code\n if (a < b) { f(); }\n}</pre>"));
    }

    @Test
    void parametersAreNamedByTheirPythonNames() {
        String text = JavadocText.docstring(" Verifies.\n @param certDb the database\n @param when the time, long enough"
                        + " to need a second line in the list of arguments\n @param userData handed to the callback\n"
                        + " @return whether it is valid\n",
                List.of("certDb", "when", "userData"), List.of("certdb", "time", "*user_data"), LINKS);
        assertEquals("Verifies.\n\nArgs:\n    certdb: the database\n"
                + "    time: the time, long enough to need a second line in the list of\n        arguments\n"
                + "    *user_data: handed to the callback\n\nReturns:\n    whether it is valid", text);
    }

    @Test
    void throwsBecomeThePythonExceptionsRaised() {
        String text = doc("Finds it.\n @throws NSPRError SEC_ERROR_BAD_DATABASE when it cannot\n"
                + " @throws IllegalArgumentException for a bad {@code oid}\n"
                + " @throws org.jnss.core.NotFoundError when there is none\n"
                + " @throws java.io.IOException when the file cannot be read\n"
                + " @throws org.jnss.core.ArgumentError (Python's TypeError) when it is no str\n"
                + " @throws IndexOutOfBoundsException (Python's IndexError \"index (x) out of range\") when it is");
        assertEquals("Finds it.\n\nRaises:\n    NSPRError: SEC_ERROR_BAD_DATABASE when it cannot\n"
                + "    ValueError: for a bad oid\n    KeyError: when there is none\n"
                + "    IOError: when the file cannot be read\n    TypeError: when it is no str\n"
                + "    IndexError: \"index (x) out of range\" when it is", text);
    }

    @Test
    void javaOnlyTagsAreLeftOut() {
        assertEquals("Text.\n\nSee also: get_extension",
                doc("Text.\n @implNote uses a Java map\n @since 1.0\n @author someone\n @see #getExtension(Object)"));
        assertEquals("", doc("@implNote only for Java"));
    }

    @Test
    void aBlockTagCanBeLeftOut() {
        assertEquals("Makes one.\n\nArgs:\n    data: the bytes",
                doc(JavadocText.withoutTag("Makes one.\n @param data the bytes\n @return the new one\n", "@return")));
    }

    @Test
    void blockTagsInsideCodeOrPreAreText() {
        assertEquals("an {@x} and\n\n    @Python(\"f()\")", doc("an {@code {@x}} and\n<pre>\n@Python(\"f()\")\n</pre>"));
    }

    @Test
    void definitionLists() {
        assertEquals("Terms:\n\nalpha\n    the first\nbeta\n    the second",
                doc("Terms:<dl><dt>alpha<dd>the first<dt>beta<dd>the second</dl>"));
    }
}
