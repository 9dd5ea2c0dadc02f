package org.jnss.nss;

import java.nio.ByteBuffer;

/**
 * Feeds binary input to NSS in cache-sized chunks through a per-thread
 * scratch array, so a large read-only input (a view of a Python str) costs one
 * cache-resident copy per chunk instead of whole-buffer copies.
 */
final class Bulk {
    private Bulk() {}

    static final int CHUNK = 1 << 15;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[CHUNK]);

    /** Receives one chunk: buf[0..len). Returns SECStatus (0 = success). */
    interface Sink {
        int accept(byte[] buf, int len);
    }

    /** Passes data to sink chunk by chunk; returns false at the first failing chunk. */
    static boolean feed(ByteBuffer data, Sink sink) {
        ByteBuffer d = data.duplicate();
        if (d.hasArray() && d.arrayOffset() == 0 && d.position() == 0 && d.remaining() == d.array().length) {
            byte[] a = d.array();
            return sink.accept(a, a.length) == 0;
        }
        byte[] buf = SCRATCH.get();
        if (!d.hasRemaining()) return sink.accept(buf, 0) == 0;
        while (d.hasRemaining()) {
            int n = Math.min(CHUNK, d.remaining());
            d.get(buf, 0, n);
            if (sink.accept(buf, n) != 0) return false;
        }
        return true;
    }

    /** The whole input in one array: the caller's own array when possible, else a copy. */
    static byte[] array(ByteBuffer data) {
        ByteBuffer d = data.duplicate();
        if (d.hasArray() && d.arrayOffset() == 0 && d.position() == 0 && d.remaining() == d.array().length) return d.array();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
