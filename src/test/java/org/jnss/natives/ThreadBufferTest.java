package org.jnss.natives;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-thread native buffer: reuse, nested takes (a callback inside a call, a short use inside a scratch scope) and sizes beyond what is kept. */
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
    void shortNestedTakesReuseASecondKeptBufferAndDeeperOnesGetTheirOwn() {
        long nested;
        try (ThreadBuffer outer = ThreadBuffer.take(100)) {
            outer.buffer().put(0, (byte) 1);
            try (ThreadBuffer inner = ThreadBuffer.take(64)) {
                nested = inner.address();
                inner.buffer().put(0, (byte) 2);
                try (ThreadBuffer deeper = ThreadBuffer.take(64)) {
                    assertNotEquals(nested, deeper.address(), "the nested buffer is taken: a block of its own");
                    assertNotEquals(outer.address(), deeper.address());
                    deeper.buffer().put(0, (byte) 3);
                }
                assertEquals(2, inner.buffer().get(0));
            }
            try (ThreadBuffer again = ThreadBuffer.take(200)) {
                assertEquals(nested, again.address(), "the next short nested take reuses the nested buffer");
            }
            try (ThreadBuffer large = ThreadBuffer.take(1 << 16)) {
                assertNotEquals(nested, large.address(), "a nested take beyond 16 KiB: a block of its own");
                large.buffer().put((1 << 16) - 1, (byte) 4);
            }
            assertEquals(1, outer.buffer().get(0), "nested takes leave the outer buffer alone");
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

    @Test
    void aKeptBufferCanBeHandedBackToAThreadWithoutOne() throws Exception {
        // what a pool of threads does between two tasks (org.jnss.python.PooledThread): the thread's
        // thread-locals are dropped, then its buffer is handed back; a fresh thread stands for the
        // dropped thread-locals here (surefire's JVM does not open java.lang to reach them)
        ThreadBuffer[] kept = new ThreadBuffer[1];
        long[] address = new long[1];
        Throwable[] failure = new Throwable[1];
        Thread first = new Thread(() -> {
            try {
                kept[0] = ThreadBuffer.kept();
                try (ThreadBuffer b = ThreadBuffer.take(100)) {
                    assertSame(kept[0], b, "take() hands out the kept buffer");
                    address[0] = b.address();
                    assertThrows(IllegalArgumentException.class, () -> ThreadBuffer.keep(b), "a taken buffer");
                }
                try (ThreadBuffer own = ThreadBuffer.take(ThreadBuffer.KEEP_MAX + 1)) {
                    assertThrows(IllegalArgumentException.class, () -> ThreadBuffer.keep(own), "a block of its own");
                }
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        first.start();
        first.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
        Thread next = new Thread(() -> {
            try {
                assertNotSame(kept[0], ThreadBuffer.kept(), "a fresh thread has a buffer of its own");
                ThreadBuffer.keep(kept[0]);
                try (ThreadBuffer b = ThreadBuffer.take(100)) {
                    assertSame(kept[0], b);
                    assertEquals(address[0], b.address(), "the same memory, not a new allocation");
                }
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        next.start();
        next.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
    }
}
