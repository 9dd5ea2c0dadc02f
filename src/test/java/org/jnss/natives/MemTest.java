package org.jnss.natives;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Raw native memory: zero-filling clears exactly the range asked for, at any alignment and size;
 * C strings read back as written.
 */
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

    @Test
    void cStringsReadBackAsWrittenUpToTheirNul() {
        for (String s : new String[]{"", "x", "NSS Certificate DB", "caf\u00e9 \u20ac", "a".repeat(1000)}) {
            long p = Mem.newCString(s);
            try {
                assertEquals(s, Mem.cString(p));
                assertArrayEquals(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), Mem.cStringBytes(p));
            } finally {
                Mem.free(p);
            }
        }
        long p = Mem.malloc(8);
        try {
            for (int i = 0; i < 8; i++) Mem.setByte(p, i, (byte) (i == 3 ? 0 : 'a' + i));
            assertEquals("abc", Mem.cString(p));      // the bytes after the NUL are not read
        } finally {
            Mem.free(p);
        }
        assertNull(Mem.cString(0));
        assertNull(Mem.cStringBytes(0));
    }
}
