package org.jnss.python;

import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PySystemState;
import org.python.expose.ExposedType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExposedIndexTest {
    private static final String NAMES = "org.python.core.PyInteger\norg.python.core.PyString\n";

    /** A type of someone else's, exposed the way Jython's own are. */
    @ExposedType(name = "elsewhere")
    static final class Elsewhere extends PyObject {}

    static final class Plain extends PyObject {}

    @Test
    void jythonsClassesAreAnsweredFromTheNames() {
        assertEquals(Boolean.TRUE, ExposedIndex.annotation(PyString.class, ExposedType.class, NAMES));
        assertNull(ExposedIndex.annotation(PySystemState.class, ExposedType.class, NAMES));
        // the names are what counts for Jython's classes, not the class's annotations
        assertNull(ExposedIndex.annotation(PyString.class, ExposedType.class, "org.python.core.PyInteger\n"));
    }

    @Test
    void otherClassesAreAskedDirectly() {
        Object a = ExposedIndex.annotation(Elsewhere.class, ExposedType.class, NAMES);
        assertNotNull(a);
        assertEquals("elsewhere", ((ExposedType) a).name());
        assertNull(ExposedIndex.annotation(Plain.class, ExposedType.class, NAMES));
    }

    @Test
    void theCoresClassesAreAnsweredFromTheDeclarationsIndex() throws Exception {
        // a class of the core the index lists: no @ExposedType (the build checks it), answered without
        // reading PyObject's annotations; the same answer the JVM gives
        Class<?> callDefault = Class.forName("org.jnss.python.Invoker$CallDefault");
        assertTrue(Declarations.covers(callDefault));
        assertNull(ExposedIndex.annotation(callDefault, ExposedType.class, NAMES));
        assertNull(callDefault.getAnnotation(ExposedType.class));
        // a class outside the index is still asked directly
        assertFalse(Declarations.covers(Elsewhere.class));
    }

    @Test
    void agreesWithTheAnnotationsForJythonsClasses() {
        // the answers the build's names give match what the JVM reads, for classes either way
        String names = "org.python.core.PyString\norg.python.core.PyObject\n";
        for (Class<?> c : new Class<?>[]{PyString.class, PyObject.class, PySystemState.class})
            assertEquals(c.getAnnotation(ExposedType.class) != null,
                    ExposedIndex.annotation(c, ExposedType.class, names) != null, c.getName());
    }
}
