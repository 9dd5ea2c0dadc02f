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

    /** The object the constructor makes without arguments (for an instance whose __init__ did not run). */
    Object defaultCore() {
        if (ctor == null) throw Py.TypeError("cannot create '" + qualifiedName + "' instances");
        return ctor.callJava(null, Py.EmptyObjects, Py.NoKeywords);
    }
}
