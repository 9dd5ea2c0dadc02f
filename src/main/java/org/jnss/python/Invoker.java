package org.jnss.python;

import org.jnss.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Calls one core method from Python: binds positional and keyword arguments
 * to the python-nss signature (CPython's messages for arity and keyword
 * errors), converts each to the declared Java type, invokes, converts the
 * result and maps any Java failure to the Python exception python-nss raises.
 */
final class Invoker {
    private static final Object REQUIRED = new Object();

    final String name;
    final Signature sig;
    private final Method method;
    private final Constructor<?> constructor;
    private final boolean hasReceiver;
    private final Convert.ToJava[] conv;
    private final Object[] defaults;
    private final boolean varargs;
    private final boolean unicode;
    private final int nParams;

    Invoker(Executable target, Signature sig, boolean unicode, java.util.function.Function<String, PyObject> evalDefault) {
        this.name = sig.name;
        this.sig = sig;
        this.unicode = unicode;
        this.varargs = sig.varargs != null;
        this.nParams = sig.params.size();
        Class<?>[] ptypes = target.getParameterTypes();
        int expected = nParams + (varargs ? 1 : 0);
        if (ptypes.length != expected)
            throw new IllegalStateException(target + ": signature '" + sig.name + "' has " + expected
                    + " parameters, Java method has " + ptypes.length);
        if (varargs && ptypes[nParams] != Object[].class)
            throw new IllegalStateException(target + ": *" + sig.varargs + " needs an Object... parameter");
        this.conv = new Convert.ToJava[nParams];
        this.defaults = new Object[nParams];
        for (int i = 0; i < nParams; i++) {
            conv[i] = Convert.forType(ptypes[i]);
            String d = sig.defaults.get(i);
            if (d == null) {
                defaults[i] = REQUIRED;
            } else {
                PyObject pv = evalDefault.apply(d);
                defaults[i] = pv == org.python.core.Py.None && !ptypes[i].isPrimitive() ? null : conv[i].convert(pv);
            }
        }
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

    /** self is the core receiver for instance methods, ignored otherwise. */
    PyObject call(Object self, PyObject[] args, String[] kws) {
        Object[] j = bind(args, kws);
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
        if (unicode && r instanceof String s) return new org.python.core.PyUnicode(s);
        return Convert.toPy(r);
    }

    private Object[] bind(PyObject[] args, String[] kws) {
        int nkw = kws == null ? 0 : kws.length;
        int npos = args.length - nkw;
        final int off = 0;
        Object[] j = new Object[nParams + (varargs ? 1 : 0)];
        if (npos > nParams && !varargs) {
            throw org.python.core.Py.TypeError(name + "() takes at most " + nParams + " argument"
                    + (nParams == 1 ? "" : "s") + " (" + (args.length) + " given)");
        }
        PyObject[] given = new PyObject[nParams];
        int fixed = Math.min(npos, nParams);
        System.arraycopy(args, 0, given, 0, fixed);
        for (int k = 0; k < nkw; k++) {
            String kw = kws[k];
            int idx = sig.params.indexOf(kw);
            if (idx < 0)
                throw org.python.core.Py.TypeError("'" + kw + "' is an invalid keyword argument for " + name + "()");
            if (given[idx] != null)
                throw org.python.core.Py.TypeError("argument for " + name + "() given by name ('" + kw
                        + "') and position (" + (idx + 1) + ")");
            given[idx] = args[npos + k];
        }
        for (int i = 0; i < nParams; i++) {
            PyObject v = given[i];
            if (v == null) {
                Object d = defaults[i];
                if (d == REQUIRED)
                    throw org.python.core.Py.TypeError(name + "() missing required argument '" + sig.params.get(i)
                            + "' (pos " + (i + 1) + ")");
                j[off + i] = d;
            } else {
                try {
                    j[off + i] = v == org.python.core.Py.None && defaults[i] == null ? null : conv[i].convert(v);
                } catch (PyException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw org.python.core.Py.TypeError(name + "() argument " + (i + 1) + " ('" + sig.params.get(i)
                            + "'): " + e.getMessage());
                }
            }
        }
        if (varargs) {
            j[off + nParams] = npos > nParams ? Arrays.copyOfRange(args, nParams, npos, Object[].class) : new Object[0];
        }
        return j;
    }

    static Signature signatureOf(Py py) {
        return Signature.parse(py.value());
    }
}
