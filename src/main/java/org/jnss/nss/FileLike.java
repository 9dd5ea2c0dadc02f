package org.jnss.nss;

import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The contents of a Python file-like object (anything with a read() method),
 * as python-nss 1.0.1's read_der_from_file takes. The object arrives as the
 * Python object itself; its read() is called through the generic
 * {@code invoke(String)} every Python object of the runtime has, so the core
 * stays free of the interpreter's classes.
 */
final class FileLike {
    private FileLike() {}

    /** The bytes read() returned, or null when obj has no read() method. */
    static byte[] read(Object obj) {
        if (obj == null) return null;
        Method invoke, findattr;
        try {
            findattr = obj.getClass().getMethod("__findattr__", String.class);
            invoke = obj.getClass().getMethod("invoke", String.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
        try {
            if (findattr.invoke(obj, "read") == null) return null;
            Object r = invoke.invoke(obj, "read");
            String type = PyTypeNames.of(r);
            if (!type.equals("str"))
                throw new ArgumentError("read() must return str, not " + type);
            return BStr.bytes(r.toString());
        } catch (IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(String.valueOf(e.getCause()));
        }
    }
}
