package org.jnss.core;

import java.util.NoSuchElementException;

/** A failed lookup whose Python counterpart is a KeyError (as opposed to StopIteration). */
public class KeyError extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    public KeyError(String message) {
        super(message);
    }
}
