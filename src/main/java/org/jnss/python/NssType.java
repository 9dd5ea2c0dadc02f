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

    NssType(Class<?> javaClass, String module, String name) {
        this.javaClass = javaClass;
        this.module = module;
        this.name = name;
        this.qualifiedName = module + "." + name;
    }

    /** The core object behind self, which must be an instance of this type. */
    Object coreOf(PyObject self, String what) {
        if (self instanceof NssObject o && javaClass.isInstance(o.core)) return o.core;
        throw Py.TypeError("descriptor '" + what + "' requires a '" + qualifiedName + "' object but received a '"
                + Convert.typeName(self) + "'");
    }
}
