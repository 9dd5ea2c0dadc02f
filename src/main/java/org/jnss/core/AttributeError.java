package org.jnss.core;

/** An attribute the object does not have in its current state; Python's AttributeError. */
public class AttributeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A missing-attribute error.
     *
     * @param message the text of the Python AttributeError, as python-nss words it
     */
    public AttributeError(String message) {
        super(message);
    }

    /** No Java stack when the launcher turned them off ({@link org.jnss.error.NSPRError#stackTraces()}). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return org.jnss.error.NSPRError.stackTraces() ? super.fillInStackTrace() : this;
    }
}
