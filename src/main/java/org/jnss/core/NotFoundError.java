package org.jnss.core;

import java.util.NoSuchElementException;

/** A failed lookup by key or name, whose Python counterpart is a KeyError. */
public class NotFoundError extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    /**
     * A failed lookup.
     *
     * @param message the text of the Python KeyError (usually the key or name that was not found)
     */
    public NotFoundError(String message) {
        super(message);
    }

    /** No Java stack when the launcher turned them off ({@link org.jnss.error.NSPRError#stackTraces()}). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return org.jnss.error.NSPRError.stackTraces() ? super.fillInStackTrace() : this;
    }
}
