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

    public static void setConverter(UnaryOperator<Object> c) {
        converter = c;
    }

    public static Object toJava(Object raw) {
        return raw == null ? null : converter.apply(raw);
    }
}
