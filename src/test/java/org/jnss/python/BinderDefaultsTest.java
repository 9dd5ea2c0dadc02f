package org.jnss.python;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Default values of signatures are read without compiling Python where they are plain literals. */
class BinderDefaultsTest {
    @Test
    void simpleStringLiterals() {
        assertEquals(":", Defaults.simpleStringLiteral("':'"));
        assertEquals(" ,:\t\n", Defaults.simpleStringLiteral("' ,:\\t\\n'"));
        assertEquals("    ", Defaults.simpleStringLiteral("\"    \""));
        assertEquals("", Defaults.simpleStringLiteral("''"));
        assertEquals("a'b", Defaults.simpleStringLiteral("'a\\'b'"));
    }

    @Test
    void anythingElseIsLeftToPython() {
        assertNull(Defaults.simpleStringLiteral("u'x'"));
        assertNull(Defaults.simpleStringLiteral("'a' + 'b'"));
        assertNull(Defaults.simpleStringLiteral("'\\x41'"));
        assertNull(Defaults.simpleStringLiteral("'unterminated"));
        assertNull(Defaults.simpleStringLiteral("x"));
    }
}
