package org.jnss.natives;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;

/**
 * Raw native memory access for the core layer, which sees native pointers as
 * {@code long} addresses and never touches JNA types itself.
 *
 * <p>Reads and writes of fields and byte ranges go through
 * {@code sun.misc.Unsafe} where the JDK offers it without a warning (before
 * JDK 24): a JIT intrinsic of a few nanoseconds, where JNA's {@code Pointer}
 * costs a JNI call and an object per access (reading a certificate's subject
 * name takes dozens of them). Otherwise (or with {@code -Djnss.mem.jna=true},
 * or if Unsafe is not available) JNA.
 * Either way an invalid address is as fatal as in C: callers pass addresses NSS
 * gave them.
 */
public final class Mem {
    private Mem() {}

    public static final int POINTER_SIZE = Native.POINTER_SIZE;

    /** Unsafe, or null to use JNA. */
    private static final sun.misc.Unsafe U = unsafe();
    private static final long BYTES = U == null ? 0 : sun.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET;

    private static sun.misc.Unsafe unsafe() {
        if (Runtime.version().feature() >= 24 || Boolean.getBoolean("jnss.mem.jna")) return null;  // 24+: warns on use
        try {
            java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);
            return u.addressSize() == POINTER_SIZE ? u : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    public static long malloc(long size) {
        long p = Native.malloc(Math.max(1, size));
        if (p == 0) throw new OutOfMemoryError("native malloc(" + size + ")");
        return p;
    }

    /** malloc + zero fill. */
    public static long calloc(long size) {
        long p = malloc(size);
        zero(p, Math.max(1, size));
        return p;
    }

    /**
     * Zero-fills native memory.
     *
     * @param p    the address
     * @param size the number of bytes
     */
    public static void zero(long p, long size) {
        if (U == null) {
            new Pointer(p).setMemory(0, size, (byte) 0);
        } else if (size <= SMALL_ZERO) {
            // a few words (a SECItem, a pointer, a digest) by plain stores: Unsafe.setMemory is a
            // native call into the JVM, whose transition costs more than the stores themselves
            long i = 0;
            for (; i + 8 <= size; i += 8) U.putLong(p + i, 0L);
            for (; i < size; i++) U.putByte(p + i, (byte) 0);
        } else {
            U.setMemory(p, size, (byte) 0);
        }
    }

    /** Up to this many bytes, {@link #zero} stores words itself. */
    private static final long SMALL_ZERO = 128;

    /** The native address of a direct ByteBuffer's storage. */
    public static long address(java.nio.ByteBuffer direct) {
        if (!direct.isDirect()) throw new IllegalArgumentException("not a direct buffer");
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    public static void free(long p) {
        if (p != 0) Native.free(p);
    }

    public static byte getByte(long addr, long off) {
        return U != null ? U.getByte(addr + off) : new Pointer(addr).getByte(off);
    }

    public static short getShort(long addr, long off) {
        return U != null ? U.getShort(addr + off) : new Pointer(addr).getShort(off);
    }

    public static int getInt(long addr, long off) {
        return U != null ? U.getInt(addr + off) : new Pointer(addr).getInt(off);
    }

    public static long getLong(long addr, long off) {
        return U != null ? U.getLong(addr + off) : new Pointer(addr).getLong(off);
    }

    public static long getPointer(long addr, long off) {
        return U != null ? U.getAddress(addr + off) : Pointer.nativeValue(new Pointer(addr).getPointer(off));
    }

    public static void setByte(long addr, long off, byte v) {
        if (U != null) U.putByte(addr + off, v);
        else new Pointer(addr).setByte(off, v);
    }

    public static void setShort(long addr, long off, short v) {
        if (U != null) U.putShort(addr + off, v);
        else new Pointer(addr).setShort(off, v);
    }

    public static void setInt(long addr, long off, int v) {
        if (U != null) U.putInt(addr + off, v);
        else new Pointer(addr).setInt(off, v);
    }

    public static void setLong(long addr, long off, long v) {
        if (U != null) U.putLong(addr + off, v);
        else new Pointer(addr).setLong(off, v);
    }

    public static void setPointer(long addr, long off, long v) {
        if (U != null) U.putAddress(addr + off, v);
        else new Pointer(addr).setPointer(off, v == 0 ? null : new Pointer(v));
    }

    public static byte[] read(long addr, long off, int len) {
        if (len <= 0) return new byte[0];
        if (U == null) return new Pointer(addr).getByteArray(off, len);
        byte[] b = new byte[len];
        U.copyMemory(null, addr + off, b, BYTES, len);
        return b;
    }

    public static void write(long addr, long off, byte[] src, int srcOff, int len) {
        if (U == null) {
            new Pointer(addr).write(off, src, srcOff, len);
            return;
        }
        java.util.Objects.checkFromIndexSize(srcOff, len, src.length);
        U.copyMemory(src, BYTES + srcOff, null, addr + off, len);
    }

    /**
     * s as a C string for a native {@code const char *} parameter: its UTF-8
     * encoding followed by a NUL; null stays null (NULL). The bindings take
     * C strings as byte arrays: JNA would encode a {@code String} parameter with
     * the platform's charset (US-ASCII under {@code LANG=C}, so a non-ASCII path
     * or host name reached NSS as question marks), through a call back into the
     * JVM at every call.
     */
    public static byte[] utf8z(String s) {
        if (s == null) return null;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    /** A NUL-terminated C string, decoded as UTF-8; null for a null pointer. */
    public static String cString(long addr) {
        if (addr == 0) return null;
        return new String(cStringBytes(addr), StandardCharsets.UTF_8);
    }

    /** The bytes of a NUL-terminated C string, without the NUL; null for a null pointer. */
    public static byte[] cStringBytes(long addr) {
        if (addr == 0) return null;
        if (U == null) {
            Pointer p = new Pointer(addr);
            return p.getByteArray(0, (int) p.indexOf(0, (byte) 0));
        }
        int n = 0;
        while (U.getByte(addr + n) != 0) n++;
        return read(addr, 0, n);
    }

    /** A NUL-terminated UTF-8 copy of s in malloc'ed memory (free with {@link #free}). */
    public static long newCString(String s) {
        if (s == null) return 0;
        byte[] b = utf8z(s);
        long p = malloc(b.length);
        write(p, 0, b, 0, b.length);
        return p;
    }
}
