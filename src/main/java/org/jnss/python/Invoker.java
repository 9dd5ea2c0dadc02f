package org.jnss.python;

import org.jnss.core.ArgumentError;
import org.jnss.core.Python;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Calls one core method from Python: binds positional and keyword arguments
 * to the python-nss signature with CPython 2.7's argument parsing rules and
 * messages ({@code PyArg_ParseTuple} for positional-only signatures,
 * {@code PyArg_ParseTupleAndKeywords} otherwise), converts each to the
 * declared Java type, invokes, converts the result and maps any Java failure
 * to the Python exception python-nss raises.
 */
final class Invoker {
    /** Marks a parameter without default. */
    private static final Object REQUIRED = new Object();

    final String name;
    final Signature sig;
    private final Method method;
    private final Constructor<?> constructor;
    private final boolean hasReceiver;
    private final Executable target;
    /** the Java parameter types (the target's own array is copied at each request) */
    private final Class<?>[] ptypes;
    private final java.util.function.Function<String, PyObject> evalDefault;
    /** Converters and defaults, made at the first call (binding a module stays cheap: startup). */
    private volatile Prepared prepared;
    private final boolean varargs;
    private final boolean unicode;
    private final int nParams;
    private final int nRequired;
    /** what conversion errors start with: "name() ", or "" for a property setter (CPython's PyArg_Parse) */
    private final String errorPrefix;

    Invoker(Executable target, Signature sig, boolean unicode, java.util.function.Function<String, PyObject> evalDefault) {
        this(target, sig, unicode, evalDefault, sig.name + "() ");
    }

    /** The setter of a property: one positional argument, errors read "argument 1 must be ...". */
    static Invoker setter(Method target, String name) {
        return new Invoker(target, Signature.parse(name + "(value, /)"), false, d -> null, "");
    }

    private Invoker(Executable target, Signature sig, boolean unicode, java.util.function.Function<String, PyObject> evalDefault,
                    String errorPrefix) {
        this.errorPrefix = errorPrefix;
        this.name = sig.name;
        this.sig = sig;
        this.unicode = unicode;
        this.varargs = sig.varargs != null;
        this.nParams = sig.params.size();
        this.nRequired = sig.requiredCount();
        Class<?>[] ptypes = target.getParameterTypes();
        int expected = nParams + (varargs ? 1 : 0);
        if (ptypes.length != expected)
            throw new IllegalStateException(target + ": signature '" + sig.name + "' has " + expected
                    + " parameters, Java method has " + ptypes.length);
        if (varargs && ptypes[nParams] != Object[].class)
            throw new IllegalStateException(target + ": *" + sig.varargs + " needs an Object... parameter");
        this.target = target;
        this.ptypes = ptypes;
        try {
            target.setAccessible(true);     // no access check at each call (the targets are public anyway)
        } catch (RuntimeException e) {
            // checked at each call instead
        }
        this.evalDefault = evalDefault;
        ALL.add(new java.lang.ref.WeakReference<>(this));
        if (target instanceof Method m) {
            method = m;
            constructor = null;
            hasReceiver = !Modifier.isStatic(m.getModifiers());
        } else {
            method = null;
            constructor = (Constructor<?>) target;
            hasReceiver = false;
        }
    }

    /** The core method or constructor called (its annotations give the docstring). */
    Executable target() {
        return target;
    }

    /** Per-parameter converters, defaults and whether None is accepted. */
    private static final class Prepared {
        final Convert.ToJava[] conv;
        final Object[] defaults;
        final boolean[] noneOk;
        /** the parameter annotated {@link Python.Index} (a __getitem__ key), or -1 */
        int indexParam = -1;

        Prepared(int n) {
            conv = new Convert.ToJava[n];
            defaults = new Object[n];
            noneOk = new boolean[n];
        }
    }

    /** Every invoker made, so that tests can prepare them all (declaration errors surface at once). */
    private static final java.util.List<java.lang.ref.WeakReference<Invoker>> ALL =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** Prepares every invoker made so far; returns how many (IllegalStateException for a bad declaration). */
    static int prepareAll() {
        int n = 0;
        for (java.lang.ref.WeakReference<Invoker> r : new java.util.ArrayList<>(ALL)) {
            Invoker inv = r.get();
            if (inv != null) {
                inv.ready();
                n++;
            }
        }
        return n;
    }

    private Prepared ready() {
        Prepared p = prepared;
        if (p == null) {
            synchronized (this) {
                p = prepared;
                if (p == null) prepared = p = prepare();
            }
        }
        return p;
    }

    private Prepared prepare() {
        Class<?>[] ptypes = target.getParameterTypes();
        Prepared prep = new Prepared(nParams);
        Convert.ToJava[] conv = prep.conv;
        Object[] defaults = prep.defaults;
        boolean[] noneOk = prep.noneOk;
        java.lang.annotation.Annotation[][] pann = Declarations.parameters(target);
        for (int i = 0; i < nParams; i++) {
            boolean orNone = false, raw = false, intFlag = false, boolOnly = false;
            Python.Unsigned unsigned = null;
            Python.Index index = null;
            for (java.lang.annotation.Annotation a : pann[i]) {
                if (a instanceof Python.Index x) index = x;
                orNone |= a instanceof Python.OrNone;
                raw |= a instanceof Python.Raw;
                if (a instanceof Python.Unsigned u) unsigned = u;
                intFlag |= a instanceof Python.IntFlag;
                boolOnly |= a instanceof Python.BoolOnly;
            }
            if (raw && ptypes[i] != Object.class)
                throw new IllegalStateException(target + ": @Python.Raw needs an Object parameter");
            boolean toInt = ptypes[i] == int.class || ptypes[i] == Integer.class;
            if (unsigned != null && (!toInt && ptypes[i] != long.class || unsigned.value() != 'k' && unsigned.value() != 'I'))
                throw new IllegalStateException(target + ": @Python.Unsigned needs an int or long parameter and 'k' or 'I'");
            if ((intFlag || boolOnly) && ptypes[i] != boolean.class)
                throw new IllegalStateException(target + ": @Python.IntFlag/BoolOnly need a boolean parameter");
            if (index != null && ptypes[i] != long.class && ptypes[i] != Object.class)
                throw new IllegalStateException(target + ": @Python.Index needs a long or Object parameter");
            if (index != null) prep.indexParam = i;
            Python.Index spec = index;
            conv[i] = raw ? v -> v : unsigned != null ? Convert.unsigned(unsigned.value(), toInt)
                    : intFlag ? Convert::toIntFlag
                    : boolOnly ? Convert::toBoolOnly : index != null ? v -> Convert.toIndex(v, spec)
                    : Convert.forType(ptypes[i]);
            String d = sig.defaults.get(i);
            // an Object parameter optional without a default ("family=") tells None given from omitted:
            // the core receives Python's None itself (omitted: null), and rejects it as a wrong type
            boolean absentIsNull = d != null && d.isEmpty() && ptypes[i] == Object.class && !orNone && !raw;
            if (absentIsNull) {
                Convert.ToJava base = conv[i];
                conv[i] = v -> v == Py.None ? Py.None : base.convert(v);
            }
            noneOk[i] = index == null && !absentIsNull && (orNone || "None".equals(d) || ptypes[i] == Object.class);
            if (d == null) {
                defaults[i] = REQUIRED;
            } else if (d.isEmpty()) {       // optional without a Python default
                if (ptypes[i].isPrimitive())
                    throw new IllegalStateException(target + ": '" + sig.params.get(i) + "=' needs a reference type");
                defaults[i] = null;
            } else {
                PyObject pv = evalDefault.apply(d);
                if (pv instanceof CallDefault) defaults[i] = pv;     // evaluated at each call, as C code does
                else defaults[i] = pv == Py.None && !ptypes[i].isPrimitive() ? null : conv[i].convert(pv);
            }
        }
        return prep;
    }

    /** self is the core receiver for instance methods, ignored otherwise. */
    PyObject call(Object self, PyObject[] args, String[] kws) {
        Object[] j = bind(args, kws);
        if (j.length > 0) {     // (a getter's call stays as short as it was)
            int ix = ready().indexParam;
            if (ix >= 0 && j[ix] instanceof Long i && i < 0) j[ix] = i + lengthOf(self);
        }
        return invoke(self, j);
    }

    /**
     * len(self), to count a negative index from the end: the {@code __len__}
     * the binder bound on the object's Python type (0 for a type without one).
     */
    private static long lengthOf(Object self) {
        NssType t = Binder.typeFor(self.getClass());
        PyObject len = t == null || t.pyType == null ? null : t.pyType.lookup("__len__");
        if (!(len instanceof JMethod m)) return 0;
        return m.invoker.call(self, Py.EmptyObjects, Py.NoKeywords).asLong();
    }

    /** Whether parameter i takes a Java primitive (so cannot receive null). */
    boolean primitiveParam(int i) {
        return (method != null ? method : constructor).getParameterTypes()[i].isPrimitive();
    }

    /** Calls with arguments already converted to Java. */
    PyObject invoke(Object self, Object[] j) {
        Object r = invokeJava(self, j);
        if (unicode && r instanceof String s) return new org.python.core.PyUnicode(s);
        return Convert.toPy(r);
    }

    /** Binds and calls, returning the Java result (a constructor's new object). */
    Object callJava(Object self, PyObject[] args, String[] kws) {
        return invokeJava(self, bind(args, kws));
    }

    private Object invokeJava(Object self, Object[] j) {
        Object r;
        try {
            if (method != null) {
                r = method.invoke(hasReceiver ? self : null, j);
            } else {
                r = constructor.newInstance(j);
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw PyErrors.map(e.getCause());
        } catch (Throwable t) {
            throw PyErrors.map(t);
        }
        return r;
    }

    private static PyException typeError(String msg) {
        return Py.TypeError(msg);
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private static final Object[] NO_ARGS = {};

    private Object[] bind(PyObject[] args, String[] kws) {
        int nkw = kws == null ? 0 : kws.length;
        int npos = args.length - nkw;
        if (nkw == 0 && npos == nParams && !varargs) {
            // the common case (a getter, or every argument given by position): nothing to bind
            if (npos == 0) return NO_ARGS;
            Prepared p = ready();
            Object[] j = new Object[npos];
            for (int i = 0; i < npos; i++) j[i] = convert(p, i, args[i]);
            return j;
        }
        PyObject[] given = new PyObject[nParams];
        System.arraycopy(args, 0, given, 0, Math.min(npos, nParams));
        if (sig.noKeywords()) {
            checkPositionalArity(npos, nkw);
        } else {
            if (!varargs && npos + nkw > nParams)
                throw typeError(name + "() takes at most " + nParams + " argument" + plural(nParams) + " ("
                        + (npos + nkw) + " given)");
            for (int k = 0; k < nkw; k++) {
                int idx = sig.params.indexOf(kws[k]);
                if (idx < sig.positionalOnly) continue;     // unknown: reported after the others, as CPython does
                if (idx < npos)
                    throw typeError("Argument given by name ('" + kws[k] + "') and position (" + (idx + 1) + ")");
                given[idx] = args[npos + k];
            }
        }
        Prepared p = ready();
        Object[] j = new Object[nParams + (varargs ? 1 : 0)];
        for (int i = 0; i < nParams; i++) {
            PyObject v = given[i];
            if (v == null) {
                Object d = p.defaults[i];
                if (d == REQUIRED)
                    throw typeError("Required argument '" + sig.params.get(i) + "' (pos " + (i + 1) + ") not found");
                if (d instanceof CallDefault call) {
                    j[i] = call.evaluate(this, p, i);
                } else {
                    j[i] = d;
                }
            } else {
                j[i] = convert(p, i, v);
            }
        }
        for (int k = 0; k < nkw; k++) {
            if (sig.params.indexOf(kws[k]) < sig.positionalOnly)
                throw typeError("'" + kws[k] + "' is an invalid keyword argument for this function");
        }
        if (varargs) {
            j[nParams] = npos > nParams ? Arrays.copyOfRange(args, nParams, npos, Object[].class) : new Object[0];
        }
        return j;
    }

    /** PyArg_ParseTuple / METH_NOARGS arity rules. */
    private void checkPositionalArity(int npos, int nkw) {
        if (nkw > 0) throw typeError(name + "() takes no keyword arguments");
        if (nParams == 0 && !varargs) {
            if (npos > 0) throw typeError(name + "() takes no arguments (" + npos + " given)");
            return;
        }
        int max = varargs ? Integer.MAX_VALUE : nParams;
        if (npos >= nRequired && npos <= max) return;
        boolean few = npos < nRequired;
        String how = nRequired == nParams ? "exactly" : few ? "at least" : "at most";
        int n = few ? nRequired : max;
        throw typeError(name + "() takes " + how + " " + n + " argument" + plural(n) + " (" + npos + " given)");
    }

    /** Converts argument i; a conversion failure reads as CPython's "f() argument N must be X, not Y". */
    private Object convert(Prepared p, int i, PyObject v) {
        if (v == Py.None && p.noneOk[i]) return null;
        try {
            return p.conv[i].convert(v);
        } catch (PyException e) {
            throw e;
        } catch (ArgumentError e) {
            String m = e.getMessage();
            throw typeError(m.startsWith("must be ") ? errorPrefix + "argument " + (i + 1) + " " + m : m);
        } catch (RuntimeException e) {
            throw PyErrors.map(e);
        }
    }

    /** A default that calls a module function with no arguments ({@code certdb=get_default_certdb()}): evaluated per call. */
    static final class CallDefault extends PyObject {
        private final PyObject namespace;
        private final String function;

        CallDefault(PyObject namespace, String function) {
            this.namespace = namespace;
            this.function = function;
        }

        /** The Java value of the default for parameter i of inv. */
        Object evaluate(Invoker inv, Prepared p, int i) {
            PyObject f = namespace.__finditem__(function);
            if (f == null) throw Py.NameError("name '" + function + "' is not defined");
            if (f instanceof JFunction jf) {
                // the binder's own function (not replaced by the program): its Java result as it is,
                // without a Python object made and unwrapped again (Certificate(der) pays this per call)
                Object r = jf.callJava();
                if (r == null) return null;
                if (inv.ptypes[i].isInstance(r)) return r;
                f = Convert.toPy(r);
            } else {
                f = f.__call__();
            }
            return f == Py.None ? null : inv.convert(p, i, f);    // a default, not a caller's None
        }
    }
}
