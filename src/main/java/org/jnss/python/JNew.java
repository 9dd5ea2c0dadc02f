package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyBuiltinCallable;
import org.python.core.PyBuiltinFunction;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyType;

/**
 * {@code __new__} of an exposed type: an instance without core object yet
 * (python-nss's tp_new); {@link Init}, its {@code __init__}, builds the core
 * object from the constructor's signature (python-nss's tp_init). To Python
 * they look as CPython's are for a C type: {@code __new__} a built-in method of
 * the type, {@code __init__} a slot wrapper.
 */
final class JNew extends PyBuiltinFunction {
    private final NssType type;

    JNew(NssType type) {
        super("__new__", null);
        this.type = type;
    }

    @Override
    public PyObject __get__(PyObject obj, PyObject t) { return this; }

    @Override
    public boolean implementsDescrGet() { return true; }

    @Override
    public PyBuiltinCallable bind(PyObject self) { return this; }

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

    @Override
    public String getDoc() {
        return "T.__new__(S, ...) -> a new object of type S, a subtype of T";
    }

    @Override
    public PyObject getSelf() {
        return type.pyType;
    }

    @Override
    public String toString() {
        return "<built-in method __new__ of type object at " + Builtin.address(type.pyType) + ">";
    }

    @Override
    public PyString __repr__() {
        return Py.newString(toString());
    }

    /** {@code __init__}: (re)builds the core object of self from the constructor's arguments. */
    static final class Init extends Builtin.Descriptor {
        Init(NssType type) {
            super(type, "__init__");
        }

        @Override
        PyObject callBound(PyObject self, PyObject[] args, String[] kws) {
            if (!(self instanceof NssObject o) || !o.getType().isSubType(owner.pyType))
                throw Py.TypeError("descriptor '__init__' requires a '" + owner.qualifiedName + "' object but received a '"
                        + Convert.typeName(self) + "'");
            if (owner.ctor != null) o.setCore(owner.ctor.callJava(null, args, kws));
            return Py.None;
        }

        @Override
        public String getDoc() {
            return "x.__init__(...) initialises x; help(type(x)) shows the signature";
        }

        @Override
        String kind() {
            return "slot wrapper";
        }

        @Override
        String boundRepr(String typeName, PyObject self) {
            return "<method-wrapper '__init__' of " + typeName + " object at " + Builtin.address(self) + ">";
        }
    }
}
