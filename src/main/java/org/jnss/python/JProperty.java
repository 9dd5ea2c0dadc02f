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
final class JProperty extends Builtin {
    final Invoker setter;
    final NssType owner;

    JProperty(Invoker getter, Invoker setter, NssType owner, String doc) {
        super(getter, doc);
        this.setter = setter;
        this.owner = owner;
    }

    @Override
    public PyObject __get__(PyObject obj, PyObject type) {
        if (obj == null || obj == Py.None) return this;
        return invoker.call(owner.coreOf(obj, invoker.name), Py.EmptyObjects, Py.NoKeywords);
    }

    @Override
    public void __set__(PyObject obj, PyObject value) {
        if (setter == null)
            throw Py.AttributeError("attribute '" + invoker.name + "' of '" + owner.qualifiedName + "' objects is not writable");
        setter.call(owner.coreOf(obj, invoker.name), new PyObject[]{value}, Py.NoKeywords);
    }

    @Override
    public void __delete__(PyObject obj) {
        if (setter == null) {
            __set__(obj, null);
            return;
        }
        if (setter.primitiveParam(0)) throw Py.TypeError("Cannot delete the " + invoker.name + " attribute");
        setter.invoke(owner.coreOf(obj, invoker.name), new Object[]{null});
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
    PyObject attribute(String name) {
        return name.equals("__objclass__") ? owner.pyType : null;
    }

    @Override
    public PyString __repr__() {
        return Py.newString("<attribute '" + invoker.name + "' of '" + owner.qualifiedName + "' objects>");
    }
}
