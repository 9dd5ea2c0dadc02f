package org.jnss.python;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Byte views of Jython {@code str} values, and str values made from byte
 * arrays, without copying.
 *
 * <p>A Jython str is a Java String whose chars are the bytes; with compact
 * strings its storage already is that byte array. When the JVM lets us
 * (the launcher opens java.lang) a view wraps that array read-only, and a
 * result array becomes a String's storage as it is; otherwise both copy.
 * Bulk operations (digests of megabytes, 64 KiB cipher outputs and socket
 * receives) save a full copy each way.
 */
final class Latin1 {
    private Latin1() {}

    private static final MethodHandle VALUE, CODER, ADOPT;

    static {
        MethodHandle value = null, coder = null, adopt = null;
        try {
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(String.class, MethodHandles.lookup());
            value = l.findGetter(String.class, "value", byte[].class);
            coder = l.findGetter(String.class, "coder", byte.class);
            // check the layout is what we expect: a LATIN1 string holds its bytes as they are
            String probe = new String(new byte[]{'o', 'k', (byte) 0xe9}, StandardCharsets.ISO_8859_1);
            byte[] raw = (byte[]) value.invokeExact(probe);
            byte c = (byte) coder.invokeExact(probe);
            if (c != 0 || raw.length != 3 || raw[2] != (byte) 0xe9) { value = null; coder = null; }
            // String(byte[] value, byte coder): the JDK's constructor that shares the array
            adopt = l.findConstructor(String.class, MethodType.methodType(void.class, byte[].class, byte.class));
            byte[] mine = {'o', 'k', (byte) 0xe9};
            String made = (String) adopt.invokeExact(mine, (byte) 0);
            if (value == null || !made.equals(probe) || (byte[]) value.invokeExact(made) != mine) adopt = null;
        } catch (Throwable t) {
            value = null;
            coder = null;
            adopt = null;
        }
        VALUE = value;
        CODER = coder;
        ADOPT = adopt;
    }

    static boolean zeroCopy() {
        return VALUE != null;
    }

    /**
     * Whether the String is stored as Latin-1 (every char below 256, so no
     * surrogates); false when that cannot be told.
     */
    static boolean isLatin1(String s) {
        if (CODER != null) {
            try {
                return (byte) CODER.invokeExact(s) == 0;
            } catch (Throwable t) {
                // fall through: not known
            }
        }
        return false;
    }

    /** Eight octets of a byte array at a time, to test their high bits together. */
    private static final java.lang.invoke.VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Whether the String is ASCII text stored as Latin-1, so that its UTF-8
     * encoding is its own storage; false when that cannot be told.
     */
    static boolean isAscii(String s) {
        if (VALUE == null) return false;
        try {
            if ((byte) CODER.invokeExact(s) != 0) return false;
            byte[] v = (byte[]) VALUE.invokeExact(s);
            int n = v.length, i = 0;
            long any = 0;
            for (; i + 8 <= n; i += 8) any |= (long) LONGS.get(v, i);
            for (; i < n; i++) any |= v[i];
            return (any & HIGH_BITS) == 0;      // (a negative tail octet sets every high bit)
        } catch (Throwable t) {
            return false;
        }
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

    /**
     * A String whose chars are these bytes (0..255), holding the array itself
     * as its storage where the JVM lets us: the caller hands the array over and
     * must never change it afterwards. Otherwise a copy.
     */
    static String adopt(byte[] b) {
        if (ADOPT != null && b.length > 0) {
            try {
                return (String) ADOPT.invokeExact(b, (byte) 0);
            } catch (Throwable t) {
                // fall through to the copy
            }
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
