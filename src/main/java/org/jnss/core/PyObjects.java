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
        /** A list (not a subclass test: python-nss's PyList_Check accepts subclasses too). */
        boolean isList(Object o);

        boolean isTuple(Object o);

        /** The items of a list or tuple, unconverted. */
        List<Object> items(Object sequence);

        /** A Python 2 int (bool included, long excluded), as PyInt_Check: its value, else null. */
        Long intValue(Object o);

        /** The octets of a str, or the UTF-8 encoding of a unicode; null for anything else. */
        byte[] utf8(Object o);

        /** str or unicode. */
        boolean isText(Object o);

        /** Python's str(o), as a Python object. */
        Object str(Object o);

        /**
         * The bytes of an object CPython 2's PyObject_CheckReadBuffer accepts (str,
         * unicode as its UCS-4 storage, bytearray, array, buffer, memoryview, SecItem); null otherwise.
         */
        default byte[] buffer(Object o) {
            return null;
        }
    }

    private static volatile Ops ops;

    private PyObjects() {}

    public static void install(Ops o) {
        ops = o;
    }

    public static Ops ops() {
        Ops o = ops;
        if (o == null) throw new IllegalStateException("Python objects need the Python surface");
        return o;
    }
}
