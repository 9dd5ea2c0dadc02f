package org.jnss.core;

import java.util.function.Function;

/** Python type names of values handed to the core, for error messages that match python-nss's. */
public final class PyTypeNames {
    private static volatile Function<Object, String> resolver = o -> null;

    private PyTypeNames() {}

    /**
     * Installs the resolver of the Python surface, which knows the names of Python values.
     *
     * @param r gives the Python type name of a value, or null for a plain Java value
     */
    public static void setResolver(Function<Object, String> r) {
        resolver = r;
    }

    /**
     * The Python type name of a value, for messages such as "must be int, not str".
     * Plain Java values are named as Python would see them (Integer is "int",
     * BigInteger "long", String and byte[] "str", Object[] "tuple"); other
     * objects by their Java simple name.
     *
     * @param o the value, null for None
     * @return its Python type name; "NoneType" for null
     */
    public static String of(Object o) {
        if (o == null) return "NoneType";
        String n = resolver.apply(o);
        return n != null ? n : javaName(o);
    }

    private static String javaName(Object o) {
        if (o instanceof Double || o instanceof Float) return "float";
        if (o instanceof Integer || o instanceof Long || o instanceof Short) return "int";
        if (o instanceof java.math.BigInteger) return "long";
        if (o instanceof Boolean) return "bool";
        if (o instanceof String || o instanceof byte[]) return "str";
        if (o instanceof java.util.List) return "list";
        if (o instanceof Object[]) return "tuple";
        return o.getClass().getSimpleName();
    }
}
