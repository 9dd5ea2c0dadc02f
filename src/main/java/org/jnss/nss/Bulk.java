package org.jnss.nss;

import org.jnss.natives.Mem;

import java.nio.ByteBuffer;

/**
 * Feeds binary input to NSS in cache-sized chunks through a per-thread native
 * scratch buffer: one copy per chunk (Java heap to native, an intrinsic bulk
 * copy) and NSS reads native memory directly, so a large read-only input (a
 * view of a Python str) is never copied whole.
 */
final class Bulk {
    private Bulk() {}

    static final int CHUNK = 1 << 15;

    /** A direct buffer and its native address, one per thread. */
    private static final class Scratch {
        final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        final long address = Mem.address(buf);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Receives one chunk as a native pointer and length. Returns SECStatus (0 = success). */
    interface Sink {
        int accept(long ptr, int len);
    }

    /** Passes data (without consuming the caller's buffer) to sink chunk by chunk; false at the first failure. */
    static boolean feed(ByteBuffer data, Sink sink) {
        ByteBuffer d = data.duplicate();
        Scratch s = SCRATCH.get();
        if (!d.hasRemaining()) return sink.accept(s.address, 0) == 0;
        while (d.hasRemaining()) {
            int n = Math.min(CHUNK, d.remaining());
            ByteBuffer chunk = d.slice().limit(n);
            s.buf.clear();
            s.buf.put(chunk);
            d.position(d.position() + n);
            if (sink.accept(s.address, n) != 0) return false;
        }
        return true;
    }
}
