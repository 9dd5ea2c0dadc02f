package org.jnss.natives;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Raw native memory: zero-filling clears exactly the range asked for, at any alignment and size. */
class MemTest {
    @Test
    void zeroClearsExactlyItsRangeAtEveryOffsetAndSize() {
        int room = 512;
        long p = Mem.malloc(room);
        try {
            // sizes on both sides of the word-store limit, at aligned and unaligned starts
            for (int off = 0; off < 9; off++) {
                for (int size = 0; size <= 300; size += (size < 140 ? 1 : 37)) {
                    for (int i = 0; i < room; i++) Mem.setByte(p, i, (byte) 0x5a);
                    Mem.zero(p + off, size);
                    for (int i = 0; i < room; i++) {
                        byte expected = i >= off && i < off + size ? 0 : (byte) 0x5a;
                        assertEquals(expected, Mem.getByte(p, i), "offset " + off + ", size " + size + ", byte " + i);
                    }
                }
            }
        } finally {
            Mem.free(p);
        }
    }
}
