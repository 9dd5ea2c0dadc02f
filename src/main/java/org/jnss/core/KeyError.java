package org.jnss.core;

/** A failed lookup whose Python counterpart is a KeyError (as opposed to StopIteration); a {@link NotFoundError}. */
public class KeyError extends NotFoundError {
    private static final long serialVersionUID = 1L;

    /**
     * A failed lookup.
     *
     * @param message the text of the Python KeyError (usually the key that was not found)
     */
    public KeyError(String message) {
        super(message);
    }
}
