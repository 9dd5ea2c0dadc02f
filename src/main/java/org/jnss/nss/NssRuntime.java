package org.jnss.nss;

import org.jnss.core.CallbackErrors;
import org.jnss.core.NativeResource;
import org.jnss.core.PyTypeNames;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nspr4;
import org.jnss.natives.LibC;
import org.jnss.natives.Nss3;
import org.jnss.natives.Ssl3;

import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NSS initialisation state as this process sees it, and the orderly shutdown.
 *
 * <p>NSS has one "plain" initialisation (NSS_Init*, NSS_NoDB_Init,
 * NSS_Initialize) and any number of init contexts. NSS_Shutdown ends the
 * plain one and with it every context; NSS_ShutdownContext ends a context and
 * NSS as a whole when it was the last one and there is no plain init. Before
 * NSS goes down, what the program no longer references is released and the SSL
 * session cache cleared, so NSS_Shutdown never fails with SEC_ERROR_BUSY
 * (terminal in NSS 3.87); if an object is still referenced the shutdown is
 * refused with SEC_ERROR_BUSY and NSS stays usable. Once NSS is down, objects
 * still alive are marked dead, so using them raises NSPRError.
 */
public final class NssRuntime {
    private NssRuntime() {}

    private static final Object LOCK = new Object();
    /** NSS's own "initialized" flag for the plain init (contexts aside) */
    private static boolean plainInit;
    private static final Set<InitContext> CONTEXTS = ConcurrentHashMap.newKeySet();
    private static volatile boolean sslUsed;
    private static boolean serverCacheShutdownPending;

    private static volatile ShutdownCallback shutdownCallback;
    private static volatile Object[] shutdownUserData = new Object[0];
    private static boolean shutdownHookRegistered;

    /** Told when NSS shuts down; see {@link Nss#setShutdownCallback}. A Python callable is converted to it. */
    @FunctionalInterface
    public interface ShutdownCallback {
        /**
         * Called once, on the thread that shuts NSS down, before NSS goes down.
         *
         * @param nssData  a dict of NSS values (empty, as in python-nss)
         * @param userData the extra arguments given to {@link Nss#setShutdownCallback}
         * @return Boolean.TRUE for success; False, or anything not a Boolean, makes the shutdown report failure
         */
        Object call(java.util.Map<String, Object> nssData, Object... userData);
    }

    /** The native trampoline, strongly referenced for the life of the process. */
    private static final Nss3.ShutdownFunc NATIVE_SHUTDOWN = (appData, nssData) -> {
        ShutdownCallback cb = shutdownCallback;
        Object[] ud = shutdownUserData;
        if (cb == null) return 0;
        Object r;
        try {
            r = cb.call(new HashMap<>(), ud);
        } catch (Throwable t) {
            CallbackErrors.report("shutdown callback", t);
            return 0;
        }
        if (r instanceof Boolean b) return b ? 0 : -1;
        CallbackErrors.print("Error, shutdown callback expected int result, not " + PyTypeNames.of(r));
        return -1;
    };

    /**
     * NSS is known to be up: an initialisation through this class left it up,
     * and no shutdown call was made since (cleared before each one). Saves
     * the native NSS_IsInitialized call (a JNA call costs about as much as a
     * small digest) on every guarded per-call path while NSS is up.
     */
    private static volatile boolean knownUp;

    /**
     * Tells whether NSS is initialized, by any means ({@code NSS_IsInitialized}).
     *
     * @return true if NSS is up
     */
    public static boolean isInitialized() {
        return knownUp || Nss3.NSS_IsInitialized() != 0;
    }

    /**
     * Checks that NSS is up; entry points that would crash NSS before
     * initialisation call this first.
     *
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED when NSS is not initialized
     */
    public static void requireInitialized() {
        if (!isInitialized())
            throw new NSPRError(null, ErrorConstants.SEC_ERROR_NOT_INITIALIZED);
    }

    /**
     * Records that SSL was used in this NSS session, so that its session cache
     * is cleared before NSS shuts down (cached sessions keep NSS busy).
     */
    public static void markSslUsed() {
        sslUsed = true;
    }

    /**
     * shutdown_server_session_id_cache(): NSS keeps using the server session cache
     * it was configured with even after SSL_ShutdownServerSessionIDCache (a server
     * handshake then divides by the freed cache's zero size: a crash). So the
     * shutdown is recorded here and done when it is safe: before the cache is
     * configured again, or when NSS itself shuts down. Python's
     * {@code ssl.shutdown_server_session_id_cache()} calls it.
     */
    public static void deferServerCacheShutdown() {
        synchronized (LOCK) {
            serverCacheShutdownPending = true;
        }
    }

    /**
     * Does a recorded server session cache shutdown now.
     *
     * @return true if one was recorded
     * @throws NSPRError when SSL_ShutdownServerSessionIDCache fails
     */
    static boolean completeServerCacheShutdown() {
        synchronized (LOCK) {
            if (!serverCacheShutdownPending) return false;
            serverCacheShutdownPending = false;
            serverCacheConfigured = false;
            if (Ssl3.SSL_ShutdownServerSessionIDCache() != 0) throw NSPRError.last();
            return true;
        }
    }

    /** A server session cache is in place (configured, shut down only on paper, or implicit). */
    private static boolean serverCacheConfigured;
    /** ... and it is the one {@link #ensureServerCache()} made, not the script's. */
    private static boolean serverCacheImplicit;

    /**
     * Before a config_*_cache call: a recorded shutdown is done, and an implicit
     * cache is shut down, so that the script's settings take effect (NSS ignores
     * a configuration while a cache is in place).
     *
     * @throws NSPRError when NSS fails to shut the previous cache down
     */
    public static void beforeServerCacheConfig() {
        synchronized (LOCK) {
            markSslUsed();
            completeServerCacheShutdown();
            if (serverCacheImplicit) {
                serverCacheImplicit = false;
                serverCacheConfigured = false;
                if (Ssl3.SSL_ShutdownServerSessionIDCache() != 0) throw NSPRError.last();
            }
        }
    }

    /** Records that a config_*_cache call succeeded: a server session cache of the script's is in place. */
    public static void serverCacheConfigured() {
        synchronized (LOCK) {
            serverCacheConfigured = true;
        }
    }

    /**
     * Before a socket may handshake as a server (an accepted connection,
     * reset_handshake(as_server=True)): a process that never configured the
     * server session cache gets NSS's default single-process one. NSS itself
     * would divide by the unconfigured cache's zero size in the first server
     * handshake that caches or uncaches a session (SIGFPE; python-nss dies so).
     *
     * @throws NSPRError when NSS cannot configure the default cache
     */
    public static void ensureServerCache() {
        synchronized (LOCK) {
            if (serverCacheConfigured) return;
            markSslUsed();
            if (Ssl3.SSL_ConfigServerSessionIDCache(0, 0, 0, null) != 0) throw NSPRError.last();
            serverCacheConfigured = true;
            serverCacheImplicit = true;
        }
    }

    /** Runs one NSS initialisation; plain or context. */
    static <T> T init(boolean plain, java.util.function.Supplier<T> nssInit) {
        synchronized (LOCK) {
            boolean wasUp = isInitialized();
            T result = nssInit.get();
            knownUp = Nss3.NSS_IsInitialized() != 0;
            if (knownUp && ++initialisations > 1) keepModules();
            if (!wasUp) newSession();
            if (plain) plainInit = true;
            if (result instanceof InitContext ctx) CONTEXTS.add(ctx);
            return result;
        }
    }

    /**
     * The shared libraries NSS loads when it initialises and unloads when it
     * shuts down: the software token, its crypto library and the optional
     * legacy-database and built-in-roots modules. Loading them again at each
     * initialisation (mapping, relocating, and looking up each symbol across
     * every library of a JVM process) took ~0.65 ms of an
     * {@code nss_init_nodb()}; from NSS's second initialisation on, a library
     * NSS has loaded stays mapped (see {@link LibC#keepLoaded}; the first
     * call of it costs a few ms, which a program that starts NSS once does not
     * pay), so that a program or a test suite that starts and stops NSS
     * repeatedly loads them twice at most. NSS still finalizes and
     * initialises the token each time, as it does whenever another part of a
     * process holds the library. {@code -Djnss.nss.keepModules=false} leaves
     * them to NSS.
     */
    private static final String[] MODULE_LIBRARIES = {
            "libsoftokn3.so", "libfreeblpriv3.so", "libfreebl3.so", "libnssdbm3.so", "libnssckbi.so"};
    private static final boolean KEEP_MODULES = !"false".equals(System.getProperty("jnss.nss.keepModules"));
    /** successful initialisations so far (guarded by LOCK) */
    private static int initialisations;
    /** which of {@link #MODULE_LIBRARIES} are kept (guarded by LOCK) */
    private static final boolean[] KEPT = new boolean[MODULE_LIBRARIES.length];

    /** Keeps loaded those of NSS's module libraries that NSS has loaded and are not kept yet (holding LOCK). */
    private static void keepModules() {
        if (!KEEP_MODULES) return;
        for (int i = 0; i < MODULE_LIBRARIES.length; i++)
            if (!KEPT[i]) KEPT[i] = LibC.keepLoaded(MODULE_LIBRARIES[i]);
    }

    /** NSS came up: a callback set while it was down is not registered with it (as in python-nss). */
    private static void newSession() {
        shutdownCallback = null;
        shutdownUserData = new Object[0];
        shutdownHookRegistered = false;
    }

    static void setShutdownCallback(ShutdownCallback cb, Object[] userData) {
        synchronized (LOCK) {
            if (cb == null || !isInitialized()) {
                shutdownCallback = null;
                shutdownUserData = new Object[0];
                return;
            }
            if (!shutdownHookRegistered) {
                if (Nss3.NSS_RegisterShutdown(NATIVE_SHUTDOWN, 0) != 0) throw NSPRError.last();
                shutdownHookRegistered = true;
            }
            shutdownCallback = cb;
            shutdownUserData = userData == null ? new Object[0] : userData;
        }
    }

    /** Native state the core keeps for itself (pooled contexts): released before NSS goes down. */
    private static final java.util.List<Runnable> BEFORE_SHUTDOWN = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Counts the NSS sessions that ended: native state of an earlier one is dead. */
    private static volatile int ended;

    /**
     * Registers a release of native state the core keeps for itself (not for
     * the program), run before each shutdown that may take NSS down, on the
     * shutting-down thread.
     *
     * @param release the release; must not throw
     */
    public static void beforeShutdown(Runnable release) {
        BEFORE_SHUTDOWN.add(release);
    }

    /**
     * Which NSS session this is: changes whenever a shutdown call was made, so
     * native state made under another value must not be used or released.
     *
     * @return the number of shutdown calls made so far
     */
    public static int session() {
        return ended;
    }

    /** Right before a shutdown call: the core's own native state is released, and the session counted as ended. */
    private static void endSession() {
        for (Runnable r : BEFORE_SHUTDOWN) r.run();
        knownUp = false;
        ended++;
    }

    /** Releases what nothing references any more; SEC_ERROR_BUSY (NSS stays up) if something still does. */
    private static void prepareShutdown() {
        if (sslUsed) Ssl3.SSL_ClearSessionCache();
        if (org.jnss.core.Lifecycle.releaseUnreferenced() > 0) throw new NSPRError(null, ErrorConstants.SEC_ERROR_BUSY);
    }

    static void shutdown() {
        synchronized (LOCK) {
            if (!plainInit) throw new NSPRError(null, ErrorConstants.SEC_ERROR_NOT_INITIALIZED);
            prepareShutdown();
            completeServerCacheShutdown();
            endSession();
            int rv = Nss3.NSS_Shutdown();
            int err = rv != 0 ? Nspr4.PR_GetError() : 0;
            plainInit = false;
            afterShutdown();
            if (rv != 0) throw new NSPRError(null, err);
        }
    }

    static void shutdownContext(InitContext ctx) {
        synchronized (LOCK) {
            long handle = ctx.take();
            if (handle == 0 || !CONTEXTS.contains(ctx))
                throw new NSPRError(null, ErrorConstants.SEC_ERROR_NOT_INITIALIZED);
            if (!plainInit && CONTEXTS.size() == 1) {
                try {
                    prepareShutdown();
                } catch (NSPRError e) {
                    ctx.restore(handle);
                    throw e;
                }
                completeServerCacheShutdown();
            }
            endSession();
            int rv = Nss3.NSS_ShutdownContext(handle);
            int err = rv != 0 ? Nspr4.PR_GetError() : 0;
            CONTEXTS.remove(ctx);
            afterShutdown();
            if (rv != 0) throw new NSPRError(null, err);
        }
    }

    /** After a shutdown call: if NSS is now down, everything bound to it is dead. */
    private static void afterShutdown() {
        knownUp = Nss3.NSS_IsInitialized() != 0;
        if (knownUp) return;
        Nss3.SECOID_Init();      // NSS_Shutdown tore the OID table down: by-tag lookups need it (see Nss3)
        plainInit = false;
        for (InitContext c : CONTEXTS) c.take();
        CONTEXTS.clear();
        org.jnss.core.Lifecycle.invalidateBlocking();
        shutdownHookRegistered = false;
        shutdownCallback = null;
        shutdownUserData = new Object[0];
        sslUsed = false;
    }
}
