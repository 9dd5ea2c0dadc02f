package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyString;

/**
 * A property of an exposed type, backed by a no-argument core method and,
 * when writable, a one-argument setter of the same {@code @Python} name. Deleting
 * a writable property passes null to the setter (TypeError "Cannot delete"
 * when it takes a primitive).
 */
final class JProperty extends PyObject {
    final Invoker getter;
    final Invoker setter;
    final NssType owner;
    final String doc;

    JProperty(Invoker getter, Invoker setter, NssType owner, String doc) {
        this.getter = getter;
        this.setter = setter;
        this.owner = owner;
        this.doc = doc;
    }

    @Override
    public PyObject __get__(PyObject obj, PyObject type) {
        if (obj == null || obj == Py.None) return this;
        return getter.call(owner.coreOf(obj, getter.name), Py.EmptyObjects, Py.NoKeywords);
    }

    @Override
    public void __set__(PyObject obj, PyObject value) {
        if (setter == null)
            throw Py.AttributeError("attribute '" + getter.name + "' of '" + owner.qualifiedName + "' objects is not writable");
        setter.call(owner.coreOf(obj, getter.name), new PyObject[]{value}, Py.NoKeywords);
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
    public boolean implementsDescrGet() { return true; }

    @Override
    public boolean implementsDescrSet() { return true; }

    @Override
    public boolean implementsDescrDelete() { return true; }

    @Override
    public boolean isDataDescr() { return true; }

    @Override
    public PyObject __findattr_ex__(String name) {
        switch (name) {
            case "__name__": return Py.newString(getter.name);
            case "__doc__": return doc == null ? Py.None : Py.newString(doc);
            case "__objclass__": return owner.pyType;
            default: return super.__findattr_ex__(name);
        }
    }

    @Override
    public PyString __repr__() {
        return Py.newString("<attribute '" + getter.name + "' of '" + owner.qualifiedName + "' objects>");
    }
}
