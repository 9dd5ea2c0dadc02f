package org.jnss.core;

import java.util.List;

/**
 * What the core may ask about a Python object it received unconverted (a
 * {@link Python.Raw} parameter, where null stands for None). The Python surface
 * installs the implementation; without it (plain Java use) such functions
 * cannot be called.
 */
public final class PyObjects {
    /** The operations, implemented by the Python surface. */
    public interface Ops {
        /**
         * Tests for a list (or a subclass of list, as python-nss's PyList_Check accepts).
         *
         * @param o the Python object, null for None
         * @return true if {@code o} is a list
         */
        boolean isList(Object o);

        /**
         * Tests for a tuple (or a subclass of tuple).
         *
         * @param o the Python object, null for None
         * @return true if {@code o} is a tuple
         */
        boolean isTuple(Object o);

        /**
         * The items of a list or tuple.
         *
         * @param sequence a list or tuple
         * @return its items, unconverted Python objects, in a list that may be a
         *         view of the tuple's own storage: read it, never change it
         */
        List<Object> items(Object sequence);

        /**
         * The value of a Python integer (int, long or bool) read as a C long, as
         * python-nss reads one with PyLong_AsLong: a long past 64 bits reads as -1.
         *
         * @param o the Python object, null for None
         * @return its value, or null when {@code o} is not an integer
         */
        Long intValue(Object o);

        /**
         * The octets of a text object as a byte string (one char per octet, as
         * {@code org.jnss.asn1.BStr} holds them).
         *
         * @param o the Python object, null for None
         * @return a str's own text, the UTF-8 encoding of a unicode, or null for anything else
         */
        String byteString(Object o);

        /**
         * The octets of a text object.
         *
         * @param o the Python object, null for None
         * @return the octets of a str, the UTF-8 encoding of a unicode, or null for anything else
         */
        byte[] utf8(Object o);

        /**
         * Tests for text.
         *
         * @param o the Python object, null for None
         * @return true if {@code o} is a str or a unicode
         */
        boolean isText(Object o);

        /**
         * Python's {@code str(o)}.
         *
         * @param o the Python object, null for None
         * @return the resulting str, as a Python object
         */
        Object str(Object o);

        /**
         * The bytes of an object CPython 2's PyObject_CheckReadBuffer accepts (str,
         * unicode as its UCS-4 storage, bytearray, array, buffer, memoryview, SecItem).
         * The default implementation accepts nothing.
         *
         * @param o the Python object, null for None
         * @return its bytes, or null when it is not a readable buffer
         */
        default byte[] buffer(Object o) {
            return null;
        }
    }

    private static volatile Ops ops;

    private PyObjects() {}

    /**
     * Installs the implementation (done once by the Python surface when it loads).
     *
     * @param o the operations
     */
    public static void install(Ops o) {
        ops = o;
    }

    /**
     * The installed operations.
     *
     * @return the implementation of the Python surface
     * @throws IllegalStateException when no Python surface is loaded (plain Java use)
     */
    public static Ops ops() {
        Ops o = ops;
        if (o == null) throw new IllegalStateException("Python objects need the Python surface");
        return o;
    }
}
