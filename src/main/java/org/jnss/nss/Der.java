package org.jnss.nss;

/** Minimal DER header reading, bounds-checked (malformed input never reads past the buffer). */
final class Der {
    private Der() {}

    static boolean isTagged(byte[] d, int tag) {
        return d.length >= 2 && (d[0] & 0xff) == tag && headerLength(d) > 0;
    }

    /** Length of tag+length header if the buffer holds one well-formed TLV, else -1. */
    static int headerLength(byte[] d) {
        if (d.length < 2) return -1;
        int l0 = d[1] & 0xff;
        if (l0 < 0x80) return 2 + l0 <= d.length ? 2 : -1;
        int n = l0 & 0x7f;
        if (n == 0 || n > 4 || 2 + n > d.length) return -1;
        long len = 0;
        for (int i = 0; i < n; i++) len = (len << 8) | (d[2 + i] & 0xff);
        return 2 + n + len <= d.length ? 2 + n : -1;
    }

    /** The contents of a TLV, or the whole buffer when it is not one. */
    static byte[] contents(byte[] d) {
        int h = headerLength(d);
        if (h < 0) return d.clone();
        int l0 = d[1] & 0xff;
        long len;
        if (l0 < 0x80) len = l0;
        else {
            len = 0;
            for (int i = 0; i < (l0 & 0x7f); i++) len = (len << 8) | (d[2 + i] & 0xff);
        }
        return java.util.Arrays.copyOfRange(d, h, (int) (h + len));
    }
}
