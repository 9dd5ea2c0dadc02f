package org.jnss.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Slice.indices against what CPython's slice(...).indices(5) returns, plus the length. */
class SliceTest {
    private static int[] ix(Long start, Long stop, Long step) {
        return new Slice(start, stop, step).indices(5);
    }

    @Test
    void pythonIndices() {
        assertArrayEquals(new int[]{0, 5, 1, 5}, ix(null, null, null));
        assertArrayEquals(new int[]{1, 5, 1, 4}, ix(1L, null, null));
        assertArrayEquals(new int[]{4, -1, -1, 5}, ix(null, null, -1L));
        assertArrayEquals(new int[]{0, 5, 2, 3}, ix(null, null, 2L));
        assertArrayEquals(new int[]{3, 5, 1, 2}, ix(-2L, null, null));
        assertArrayEquals(new int[]{3, 1, 1, 0}, ix(3L, 1L, null));
        assertArrayEquals(new int[]{3, 1, -1, 2}, ix(3L, 1L, -1L));
        assertArrayEquals(new int[]{0, 5, 1, 5}, ix(-100L, 100L, null));
        assertArrayEquals(new int[]{4, -1, -2, 3}, ix(null, null, -2L));
        assertArrayEquals(new int[]{4, 0, -3, 2}, ix(4L, 0L, -3L));
        assertArrayEquals(new int[]{4, -1, -1, 5}, ix(Long.MAX_VALUE, Long.MIN_VALUE, -1L));
    }

    @Test
    void apply() {
        byte[] d = {1, 2, 3, 4, 5};
        assertArrayEquals(new byte[]{5, 4, 3, 2, 1}, new Slice(null, null, -1L).apply(d));
        assertArrayEquals(new byte[]{2, 3}, new Slice(1L, 3L, null).apply(d));
        assertArrayEquals(new byte[]{5, 2}, new Slice(4L, 0L, -3L).apply(d));
        assertArrayEquals(new byte[0], new Slice(10L, null, null).apply(d));
        assertArrayEquals(new byte[0], new Slice(null, null, null).apply(new byte[0]));
    }

    @Test
    void zeroStep() {
        assertThrows(IllegalArgumentException.class, () -> ix(null, null, 0L));
    }
}
