package org.jnss.core;

import org.jnss.error.NSPRError;
import org.jnss.error.ThreadError;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.ref.PhantomReference;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Base of every core object that owns a native handle.
 *
 * <p>One owner per handle; {@link #close()} releases it at once, a phantom
 * reference releases it once the object became unreachable, and a registry
 * of live handles lets {@code nss_shutdown()} release every handle the program
 * no longer references before NSS is shut down (as CPython's reference counting
 * would have). A handle is released only when no call is using it: callers
 * hold a {@link Lease} for native use, so a close
 * from another thread never frees memory under a running call, and use after
 * close is an {@link NSPRError}, never a crash.
 *
 * <p>Handles that keep NSS busy belong to one NSS session: when NSS goes down
 * ({@link #invalidateBlocking()}) any such handle still alive is marked dead
 * without calling its destroy function (the native object went with NSS), and
 * using it raises {@link #staleError()}.
 */
public abstract class NativeResource extends Peered implements AutoCloseable {
    /**
     * The registry of live handles: a doubly linked list through the handles
     * themselves (no node or map entry per handle), guarded by its own lock.
     */
    private static final Object LIVE = new Object();
    /** first handle of the registry (guarded by LIVE) */
    private static Handle liveHead;
    /** number of handles in the registry (guarded by LIVE) */
    private static int liveCount;

    /** handles registered since the last sweep (guarded by LIVE) */
    private static int registeredSinceSweep;
    /** the older handle where the next sweep goes on (guarded by LIVE; null: after the new ones) */
    private static Handle sweepCursor;

    private static void register(Handle h) {
        synchronized (LIVE) {
            h.next = liveHead;
            if (liveHead != null) liveHead.prev = h;
            liveHead = h;
            liveCount++;
            registeredSinceSweep++;
        }
    }

    private static void unregister(Handle h) {
        synchronized (LIVE) {
            if (h.prev == null && liveHead != h) return;    // not registered (an empty object), or removed already
            if (sweepCursor == h) sweepCursor = h.next;
            if (h.prev != null) h.prev.next = h.next;
            else liveHead = h.next;
            if (h.next != null) h.next.prev = h.prev;
            h.prev = h.next = null;
            liveCount--;
        }
    }

    /** The registered handles now (a copy: releasing one changes the registry). */
    private static List<Handle> liveHandles() {
        synchronized (LIVE) {
            List<Handle> all = new ArrayList<>(liveCount);
            for (Handle h = liveHead; h != null; h = h.next) all.add(h);
            return all;
        }
    }

    /** Number of registered handles (for the pressure check and tests). */
    static int liveSize() {
        synchronized (LIVE) {
            return liveCount;
        }
    }

    /*
     * Releasing what the program dropped. A handle is a phantom reference with no queue:
     * the collector clears it when its owner becomes unreachable, and nothing else happens
     * then. (With a reference queue, the JVM's Reference Handler thread took the queue's
     * lock and notified it for every dropped object, and the program's thread, polling the
     * same queue at each new object, spun on that lock: ~10% of a churning program's CPU.)
     * Instead, a sweep looks for cleared handles in the registry after each collection:
     * collectionMark is a weak reference to an object nothing else refers to, so any
     * collection clears it, and the thread that makes the next native object sees that,
     * puts a new mark and sweeps. The program's own thread thus releases what it dropped,
     * in step with its allocations.
     *
     * A sweep visits the handles registered since the previous one (the newest, at the
     * head of the registry: in a program that drops what it makes, nearly all of the
     * dropped ones) and as many older ones again, going on where the previous sweep
     * stopped; so its cost is about two visits per handle made, whatever the program
     * holds, and every handle is looked at again within a bounded number of sweeps.
     * A daemon thread sweeps for programs that stopped making native objects.
     */

    /** Cleared by the next collection (see above); replaced by each sweep. */
    private static volatile WeakReference<Object> collectionMark = new WeakReference<>(new Object());
    /** one sweep at a time */
    private static final ReentrantLock SWEEPING = new ReentrantLock();
    /** sweeps of the whole registry so far (for tests; written under SWEEPING) */
    static volatile int wholeSweeps;
    /** older handles a sweep visits beyond as many as were registered since the last one */
    private static final int SWEEP_EXTRA = 64;

    /**
     * How often (ms) the daemon thread looks at the collection mark. It sweeps
     * only when the mark stayed cleared for a whole interval: a program making
     * objects sweeps on its own thread first, without competing with this one
     * for the registry and NSS's locks.
     */
    private static final long RELEASE_INTERVAL_MS = 20;

    static {
        Thread t = new Thread(() -> {
            WeakReference<Object> seenCleared = null;
            for (;;) {
                try {
                    Thread.sleep(RELEASE_INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                WeakReference<Object> mark = collectionMark;
                if (!mark.refersTo(null)) continue;
                if (mark == seenCleared) {
                    try {
                        sweep(false);
                    } catch (Throwable e) {
                        CallbackErrors.report("native resource release", e);
                    }
                } else {
                    seenCleared = mark;
                }
            }
        }, "jnss-release");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Releases the handles whose owners the collector found unreachable: those
     * registered since the last sweep and as many older ones (see above), or every
     * handle if {@code all}; returns how many. Does nothing while another sweep
     * runs (on this thread: a destroy function that makes an object; on another:
     * that one releases them, and waiting for it could deadlock, since its
     * destroy functions may take the pressure check's lock). The calling
     * thread's NSPR error is kept (see {@link ThreadError}).
     */
    static int sweep(boolean all) {
        if (SWEEPING.isHeldByCurrentThread() || !SWEEPING.tryLock()) return 0;
        try {
            if (all) wholeSweeps++;
            if (collectionMark.refersTo(null)) Weight.collected();
            collectionMark = new WeakReference<>(new Object());   // a collection during the sweep calls for another
            List<Handle> gone = unreachableHandles(all);
            if (gone.isEmpty()) return 0;
            ThreadError error = ThreadError.save();
            try {
                for (Handle h : gone) h.run();
            } finally {
                error.restore();
            }
            return gone.size();
        } finally {
            SWEEPING.unlock();
        }
    }

    private static List<Handle> unreachableHandles(boolean all) {
        List<Handle> gone = new ArrayList<>();
        synchronized (LIVE) {
            int budget = all ? liveCount : registeredSinceSweep;
            // (a whole sweep without a collection before it, the pressure check's, finds the handles
            // made since the last collection still reachable: the next sweep after one must visit them)
            if (!all) registeredSinceSweep = 0;
            Handle h = liveHead;
            int visited = 0;
            for (; h != null && visited < budget; h = h.next, visited++) {
                if (h.ownerGone() && !h.isClosed()) gone.add(h);
            }
            if (all) {
                sweepCursor = null;
                return gone;
            }
            Handle c = sweepCursor != null ? sweepCursor : h;
            for (int i = visited + SWEEP_EXTRA; c != null && i > 0; c = c.next, i--) {
                if (c.ownerGone() && !c.isClosed()) gone.add(c);
            }
            sweepCursor = c;     // null: the next sweep starts over after its new handles
        }
        return gone;
    }

    /**
     * Native pressure. CPython frees a dropped NSS object at once; here it waits
     * for a collection, and NSS slows down with every object it still holds (a
     * PK11 context keeps a PKCS #11 session: with 50,000 dropped contexts each new
     * one costs 5x more). The heap does not see that pressure, so after every
     * step of new handles (at first {@value #PRESSURE_STEP}), what young
     * collections found dropped is released, and if more than two steps' worth
     * are still registered, a young collection is brought about (see
     * {@link Weight}), and a full one requested only if that left more than two
     * steps' worth registered (objects dropped after they were promoted). A
     * program that allocates as it goes (every Python call does) runs young
     * collections often enough that neither is needed. When less than half of them were freed
     * since the previous collection (the program really holds that many), the step doubles
     * instead, so a program keeping many objects alive is not collected over
     * and over; it halves again (down to the first step) after collections that
     * free most.
     */
    private static final int PRESSURE_STEP = 8192;
    private static final AtomicLong CREATED = new AtomicLong();
    private static volatile long nextPressureCheck = PRESSURE_STEP;
    private static final AtomicLong FREED = new AtomicLong();
    private static long pressureStep = PRESSURE_STEP;
    private static int liveAtLastCollection = -1;
    private static long freedAtLastCollection;

    /**
     * The native state, reachable from the registry but not referring to its
     * owner: it is also the phantom reference that reports the owner unreachable
     * (one object per handle besides the owner, no reference of its own).
     */
    static final class Handle extends PhantomReference<NativeResource> implements Runnable, Lease {
        private static final VarHandle CTL;
        static {
            try {
                CTL = MethodHandles.lookup().findVarHandle(Handle.class, "ctl", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final long address;
        private final LongConsumer destroy;
        private final boolean blocksShutdown;
        /** re-creatable native state: releases it while idle (see {@link #idle()}); null if there is none */
        private final Runnable park;
        /** bit 0: closed; the rest: 2 x number of calls in progress (atomic through CTL). */
        private volatile long ctl;
        /** set when NSS was shut down under this handle: never destroy it, report it stale */
        private volatile boolean stale;
        /** registry links (guarded by LIVE) */
        private Handle prev, next;
        /** whether the handle is in the IDLE queue (guarded by IDLE) */
        private boolean queuedIdle;
        /** the {@link Weight} epoch it was counted in; 0: not counted */
        private int weighedIn;
        /** the units it was counted with (see {@link NativeResource#weigh(int)}) */
        private byte weighs;

        Handle(NativeResource owner, long address, LongConsumer destroy, boolean blocksShutdown, Runnable park) {
            super(owner, null);     // no queue: a sweep finds it cleared (see sweep)
            this.address = address;
            this.destroy = destroy;
            this.blocksShutdown = blocksShutdown;
            this.park = park;
        }

        boolean acquire() {
            for (;;) {
                long c = ctl;
                if ((c & 1) != 0) return false;
                if (CTL.compareAndSet(this, c, c + 2)) return true;
            }
        }

        void release() {
            if ((long) CTL.getAndAdd(this, -2L) - 2 == 1) {
                // closed while in use: destroyed at the end of the call, which may read the
                // thread's error after this (python-nss's objects are not released there)
                ThreadError error = ThreadError.save();
                try {
                    free();
                } finally {
                    error.restore();
                }
            }
        }

        @Override
        public long handle() { return address; }

        @Override
        public Lease retain() {
            if ((long) CTL.getAndAdd(this, 2L) < 2) throw new IllegalStateException("retain() without an open lease");
            return this;
        }

        /** Ends one lease: the handle is destroyed here if it was closed while leased. */
        @Override
        public void close() { release(); }

        /** Release of a dropped owner, and explicit close. */
        @Override
        public void run() {
            for (;;) {
                long c = ctl;
                if ((c & 1) != 0) return;
                if (CTL.compareAndSet(this, c, c | 1)) {
                    if (c == 0) free();
                    return;
                }
            }
        }

        boolean isClosed() { return (ctl & 1) != 0; }

        /** Whether the collector found the owner unreachable (or the handle was released). */
        boolean ownerGone() { return refersTo(null); }

        /** NSS went down: the native object is gone; close without destroying. */
        void invalidate() {
            stale = true;
            run();
        }

        private void free() {
            try {
                if (address != 0 && !stale) destroy.accept(address);
                else if (stale && destroy instanceof HoldsLeases h) h.releaseLeases();
            } catch (Throwable t) {
                CallbackErrors.report("native resource release", t);
            } finally {
                unregister(this);   // only once destroyed: shutdown waits for releases in progress
                FREED.incrementAndGet();
                Weight.lift(this);  // closed: it no longer weighs (a program that closes what it makes brings no collection about)
                if (!refersTo(null)) clear();   // closed: nothing left for the collector to look at (a dropped one is cleared already)
            }
        }
    }

    private final Handle handle;

    /**
     * A release action (the {@code destroy} given to the constructor) that
     * also holds leases on other objects' handles, as a cipher context holds
     * its key's. When NSS went down under its handle the action is not run
     * (the native object is gone with NSS); this is called instead, to close
     * those leases without any native call.
     */
    public interface HoldsLeases {
        /** Closes the leases the action holds; called at most once, instead of the action. */
        void releaseLeases();
    }

    /**
     * Takes ownership of a native handle and registers it.
     *
     * @param address        the native handle (not 0)
     * @param destroy        releases it; runs once, on any thread
     * @param blocksShutdown true if NSS_Shutdown fails while this handle lives
     *                       (certificates, keys, slots, contexts)
     * @throws IllegalArgumentException when {@code address} is 0
     */
    protected NativeResource(long address, LongConsumer destroy, boolean blocksShutdown) {
        this(address, destroy, blocksShutdown, null);
    }

    /**
     * Takes ownership of a native handle whose native state can be released
     * while idle and made again on demand (a finished PK11 context: see
     * {@link #idle()}).
     *
     * @param address        the native handle (not 0)
     * @param destroy        releases it; runs once, on any thread
     * @param blocksShutdown true if NSS_Shutdown fails while this handle lives
     * @param park           releases the re-creatable native state if it is still idle;
     *                       runs on any thread, under a lease, never at the same time
     *                       as {@code destroy}; must not refer to the owner
     * @throws IllegalArgumentException when {@code address} is 0
     */
    protected NativeResource(long address, LongConsumer destroy, boolean blocksShutdown, Runnable park) {
        if (address == 0) throw new IllegalArgumentException("null native handle");
        this.handle = new Handle(this, address, destroy, blocksShutdown, park);
        register(handle);
        if (collectionMark.refersTo(null)) sweep(false);
        if (CREATED.incrementAndGet() >= nextPressureCheck) relievePressure();
    }

    // ---- idle native state ---------------------------------------------

    /**
     * Handles whose owner declared its native state idle ({@link #idle()}),
     * oldest first. Beyond {@value #IDLE_MAX} of them, the oldest
     * {@value #IDLE_BATCH} are parked: a program that drops its finished
     * contexts keeps about this many PKCS #11 sessions open instead of every
     * context the collector has not yet found unreachable.
     */
    private static final ArrayDeque<Handle> IDLE = new ArrayDeque<>();
    private static final int IDLE_MAX = 256;
    private static final int IDLE_BATCH = 32;

    /**
     * Declares this object's native state idle: it may be released (by the
     * {@code park} action given to the constructor, on whatever thread next
     * declares an object idle) and made again by the owner on its next use.
     * Also parks the oldest idle handles when there are too many; the calling
     * thread's NSPR error is kept. Call it without holding the owner's locks
     * (parking takes other owners' locks). Does nothing for a handle without
     * a park action.
     */
    protected final void idle() {
        Handle h = handle;
        if (h.park == null) return;
        Handle[] batch = null;
        synchronized (IDLE) {
            if (!h.queuedIdle) {
                h.queuedIdle = true;
                IDLE.addLast(h);
            }
            Weight.lift(h);
            if (IDLE.size() > IDLE_MAX + IDLE_BATCH) {
                batch = new Handle[IDLE_BATCH];
                for (int i = 0; i < IDLE_BATCH; i++) {
                    batch[i] = IDLE.pollFirst();
                    batch[i].queuedIdle = false;
                }
            }
        }
        if (batch == null) return;
        ThreadError error = ThreadError.save();
        try {
            for (Handle b : batch) {
                if (!b.acquire()) continue;    // released already
                try {
                    b.park.run();
                } catch (Throwable t) {
                    CallbackErrors.report("native resource park", t);
                } finally {
                    b.release();
                }
            }
        } finally {
            error.restore();
        }
    }

    /**
     * Declares that this object's native state weighs while it lives: a PKCS #11
     * object or session that NSS finds by walking hash chains of fixed size
     * (softoken's), so that every dropped one the collector has not found yet
     * makes each later NSS call on that token slower (with 10,000 dropped keys,
     * making one more costs 3x what it costs alone), or a file descriptor, of
     * which a process has a limited number. Objects that call this (keys,
     * contexts while in use, sockets) make the collector run sooner when many
     * were made since the last collection; see {@link Weight}. Cheap when
     * already declared since the last collection; {@link #idle()} and
     * {@link #close()} take the weight off again.
     *
     * @param units how much it weighs: {@link #SESSION_WEIGHT} or {@link #HEAVY_WEIGHT}
     */
    protected final void weigh(int units) {
        Weight.add(handle, units);
    }

    /**
     * The weight of native state that holds one PKCS #11 session (a cipher or
     * digest context in use), in units of {@link Weight#STEP}.
     */
    protected static final int SESSION_WEIGHT = 1;
    /**
     * The weight of native state that holds a PKCS #11 session and an object
     * (a key) or a file descriptor: a young collection is brought about after
     * a quarter as many of them as of contexts. Measured on loops dropping
     * each at once (NSS's session tables of 1,024 buckets): unfinished cipher
     * contexts ran 350–390k/s with a collection every 512 of them, 395–420k
     * every 1,024 and 410–460k every 2,048; generated keys 250–265k, 245–255k
     * and 220–245k.
     */
    protected static final int HEAVY_WEIGHT = 4;

    /**
     * Weight on NSS. CPython frees a dropped key or context at once (python-nss
     * never closes a dropped socket); here it stays in NSS, or open, until the
     * collector finds its owner unreachable, and NSS's lookups
     * (softoken's session and object hash tables have a fixed number of chains)
     * slow down with every one. Young collections find them, but a loop of NSS
     * calls allocates little Java memory: tens of thousands of keys can be made
     * between two young collections, and the full collection that the pressure
     * check requests costs milliseconds (all of Jython's heap). So the handles
     * that weigh ({@link #weigh(int)}) made or put to work since the last collection
     * are counted, and past a step a young collection is brought about: by
     * allocating what is left of the young generation, in pieces, until the JVM
     * collects it (a young collection copies only what is alive, so this costs
     * little when the program dropped what it made). The step doubles when a
     * collection released less than half as many handles (the program holds
     * them) and comes back down when most are released. A young generation
     * larger than 16 MiB (the launcher's is 16, with the serial collector; a Java
     * program's JVM may differ) turns this off at the first attempt: the
     * pressure check still applies.
     */
    static final class Weight {
        private Weight() {}

        /**
         * the first step, in units of weight ({@link #SESSION_WEIGHT} per context in use,
         * {@link #HEAVY_WEIGHT} per key or socket). With NSS's small session tables, generating
         * and dropping keys (each holds a PKCS #11 session and an object) at steps of 128 to
         * 4,096 keys: 512 made the most keys per second, and peak RSS grew with the step (104,
         * 105, 113, 122, 137, 220 MiB; python-nss 13); 2,048 units is 512 keys, and 2,048
         * contexts (see {@link #HEAVY_WEIGHT})
         */
        static final int STEP = 2048;
        private static final int MAX_STEP = 1 << 20;
        /** collections seen by sweeps; a handle's {@code weighedIn} is the epoch it was counted in (0: not counted) */
        private static volatile int epoch = 1;
        /** weight counted since the last collection: units in the low 32 bits, handles in the high 32 */
        private static final java.util.concurrent.atomic.AtomicLong COUNT = new java.util.concurrent.atomic.AtomicLong();
        private static volatile int step = STEP;
        /** young collections brought about (for tests) */
        static volatile int brought;

        static void add(Handle h, int units) {
            int e = epoch;
            if (h.weighedIn == e) return;
            h.weighedIn = e;
            h.weighs = (byte) units;
            if ((int) COUNT.addAndGet((1L << 32) | units) >= step) Young.collect();
        }

        /** The handle's native state is idle or released: it no longer weighs (see {@link #idle()}). */
        static void lift(Handle h) {
            if (h.weighedIn == epoch) {
                h.weighedIn = 0;
                COUNT.addAndGet(-((1L << 32) | h.weighs));
            }
        }

        /** A sweep saw that a collection ran: counting starts over. */
        static void collected() {
            epoch = epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
            COUNT.set(0);
        }

        /** Units counted since the last collection (for tests). */
        static int count() {
            return (int) COUNT.get();
        }

        /** The first state (see {@link #resetPressure()}). */
        static void reset() {
            step = STEP;
            COUNT.set(0);
            brought = 0;
            Young.forPressure = 0;
            Young.countedAtLast = 0;
        }

        /** The young collection, with what it needs (loaded at the first one). */
        static final class Young {
            private Young() {}

            /**
             * allocated one after the other until a collection ran. Small, so that each comes
             * from the thread's allocation buffer (a larger one is allocated outside it, where
             * the JVM always zeroes it): once compiled, an unzeroed piece is a pointer bump,
             * where zeroing the ~5 MiB a collection takes on average wrote over the caches
             * (20% of the time of a loop dropping unfinished cipher contexts)
             */
            private static final int PIECE = 4 << 10;
            /**
             * at most this many pieces (16 MiB): a young generation larger than that (not the
             * launcher's 16 MiB, whose eden is ~11) would make each collection brought about cost
             * more than it saves, so the first such attempt turns them off for the run
             */
            private static final int MAX_PIECES = (16 << 20) / PIECE;
            private static final ReentrantLock ONE = new ReentrantLock();
            private static volatile boolean off;
            /** where the pieces go, one at a time (so that no compiler drops the allocation) */
            @SuppressWarnings("unused")
            private static volatile Object sink;
            /**
             * {@code jdk.internal.misc.Unsafe.allocateUninitializedArray(Class, int)}, bound,
             * where the JVM exports that package to the class path (the launcher does); null
             * otherwise, and the pieces are ordinary (zeroed) arrays
             */
            static final MethodHandle UNZEROED = unzeroedArrays();

            private static MethodHandle unzeroedArrays() {
                try {
                    Class<?> u = Class.forName("jdk.internal.misc.Unsafe");
                    Object unsafe = u.getMethod("getUnsafe").invoke(null);
                    MethodHandle h = MethodHandles.lookup().findVirtual(u, "allocateUninitializedArray",
                            MethodType.methodType(Object.class, Class.class, int.class)).bindTo(unsafe);
                    return h.invoke(byte.class, 16) instanceof byte[] b && b.length == 16 ? h : null;
                } catch (Throwable e) {
                    return null;      // not exported (a Java program's own JVM): zeroed pieces
                }
            }

            /** Allocates pieces until {@code ran} is cleared; false when MAX_PIECES did not make a collection. */
            static boolean fill(WeakReference<Object> ran) {
                return fill(ran, UNZEROED != null);
            }

            /** {@link #fill(WeakReference)}, the pieces unzeroed or not (tests ask for each way). */
            static boolean fill(WeakReference<Object> ran, boolean unzeroed) {
                try {
                    for (int i = 0; !ran.refersTo(null); i++) {
                        if (i == MAX_PIECES) return false;
                        sink = unzeroed ? (Object) UNZEROED.invokeExact((Class<?>) byte.class, PIECE) : new byte[PIECE];
                        sink = null;
                    }
                    return true;
                } catch (Throwable e) {
                    throw new IllegalStateException("allocation without zeroing failed", e);
                }
            }

            /** young collections brought about whatever the weight counted (for tests) */
            static volatile int forPressure;

            /**
             * Brings a young collection about now, whatever the weight counted: for the
             * pressure check, and before a shutdown for what the program just dropped; false
             * when none could be (turned off, or another thread is at it).
             */
            static boolean bringAbout() {
                if (off || ONE.isHeldByCurrentThread() || !ONE.tryLock()) return false;
                try {
                    if (!collectNow()) return false;
                    forPressure++;
                    return true;
                } finally {
                    ONE.unlock();
                }
            }

            /**
             * Uses up the young generation's free space, so that the JVM collects it (when an
             * allocation does not fit); a weak reference to an object nothing else holds tells
             * when it ran. Called holding ONE. False, and turned off for the run, when the young
             * generation is larger than the pieces allowed.
             */
            private static boolean collectNow() {
                if (fill(new WeakReference<>(new Object()))) return true;
                off = true;
                return false;
            }

            /** handles counted when the last collection was brought about (0: judged already) */
            private static int countedAtLast;
            /** {@link #FREED} then */
            private static long freedAtLast;

            static void collect() {
                if (off || ONE.isHeldByCurrentThread() || !ONE.tryLock()) return;     // another thread is at it
                try {
                    long c = COUNT.get();
                    int counted = (int) c;                // units
                    if (counted < step) return;
                    if (countedAtLast > 0) {
                        // how the last one did, judged by every release since (the sweep after it may
                        // have been another thread's): the step doubles when fewer than half as many
                        // handles were released as it had counted (the program holds them)
                        long released = FREED.get() - freedAtLast;
                        int s = step;
                        step = released < countedAtLast / 2 ? Math.min(2 * s, MAX_STEP) : Math.max(STEP, s / 2);
                        countedAtLast = 0;
                        if (counted < step) return;
                    }
                    if (!collectNow()) return;
                    brought++;
                    countedAtLast = (int) (c >>> 32);     // handles, as releases are counted
                    freedAtLast = FREED.get();
                    sweep(false);
                } finally {
                    ONE.unlock();
                }
            }
        }
    }

    /**
     * Puts the pressure check and {@link Weight} back in their first state, as
     * a program starts: tests that measure them are then independent of what
     * ran before them in the same JVM.
     */
    static synchronized void resetPressure() {
        pressureStep = PRESSURE_STEP;
        liveAtLastCollection = -1;
        nextPressureCheck = CREATED.get() + PRESSURE_STEP;
        Weight.reset();
    }

    private static synchronized void relievePressure() {
        long created = CREATED.get();
        if (created < nextPressureCheck) return;
        int live = liveSize();
        if (live > 2 * pressureStep || liveAtLastCollection >= 0) {
            // what young collections found dropped: no full collection needed for it (a whole
            // sweep visits every handle, the program's live ones too: only when it can matter,
            // i.e. a collection is due, or the step is judged by what was freed since the last)
            sweep(true);
            live = liveSize();
        }
        // young collections release dropped objects too (when the program allocates enough to
        // run them): a full collection only when they did not keep up (twice a step alive)
        boolean collect = live > 2 * pressureStep;
        if (liveAtLastCollection >= 0) {
            if (FREED.get() - freedAtLastCollection < liveAtLastCollection / 2) {
                pressureStep = Math.min(pressureStep * 2, 1 << 20);    // what is registered is mostly in use
                collect = false;
            } else {
                pressureStep = Math.max(PRESSURE_STEP, pressureStep / 2);
            }
        }
        liveAtLastCollection = -1;
        if (collect) {
            liveAtLastCollection = live;
            freedAtLastCollection = FREED.get();
            // a young collection first: the objects a loop makes and drops between two checks are
            // young, and it copies only what is alive (~2 ms where a full collection of Jython's
            // heap takes ~10: a loop of get_internal_key_slot() ran 1.0 us per call, most of it
            // full collections); the full one only for what had been promoted
            if (Weight.Young.bringAbout()) {
                sweep(true);
                collect = liveSize() > 2 * pressureStep;
            }
            if (collect) {
                System.gc();
                sweep(true);
            }
        }
        nextPressureCheck = created + pressureStep;
    }

    /**
     * An object without a native handle (python-nss lets some types be
     * constructed empty): it is closed from the start, so every use raises
     * {@link #closedError()}.
     */
    protected NativeResource() {
        this.handle = new Handle(this, 0, a -> { }, false, null);
        this.handle.run();
    }

    /**
     * The one way to use a handle natively: while a lease is open, {@link #close()}
     * (from any thread, or the cleaner) cannot free the native object; use after
     * close raises {@link #closedError()} when the lease is taken. Open it in a
     * try-with-resources statement, and close it exactly once:
     * <pre>{@code
     * try (Lease l = lease()) {
     *     Nss3.PK11_Foo(l.handle());
     * }
     * }</pre>
     * A lease is not an object of its own (the resource's handle record serves
     * every lease, counting them), so taking one never allocates: it is fit for
     * the per-call paths (socket send/recv, digests).
     */
    public interface Lease extends AutoCloseable {
        /**
         * The native address.
         *
         * @return the address, valid until this lease is closed
         */
        long handle();

        /**
         * Another lease on the same handle, for a holder that outlives this one
         * (a cipher context keeps its key's): the native object stays valid until
         * every lease is closed, even if its owner is closed or dropped meanwhile.
         * Call it only while this lease is open; close the new one exactly once.
         *
         * @return the new lease (allocates nothing)
         */
        Lease retain();

        /** Ends the lease (no exception). */
        @Override
        void close();
    }

    /**
     * Opens a lease on the handle (see {@link Lease}): public so that a core
     * object can hold another one's handle for a call (a certificate and its key
     * for SSL_ConfigSecureServer).
     *
     * @return the open lease; close it exactly once
     * @throws NSPRError when the object is closed ({@link #closedError()}) or NSS
     *                   was shut down under it ({@link #staleError()})
     */
    public final Lease lease() {
        if (!handle.acquire()) throw handle.stale ? staleError() : closedError();
        return handle;
    }

    /**
     * Runs a native call returning SECStatus/PRStatus under a lease;
     * a failure raises the thread's NSPR error.
     *
     * @param call the call, given the handle; returns 0 (SECSuccess) on success
     * @throws NSPRError the thread's error ({@link NSPRError#last()}) when the call
     *                   fails, or the closed/stale error when no lease can be taken
     */
    protected final void check(java.util.function.LongToIntFunction call) {
        try (Lease l = lease()) {
            if (call.applyAsInt(l.handle()) != 0) throw NSPRError.last();
        }
    }

    /**
     * Runs f under a lease and returns its result.
     *
     * @param <T> the result type
     * @param f   the work, given the handle
     * @return what {@code f} returned
     * @throws NSPRError when no lease can be taken (closed or stale)
     */
    protected final <T> T with(java.util.function.LongFunction<T> f) {
        try (Lease l = lease()) {
            return f.apply(l.handle());
        }
    }

    /**
     * The error raised on use after close; subclasses may choose a fitting code.
     *
     * @return by default "X object has been closed", SEC_ERROR_INVALID_ARGS
     */
    protected NSPRError closedError() {
        return new NSPRError(getClass().getSimpleName() + " object has been closed",
                org.jnss.error.ErrorConstants.SEC_ERROR_INVALID_ARGS);
    }

    /**
     * The error raised on use after NSS was shut down under this object.
     *
     * @return by default "X object belongs to an NSS session that was shut down",
     *         SEC_ERROR_NOT_INITIALIZED
     */
    protected NSPRError staleError() {
        return new NSPRError(getClass().getSimpleName() + " object belongs to an NSS session that was shut down",
                org.jnss.error.ErrorConstants.SEC_ERROR_NOT_INITIALIZED);
    }

    /**
     * What python-nss's {@code str()} gives for this object (its
     * {@code __str__()} member, see {@link JavaText#str}); JShell prints it.
     * A type without one, or an object that cannot be formatted (closed), shows
     * its class and identity.
     */
    @Override
    public String toString() {
        try {
            String s = JavaText.str(this);
            if (s != null) return s;
        } catch (RuntimeException e) {
            return super.toString() + " (" + e.getMessage() + ")";
        }
        return super.toString();
    }

    /**
     * Releases the native handle now (idempotent). When a call on another thread
     * still uses it, the release happens as that call ends. Later use raises
     * {@link #closedError()}.
     */
    @Override
    public void close() {
        handle.run();
    }

    /**
     * Whether the handle was released: by {@link #close()}, because NSS was shut
     * down under the object, or from the start (an empty object).
     *
     * @return true if using the object raises an NSPRError
     */
    public final boolean isClosed() {
        return handle.isClosed();
    }

    /**
     * For code that must read the address without using it natively (identity, formatting).
     *
     * @return the native address (0 for an empty object), possibly already released
     */
    protected final long peekAddress() {
        return handle.address;
    }

    // ---- registry -------------------------------------------------------

    /** Number of live handles that keep NSS from shutting down. */
    static int liveBlockingCount() {
        int n = 0;
        for (Handle h : liveHandles()) if (h.blocksShutdown && !h.isClosed()) n++;
        return n;
    }

    private static volatile Runnable collector = () -> { };

    /**
     * An extra collection step after System.gc() before shutdown. The Python surface installs its
     * interpreter's full collection (Jython finalizes Python objects in its own
     * rounds, after which what they referenced becomes unreachable).
     */
    static void setCollector(Runnable c) {
        collector = c == null ? () -> { } : c;
    }

    /**
     * Releases every blocking handle whose owner is no longer reachable, after a
     * collection so that garbage is recognised; returns how many handles that
     * keep NSS busy are still in use by the program. The calling thread's NSPR
     * error is kept (see {@link ThreadError}).
     */
    static int releaseUnreferenced() {
        if (liveBlockingCount() == 0) {
            awaitReleases();
            return 0;
        }
        ThreadError error = ThreadError.save();
        try {
            return releaseUnreferencedRounds();
        } finally {
            error.restore();
        }
    }

    private static int releaseUnreferencedRounds() {
        // a young collection first: what a program dropped since its last collections (the
        // contexts of the calls before nss_shutdown()) is found without a full collection of
        // the whole heap, and its Python finalisation (a full collection each, ~6-12 ms)
        if (Weight.Young.bringAbout() && releaseGone() == 0 && awaitReleases()) return 0;
        int stillUsed = 0;
        // Objects kept only by finalizable ones (Jython runs __del__ and closes files in finalizers)
        // become unreachable after those finalizers ran: a few rounds, only while something looks used
        // (a handle still referenced by the program costs ~0.1 s here before SEC_ERROR_BUSY).
        for (int round = 0; round < 6; round++) {
            System.gc();
            try {
                collector.run();
            } catch (RuntimeException e) {
                CallbackErrors.report("garbage collection before shutdown", e);
            }
            stillUsed = releaseGone();
            if (stillUsed == 0 && awaitReleases()) break;
            System.runFinalization();
            try {
                Thread.sleep(5L * (round + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return stillUsed;
    }

    /** Releases the blocking handles whose owner is gone; returns how many the program still uses. */
    private static int releaseGone() {
        int stillUsed = 0;
        for (Handle h : liveHandles()) {
            if (!h.blocksShutdown) continue;
            if (h.ownerGone()) h.run();
            else if (!h.isClosed()) stillUsed++;
        }
        return stillUsed;
    }

    /**
     * Waits (briefly) until closed handles are destroyed: the release thread, or a
     * call still using a handle, may be releasing one right now, and NSS must not
     * be shut down under it. Returns true when none is left.
     */
    private static boolean awaitReleases() {
        for (int i = 0; i < 200; i++) {
            boolean pending = false;
            for (Handle h : liveHandles()) {
                if (h.blocksShutdown && h.isClosed()) { pending = true; break; }
            }
            if (!pending) return true;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Closes every live handle that keeps NSS busy, referenced or not. */
    static void closeAllBlocking() {
        for (Handle h : liveHandles()) if (h.blocksShutdown) h.run();
    }

    /**
     * NSS is down: every handle that kept it busy and is still alive is marked
     * dead without being destroyed (its native object no longer exists); later
     * use raises {@link #staleError()} instead of touching freed memory.
     */
    static void invalidateBlocking() {
        List<Handle> all = liveHandles();
        // every one marked first: a lease one of them releases (see HoldsLeases) never destroys another
        for (Handle h : all) if (h.blocksShutdown) h.stale = true;
        for (Handle h : all) if (h.blocksShutdown) h.invalidate();
    }
}

