package org.jnss.core;

import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registry and close semantics of NativeResource, with a fake handle whose destroy is counted. */
class NativeResourceTest {
    static final class Fake extends NativeResource {
        Fake(long address, AtomicInteger destroyed, boolean blocksShutdown) {
            super(address, a -> destroyed.incrementAndGet(), blocksShutdown);
        }

        Fake() {
            super();
        }

        long use() {
            long a = acquire();
            release();
            return a;
        }

        long begin() { return acquire(); }

        void end() { release(); }
    }

    @Test
    void closeReleasesOnceAndUseAfterCloseIsAnError() {
        AtomicInteger destroyed = new AtomicInteger();
        Fake f = new Fake(42, destroyed, false);
        assertEquals(42, f.use());
        assertFalse(f.isClosed());
        f.close();
        f.close();
        assertTrue(f.isClosed());
        assertEquals(1, destroyed.get());
        NSPRError e = assertThrows(NSPRError.class, f::use);
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, e.getErrorCode());
    }

    @Test
    void closeDuringUseWaitsForTheCallToEnd() {
        AtomicInteger destroyed = new AtomicInteger();
        Fake f = new Fake(7, destroyed, false);
        f.begin();
        f.begin();
        f.close();
        assertEquals(0, destroyed.get(), "freed while in use");
        assertThrows(NSPRError.class, f::use);
        f.end();
        assertEquals(0, destroyed.get());
        f.end();
        assertEquals(1, destroyed.get());
    }

    @Test
    void blockingCountAndExplicitClose() {
        AtomicInteger destroyed = new AtomicInteger();
        int before = NativeResource.liveBlockingCount();
        Fake a = new Fake(1, destroyed, true);
        Fake b = new Fake(2, destroyed, false);
        assertEquals(before + 1, NativeResource.liveBlockingCount());
        a.close();
        b.close();
        assertEquals(before, NativeResource.liveBlockingCount());
    }

    private static void makeGarbage(AtomicInteger destroyed, int n) {
        for (int i = 0; i < n; i++) new Fake(100 + i, destroyed, true);
    }

    @Test
    void releaseUnreferencedFreesGarbageAndReportsWhatIsStillReferenced() {
        AtomicInteger destroyed = new AtomicInteger();
        AtomicInteger keptDestroyed = new AtomicInteger();
        Fake kept = new Fake(99, keptDestroyed, true);
        makeGarbage(destroyed, 20);
        int stillUsed = NativeResource.releaseUnreferenced();
        assertEquals(20, destroyed.get());
        assertTrue(stillUsed >= 1);
        assertEquals(0, keptDestroyed.get());
        assertEquals(99, kept.use());
        kept.close();
        assertEquals(1, keptDestroyed.get());
    }

    @Test
    void invalidatedHandlesAreNeverDestroyedAndReportStale() {
        AtomicInteger destroyed = new AtomicInteger();
        Fake blocking = new Fake(5, destroyed, true);
        Fake other = new Fake(6, destroyed, false);
        NativeResource.invalidateBlocking();
        assertTrue(blocking.isClosed());
        NSPRError e = assertThrows(NSPRError.class, blocking::use);
        assertEquals(ErrorConstants.SEC_ERROR_NOT_INITIALIZED, e.getErrorCode());
        blocking.close();
        assertEquals(0, destroyed.get(), "destroyed a handle of a shut-down NSS");
        assertEquals(6, other.use(), "non-NSS handles are not affected");
        other.close();
        assertEquals(1, destroyed.get());
    }

    @Test
    void invalidationDuringACallNeitherFreesNorDestroys() {
        AtomicInteger destroyed = new AtomicInteger();
        Fake f = new Fake(8, destroyed, true);
        f.begin();
        NativeResource.invalidateBlocking();
        f.end();
        assertEquals(0, destroyed.get());
        assertThrows(NSPRError.class, f::use);
    }

    @Test
    void emptyResourceIsClosedFromTheStart() {
        Fake empty = new Fake();
        assertTrue(empty.isClosed());
        NSPRError e = assertThrows(NSPRError.class, empty::use);
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, e.getErrorCode());
        empty.close();
    }

    @Test
    void nullHandleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Fake(0, new AtomicInteger(), true));
    }
}
