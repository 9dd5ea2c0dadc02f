package org.jnss.nss;

import org.jnss.core.CallbackErrors;
import org.jnss.core.NativeResource;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nss3;
import org.jnss.natives.Ssl3;

import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NSS initialisation state as this process sees it, and the orderly shutdown:
 * release what the program no longer references, clear the SSL session cache,
 * then NSS_Shutdown, so that shutdown never fails with SEC_ERROR_BUSY (which
 * in NSS 3.87 leaves NSS unusable for the rest of the process).
 */
public final class NssRuntime {
    private NssRuntime() {}

    private static final Object LOCK = new Object();
    /** initialised by one of the NSS_Init* calls (as opposed to contexts) */
    private static boolean plainInit;
    private static final Set<InitContext> CONTEXTS = ConcurrentHashMap.newKeySet();
    private static volatile boolean sslUsed;

    private static volatile ShutdownCallback shutdownCallback;
    private static volatile Object[] shutdownUserData = new Object[0];
    private static boolean shutdownHookRegistered;

    /** Called by Python code (or Java) to be told NSS is shutting down. */
    @FunctionalInterface
    public interface ShutdownCallback {
        /** @return false to make the shutdown report failure */
        boolean call(java.util.Map<String, Object> nssData, Object... userData);
    }

    /** The native trampoline, strongly referenced for the life of the process. */
    private static final Nss3.ShutdownFunc NATIVE_SHUTDOWN = (appData, nssData) -> {
        ShutdownCallback cb = shutdownCallback;
        Object[] ud = shutdownUserData;
        shutdownCallback = null;
        shutdownUserData = new Object[0];
        if (cb == null) return 0;
        try {
            return cb.call(new HashMap<>(), ud) ? 0 : -1;
        } catch (Throwable t) {
            CallbackErrors.report("shutdown callback", t);
            return 0;
        }
    };

    public static boolean isInitialized() {
        return Nss3.NSS_IsInitialized() != 0;
    }

    /** Every NSS-dependent entry point calls this first: NSS before init crashes the process. */
    public static void requireInitialized() {
        if (Nss3.NSS_IsInitialized() == 0)
            throw new NSPRError(null, ErrorConstants.SEC_ERROR_NOT_INITIALIZED);
    }

    /** Records that SSL was used (its session cache must be cleared before shutdown). */
    public static void markSslUsed() {
        sslUsed = true;
    }

    static void afterInit(boolean plain, InitContext ctx) {
        synchronized (LOCK) {
            if (plain) plainInit = true;
            if (ctx != null) CONTEXTS.add(ctx);
            registerShutdownHook();
        }
    }

    private static void registerShutdownHook() {
        if (!shutdownHookRegistered && Nss3.NSS_IsInitialized() != 0) {
            if (Nss3.NSS_RegisterShutdown(NATIVE_SHUTDOWN, 0) == 0) shutdownHookRegistered = true;
        }
    }

    static void setShutdownCallback(ShutdownCallback cb, Object[] userData) {
        synchronized (LOCK) {
            shutdownCallback = cb;
            shutdownUserData = userData == null ? new Object[0] : userData;
            if (cb != null) registerShutdownHook();
        }
    }

    /** Releases what nothing references any more; fails with SEC_ERROR_BUSY (leaving NSS up) if something still does. */
    private static void prepareShutdown() {
        if (sslUsed) {
            Ssl3.SSL_ClearSessionCache();
        }
        int stillUsed = NativeResource.releaseUnreferenced();
        if (stillUsed > 0) {
            throw new NSPRError(stillUsed + " NSS object(s) are still in use; release them (close() or del) before shutdown",
                    ErrorConstants.SEC_ERROR_BUSY);
        }
    }

    static void shutdown() {
        synchronized (LOCK) {
            requireInitialized();
            boolean last = CONTEXTS.isEmpty();
            if (last) prepareShutdown();
            int rv = Nss3.NSS_Shutdown();
            int err = rv != 0 ? org.jnss.natives.Nspr4.PR_GetError() : 0;
            afterShutdown(last || Nss3.NSS_IsInitialized() == 0);
            plainInit = false;
            if (rv != 0) throw new NSPRError(null, err);
        }
    }

    static void shutdownContext(InitContext ctx, long handle) {
        synchronized (LOCK) {
            boolean last = !plainInit && CONTEXTS.size() == 1 && CONTEXTS.contains(ctx);
            if (last) prepareShutdown();
            int rv = Nss3.NSS_ShutdownContext(handle);
            int err = rv != 0 ? org.jnss.natives.Nspr4.PR_GetError() : 0;
            CONTEXTS.remove(ctx);
            afterShutdown(Nss3.NSS_IsInitialized() == 0);
            if (rv != 0) throw new NSPRError(null, err);
        }
    }

    private static void afterShutdown(boolean down) {
        if (down) {
            shutdownHookRegistered = false;
            shutdownCallback = null;
            shutdownUserData = new Object[0];
            sslUsed = false;
            CONTEXTS.clear();
        }
    }
}
