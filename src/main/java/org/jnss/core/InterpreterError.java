package org.jnss.core;

/** A failure CPython reports as RuntimeError (e.g. its argument parser rejecting a function's own declaration). */
public class InterpreterError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An interpreter-level failure.
     *
     * @param message the text of the Python RuntimeError
     */
    public InterpreterError(String message) {
        super(message);
    }

    /** No Java stack when the launcher turned them off ({@link org.jnss.error.NSPRError#stackTraces()}). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return org.jnss.error.NSPRError.stackTraces() ? super.fillInStackTrace() : this;
    }
}
