package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyDataDescr;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyType;
import org.python.expose.ExposeAsSuperclass;

/**
 * A property of an exposed type ({@code getset_descriptor} to Python, as
 * python-nss's), backed by a no-argument core method and, when writable, a
 * one-argument setter of the same {@code @Python} name. Deleting a writable
 * property passes null to the setter (TypeError "Cannot delete" when it takes
 * a primitive).
 */
final class JProperty extends PyDataDescr implements ExposeAsSuperclass {
    final Invoker getter;
    final Invoker setter;
    final NssType owner;

    JProperty(Invoker getter, Invoker setter, NssType owner) {
        super(getter.name, Object.class, null);
        this.getter = getter;
        this.setter = setter;
        this.owner = owner;
    }

    /** Called by the binder once the owner's Python type exists. */
    void ownerType(PyType type) {
        setType(type);
    }

    @Override
    public PyObject __get__(PyObject obj, PyObject type) {
        if (obj == null || obj == Py.None) return this;
        return getter.call(owner.coreOf(obj, getter.name), Py.EmptyObjects, Py.NoKeywords);
    }

    @Override
    public PyObject getset_descriptor___get__(PyObject obj, PyObject type) {
        return __get__(obj, type);
    }

    @Override
    public Object invokeGet(PyObject obj) {
        return __get__(obj, null);
    }

    @Override
    public void __set__(PyObject obj, PyObject value) {
        if (setter == null)
            throw Py.AttributeError("attribute '" + getter.name + "' of '" + owner.qualifiedName + "' objects is not writable");
        setter.call(owner.coreOf(obj, getter.name), new PyObject[]{value}, Py.NoKeywords);
    }

    @Override
    public void getset_descriptor___set__(PyObject obj, PyObject value) {
        __set__(obj, value);
    }

    @Override
    public void __delete__(PyObject obj) {
        if (setter == null) {
            __set__(obj, null);
            return;
        }
        if (setter.primitiveParam(0)) throw Py.TypeError("Cannot delete the " + getter.name + " attribute");
        setter.invoke(owner.coreOf(obj, getter.name), new Object[]{null});
    }

    @Override
    public void getset_descriptor___delete__(PyObject obj) {
        __delete__(obj);
    }

    @Override
    public boolean implementsDescrGet() { return true; }

    @Override
    public boolean implementsDescrSet() { return true; }

    @Override
    public boolean implementsDescrDelete() { return true; }

    @Override
    public boolean isDataDescr() { return true; }

    /** The text of the getter's Javadoc (made at its first reading); None when it has none. */
    @Override
    public String getDoc() {
        return Docstrings.property(getter.target(), setter == null ? null : setter.target());
    }

    @Override
    public String toString() {
        return "<attribute '" + getter.name + "' of '" + owner.qualifiedName + "' objects>";
    }

    @Override
    public PyString __repr__() {
        return Py.newString(toString());
    }
}
