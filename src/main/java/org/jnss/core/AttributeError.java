package org.jnss.core;

/** An attribute the object does not have in its current state; Python's AttributeError. */
public class AttributeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AttributeError(String message) {
        super(message);
    }
}
