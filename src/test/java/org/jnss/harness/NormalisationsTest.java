package org.jnss.harness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalisationsTest {

    private static String all(String stream, String text) {
        return Normalisations.apply(Normalisations.forCase(false, List.of(), List.of()), stream, text);
    }

    @Test
    void shippedRulesParse() {
        List<Normalisations.Rule> rules = Normalisations.shipped();
        Set<String> names = Set.copyOf(rules.stream().map(Normalisations.Rule::name).toList());
        assertTrue(names.containsAll(Set.of("unknown-bit-flags", "deprecation-warnings", "traceback-frames",
                "object-addresses", "hex-bytes")), names.toString());
        assertFalse(rules.stream().filter(r -> r.name().equals("hex-bytes")).findFirst().orElseThrow().byDefault());
    }

    @Test
    void pythonTwoAndThreeRenderingsMeet() {
        assertEquals(all("stdout", "['KU_ENCIPHER_ONLY', 'unknown bit flags %#x']"),
                all("stdout", "['KU_ENCIPHER_ONLY', 'unknown bit flags 400']"));
        // group references in the replacement: b'x' and u'x' both become 'x'
        assertEquals("'abc' 'def'", all("stdout", "b'abc' u'def'"));
        assertEquals("<foo object at 0x<address>>", all("stdout", "<foo object at 0x7f3a2b1c>"));
        assertEquals(all("stdout", "<class 'nss.nss.Certificate'> <class 'int'>"),
                all("stdout", "<type 'nss.nss.Certificate'> <type 'int'>"));
    }

    @Test
    void tracebackFramesAndWarnings() {
        String py3 = "x.py:3: DeprecationWarning: old\n  call()\nTraceback (most recent call last):\n"
                + "  File \"/abs/x.py\", line 9, in <module>\n    f()\n    ^^^\n"
                + "  File \"/abs/x.py\", line 4, in f\n    g()\nValueError: bad\n";
        String py2 = "Traceback (most recent call last):\n  File \"x.py\", line 9, in <module>\n    f()\n"
                + "ValueError: bad\n";
        assertEquals(all("stderr", py2), all("stderr", py3));
        assertEquals("Traceback (most recent call last):\n  <traceback frames>\nValueError: bad\n", all("stderr", py2));
        // warnings are removed from stderr only
        assertEquals("x.py:3: DeprecationWarning: old\n", all("stdout", "x.py:3: DeprecationWarning: old\n"));
    }

    @Test
    void strictUserAndNamedRules() {
        List<Normalisations.Rule> strict = Normalisations.forCase(true, List.of("hex-bytes"), List.of("seed=[0-9]+"));
        assertEquals(List.of("hex-bytes", "'seed=[0-9]+'"), strict.stream().map(Normalisations.Rule::name).toList());
        assertEquals("<hex bytes> <...> unknown bit flags %#x",
                Normalisations.apply(strict, "stdout", "00:11:22:33:44:55:66:77:88 seed=42 unknown bit flags %#x"));
        assertThrows(IllegalArgumentException.class, () -> Normalisations.parse("pattern: x\n"));
    }
}
