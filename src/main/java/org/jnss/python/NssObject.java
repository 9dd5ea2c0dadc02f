package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyFunction;
import org.python.core.PyInteger;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyStringMap;
import org.python.core.PyType;
import org.python.core.PyUnicode;

/**
 * A Python instance of an exposed type: the core Java object plus, for
 * instances of Python subclasses, an attribute dict. Special methods dispatch
 * through the type, so the core's {@code __str__}, {@code __len__},
 * comparisons etc. (and a Python subclass's overrides) apply.
 *
 * <p>As with python-nss's C types, {@code __new__} makes the instance and
 * {@code __init__} initialises it (builds the core object from the
 * constructor's arguments), so a Python subclass may define its own
 * {@code __init__} and call the base one. An instance whose {@code __init__}
 * never ran gets the object the constructor makes without arguments on first
 * use.
 */
public final class NssObject extends PyObject {
    /** the exposed type this object is an instance of (its Python type may be a subclass) */
    private final NssType base;
    /** the core Java object; made on first use if {@code __init__} never ran */
    private volatile Object core;
    /** instance attributes of a Python subclass's instance; null for the exposed type itself */
    private PyStringMap dict;

    NssObject(NssType type, Object core) {
        super(type.pyType);
        this.base = type;
        this.core = core;
    }

    NssObject(PyType subtype, NssType base, boolean userSubclass) {
        super(subtype);
        this.base = base;
        if (userSubclass) dict = new PyStringMap();
    }

    /**
     * The core object (for Java code handed a Python value).
     *
     * @return the core Java object this Python instance wraps (made now, without
     *         constructor arguments, if {@code __init__} never ran)
     */
    public Object getCore() { return core(); }

    Object core() {
        Object c = core;
        if (c == null) {
            synchronized (this) {
                if (core == null) core = base.defaultCore();
                c = core;
            }
        }
        return c;
    }

    void setCore(Object c) {
        core = c;
        if (c != null) Wrappers.put(c, this);
    }

    NssType nssType() {
        return base;
    }

    /** type(...) calls __init__ after __new__: the exposed type's, or a Python subclass's override. */
    @Override
    public void dispatch__init__(PyObject[] args, String[] keywords) {
        PyObject init = getType().lookup("__init__");
        if (init == null) return;
        PyObject r = init.__get__(this, getType()).__call__(args, keywords);
        if (r != Py.None) throw Py.TypeError("__init__() should return None, not '" + r.getType().fastGetName() + "'");
    }

    private String qualifiedName() {
        NssType t = nssType();
        return t == null ? getType().fastGetName() : t.qualifiedName;
    }

    /**
     * Special method {@code NssType.SPECIAL_NAMES[slot]} as the core type or a
     * Python subclass defines it (a method of the core, or a Python function),
     * or null: the exposed type's own from its table, a subclass's through
     * Jython's method cache.
     */
    private PyObject specialMethod(int slot) {
        PyType t = getType();
        PyObject f = t == base.pyType ? base.special(slot) : t.lookup(NssType.SPECIAL_NAMES[slot]);
        return f instanceof JMethod || f instanceof PyFunction ? f : null;
    }

    /**
     * Calls special method {@code NssType.SPECIAL_NAMES[slot]} without making a
     * bound method (per {@code len(item)}, {@code item[i]} or comparison); null
     * when neither the core type nor a Python subclass defines it.
     */
    private PyObject callSpecial(int slot) {
        return callSpecial(slot, Py.EmptyObjects);     // (a varargs call would make an empty array each time)
    }

    private PyObject callSpecial(int slot, PyObject... args) {
        PyObject f = specialMethod(slot);
        if (f instanceof JMethod m) return m.callBound(this, args, Py.NoKeywords);
        if (f != null) return f.__get__(this, getType()).__call__(args);
        return null;
    }

    @Override
    public PyObject fastGetDict() { return dict; }

    @Override
    public PyObject getDict() { return dict; }

    @Override
    public void __setattr__(String name, PyObject value) {
        PyObject d = getType().lookup(name);
        if (d != null && d.implementsDescrSet()) {
            d.__set__(this, value);
            return;
        }
        if (dict != null) {
            dict.__setitem__(name, value);
            return;
        }
        throw attributeError(name, d);
    }

    @Override
    public void __delattr__(String name) {
        PyObject d = getType().lookup(name);
        if (d != null && d.implementsDescrDelete()) {
            d.__delete__(this);
            return;
        }
        if (dict != null && dict.__finditem__(name) != null) {
            dict.__delitem__(name);
            return;
        }
        throw attributeError(name, d);
    }

    @Override
    public void noAttributeError(String name) {
        throw attributeError(name, null);
    }

    /** CPython's AttributeError for setting or deleting name: read-only when the type has a non-data descriptor d of that name. */
    private org.python.core.PyException attributeError(String name, PyObject d) {
        if (d != null)
            return Py.AttributeError("'" + qualifiedName() + "' object attribute '" + name + "' is read-only");
        return Py.AttributeError("'" + qualifiedName() + "' object has no attribute '" + name + "'");
    }

    @Override
    public PyString __str__() {
        PyObject r = callSpecial(NssType.STR);
        if (r == null) return __repr__();
        return asStr(r, "__str__");
    }

    @Override
    public PyString __repr__() {
        PyObject r = callSpecial(NssType.REPR);
        if (r == null)
            return Py.newString("<" + qualifiedName() + " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">");
        return asStr(r, "__repr__");
    }

    private static PyString asStr(PyObject r, String what) {
        if (r instanceof PyUnicode u) return Py.newStringUTF8(u.getString());
        if (r instanceof PyString s) return s;
        throw Py.TypeError(what + " returned non-string (type " + r.getType().fastGetName() + ")");
    }

    @Override
    public PyUnicode __unicode__() {
        PyString s = __str__();
        return s instanceof PyUnicode u ? u : new PyUnicode(s.decode("utf-8").toString());
    }

    @Override
    public int __len__() {
        PyObject r = callSpecial(NssType.LEN);
        if (r == null) throw Py.TypeError("object of type '" + qualifiedName() + "' has no len()");
        return r.asInt();
    }

    @Override
    public boolean __nonzero__() {
        PyObject r = callSpecial(NssType.NONZERO);
        if (r != null) return r.__nonzero__();
        r = callSpecial(NssType.LEN);
        if (r != null) return r.asInt() != 0;
        return true;
    }

    @Override
    public PyObject __finditem__(PyObject key) {
        try {
            return callSpecial(NssType.GETITEM, key);
        } catch (PyException e) {
            if (e.match(Py.IndexError) || e.match(Py.KeyError)) return null;
            throw e;
        }
    }

    @Override
    public PyObject __finditem__(int key) {
        return __finditem__(Py.newInteger(key));
    }

    @Override
    public PyObject __getitem__(PyObject key) {
        PyObject r = callSpecial(NssType.GETITEM, key);
        if (r == null) throw Py.TypeError("'" + qualifiedName() + "' object has no attribute '__getitem__'");
        return r;
    }

    @Override
    public PyObject __iter__() {
        PyObject r = callSpecial(NssType.ITER);
        if (r != null) return r;
        if (specialMethod(NssType.GETITEM) != null)
            return specialMethod(NssType.LEN) != null ? new IndexedIter(this) : new org.python.core.PySequenceIter(this);
        throw Py.TypeError("'" + qualifiedName() + "' object is not iterable");
    }

    /**
     * Iteration by index of a core object that has a length (a DN, an RDN, a
     * SecItem...): Jython's sequence iterator asks for items 0, 1, ... until
     * one raises IndexError, and making that exception was ~60% of iterating
     * a five-RDN name. This one stops at the length, asked again before each
     * item (an object changed during the loop is followed as by index), and
     * otherwise behaves as Jython's: an item that raises IndexError, KeyError
     * or StopIteration ends the iteration, and the iterator's type is the same.
     */
    private static final class IndexedIter extends org.python.core.PyIterator {
        private static final org.python.core.PyType TYPE = org.python.core.PyType.fromClass(org.python.core.PySequenceIter.class);
        private NssObject seq;
        private int index;

        IndexedIter(NssObject seq) {
            super(TYPE);
            this.seq = seq;
        }

        @Override
        public PyObject __iternext__() {
            if (seq == null) return null;
            PyObject r = null;
            try {
                if (index < seq.__len__()) r = seq.__finditem__(index++);
            } catch (PyException e) {
                if (!e.match(Py.StopIteration)) throw e;
            }
            if (r == null) seq = null;
            return r;
        }
    }

    @Override
    public PyObject __iternext__() {
        try {
            PyObject r = callSpecial(NssType.NEXT);
            return r != null ? r : callSpecial(NssType.NEXT2);
        } catch (PyException e) {
            if (e.match(Py.StopIteration)) return null;
            throw e;
        }
    }

    @Override
    public boolean __contains__(PyObject o) {
        PyObject r = callSpecial(NssType.CONTAINS, o);
        if (r != null) return r.__nonzero__();
        return super.__contains__(o);
    }

    private PyObject compare(int slot, PyObject other) {
        PyObject r = callSpecial(slot, other);
        return r == Py.NotImplemented ? null : r;
    }

    @Override public PyObject __eq__(PyObject o) { return compare(NssType.EQ, o); }
    @Override public PyObject __ne__(PyObject o) { return compare(NssType.NE, o); }
    @Override public PyObject __lt__(PyObject o) { return compare(NssType.LT, o); }
    @Override public PyObject __le__(PyObject o) { return compare(NssType.LE, o); }
    @Override public PyObject __gt__(PyObject o) { return compare(NssType.GT, o); }
    @Override public PyObject __ge__(PyObject o) { return compare(NssType.GE, o); }

    @Override
    public int hashCode() {
        PyObject r = callSpecial(NssType.HASH);
        if (r == null) return System.identityHashCode(this);
        if (r instanceof PyInteger i) return i.getValue();
        if (r instanceof PyLong l) return l.getValue().hashCode();
        return r.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (o instanceof PyObject p) {
            PyObject r = compare(NssType.EQ, p);
            return r != null && r.__nonzero__();
        }
        return false;
    }

    @Override
    public Object __tojava__(Class<?> c) {
        Object k = core();
        if (c.isInstance(k)) return k;
        return super.__tojava__(c);
    }

    @Override
    public String toString() {
        return __str__().toString();
    }
}
