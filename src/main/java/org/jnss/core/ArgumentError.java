package org.jnss.core;

/**
 * A bad argument whose Python counterpart is a TypeError (wrong type), as
 * opposed to {@link IllegalArgumentException}, which becomes a ValueError.
 */
public class ArgumentError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * A wrong-type argument error.
     *
     * @param message the text of the Python TypeError, as python-nss words it
     */
    public ArgumentError(String message) {
        super(message);
    }

    /** No Java stack when the launcher turned them off ({@link org.jnss.error.NSPRError#stackTraces()}). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return org.jnss.error.NSPRError.stackTraces() ? super.fillInStackTrace() : this;
    }
}
