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
}
