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
}
