package org.jnss.python;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureTest {
    @Test
    void property() {
        Signature s = Signature.parse("data");
        assertFalse(s.callable);
        assertEquals("data", s.name);
    }

    @Test
    void parametersDefaultsAndVarargs() {
        Signature s = Signature.parse("f(a, b=1, sep=', ', c=[1, (2, 3)], pem=, *rest)");
        assertTrue(s.callable);
        assertEquals(List.of("a", "b", "sep", "c", "pem"), s.params);
        assertEquals(Arrays.asList(null, "1", "', '", "[1, (2, 3)]", ""), s.defaults);
        assertEquals("rest", s.varargs);
        assertEquals(1, s.requiredCount());
        assertEquals(0, s.positionalOnly);
        assertFalse(s.noKeywords());
    }

    @Test
    void positionalOnly() {
        Signature s = Signature.parse("set_shutdown_callback(callback, /, *user_data)");
        assertEquals(1, s.positionalOnly);
        assertTrue(s.noKeywords());
        assertEquals("user_data", s.varargs);
        Signature mixed = Signature.parse("g(a, /, b=2)");
        assertEquals(1, mixed.positionalOnly);
        assertFalse(mixed.noKeywords());
    }

    @Test
    void noParametersMeansNoKeywords() {
        Signature s = Signature.parse("nss_init_nodb()");
        assertTrue(s.noKeywords());
        assertTrue(s.params.isEmpty());
        assertNull(s.varargs);
    }

    @Test
    void quotedSeparatorsAndEscapes() {
        Signature s = Signature.parse("read_hex(input, separators=' ,:\\t\\n')");
        assertEquals("' ,:\\t\\n'", s.defaults.get(1));
    }

    @Test
    void malformed() {
        assertThrows(IllegalArgumentException.class, () -> Signature.parse("f(a=1, b)"));
        assertThrows(IllegalArgumentException.class, () -> Signature.parse("f(*a, b)"));
        assertThrows(IllegalArgumentException.class, () -> Signature.parse("f(a, /, /)"));
        assertThrows(IllegalArgumentException.class, () -> Signature.parse("f(*a, /)"));
        assertThrows(IllegalArgumentException.class, () -> Signature.parse("f(a"));
    }
}
