package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyBuiltinCallable;
import org.python.core.PyBuiltinFunction;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * A module function or staticmethod backed by a static core method, or by an
 * instance method of one fixed core object (the lookups of a
 * {@link org.jnss.core.NameTable}): to Python a {@code builtin_function_or_method},
 * as python-nss's functions are.
 */
final class JFunction extends PyBuiltinFunction {
    final Invoker invoker;
    final String module;
    /** the core object the method is called on; null for a static method */
    private final Object receiver;
    /** the docstring given by the binder, or null for the declaration's ({@link Docstrings}) */
    private final String givenDoc;

    JFunction(Invoker invoker, String module) {
        this(invoker, module, null, null);
    }

    JFunction(Invoker invoker, String module, String doc, Object receiver) {
        super(invoker.name, null);
        this.invoker = invoker;
        this.module = module;
        this.givenDoc = doc;
        this.receiver = receiver;
    }

    @Override
    public PyObject __call__(PyObject[] args, String[] kws) {
        return invoker.call(receiver, args, kws);
    }

    /** Calls with no arguments and returns the Java result (a default argument's value, see Invoker). */
    Object callJava() {
        return invoker.callJava(receiver, Py.EmptyObjects, Py.NoKeywords);
    }

    // a staticmethod: binding to an instance or class yields the function itself
    @Override
    public PyObject __get__(PyObject obj, PyObject type) { return this; }

    @Override
    public boolean implementsDescrGet() { return true; }

    @Override
    public PyBuiltinCallable bind(PyObject self) { return this; }

    @Override
    public boolean isCallable() { return true; }

    /** The signature, then the text (made at its first reading). */
    @Override
    public String getDoc() {
        return givenDoc != null ? givenDoc : Docstrings.callable(invoker.target());
    }

    @Override
    public PyObject getModule() {
        return Py.newString(module);
    }

    @Override
    public PyObject getSelf() {
        return Py.None;                 // as CPython 2.7's module-level built-ins
    }

    @Override
    public String toString() {
        return "<built-in function " + invoker.name + ">";
    }

    @Override
    public PyString __repr__() {
        return Py.newString(toString());
    }

    /** As CPython 2.7 pickles a built-in function: by reference to its module and name. */
    @Override
    public PyObject __reduce__() {
        return Py.newString(invoker.name);
    }

    @Override
    public PyObject __reduce_ex__(int version) {
        return __reduce__();
    }
}
