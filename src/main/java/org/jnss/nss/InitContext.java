package org.jnss.nss;

import org.jnss.core.Py;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An NSS initialisation context (NSS_InitContext). Unlike python-nss, dropping
 * the last reference does not shut NSS down at an unpredictable moment (that
 * would race with other threads): call {@link #shutdown()} or nss_shutdown_context.
 */
public class InitContext {
    private final AtomicLong handle;

    InitContext(long handle) {
        this.handle = new AtomicLong(handle);
    }

    @Py("shutdown()")
    public void shutdown() {
        long h = handle.getAndSet(0);
        if (h == 0) throw new NSPRError(null, ErrorConstants.SEC_ERROR_NOT_INITIALIZED);
        NssRuntime.shutdownContext(this, h);
    }

    public boolean isShutdown() {
        return handle.get() == 0;
    }
}
