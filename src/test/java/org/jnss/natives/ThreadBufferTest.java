package org.jnss.natives;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-thread native buffer: reuse, a nested take (a callback inside a call) and sizes beyond what is kept. */
class ThreadBufferTest {
    @Test
    void theThreadsBufferIsReusedAndANestedTakeGetsItsOwn() {
        long first;
        try (ThreadBuffer outer = ThreadBuffer.take(100)) {
            first = outer.address();
            outer.buffer().put(0, (byte) 7);
            try (ThreadBuffer inner = ThreadBuffer.take(100)) {
                assertNotEquals(first, inner.address());
                inner.buffer().put(0, (byte) 9);
            }
            assertEquals(7, outer.buffer().get(0), "the nested take left the outer buffer alone");
        }
        try (ThreadBuffer again = ThreadBuffer.take(50)) {
            assertEquals(first, again.address(), "a smaller take reuses the thread's buffer");
        }
    }

    @Test
    void largeTakesAreUsableAndNotKept() {
        int big = ThreadBuffer.KEEP_MAX + 1;
        try (ThreadBuffer b = ThreadBuffer.take(big)) {
            assertTrue(b.buffer().capacity() >= big);
            b.buffer().put(big - 1, (byte) 5);
            assertEquals(5, Mem.getByte(b.address(), big - 1));
        }
        try (ThreadBuffer kept = ThreadBuffer.take(16)) {
            assertTrue(kept.buffer().capacity() < big, "the thread keeps no buffer beyond KEEP_MAX");
        }
    }
}
