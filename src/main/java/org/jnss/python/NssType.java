package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyType;

/** The Python type made for one core class. */
final class NssType {
    final Class<?> javaClass;
    final String module;
    final String name;
    final String qualifiedName;
    PyType pyType;
    /** the Python constructor, or null when Python cannot create instances */
    Invoker ctor;

    NssType(Class<?> javaClass, String module, String name) {
        this.javaClass = javaClass;
        this.module = module;
        this.name = name;
        this.qualifiedName = module + "." + name;
    }

    /** The core object behind self, which must be an instance of this type. */
    Object coreOf(PyObject self, String what) {
        if (self instanceof NssObject o) {
            Object c = o.core();
            if (javaClass.isInstance(c)) return c;
        }
        throw Py.TypeError("descriptor '" + what + "' requires a '" + qualifiedName + "' object but received a '"
                + Convert.typeName(self) + "'");
    }

    /**
     * The special methods {@link NssObject} dispatches, by slot number
     * ({@code SPECIAL_NAMES[slot]}).
     */
    static final String[] SPECIAL_NAMES = {"__len__", "__getitem__", "__str__", "__repr__", "__nonzero__",
            "__iter__", "__next__", "next", "__contains__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
            "__ge__", "__hash__"};
    static final int LEN = 0, GETITEM = 1, STR = 2, REPR = 3, NONZERO = 4, ITER = 5, NEXT = 6, NEXT2 = 7,
            CONTAINS = 8, EQ = 9, NE = 10, LT = 11, LE = 12, GT = 13, GE = 14, HASH = 15;

    /** What this type's special methods were for one version of the type. */
    private record Specials(Object version, PyObject[] methods) {}

    private volatile Specials specials;

    /**
     * What {@code pyType.lookup(SPECIAL_NAMES[slot])} gives, read from a table
     * made once per version of the type (the type is sealed, so one table for
     * its life; a change to its dict through Java makes a new version): a
     * {@code len(item)} or {@code item[i]} skips Jython's method cache.
     */
    PyObject special(int slot) {
        Specials s = specials;
        Object version = Builtin.versionOf(pyType);
        if (version == null) return pyType.lookup(SPECIAL_NAMES[slot]);     // (unreadable: no table)
        if (s == null || s.version != version) {
            PyObject[] methods = new PyObject[SPECIAL_NAMES.length];
            for (int i = 0; i < methods.length; i++) methods[i] = pyType.lookup(SPECIAL_NAMES[i]);
            specials = s = new Specials(version, methods);
        }
        return s.methods[slot];
    }

    /** The object the constructor makes without arguments (for an instance whose __init__ did not run). */
    Object defaultCore() {
        if (ctor == null) throw Py.TypeError("cannot create '" + qualifiedName + "' instances");
        return ctor.callJava(null, Py.EmptyObjects, Py.NoKeywords);
    }
}
