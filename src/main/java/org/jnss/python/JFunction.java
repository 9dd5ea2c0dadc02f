package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * A module function or staticmethod backed by a static core method, or by an
 * instance method of one fixed core object (the lookups of a
 * {@link org.jnss.core.NameTable}).
 */
final class JFunction extends Builtin {
    final String module;
    /** the core object the method is called on; null for a static method */
    private final Object receiver;

    JFunction(Invoker invoker, String module, String doc) {
        this(invoker, module, doc, null);
    }

    JFunction(Invoker invoker, String module, String doc, Object receiver) {
        super(invoker, doc);
        this.module = module;
        this.receiver = receiver;
    }

    @Override
    public PyObject __call__(PyObject[] args, String[] kws) {
        return invoker.call(receiver, args, kws);
    }

    // a staticmethod: binding to an instance or class yields the function itself
    @Override
    public PyObject __get__(PyObject obj, PyObject type) { return this; }

    @Override
    public boolean implementsDescrGet() { return true; }

    @Override
    public boolean isCallable() { return true; }

    @Override
    PyObject attribute(String name) {
        switch (name) {
            case "__module__": return Py.newString(module);
            case "__self__": return Py.None;          // as CPython 2.7's module-level built-ins
            case "__call__": return this;
            default: return null;
        }
    }

    @Override
    public PyString __repr__() {
        return Py.newString("<built-in function " + invoker.name + ">");
    }

    /** As CPython 2.7 pickles a built-in function: by reference to its module and name. */
    @Override
    public PyObject __reduce__() {
        return Py.newString(invoker.name);
    }
}
