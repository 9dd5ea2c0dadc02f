package org.jnss.nss;

import org.jnss.core.Python;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An NSS initialisation context (NSS_InitContext). Unlike python-nss, dropping
 * the last reference does not shut the context down (the JVM frees objects at
 * unpredictable times, on another thread): call {@link #shutdown()} or
 * nss_shutdown_context.
 */
public class InitContext {
    private final AtomicLong handle;

    InitContext(long handle) {
        this.handle = new AtomicLong(handle);
    }

    /** Shuts this context down; NSSPRError SEC_ERROR_NOT_INITIALIZED if it already is. */
    @Python("shutdown()")
    public void shutdown() {
        NssRuntime.shutdownContext(this);
    }

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
