package org.jnss.pk11;

import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.natives.ThreadBuffer;

import java.nio.ByteBuffer;

/**
 * Feeds binary input to NSS in cache-sized chunks through the thread's native
 * buffer ({@link ThreadBuffer}): one copy per chunk (Java heap to native, an
 * intrinsic bulk copy) and NSS reads native memory directly, so a large
 * read-only input (a view of a Python str) is never copied whole. A
 * transformation's output collects in the same native buffer and is copied
 * once, into an array of its exact length.
 */
public final class Bulk {
    private Bulk() {}

    /** The chunk size in octets (64 KiB): inputs up to this size are handed to NSS in one call. */
    public static final int CHUNK = 1 << 16;

    /** Room for what a transformation may add to its input (a held-back block, padding). */
    static final int SLACK = 128;

    /** Receives one chunk as a native pointer and length. Returns SECStatus (0 = success). */
    interface Sink {
        int accept(long ptr, int len);
    }

    /**
     * Passes data (without consuming the caller's buffer) to sink chunk by
     * chunk; empty data is one call of length 0.
     *
     * @return false at the first failure (the thread's NSS error tells why)
     */
    static boolean feed(ByteBuffer data, Sink sink) {
        int from = data.position(), left = data.remaining();
        try (ThreadBuffer b = ThreadBuffer.take(Math.min(CHUNK, left))) {
            if (left == 0) return sink.accept(b.address(), 0) == 0;
            ByteBuffer buf = b.buffer();
            while (left > 0) {
                int n = Math.min(CHUNK, left);
                buf.put(0, data, from, n);
                if (sink.accept(b.address(), n) != 0) return false;
                from += n;
                left -= n;
            }
            return true;
        }
    }

    /**
     * Digests data of at most {@link #CHUNK} octets on a digest context
     * (PK11_DigestBegin, PK11_DigestOp, PK11_DigestFinal) into out (as long as
     * the algorithm's digest, at most 64 octets); input and output go through
     * the thread's native buffer, so each call takes primitive arguments only.
     *
     * @return false when NSS fails (the thread's NSS error tells why)
     */
    static boolean digestOnce(long cx, ByteBuffer data, byte[] out) {
        int size = data.remaining();
        if (size > CHUNK || out.length > SLACK / 2) throw new IllegalArgumentException("more than one chunk");
        try (ThreadBuffer b = ThreadBuffer.take(size + SLACK)) {
            ByteBuffer buf = b.buffer();
            if (size > 0) buf.put(0, data, data.position(), size);
            long in = b.address(), digest = in + size;
            long outLen = (digest + SLACK / 2 + 7) & ~7L;     // an aligned unsigned int after the digest
            if (Nss3.PK11_DigestBegin(cx) != 0
                    || (size > 0 && Nss3.PK11_DigestOp(cx, in, size) != 0)
                    || Nss3.PK11_DigestFinal(cx, digest, outLen, out.length) != 0) return false;
            buf.get(size, out, 0, out.length);
            return true;
        }
    }

    /**
     * One step of a transformation: len octets at in to at most cap octets at out,
     * the count written as a C int at outLen; SECStatus.
     */
    interface Step {
        int apply(long in, int len, long out, int cap, long outLen);
    }

    /**
     * Runs a streaming transformation (a cipher) over data chunk by chunk and
     * returns everything it produced; a failed step raises the thread's NSS error.
     * Empty data is one step of length 0, as a single call would be. The output
     * may exceed the input by at most {@link #SLACK} octets (a block held back
     * from before, padding).
     */
    static byte[] transform(ByteBuffer data, Step step) {
        int from = data.position(), left = data.remaining();
        int in = Math.min(CHUNK, left);
        long room = (long) left + SLACK;
        if (in + room + 16 > Integer.MAX_VALUE) throw new OutOfMemoryError("input too large");
        try (ThreadBuffer b = ThreadBuffer.take((int) (in + room + 16))) {
            ByteBuffer buf = b.buffer();
            long inPtr = b.address(), outPtr = inPtr + in;
            long outLen = (outPtr + room + 7) & ~7L;      // an aligned C int after the output
            int pos = 0, cap = (int) room;
            do {
                int n = Math.min(CHUNK, left);
                if (n > 0) buf.put(0, data, from, n);
                Mem.setInt(outLen, 0, 0);
                if (step.apply(inPtr, n, outPtr + pos, cap - pos, outLen) != 0)
                    throw org.jnss.error.NSPRError.last();
                pos += Math.max(0, Math.min(cap - pos, Mem.getInt(outLen, 0)));
                from += n;
                left -= n;
            } while (left > 0);
            byte[] result = new byte[pos];
            buf.get(in, result, 0, pos);
            return result;
        }
    }
}
