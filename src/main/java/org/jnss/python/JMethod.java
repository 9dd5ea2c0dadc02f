package org.jnss.python;

import org.python.core.PyObject;

/** A method of an exposed type, backed by an instance method of the core class. */
final class JMethod extends Builtin.Descriptor {
    final Invoker invoker;

    JMethod(Invoker invoker, NssType owner) {
        super(owner, invoker.name);
        this.invoker = invoker;
    }

    @Override
    PyObject callBound(PyObject self, PyObject[] args, String[] kws) {
        Object core = owner.coreOf(self, invoker.name);
        PyObject r = invoker.call(core, args, kws);
        // a method returning its receiver (makefile, __iter__) returns the same Python object
        return r instanceof NssObject o && o.getCore() == core ? self : r;
    }

    /** The signature, then the text (made at its first reading). */
    @Override
    public String getDoc() {
        return Docstrings.callable(invoker.target());
    }
}
