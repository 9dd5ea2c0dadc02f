package org.jnss.pk11;

import org.jnss.asn1.Scratch;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;

import java.nio.ByteBuffer;

/**
 * Feeds binary input to NSS in cache-sized chunks through a per-thread native
 * scratch buffer: one copy per chunk (Java heap to native, an intrinsic bulk
 * copy) and NSS reads native memory directly, so a large read-only input (a
 * view of a Python str) is never copied whole.
 */
public final class Bulk {
    private Bulk() {}

    /** The chunk size in octets (32 KiB): inputs up to this size are handed to NSS in one call. */
    public static final int CHUNK = 1 << 15;

    /** Room after a chunk for what a transformation may add to it (a held-back block, padding). */
    static final int SLACK = 128;

    /** Direct input and output buffers and their native addresses, one pair per thread. */
    private static final class Scratch {
        final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        final long address = Mem.address(buf);
        ByteBuffer out;
        long outAddress;

        ByteBuffer out() {
            if (out == null) {
                out = ByteBuffer.allocateDirect(CHUNK + SLACK);
                outAddress = Mem.address(out);
            }
            return out;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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
        Scratch s = SCRATCH.get();
        int size = data.remaining();
        if (size <= CHUNK) {
            // one chunk (the per-call case): an absolute copy, no buffer views made
            if (size > 0) s.buf.put(0, data, data.position(), size);
            return sink.accept(s.address, size) == 0;
        }
        ByteBuffer d = data.duplicate();
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

    /**
     * Digests data of at most {@link #CHUNK} octets on a digest context
     * (PK11_DigestBegin, PK11_DigestOp, PK11_DigestFinal) into out, as long as
     * the algorithm's digest; input and output go through the native scratch
     * buffers, so each call takes primitive arguments only.
     *
     * @return false when NSS fails (the thread's NSS error tells why)
     */
    static boolean digestOnce(long cx, ByteBuffer data, byte[] out) {
        Scratch s = SCRATCH.get();
        int size = data.remaining();
        if (size > CHUNK || out.length > SLACK / 2) throw new IllegalArgumentException("more than one chunk");
        if (size > 0) s.buf.put(0, data, data.position(), size);
        ByteBuffer o = s.out();
        long outLen = s.outAddress + SLACK / 2;
        if (Nss3.PK11_DigestBegin(cx) != 0
                || (size > 0 && Nss3.PK11_DigestOp(cx, s.address, size) != 0)
                || Nss3.PK11_DigestFinal(cx, s.outAddress, outLen, out.length) != 0) return false;
        o.get(0, out);
        return true;
    }

    /** One step of a transformation: len octets at in to at most cap octets at out; SECStatus. */
    interface Step {
        int apply(long in, int len, long out, int cap, int[] outLen);
    }

    /**
     * Runs a streaming transformation (a cipher) over data chunk by chunk and
     * returns everything it produced; a failed step raises the thread's NSS error.
     * Empty data is one step of length 0, as a single call would be.
     */
    static byte[] transform(ByteBuffer data, Step step) {
        ByteBuffer d = data.duplicate();
        Scratch s = SCRATCH.get();
        ByteBuffer out = s.out();
        byte[] result = new byte[d.remaining() + SLACK];
        int pos = 0;
        int[] outLen = new int[1];
        do {
            int n = Math.min(CHUNK, d.remaining());
            s.buf.clear();
            if (n > 0) {
                s.buf.put(d.slice().limit(n));
                d.position(d.position() + n);
            }
            outLen[0] = 0;
            if (step.apply(s.address, n, s.outAddress, CHUNK + SLACK, outLen) != 0)
                throw org.jnss.error.NSPRError.last();
            int got = Math.max(0, Math.min(CHUNK + SLACK, outLen[0]));
            if (pos + got > result.length) result = java.util.Arrays.copyOf(result, Math.max(2 * result.length, pos + got));
            out.clear();
            out.get(result, pos, got);
            pos += got;
        } while (d.hasRemaining());
        return pos == result.length ? result : java.util.Arrays.copyOf(result, pos);
    }
}
