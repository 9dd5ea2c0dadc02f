package org.jnss.natives;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Direct-mapped native methods whose parameters and result are all numbers
 * ({@code int}, {@code long}, {@code short}, {@code byte}, {@code float},
 * {@code double}; a {@code void} result too), bound so that JNA's dispatch
 * skips its argument conversion step.
 *
 * <p>{@link Native#register(Class, NativeLibrary)} hands JNA's native side a
 * conversion code for every parameter, even when each one says "none"; the
 * dispatch then sets up and walks per-call conversion tables, and asks the JVM
 * whether an exception is pending (a JNI call, with its thread-state
 * transitions) before calling the C function, on every call. JNA's native
 * registration also accepts no conversion codes at all, and then passes the
 * arguments to libffi as they are, which is exactly what "none" means. So
 * after {@code Native.register} each such method is registered again, through
 * the same JNA entry point, without them: the same function, types, calling
 * convention and {@code errno} bookkeeping. In a digest-churn loop (three
 * such calls per iteration) the JVM's {@code jni_ExceptionCheck} alone was
 * 2.4% of the samples.
 *
 * <p>This uses JNA's private registration method, checked once: where this JNA
 * does not have it with the expected signature, or the system property
 * {@code jnss.jna.plain} is {@code false}, methods stay as JNA bound them.
 */
final class PlainCalls {
    private PlainCalls() {}

    /** JNA's {@code Native.registerMethod}, or null (then nothing is rebound). */
    private static final Method REGISTER;
    /** JNA's {@code Structure.FFIType.get(Object)}: libffi's type for a Java class. */
    private static final Method FFI_TYPE;

    static {
        Method register = null, ffiType = null;
        if (!"false".equals(System.getProperty("jnss.jna.plain"))) {
            try {
                register = Native.class.getDeclaredMethod("registerMethod", Class.class, String.class, String.class,
                        int[].class, long[].class, long[].class, int.class, long.class, long.class, Method.class,
                        long.class, int.class, boolean.class, com.sun.jna.ToNativeConverter[].class,
                        com.sun.jna.FromNativeConverter.class, String.class);
                register.setAccessible(true);
                ffiType = Class.forName("com.sun.jna.Structure$FFIType").getDeclaredMethod("get", Object.class);
                ffiType.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                register = null;
                ffiType = null;
            }
        }
        REGISTER = register;
        FFI_TYPE = ffiType;
    }

    /** How many methods were rebound (for tests). */
    static final java.util.concurrent.atomic.AtomicInteger REBOUND = new java.util.concurrent.atomic.AtomicInteger();

    /** Whether rebinding is on in this JVM. */
    static boolean enabled() {
        return REGISTER != null;
    }

    /**
     * Rebinds cls's numbers-only native methods (see the class comment), on a
     * thread of its own: rebinding costs ~10 µs a method (~3 ms for the classes
     * a start loads), which the start then does not wait for. Calls made
     * meanwhile go through JNA's first binding, which stays valid (a binding is
     * never freed), so the switch is safe at any moment.
     */
    static void rebind(Class<?> cls, NativeLibrary lib) {
        if (REGISTER == null) return;
        Thread t = new Thread(() -> rebindNow(cls, lib), "jnss-plain-calls");
        t.setDaemon(true);
        synchronized (PENDING) {
            PENDING.add(t);
        }
        t.start();
    }

    /** rebinding threads started (for {@link #awaitRebinds()}) */
    private static final java.util.List<Thread> PENDING = new java.util.ArrayList<>();

    /** Waits until every rebinding started so far is done (for tests). */
    static void awaitRebinds() throws InterruptedException {
        java.util.List<Thread> all;
        synchronized (PENDING) {
            all = new java.util.ArrayList<>(PENDING);
        }
        for (Thread t : all) t.join();
    }

    /** {@link #rebind}, on the calling thread. */
    static void rebindNow(Class<?> cls, NativeLibrary lib) {
        if (REGISTER == null) return;
        for (Method m : cls.getDeclaredMethods()) {
            if (!Modifier.isNative(m.getModifiers()) || m.getExceptionTypes().length > 0) continue;
            Class<?> r = m.getReturnType();
            Class<?>[] params = m.getParameterTypes();
            if (r != void.class && !isNumber(r)) continue;
            boolean plain = true;
            for (Class<?> p : params) plain &= isNumber(p);
            if (!plain) continue;
            try {
                long[] types = new long[params.length];
                StringBuilder sig = new StringBuilder("(");
                for (int i = 0; i < params.length; i++) {
                    types[i] = ffiType(params[i]);
                    sig.append(descriptor(params[i]));
                }
                sig.append(')').append(descriptor(r));
                long rtype = ffiType(r);
                Function f = lib.getFunction(m.getName());     // (no function mapper: the method's own name, as Native.register found it)
                REGISTER.invoke(null, cls, m.getName(), sig.toString(), null, types, types, 0, rtype, rtype, m,
                        Pointer.nativeValue(f), f.getCallingConvention(), false, null, null,
                        Native.getDefaultStringEncoding());
                REBOUND.incrementAndGet();
            } catch (ReflectiveOperationException | RuntimeException e) {
                // this one stays as Native.register bound it
            }
        }
    }

    private static boolean isNumber(Class<?> c) {
        return c == int.class || c == long.class || c == short.class || c == byte.class
                || c == float.class || c == double.class;
    }

    private static long ffiType(Class<?> c) throws ReflectiveOperationException {
        return Pointer.nativeValue(((com.sun.jna.Structure) FFI_TYPE.invoke(null, c)).getPointer());
    }

    private static char descriptor(Class<?> c) {
        if (c == int.class) return 'I';
        if (c == long.class) return 'J';
        if (c == short.class) return 'S';
        if (c == byte.class) return 'B';
        if (c == float.class) return 'F';
        if (c == double.class) return 'D';
        return 'V';
    }
}
