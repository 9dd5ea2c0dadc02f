package org.jnss.python;

import org.python.core.FunctionThread;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.PyTuple;
import org.python.modules.thread.thread;
import org.jnss.natives.ThreadBuffer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A Python thread as Jython's {@code threading} module sees it (the
 * {@code _thread} of a {@code threading.Thread}: start, join, name, daemon
 * flag, identifier, state), run on a Java thread taken from a pool of idle
 * ones instead of a new Java thread.
 *
 * <p>What a Python thread observes is what a thread of its own gives it:
 * <ul>
 * <li>its identifier ({@code ident}, {@code thread.get_ident()}) is reserved
 * from the JVM's own thread numbering when the object is made, as a Java
 * thread's would be, and the Java thread running it reports it from
 * {@link Thread#getId()} while it runs, so {@code threading.current_thread()}
 * finds the right object;</li>
 * <li>its name ({@code Thread-N}, Jython's count) is the running Java
 * thread's name too;</li>
 * <li>it starts with no thread-local state: between two Python threads the
 * Java thread's thread-locals are dropped (Python's {@code threading.local}
 * values, NSS-facing buffers) and so is Jython's per-thread interpreter state
 * (exception, trace and profile functions, recursion depth);</li>
 * <li>a daemon flag of its own: the pool's Java threads are daemons, and
 * Jython's {@code threading} joins non-daemon threads at exit, as it does
 * for threads of their own;</li>
 * <li>an exception that escapes it is reported as Jython reports it for a
 * thread of its own.</li>
 * </ul>
 * Idle Java threads wait {@link #KEEP_ALIVE_SECONDS} s (30 unless the system
 * property {@code pynss.threadpool.idle} gives another number of seconds) for
 * another Python thread, then end; at most {@value #MAX_IDLE} wait. A JVM thread costs ~0.2
 * ms of CPU to start and end, most of it the kernel's (stack mappings and
 * guard pages, wake-ups); a server that starts a thread per connection, as
 * python-nss programs do, paid that for every connection.
 *
 * <p>The launcher's {@code site} module makes {@code threading} take its
 * threads from {@link #newThread} (through {@link LauncherModule}). The pool
 * needs the JVM to let it reset a thread (the launcher opens
 * {@code java.lang}); without that ({@link #AVAILABLE} false), or with a
 * stack size set by {@code thread.stack_size()}, every Python thread gets a
 * Java thread of its own, as under Jython.
 */
public final class PooledThread {
    /** How long (s) an idle Java thread waits for the next Python thread before it ends. */
    public static final int KEEP_ALIVE_SECONDS = Math.max(0, Integer.getInteger("pynss.threadpool.idle", 30));
    /** The most idle Java threads kept; one finishing beyond that ends. */
    public static final int MAX_IDLE = 64;

    private static final int NEW = 0, RUNNING = 1, DONE = 2;

    /** Thread.threadLocals and inheritableThreadLocals (dropped between two Python threads). */
    private static final VarHandle LOCALS, INHERITED;
    /** Jython's per-thread interpreter states (ThreadStateMapping's maps), by Java thread and back. */
    private static final Map<Object, Object> STATES, STATES_BY_STATE;
    /** Jython's FunctionThread count, for the names; ours when it cannot be read. */
    private static final AtomicInteger NAMES;
    /** The JVM's next thread identifier ({@code Thread.nextThreadID()}), or null: then {@link #OWN_IDS}. */
    private static final MethodHandle NEXT_ID;
    private static final AtomicLong OWN_IDS = new AtomicLong(1L << 40);
    /**
     * {@code jdk.internal.misc.TerminatingThreadLocal.threadTerminated()}, what a
     * Java thread's end runs (frees the JDK's per-thread native buffer caches);
     * null where that package is not exported to us
     */
    private static final MethodHandle THREAD_ENDED = threadEnded();

    private static MethodHandle threadEnded() {
        try {
            return MethodHandles.publicLookup().findStatic(Class.forName("jdk.internal.misc.TerminatingThreadLocal"),
                    "threadTerminated", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException | RuntimeException | IllegalAccessError e) {
            return null;
        }
    }

    /** Whether Python threads can be pooled in this JVM (see the class comment). */
    public static final boolean AVAILABLE;

    static {
        VarHandle locals = null, inherited = null;
        Map<Object, Object> states = null, statesByState = null;
        AtomicInteger names = null;
        MethodHandle nextId = null;
        boolean ok;
        try {
            MethodHandles.Lookup t = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            locals = t.findVarHandle(Thread.class, "threadLocals", Class.forName("java.lang.ThreadLocal$ThreadLocalMap"));
            inherited = t.findVarHandle(Thread.class, "inheritableThreadLocals", Class.forName("java.lang.ThreadLocal$ThreadLocalMap"));
            Class<?> mapping = Class.forName("org.python.core.ThreadStateMapping");
            states = staticMap(mapping, "globalThreadStates");
            statesByState = staticMap(mapping, "inverseGlobalThreadStates");
            ok = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            ok = false;
        }
        try {
            Field f = FunctionThread.class.getDeclaredField("counter");
            f.setAccessible(true);
            names = (AtomicInteger) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            names = new AtomicInteger();
        }
        try {
            nextId = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findStatic(Thread.class, "nextThreadID", MethodType.methodType(long.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            nextId = null;      // (JDK 19 and later number threads elsewhere)
        }
        LOCALS = locals;
        INHERITED = inherited;
        STATES = states;
        STATES_BY_STATE = statesByState;
        NAMES = names;
        NEXT_ID = nextId;
        AVAILABLE = ok;
    }

    /**
     * What {@code threading.Thread} uses as its Java thread (in place of
     * Jython's {@code thread._newFunctionThread}): a {@link PooledThread},
     * not started, named {@code Thread-N} from Jython's own count; Jython's
     * {@code FunctionThread} when pooling is not possible (see the class
     * comment).
     *
     * @param func the callable the thread runs (threading's bootstrap method)
     * @param args its arguments
     * @return the thread, to be started by {@code start()}
     */
    public static Object newThread(PyObject func, PyTuple args) {
        if (!AVAILABLE || thread.stack_size(new PyObject[0]) != 0) return thread._newFunctionThread(func, args);
        return new PooledThread(func, args.getArray());
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> staticMap(Class<?> c, String name) throws ReflectiveOperationException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return (Map<Object, Object>) f.get(null);
    }

    private static long nextId() {
        if (NEXT_ID != null) {
            try {
                return (long) NEXT_ID.invokeExact();
            } catch (Throwable e) {
                // fall through to our own numbers
            }
        }
        return OWN_IDS.incrementAndGet();
    }

    private final PyObject func;
    private final PyObject[] args;
    private final PySystemState systemState;
    private final ClassLoader loader;
    private final long id;
    private volatile String name;
    private volatile boolean daemon;
    /** NEW, RUNNING (from start() until the body returned), DONE; changes under this object's lock */
    private volatile int state = NEW;
    /** the Java thread running it (while RUNNING) */
    private volatile Worker worker;

    /**
     * A Python thread that will call {@code func(*args)}, in the calling
     * thread's interpreter (its {@code sys}), not started yet.
     *
     * @param func the callable
     * @param args its arguments
     */
    public PooledThread(PyObject func, PyObject[] args) {
        this.func = func;
        this.args = args;
        this.systemState = Py.getSystemState();
        this.loader = Thread.currentThread().getContextClassLoader();
        this.id = nextId();
        this.name = "Thread-" + NAMES.incrementAndGet();
        this.daemon = creatorIsDaemon();
    }

    /** The creating thread's daemon flag, which a new thread inherits: a pooled thread's own flag, not its Java thread's. */
    private static boolean creatorIsDaemon() {
        Thread c = Thread.currentThread();
        if (c instanceof Worker w) {
            PooledThread t = w.current;
            if (t != null) return t.daemon;
        }
        return c.isDaemon();
    }

    /** Python's error for a thread that joins itself (it would wait forever). */
    private void checkNotSelf() {
        if (state == RUNNING && Thread.currentThread() == worker) throw Py.RuntimeError("cannot join current thread");
    }

    /**
     * Starts the thread: an idle Java thread runs it, or a new one when none
     * is idle.
     *
     * @throws IllegalThreadStateException when it was started before
     */
    public void start() {
        synchronized (this) {
            if (state != NEW) throw new IllegalThreadStateException();
            state = RUNNING;
        }
        Worker w = Worker.idle();
        if (w != null) {
            w.give(this);
        } else {
            w = new Worker(this);
            w.start();
        }
    }

    /** Runs the thread's callable in the calling thread, as {@code Thread.run()} does (not a start). */
    public void run() {
        body();
    }

    /** The callable, with Jython's handling of what escapes it (FunctionThread's). */
    private void body() {
        Py.setSystemState(systemState);
        try {
            func.__call__(args);
        } catch (PyException exc) {
            if (exc.match(Py.SystemExit)) return;
            Py.stderr.println("Unhandled exception in thread started by " + func);
            Py.printException(exc);
        }
    }

    /**
     * Waits until the thread has finished (at once if it was never started).
     *
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws PyException RuntimeError when called by the thread itself
     */
    public void join() throws InterruptedException {
        checkNotSelf();
        synchronized (this) {
            while (state == RUNNING) wait();
        }
    }

    /**
     * Waits at most {@code millis} ms for the thread to finish (0: no limit).
     *
     * @param millis the limit
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void join(long millis) throws InterruptedException {
        join(millis, 0);
    }

    /**
     * Waits at most {@code millis} ms and {@code nanos} ns for the thread to
     * finish (both 0: no limit), as {@link Thread#join(long, int)}.
     *
     * @param millis the milliseconds of the limit (not negative)
     * @param nanos  the nanoseconds added (0 to 999,999)
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws IllegalArgumentException for a negative or out-of-range value
     */
    public void join(long millis, int nanos) throws InterruptedException {
        if (millis < 0 || nanos < 0 || nanos > 999_999) throw new IllegalArgumentException("timeout value is out of range");
        checkNotSelf();
        if (millis == 0 && nanos == 0) {
            join();
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis) + nanos;
        synchronized (this) {
            while (state == RUNNING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Whether it was started and has not finished. */
    public boolean isAlive() {
        return state == RUNNING;
    }

    /**
     * The state, as a Java thread's: NEW before start, TERMINATED once
     * finished, the running Java thread's state in between.
     *
     * @return the state
     */
    public Thread.State getState() {
        int s = state;
        if (s == NEW) return Thread.State.NEW;
        if (s == DONE) return Thread.State.TERMINATED;
        Worker w = worker;
        Thread.State ws = w == null ? Thread.State.RUNNABLE : w.getState();
        return ws == Thread.State.NEW || ws == Thread.State.TERMINATED ? Thread.State.RUNNABLE : ws;
    }

    /** Whether it is a daemon thread (the program does not wait for it at exit). */
    public boolean isDaemon() {
        return daemon;
    }

    /**
     * Makes it a daemon thread or not; only before start.
     *
     * @param on true for a daemon
     * @throws IllegalThreadStateException once started
     */
    public void setDaemon(boolean on) {
        synchronized (this) {
            if (state != NEW) throw new IllegalThreadStateException();
            daemon = on;
        }
    }

    /** Its name (also the running Java thread's name). */
    public String getName() {
        return name;
    }

    /**
     * Renames it (and the Java thread running it).
     *
     * @param name the new name
     */
    public void setName(String name) {
        if (name == null) throw new NullPointerException("name cannot be null");
        synchronized (this) {
            this.name = name;
            Worker w = worker;
            if (w != null && state == RUNNING) w.setName(name);
        }
    }

    /** Its identifier, unique among the JVM's threads (the Python thread's {@code ident}). */
    public long getId() {
        return id;
    }

    @Override
    public String toString() {
        return "PooledThread[" + name + "," + id + "]";
    }

    /** A Java thread that runs Python threads one after another. */
    private static final class Worker extends Thread {
        /** idle workers, the most recently idle last (guarded by IDLE) */
        private static final ArrayDeque<Worker> IDLE = new ArrayDeque<>();
        private static final ClassLoader LOADER = Worker.class.getClassLoader();

        /** the Python thread it runs now (its id is this thread's while set) */
        private volatile PooledThread current;
        /** the next one, handed over by give() */
        private volatile PooledThread next;

        Worker(PooledThread first) {
            super(null, null, first.name, 0, false);
            setDaemon(true);
            this.next = first;
        }

        /** The most recently idle worker, taken off the idle list; null when none waits. */
        static Worker idle() {
            synchronized (IDLE) {
                return IDLE.pollLast();
            }
        }

        void give(PooledThread t) {
            next = t;
            LockSupport.unpark(this);
        }

        @Override
        public long getId() {
            PooledThread t = current;
            return t != null ? t.id : super.getId();
        }

        @Override
        public void run() {
            PooledThread t = next;
            next = null;
            while (t != null) {
                if (!runOne(t)) return;
                t = waitForNext();
            }
        }

        /**
         * Runs t; returns whether this thread is now on the idle list (false when an error escaped
         * t, as a thread of its own would end then, or when enough threads are idle). It goes on
         * the list before t's joiners are woken, so that a program starting its next thread right
         * after join() finds it there.
         */
        private boolean runOne(PooledThread t) {
            boolean clean = false, idle = false;
            synchronized (t) {
                t.worker = this;
                setName(t.name);
            }
            setContextClassLoader(t.loader);
            current = t;
            try {
                t.body();
                clean = true;
            } catch (Throwable e) {
                getUncaughtExceptionHandler().uncaughtException(this, e);
            } finally {
                try {
                    reset();
                } catch (Throwable e) {
                    // (not expected) the thread is not reused; the Python thread still ends normally
                    clean = false;
                    getUncaughtExceptionHandler().uncaughtException(this, e);
                }
                current = null;
                if (clean) {
                    synchronized (IDLE) {
                        if (IDLE.size() < MAX_IDLE) {
                            IDLE.addLast(this);
                            idle = true;
                        }
                    }
                }
                synchronized (t) {
                    t.state = DONE;
                    t.worker = null;
                    t.notifyAll();
                }
            }
            return idle;
        }

        /**
         * Leaves nothing of the last Python thread for the next one: what a Java
         * thread's end releases is released (the JDK's per-thread caches of native
         * buffers), and its thread-locals are dropped, except the native scratch
         * buffer of NSS calls ({@link ThreadBuffer}), which is the pool thread's.
         */
        private void reset() {
            Object state = STATES.remove(this);
            if (state != null) STATES_BY_STATE.remove(state);
            ThreadBuffer buffer = ThreadBuffer.kept();
            if (THREAD_ENDED != null) {
                try {
                    THREAD_ENDED.invokeExact();
                } catch (Throwable e) {
                    // the caches stay for the collector
                }
            }
            LOCALS.set(this, null);
            INHERITED.set(this, null);
            try {
                ThreadBuffer.keep(buffer);
            } catch (IllegalArgumentException e) {
                // still taken (not expected once the thread's code returned): the next one makes its own
            }
            Thread.interrupted();
            if (getPriority() != NORM_PRIORITY) setPriority(NORM_PRIORITY);
            setUncaughtExceptionHandler(null);
            setContextClassLoader(LOADER);
            setName("pynss-idle-thread");
        }

        /**
         * Waits, on the idle list, for the next Python thread; null when none came in time (the
         * thread then ends).
         */
        private PooledThread waitForNext() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS);
            for (;;) {
                PooledThread t = next;
                if (t != null) {
                    next = null;
                    return t;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    synchronized (IDLE) {
                        if (IDLE.remove(this)) return null;     // still idle: ends
                    }
                    // taken just now: the Python thread is on its way
                    while ((t = next) == null) LockSupport.park(this);
                    next = null;
                    return t;
                }
                LockSupport.parkNanos(this, left);
            }
        }
    }
}
