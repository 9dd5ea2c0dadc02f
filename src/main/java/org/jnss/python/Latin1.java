package org.jnss.python;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Read-only byte views of Jython {@code str} values without copying them.
 *
 * <p>A Jython str is a Java String whose chars are the bytes; with compact
 * strings its storage already is that byte array. When the JVM lets us
 * (the launcher opens java.lang) the view wraps that array read-only;
 * otherwise it wraps a copy. Bulk operations (digests of megabytes) save a
 * full copy this way.
 */
final class Latin1 {
    private Latin1() {}

    private static final MethodHandle VALUE, CODER;

    static {
        MethodHandle value = null, coder = null;
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(String.class, MethodHandles.lookup());
            value = l.findGetter(String.class, "value", byte[].class);
            coder = l.findGetter(String.class, "coder", byte.class);
            // check the layout is what we expect: a LATIN1 string holds its bytes as they are
            String probe = new String(new byte[]{'o', 'k', (byte) 0xe9}, StandardCharsets.ISO_8859_1);
            byte[] raw = (byte[]) value.invokeExact(probe);
            byte c = (byte) coder.invokeExact(probe);
            if (c != 0 || raw.length != 3 || raw[2] != (byte) 0xe9) { value = null; coder = null; }
        } catch (Throwable t) {
            value = null;
            coder = null;
        }
        VALUE = value;
        CODER = coder;
    }

    static boolean zeroCopy() {
        return VALUE != null;
    }

    /** The bytes of a str (chars 0..255) as a read-only buffer. */
    static ByteBuffer view(String s) {
        if (VALUE != null) {
            try {
                if ((byte) CODER.invokeExact(s) == 0) {
                    return ByteBuffer.wrap((byte[]) VALUE.invokeExact(s)).asReadOnlyBuffer();
                }
            } catch (Throwable t) {
                // fall through to the copy
            }
        }
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)).asReadOnlyBuffer();
    }
}
