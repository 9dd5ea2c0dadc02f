package org.jnss.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * The Java side's one rule for text. Text (names, descriptions, dates as
 * strings) is a {@link String}; {@code byte[]} is binary data only (DER,
 * digests, key and socket data). Text NSS hands over as bytes is decoded as
 * UTF-8, the encoding NSS uses for names and descriptions, and a byte that is
 * not part of valid UTF-8 is kept as the lone surrogate U+DC80 + byte (as
 * Python 3's "surrogateescape" does), so no byte is lost: the Python face
 * turns such a String back into exactly the bytes python-nss returns (Python
 * 2 {@code str}) with {@link #encode}. And {@code toString()} of an API object
 * is what python-nss's {@code str()} gives for it: its
 * {@code @Python("__str__()")} member.
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
     * A byte string as Java text: UTF-8, each byte outside a valid UTF-8
     * sequence as U+DC80 + byte.
     *
     * @param bytes a byte string, or null
     * @return the text, or null for null
     */
    public static String of(byte[] bytes) {
        if (bytes == null) return null;
        int n = bytes.length, i = 0;
        while (i < n && bytes[i] >= 0) i++;
        if (i == n) return new String(bytes, StandardCharsets.ISO_8859_1);    // ASCII
        StringBuilder sb = new StringBuilder(n);
        sb.append(new String(bytes, 0, i, StandardCharsets.ISO_8859_1));
        while (i < n) {
            int b = bytes[i] & 0xff;
            int len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
            int cp = len == 1 ? b : len == 2 ? b & 0x1f : len == 3 ? b & 0x0f : b & 0x07;
            boolean ok = len > 0 && i + len <= n;
            for (int k = 1; ok && k < len; k++) {
                int c = bytes[i + k] & 0xff;
                ok = (c & 0xc0) == 0x80;
                cp = (cp << 6) | (c & 0x3f);
            }
            // no overlong forms, surrogates or code points beyond U+10FFFF
            ok = ok && (len < 3 || (len == 3 ? cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff) : cp >= 0x10000 && cp <= 0x10ffff));
            if (ok) {
                sb.appendCodePoint(cp);
                i += len;
            } else {
                sb.append((char) (0xdc00 + b));
                i++;
            }
        }
        return sb.toString();
    }

    /**
     * The bytes of Java text, the inverse of {@link #of(byte[])}: UTF-8, with
     * each lone surrogate U+DC80..U+DCFF written as the byte it stands for.
     *
     * @param text the text, or null
     * @return its bytes, or null for null
     */
    public static byte[] encode(String text) {
        if (text == null) return null;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 8);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(c - 0xdc00);
                start = i + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
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
