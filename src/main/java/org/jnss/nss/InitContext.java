package org.jnss.nss;

import org.jnss.core.Peered;

import org.jnss.core.Python;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An NSS initialisation context (NSS_InitContext), Python's {@code nss.nss.InitContext}:
 * one user's share of NSS, which stays up while any context (or the plain
 * initialization) is open. Made by {@link Nss#nssInitContext} ({@code nss_init_context()}).
 *
 * <p>Unlike python-nss, dropping the last reference does not shut the context
 * down (the JVM frees objects at unpredictable times, on another thread): call
 * {@link #shutdown()} or nss_shutdown_context. From Java, try-with-resources does it:
 * {@code try (InitContext ctx = Nss.nssInitContext(...)) { ... }}.
 */
public class InitContext extends Peered implements AutoCloseable {
    private final AtomicLong handle;

    InitContext(long handle) {
        this.handle = new AtomicLong(handle);
    }

    /**
     * Shuts this context down ({@code NSS_ShutdownContext}); when it was the
     * last context and there is no plain initialization, NSS shuts down as a
     * whole, as {@link Nss#nssShutdown()} describes.
     *
     * @throws org.jnss.error.NSPRError SEC_ERROR_NOT_INITIALIZED when it already is shut down;
     *         SEC_ERROR_BUSY when NSS would go down while the program still holds NSS
     *         objects (the context then stays open)
     */
    @Python("shutdown()")
    public void shutdown() {
        NssRuntime.shutdownContext(this);
    }

    /**
     * Shuts this context down unless it already is (for try-with-resources).
     *
     * @throws org.jnss.error.NSPRError if NSS refuses (SEC_ERROR_BUSY: objects of the context are still in use)
     */
    @Override
    public void close() {
        if (!isShutdown()) shutdown();
    }

    /**
     * Whether {@link #shutdown()} already ran.
     *
     * @return true once shut down
     */
    public boolean isShutdown() {
        return handle.get() == 0;
    }

    /** Takes the native handle (0 if already taken): only one shutdown may use it. */
    long take() {
        return handle.getAndSet(0);
    }

    void restore(long h) {
        handle.set(h);
    }
}
