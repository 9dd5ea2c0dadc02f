package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyBuiltinCallable;
import org.python.core.PyBuiltinMethod;
import org.python.core.PyMethodDescr;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyType;
import org.python.expose.ExposeAsSuperclass;

/**
 * What the binder's callables share. They are Jython's own built-in kinds, so
 * that Python (type(), inspect, pydoc, pickle) sees what CPython shows for
 * python-nss's: a function is a {@code builtin_function_or_method}
 * ({@link JFunction}), a method of a type a {@code method_descriptor}
 * ({@link Descriptor}: {@link JMethod}, {@code __init__}) whose binding to an
 * instance is a {@code builtin_function_or_method} ({@link Bound}), a property a
 * {@code getset_descriptor} ({@link JProperty}). Jython gives a subclass of one
 * of its classes that implements {@link ExposeAsSuperclass} the superclass's
 * Python type; the overrides here supply names, docstrings (made at their
 * first reading, {@link Docstrings}), reprs and calls.
 */
final class Builtin {
    private Builtin() {}

    /** Python's {@code builtin_function_or_method}. */
    static final PyType FUNCTION_TYPE = PyType.fromClass(PyBuiltinCallable.class);

    /**
     * The arguments after the receiver of an unbound descriptor call
     * ({@code Type.name(self, ...)}); TypeError, as CPython's, when there is no receiver.
     */
    static PyObject[] afterReceiver(PyObject[] args, String[] kws, String name, String ownerName) {
        if (args.length - (kws == null ? 0 : kws.length) < 1)
            throw Py.TypeError("descriptor '" + name + "' of '" + ownerName + "' object needs an argument");
        PyObject[] rest = new PyObject[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return rest;
    }

    /** Jython's private fields of a type; null (each) where this Jython does not have them. */
    private static final java.lang.invoke.VarHandle TYPE_BUILTIN, TYPE_NAME, TYPE_FLAGS, TYPE_VERSION;

    static {
        java.lang.invoke.VarHandle builtin = null, name = null, flags = null, version = null;
        try {
            java.lang.invoke.MethodHandles.Lookup l =
                    java.lang.invoke.MethodHandles.privateLookupIn(PyType.class, java.lang.invoke.MethodHandles.lookup());
            builtin = l.findVarHandle(PyType.class, "builtin", boolean.class);
            name = l.findVarHandle(PyType.class, "name", String.class);
            flags = l.findVarHandle(PyType.class, "tp_flags", long.class);
            version = l.findVarHandle(PyType.class, "versionTag", Object.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another Jython: types stay ordinary classes, special methods are looked up at each call
            builtin = name = flags = version = null;
        }
        TYPE_BUILTIN = builtin;
        TYPE_NAME = name;
        TYPE_FLAGS = flags;
        TYPE_VERSION = version;
    }

    /**
     * Makes a type the binder created an extension type, as python-nss's C
     * types are to CPython 2: its attributes cannot be set or deleted
     * ("can't set attributes of built-in/extension type 'nss.nss.SecItem'"),
     * an instance's {@code __class__} cannot be reassigned, its repr is
     * {@code <type 'nss.nss.SecItem'>} and its {@code __flags__} lack
     * Py_TPFLAGS_HEAPTYPE. Its {@code __name__} stays the bare name and its
     * {@code __module__} the module (Jython reads both from the qualified
     * name of a built-in type). A Python subclass is an ordinary class.
     */
    static void seal(PyType type, String qualifiedName) {
        if (TYPE_BUILTIN == null) return;
        TYPE_NAME.set(type, qualifiedName);
        TYPE_FLAGS.set(type, (long) TYPE_FLAGS.get(type) & ~org.python.core.Py.TPFLAGS_HEAPTYPE);
        TYPE_BUILTIN.set(type, true);
    }

    /**
     * The type's version: a new object whenever its dict, or a base's, changes
     * (Jython's method cache key); null when it cannot be read.
     */
    static Object versionOf(PyType type) {
        return TYPE_VERSION == null ? null : TYPE_VERSION.getVolatile(type);
    }

    /** The address part of a repr, as CPython prints it. */
    static String address(PyObject o) {
        return "0x" + Integer.toHexString(System.identityHashCode(o));
    }

    /**
     * A method descriptor of an exposed type ({@code method_descriptor}):
     * binding it to an instance gives a {@link Bound} method; called on the
     * type it takes the instance first.
     */
    abstract static class Descriptor extends PyMethodDescr implements ExposeAsSuperclass {
        /** the exposed type that defines it */
        final NssType owner;

        Descriptor(NssType owner, String name) {
            super(null, new Bound(null, null, new PyBuiltinCallable.DefaultInfo(name)));
            this.owner = owner;
            ((Bound) meth).method = this;
        }

        /** Calls the method on self (bound to it, or given first to the descriptor). */
        abstract PyObject callBound(PyObject self, PyObject[] args, String[] kws);

        /** The docstring, made at its first reading. */
        @Override
        public abstract String getDoc();

        /** The repr of the method bound to self, whose type is called typeName. */
        String boundRepr(String typeName, PyObject self) {
            return "<built-in method " + name + " of " + typeName + " object at " + address(self) + ">";
        }

        /** What the descriptor's repr calls it, e.g. "method". */
        String kind() {
            return "method";
        }

        /** Called by the binder once the owner's Python type exists. */
        void ownerType(PyType type) {
            dtype = type;
        }

        @Override
        public PyObject __get__(PyObject obj, PyObject type) {
            if (obj == null || obj == Py.None) return this;
            return new Bound(this, obj, this);
        }

        @Override
        public boolean implementsDescrGet() {
            return true;
        }

        /** Unbound call: {@code Type.method(instance, ...)}. */
        @Override
        public PyObject __call__(PyObject[] args, String[] kws) {
            PyObject[] rest = afterReceiver(args, kws, name, owner.qualifiedName);
            return callBound(args[0], rest, kws);
        }

        @Override
        public boolean isCallable() {
            return true;
        }

        @Override
        public PyObject __findattr_ex__(String attr) {
            // CPython's method descriptors have no __module__; functools.wraps wants one
            if (attr.equals("__module__")) return Py.newString(owner.module);
            return super.__findattr_ex__(attr);
        }

        /** As CPython 2.7: a method descriptor cannot be pickled. */
        @Override
        public PyObject __reduce__() {
            throw Py.TypeError("can't pickle method_descriptor objects");
        }

        @Override
        public PyObject __reduce_ex__(int version) {
            return __reduce__();
        }

        @Override
        public String toString() {
            return "<" + kind() + " '" + name + "' of '" + owner.qualifiedName + "' objects>";
        }

        @Override
        public PyString __repr__() {
            return Py.newString(toString());
        }
    }

    /** A method bound to one instance ({@code builtin_function_or_method}, its {@code __self__} the instance). */
    static final class Bound extends PyBuiltinMethod {
        Descriptor method;

        Bound(Descriptor method, PyObject self, PyBuiltinCallable.Info info) {
            super(FUNCTION_TYPE, self, info);
            this.method = method;
        }

        @Override
        public PyBuiltinCallable bind(PyObject bindTo) {
            return new Bound(method, bindTo, info);
        }

        @Override
        public PyObject __call__(PyObject[] args, String[] kws) {
            return method.callBound(self, args, kws);
        }

        @Override
        public boolean isCallable() {
            return true;
        }

        @Override
        public String getDoc() {
            return method.getDoc();
        }

        @Override
        public String toString() {
            // as CPython: the receiver's own type (SSLSocket for a method Socket defines), module-qualified
            // for the API's types, the bare name for a script's subclass
            String type = self.getType().fastGetName();   // an exposed type's is module-qualified (seal)
            return method.boundRepr(type, self);
        }

        @Override
        public PyString __repr__() {
            return Py.newString(toString());
        }
    }
}
