package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyString;

/** A method descriptor of an exposed type; binding it to an instance gives a {@link Bound} method. */
final class JMethod extends Builtin {
    final NssType owner;

    JMethod(Invoker invoker, NssType owner, String doc) {
        super(invoker, doc);
        this.owner = owner;
    }

    @Override
    public PyObject __get__(PyObject obj, PyObject type) {
        if (obj == null || obj == Py.None) return this;
        return new Bound(this, obj);
    }

    @Override
    public boolean implementsDescrGet() { return true; }

    @Override
    public boolean isCallable() { return true; }

    /** Unbound call: Type.method(instance, ...). */
    @Override
    public PyObject __call__(PyObject[] args, String[] kws) {
        PyObject[] rest = afterReceiver(args, kws, invoker.name, owner.qualifiedName);
        return callBound(args[0], rest, kws);
    }

    PyObject callBound(PyObject self, PyObject[] args, String[] kws) {
        Object core = owner.coreOf(self, invoker.name);
        PyObject r = invoker.call(core, args, kws);
        // a method returning its receiver (makefile, __iter__) returns the same Python object
        return r instanceof NssObject o && o.getCore() == core ? self : r;
    }

    @Override
    PyObject attribute(String name) {
        switch (name) {
            case "__objclass__": return owner.pyType;
            case "__module__": return Py.newString(owner.module);   // (CPython has none; functools.wraps wants it)
            case "__call__": return this;
            default: return null;
        }
    }

    /** As CPython 2.7: a method descriptor cannot be pickled. */
    @Override
    public PyObject __reduce__() {
        throw Py.TypeError("can't pickle method_descriptor objects");
    }

    @Override
    public PyString __repr__() {
        return Py.newString("<method '" + invoker.name + "' of '" + owner.qualifiedName + "' objects>");
    }

    /** A method bound to one instance. */
    static final class Bound extends Builtin {
        final JMethod method;
        final PyObject self;

        Bound(JMethod method, PyObject self) {
            super(method.invoker, method.doc);
            this.method = method;
            this.self = self;
        }

        @Override
        public PyObject __call__(PyObject[] args, String[] kws) {
            return method.callBound(self, args, kws);
        }

        @Override
        public boolean isCallable() { return true; }

        @Override
        PyObject attribute(String name) {
            switch (name) {
                case "__self__": return self;
                case "__module__": return Py.None;   // as CPython 2.7's built-in methods
                case "__call__": return this;
                default: return null;
            }
        }

        /** As CPython 2.7: a bound built-in method cannot be pickled. */
        @Override
        public PyObject __reduce__() {
            throw Py.TypeError("can't pickle builtin_function_or_method objects");
        }

        @Override
        public PyString __repr__() {
            // as CPython: the receiver's own type (SSLSocket for a method Socket defines), module-qualified
            // for the API's types, the bare name for a script's subclass
            org.python.core.PyType t = self.getType();
            PyObject mod = t.__findattr__("__module__");
            String type = mod instanceof PyString m && m.toString().startsWith("nss.") ? m + "." + t.fastGetName() : t.fastGetName();
            return Py.newString("<built-in method " + invoker.name + " of " + type
                    + " object at 0x" + Integer.toHexString(System.identityHashCode(self)) + ">");
        }
    }
}
