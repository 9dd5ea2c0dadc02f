package org.jnss.core;

import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nspr4;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Registry and close semantics of NativeResource, with a fake handle whose destroy is counted. */
class NativeResourceTest {
    static final class Fake extends NativeResource {
        Fake(long address, AtomicInteger destroyed, boolean blocksShutdown) {
            super(address, a -> destroyed.incrementAndGet(), blocksShutdown);
        }

        Fake() {
            super();
        }

        Fake(long address, java.util.function.IntSupplier destroy) {
            super(address, a -> destroy.getAsInt(), true);
        }

        long use() {
            try (Lease l = lease()) {
                return l.handle();
            }
        }
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
        NativeResource.Lease first = f.lease();
        NativeResource.Lease second = f.lease();
        f.close();
        assertEquals(0, destroyed.get(), "freed while in use");
        assertThrows(NSPRError.class, f::use);
        assertEquals(7, second.handle(), "a lease keeps its address after close");
        first.close();
        assertEquals(0, destroyed.get());
        second.close();
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

    /** A release action holding a lease on another handle, as a cipher context holds its key's. */
    static final class Holder implements java.util.function.LongConsumer, NativeResource.HoldsLeases {
        final NativeResource.Lease held;
        final AtomicInteger destroyed, released;

        Holder(NativeResource.Lease held, AtomicInteger destroyed, AtomicInteger released) {
            this.held = held;
            this.destroyed = destroyed;
            this.released = released;
        }

        @Override
        public void accept(long address) {
            destroyed.incrementAndGet();
            held.close();
        }

        @Override
        public void releaseLeases() {
            released.incrementAndGet();
            held.close();
        }
    }

    static final class Dependent extends NativeResource {
        Dependent(Holder h) {
            super(3, h, true);
        }
    }

    @Test
    void aRetainedLeaseKeepsTheHandleUntilItsHolderIsReleased() {
        AtomicInteger keyDestroyed = new AtomicInteger(), destroyed = new AtomicInteger(), released = new AtomicInteger();
        Fake key = new Fake(21, keyDestroyed, true);
        Dependent d;
        try (NativeResource.Lease l = key.lease()) {
            d = new Dependent(new Holder(l.retain(), destroyed, released));
        }
        key.close();
        assertEquals(0, keyDestroyed.get(), "destroyed while a holder still leases it");
        d.close();
        assertEquals(1, destroyed.get());
        assertEquals(1, keyDestroyed.get());
        assertEquals(0, released.get());
    }

    @Test
    void invalidationReleasesHeldLeasesWithoutDestroyingAnything() {
        for (boolean keyClosedFirst : new boolean[]{false, true}) {
            AtomicInteger keyDestroyed = new AtomicInteger(), destroyed = new AtomicInteger(), released = new AtomicInteger();
            Fake key = new Fake(22, keyDestroyed, true);
            Dependent d;
            try (NativeResource.Lease l = key.lease()) {
                d = new Dependent(new Holder(l.retain(), destroyed, released));
            }
            if (keyClosedFirst) key.close();
            NativeResource.invalidateBlocking();
            assertEquals(1, released.get(), "the holder's leases were not released");
            assertEquals(0, destroyed.get());
            assertEquals(0, keyDestroyed.get(), "a handle of a shut-down NSS was destroyed");
            assertTrue(d.isClosed() && key.isClosed());
        }
    }

    @Test
    void invalidationDuringACallNeitherFreesNorDestroys() {
        AtomicInteger destroyed = new AtomicInteger();
        Fake f = new Fake(8, destroyed, true);
        try (NativeResource.Lease l = f.lease()) {
            NativeResource.invalidateBlocking();
        }
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

    // ---- the calling thread's NSPR error --------------------------------------

    /** Counts the destroys run on one thread; each destroy changes the NSPR error of its thread. */
    static final class ErrorChangingDestroys {
        final Thread caller = Thread.currentThread();
        final AtomicInteger onCaller = new AtomicInteger();
        final AtomicInteger all = new AtomicInteger();

        Fake make(long address) {
            return new Fake(address, this::destroy);
        }

        private int destroy() {
            Nspr4.PR_SetError(ErrorConstants.SEC_ERROR_LIBRARY_FAILURE, 0);
            if (Thread.currentThread() == caller) onCaller.incrementAndGet();
            return all.incrementAndGet();
        }
    }

    private static final byte[] TEXT = "the caller's text\0".getBytes(StandardCharsets.US_ASCII);

    private static void setCallerError() {
        Nspr4.PR_SetError(ErrorConstants.SEC_ERROR_INVALID_ARGS, 17);
        Nspr4.PR_SetErrorText(TEXT.length - 1, TEXT);
    }

    private static void assertCallerErrorKept() {
        assertEquals(ErrorConstants.SEC_ERROR_INVALID_ARGS, Nspr4.PR_GetError());
        assertEquals(17, Nspr4.PR_GetOSError());
        assertEquals("the caller's text", NSPRError.currentErrorText());
    }

    @Test
    void releaseAtTheEndOfACallKeepsTheThreadsError() {
        ErrorChangingDestroys d = new ErrorChangingDestroys();
        Fake f = d.make(11);
        NativeResource.Lease l = f.lease();
        f.close();
        setCallerError();
        l.close();   // closed while in use: destroyed now, on this thread
        assertEquals(1, d.onCaller.get());
        assertCallerErrorKept();
    }

    @Test
    void releaseOfDroppedObjectsKeepsTheThreadsError() {
        ErrorChangingDestroys d = new ErrorChangingDestroys();
        for (int i = 0; i < 2000; i++) d.make(1000 + i);
        setCallerError();
        NativeResource.releaseUnreferenced();
        assertEquals(2000, d.all.get());
        assertCallerErrorKept();
        // the release thread competes for the same handles: only a run where this thread
        // released some of them tests anything
        assumeTrue(d.onCaller.get() > 0, "every dropped handle was released by the release thread");
    }

    @Test
    void newObjectsReleaseDroppedOnesKeepingTheThreadsError() {
        ErrorChangingDestroys d = new ErrorChangingDestroys();
        int releasedByNewObjects = 0;
        for (int round = 0; round < 20 && releasedByNewObjects == 0; round++) {
            for (int i = 0; i < 2000; i++) d.make(5000 + i);
            System.gc();
            setCallerError();
            int before = d.onCaller.get();
            for (int i = 0; i < 200; i++) new Fake(9000 + i, new AtomicInteger(), false).close();
            releasedByNewObjects = d.onCaller.get() - before;
            assertCallerErrorKept();
        }
        assumeTrue(releasedByNewObjects > 0, "every dropped handle was released by the release thread");
    }


    // ---- releasing dropped objects ---------------------------------------------

    @Test
    void droppedObjectsAreReleasedInStepWithNewOnes() {
        // the python-nss idiom: make, use, drop, 300,000 times; what the program dropped is
        // released as it goes (by sweeps after collections), so the registry stays bounded
        // (from the pressure check's first state: tests run before this one in the same JVM may
        // have held many objects, which lengthens its step)
        NativeResource.resetPressure();
        AtomicInteger destroyed = new AtomicInteger();
        int most = 0;
        for (int i = 0; i < 300_000; i++) {
            new Fake(1 + i, destroyed, false).use();
            if (i % 1000 == 0) most = Math.max(most, NativeResource.liveSize());
        }
        assertTrue(most < 60_000, "registered handles reached " + most);
        assertTrue(destroyed.get() > 240_000, "only " + destroyed.get() + " of 300,000 released");
    }

    @Test
    void thePressureCheckSweepsTheWholeRegistryOnlyWhenACollectionMayBeDue() {
        // a whole sweep visits every registered handle, the ones the program holds too: a program
        // that holds a few thousand objects and makes and closes many more pays none (the sweeps
        // after collections find what it drops); one holding more than two steps' worth does
        NativeResource.resetPressure();
        java.util.List<Fake> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4_000; i++) held.add(new Fake(1 + i, new AtomicInteger(), false));
            int before = NativeResource.wholeSweeps;
            for (int i = 0; i < 3 * 8192; i++) new Fake(1 + i, new AtomicInteger(), false).close();
            assertEquals(before, NativeResource.wholeSweeps, "whole sweeps with 4,000 objects held");
            for (int i = 0; i < 3 * 8192; i++) held.add(new Fake(1 + i, new AtomicInteger(), false));
            assertTrue(NativeResource.wholeSweeps > before, "no whole sweep with " + held.size() + " objects held");
        } finally {
            for (Fake f : held) f.close();
            NativeResource.resetPressure();
        }
    }

    @Test
    void aWholeSweepBetweenCollectionsLeavesTheNewHandlesToTheNextSweep() {
        // the pressure check sweeps the whole registry without a collection first: it finds the
        // handles made since the last collection still reachable, and the sweep after the next
        // collection must still visit them all (not only the few it visits beyond its new ones)
        AtomicInteger destroyed = new AtomicInteger();
        for (int i = 0; i < 500; i++) new Fake(1 + i, destroyed, false);
        NativeResource.sweep(true);
        System.gc();
        new Fake(600, new AtomicInteger(), false).close();   // a new object sweeps after a collection
        assertEquals(500, destroyed.get());
    }

    @Test
    void aHandleDroppedAfterSurvivingSweepsIsStillFound() {
        // a sweep looks at the new handles and, from where the last one stopped, at as many
        // older ones: a handle that was alive at several sweeps is found once dropped,
        // without a sweep of the whole registry (which only the pressure check does)
        AtomicInteger keptDestroyed = new AtomicInteger();
        Fake kept = new Fake(7, keptDestroyed, false);
        for (int round = 0; round < 3; round++) {
            System.gc();
            new Fake(8, new AtomicInteger(), false).close();
        }
        assertEquals(7, kept.use());
        assertEquals(0, keptDestroyed.get());
        kept = null;
        for (int round = 0; round < 200 && keptDestroyed.get() == 0; round++) {
            System.gc();
            new Fake(9, new AtomicInteger(), false).close();
        }
        assertEquals(1, keptDestroyed.get());
        assertEquals(null, kept);
    }

    @Test
    void concurrentMakersDroppersAndClosersDestroyEachHandleOnce() throws Exception {
        // four threads make objects, drop most, close some (sometimes twice, sometimes while
        // another thread holds a lease on it), while sweeps run on whichever thread sees a
        // collection: in the end every handle was destroyed exactly once
        final int perThread = 40_000, threads = 4;
        java.util.concurrent.atomic.AtomicIntegerArray destroys =
                new java.util.concurrent.atomic.AtomicIntegerArray(perThread * threads + 1);
        java.util.concurrent.ConcurrentLinkedQueue<Fake> shared = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int base = t * perThread;
            ts[t] = new Thread(() -> {
                try {
                    for (int i = 1; i <= perThread; i++) {
                        int id = base + i;
                        Fake f = new Fake(id, () -> destroys.incrementAndGet(id) == 1 ? 0 : -1);
                        switch (i % 10) {
                            case 0 -> { f.close(); f.close(); }
                            case 1 -> shared.add(f);          // another thread closes it, maybe while leased
                            case 2 -> {
                                Fake g = shared.poll();
                                if (g != null) {
                                    try (NativeResource.Lease l = g.lease()) {
                                        g.close();            // released when the lease ends
                                        assertEquals(g.peekAddress(), l.handle());
                                    } catch (NSPRError closedAlready) {
                                        // the other thread's close came first
                                    }
                                }
                            }
                            default -> f.use();              // then dropped
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
        shared.clear();
        NativeResource.releaseUnreferenced();
        for (int id = 1; id <= perThread * threads; id++) {
            assertEquals(1, destroys.get(id), "handle " + id + " destroyed " + destroys.get(id) + " times");
        }
    }
}
