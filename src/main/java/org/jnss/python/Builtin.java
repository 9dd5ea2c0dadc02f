package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyObject;

/**
 * What the binder's built-in objects (functions, method descriptors, bound
 * methods, properties) share: the {@code __name__} and {@code __doc__} every
 * CPython built-in answers, {@code __reduce_ex__} deferring to {@code __reduce__},
 * and the split of an unbound call's arguments into receiver and rest.
 */
abstract class Builtin extends PyObject {
    /** The core method called (a property's getter); its name is {@code __name__}. */
    final Invoker invoker;
    /** The docstring, or null for None. */
    final String doc;

    Builtin(Invoker invoker, String doc) {
        this.invoker = invoker;
        this.doc = doc;
    }

    /** An attribute this kind of object answers besides {@code __name__} and {@code __doc__}; null when it has none of that name. */
    PyObject attribute(String name) { return null; }

    @Override
    public final PyObject __findattr_ex__(String name) {
        switch (name) {
            case "__name__": return Py.newString(invoker.name);
            case "__doc__": return doc == null ? Py.None : Py.newString(doc);
            default:
                PyObject a = attribute(name);
                return a != null ? a : super.__findattr_ex__(name);
        }
    }

    @Override
    public PyObject __reduce_ex__(int version) {
        return __reduce__();
    }

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
}
