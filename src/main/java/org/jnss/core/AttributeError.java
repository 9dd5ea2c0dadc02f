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
}
