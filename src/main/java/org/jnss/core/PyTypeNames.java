package org.jnss.core;

import java.util.function.Function;

/** Python type names of values handed to the core, for error messages that match python-nss's. */
public final class PyTypeNames {
    private static volatile Function<Object, String> resolver = PyTypeNames::javaName;

    private PyTypeNames() {}

    /** Installed by the Python surface, which knows the names of Python values. */
    public static void setResolver(Function<Object, String> r) {
        resolver = r;
    }

    public static String of(Object o) {
        return o == null ? "NoneType" : resolver.apply(o);
    }

    private static String javaName(Object o) {
        if (o instanceof Double || o instanceof Float) return "float";
        if (o instanceof Integer || o instanceof Long || o instanceof Short) return "int";
        if (o instanceof Boolean) return "bool";
        if (o instanceof String || o instanceof byte[]) return "str";
        if (o instanceof java.util.List) return "list";
        if (o instanceof Object[]) return "tuple";
        return o.getClass().getSimpleName();
    }
}
