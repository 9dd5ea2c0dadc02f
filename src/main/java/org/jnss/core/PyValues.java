package org.jnss.core;

import java.util.function.UnaryOperator;

/**
 * Turns a raw argument handed to the core (an element of an {@code Object...}
 * parameter, which the binder passes through untouched as user data) into the
 * Java value an {@code Object} parameter would have received: Integer, Long or
 * BigInteger, String, Double, Boolean, a core object, {@link Slice}, or the
 * value itself when it has no Java counterpart. Installed by the Python surface;
 * the identity conversion otherwise.
 */
public final class PyValues {
    private static volatile UnaryOperator<Object> converter = UnaryOperator.identity();

    private PyValues() {}

    /**
     * Installs the conversion of the Python surface.
     *
     * @param c turns a Python object (never null) into its Java value
     */
    public static void setConverter(UnaryOperator<Object> c) {
        converter = c;
    }

    /**
     * Converts one raw argument.
     *
     * @param raw a Python object as the binder passed it, or null for None
     * @return its Java value (see the class comment); null for null
     */
    public static Object toJava(Object raw) {
        return raw == null ? null : converter.apply(raw);
    }
}
