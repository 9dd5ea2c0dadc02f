package org.jnss.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * The Java side's one rule for text: a byte string that python-nss returns
 * (Python 2 {@code str}) reaches Java as a {@link String} decoded from UTF-8,
 * the encoding NSS uses for names and descriptions; a String result is already
 * text. And {@code toString()} of an API object is what python-nss's
 * {@code str()} gives for it: its {@code @Python("__str__()")} member.
 */
public final class JavaText {
    private JavaText() {}

    /** The member declared {@code @Python("__str__()")} of each class, or null. */
    private static final ClassValue<Method> STR = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Method m : type.getMethods()) {
                Python py = m.getAnnotation(Python.class);
                if (py != null && m.getParameterCount() == 0 && py.value().replace(" ", "").equals("__str__()")) {
                    m.setAccessible(true);
                    return m;
                }
            }
            return null;
        }
    };

    /**
     * A byte string as Java text (UTF-8; a malformed sequence becomes U+FFFD).
     *
     * @param bytes a byte string, or null
     * @return the text, or null for null
     */
    public static String of(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A value as Java text: byte strings are decoded by {@link #of(byte[])},
     * anything else is {@link String#valueOf(Object)}.
     *
     * @param value a result of an API call
     * @return its text
     */
    public static String text(Object value) {
        return value instanceof byte[] b ? of(b) : String.valueOf(value);
    }

    /**
     * python-nss's {@code str()} of an object, for its {@code toString()}.
     *
     * @param o an API object
     * @return its {@code __str__()} as text, or null when its class declares none
     *         (the caller then falls back to Object's form)
     */
    public static String str(Object o) {
        Method m = STR.get(o.getClass());
        if (m == null) return null;
        try {
            return text(m.invoke(o));
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
