package org.jnss.core;

/**
 * A Python slice ({@code seq[start:stop:step]}) handed to a core {@code __getitem__}.
 *
 * @param start the first index, or null when omitted
 * @param stop  the index to stop before, or null when omitted
 * @param step  the step, or null when omitted (1)
 */
public record Slice(Long start, Long stop, Long step) {
    /**
     * Resolves the slice against a sequence length, as Python's {@code slice.indices()}
     * does, negative and out-of-range bounds included.
     *
     * @param len the length of the sliced sequence
     * @return {@code {start, stop, step, count}}, count being the number of items selected
     * @throws IllegalArgumentException when the step is 0 (Python's ValueError)
     */
    public int[] indices(int len) {
        long st = step == null ? 1 : step;
        if (st == 0) throw new IllegalArgumentException("slice step cannot be zero");
        long lower = st > 0 ? 0 : -1, upper = st > 0 ? len : len - 1;
        long lo = bound(start, st < 0 ? upper : lower, len, lower, upper);
        long hi = bound(stop, st < 0 ? lower : upper, len, lower, upper);
        long n = st > 0 ? (hi > lo ? (hi - lo - 1) / st + 1 : 0) : (lo > hi ? (lo - hi - 1) / -st + 1 : 0);
        return new int[]{(int) lo, (int) hi, (int) st, (int) n};
    }

    private static long bound(Long v, long dflt, long len, long lower, long upper) {
        if (v == null) return dflt;
        long x = v;
        if (x < 0) {
            x += len;
            if (x < lower) x = lower;
        } else if (x > upper) {
            x = upper;
        }
        return x;
    }

    /**
     * Applies the slice to a byte array.
     *
     * @param data the sliced octets (not changed)
     * @return the selected octets, in slice order
     * @throws IllegalArgumentException when the step is 0 (Python's ValueError)
     */
    public byte[] apply(byte[] data) {
        int[] ix = indices(data.length);
        byte[] out = new byte[ix[3]];
        for (int i = 0, j = ix[0]; i < ix[3]; i++, j += ix[2]) out[i] = data[j];
        return out;
    }
}
