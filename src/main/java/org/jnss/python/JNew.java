package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyType;

/** {@code __new__} of an exposed type: builds the core object from the constructor's signature. */
final class JNew extends PyObject {
    /** Accepts whatever the constructor accepted; the object is complete after __new__. */
    static final PyObject NOOP_INIT = new PyObject() {
        @Override
        public PyObject __get__(PyObject obj, PyObject type) { return this; }

        @Override
        public boolean implementsDescrGet() { return true; }

        @Override
        public PyObject __call__(PyObject[] args, String[] kws) { return Py.None; }
    };

    private final NssType type;
    private final Invoker ctor;

    JNew(NssType type, Invoker ctor) {
        this.type = type;
        this.ctor = ctor;
    }

    @Override
    public PyObject __get__(PyObject obj, PyObject t) { return this; }

    @Override
    public boolean implementsDescrGet() { return true; }

    @Override
    public PyObject __call__(PyObject[] args, String[] kws) {
        if (args.length == 0 || !(args[0] instanceof PyType subtype))
            throw Py.TypeError(type.qualifiedName + ".__new__(X): X is not a type object");
        if (ctor == null)
            throw Py.TypeError("cannot create '" + type.qualifiedName + "' instances");
        PyObject[] rest = new PyObject[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        PyObject made = ctor.call(null, rest, kws);
        if (!(made instanceof NssObject o)) throw Py.SystemError(type.qualifiedName + " constructor returned " + made);
        if (subtype == type.pyType) return made;
        return new NssObject(subtype, o.core, true);
    }
}
