package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyType;

/**
 * {@code __new__} of an exposed type: an instance without core object yet
 * (python-nss's tp_new); {@link Init}, its {@code __init__}, builds the core
 * object from the constructor's signature (python-nss's tp_init).
 */
final class JNew extends PyObject {
    private final NssType type;

    JNew(NssType type) {
        this.type = type;
    }

    @Override
    public PyObject __get__(PyObject obj, PyObject t) { return this; }

    @Override
    public boolean implementsDescrGet() { return true; }

    @Override
    public PyObject __call__(PyObject[] args, String[] kws) {
        if (args.length == 0 || !(args[0] instanceof PyType subtype))
            throw Py.TypeError(type.qualifiedName + ".__new__(X): X is not a type object");
        if (!subtype.isSubType(type.pyType))
            throw Py.TypeError(type.qualifiedName + ".__new__(" + subtype.fastGetName() + "): "
                    + subtype.fastGetName() + " is not a subtype of " + type.name);
        if (type.ctor == null)
            throw Py.TypeError("cannot create '" + type.qualifiedName + "' instances");
        return new NssObject(subtype, type, subtype != type.pyType);
    }

    /** {@code __init__}: (re)builds the core object of self from the constructor's arguments. */
    static final class Init extends PyObject {
        private final NssType type;

        Init(NssType type) {
            this.type = type;
        }

        @Override
        public PyObject __get__(PyObject obj, PyObject t) {
            if (obj == null || obj == Py.None) return this;
            return new Bound(this, obj);
        }

        @Override
        public boolean implementsDescrGet() { return true; }

        /** Unbound: Type.__init__(self, ...). */
        @Override
        public PyObject __call__(PyObject[] args, String[] kws) {
            return init(args[0], Builtin.afterReceiver(args, kws, "__init__", type.qualifiedName), kws);
        }

        PyObject init(PyObject self, PyObject[] args, String[] kws) {
            if (!(self instanceof NssObject o) || !o.getType().isSubType(type.pyType))
                throw Py.TypeError("descriptor '__init__' requires a '" + type.qualifiedName + "' object but received a '"
                        + Convert.typeName(self) + "'");
            if (type.ctor != null) o.setCore(type.ctor.callJava(null, args, kws));
            return Py.None;
        }

        static final class Bound extends PyObject {
            private final Init init;
            private final PyObject self;

            Bound(Init init, PyObject self) {
                this.init = init;
                this.self = self;
            }

            @Override
            public PyObject __call__(PyObject[] args, String[] kws) {
                return init.init(self, args, kws);
            }
        }
    }
}
