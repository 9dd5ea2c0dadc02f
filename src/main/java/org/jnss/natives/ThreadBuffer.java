package org.jnss.natives;

import com.sun.jna.Pointer;

import java.nio.ByteBuffer;

/**
 * Native memory for bulk data on its way to or from NSS (digest and cipher
 * input and output, socket sends and receives): JNA copies a Java array
 * argument whole in both directions, so bulk paths copy the bytes they use
 * into (or out of) native memory once, themselves, and pass its address.
 *
 * <p>Each thread keeps one direct buffer, grown to the largest size it was
 * taken for up to {@link #KEEP_MAX}. A larger request, or one made while the
 * thread's buffer is taken (an NSS callback running inside a call that uses
 * it), gets a block of its own, freed by {@link #close()}; except that a
 * request of up to 16 KiB made while the buffer is taken is served by a
 * second buffer the thread keeps for such nested uses (while that one is free). Use:
 * {@code try (ThreadBuffer b = ThreadBuffer.take(n)) { ... b.address() ... }};
 * neither the address nor the buffer may be used after close.
 */
public final class ThreadBuffer implements AutoCloseable {
    /**
     * The largest size a thread keeps for reuse: 1 MiB of data and room beside
     * it (a cipher's 1 MiB input chunk by chunk and its output).
     */
    public static final int KEEP_MAX = (1 << 20) + (1 << 17);

    private static final int MIN = 1 << 14;

    private static final ThreadLocal<ThreadBuffer> OWN = ThreadLocal.withInitial(() -> new ThreadBuffer(true));

    private final boolean kept;
    private ByteBuffer buf;
    private long address;
    private boolean busy;
    /** the kept buffer for short uses while this one is taken (made on first need) */
    private ThreadBuffer nested;

    /** The largest use the nested buffer serves; larger nested uses get a block of their own. */
    private static final int NESTED_MAX = 1 << 14;

    private ThreadBuffer(boolean kept) {
        this.kept = kept;
    }

    /**
     * Native memory of at least size bytes, for this thread until {@link #close()}.
     *
     * @param size the bytes needed (0 or more)
     * @return the buffer; its contents are undefined
     * @throws OutOfMemoryError if a block of that size cannot be had
     */
    public static ThreadBuffer take(int size) {
        ThreadBuffer b = OWN.get();
        if (b.busy && size <= NESTED_MAX) {
            // a short use inside one that holds the buffer (formatting an address while a
            // scratch scope decodes a name): the thread's second kept buffer
            ThreadBuffer n = b.nested;
            if (n == null) b.nested = n = new ThreadBuffer(true);
            b = n;
        }
        if (size > KEEP_MAX || b.busy) {
            b = new ThreadBuffer(false);
            b.address = Mem.malloc(size);
            b.buf = new Pointer(b.address).getByteBuffer(0, Math.max(1, size));
        } else if (b.buf == null || b.buf.capacity() < size) {
            b.buf = ByteBuffer.allocateDirect(Math.max(size, MIN));
            b.address = Mem.address(b.buf);
        }
        b.busy = true;
        return b;
    }

    /**
     * The calling thread's kept buffer (made, without memory yet, if it had
     * none). A pool of threads that drops a thread's thread-locals between two
     * tasks hands it back with {@link #keep} afterwards: the memory belongs to
     * the pool's thread, and making it again for every task costs an
     * allocation the collector frees only later.
     *
     * @return the buffer
     */
    public static ThreadBuffer kept() {
        return OWN.get();
    }

    /**
     * Makes {@code b}, a buffer {@link #kept()} returned earlier (on this
     * thread, before its thread-locals were dropped), the calling thread's
     * kept buffer again.
     *
     * @param b the buffer
     * @throws IllegalArgumentException when b is not a thread's kept buffer, or is taken
     */
    public static void keep(ThreadBuffer b) {
        if (!b.kept || b.busy) throw new IllegalArgumentException("not an idle kept buffer");
        OWN.set(b);
    }

    /** The native address of the memory. */
    public long address() {
        return address;
    }

    /**
     * The memory as a direct buffer, for absolute {@code get}/{@code put}
     * (its position and limit are the caller's to set).
     */
    public ByteBuffer buffer() {
        return buf;
    }

    /** Gives the memory back: the thread's buffer for the next take, a block of its own freed. */
    @Override
    public void close() {
        busy = false;
        if (!kept && address != 0) {
            buf = null;
            Mem.free(address);
            address = 0;
        }
    }
}
