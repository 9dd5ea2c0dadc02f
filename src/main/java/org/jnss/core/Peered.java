package org.jnss.core;

/**
 * Base of the core classes that a binding layer presents in another language:
 * it holds that layer's object for this one (the Python binder's Python
 * object), so that the same core object always comes back as the same
 * presented object without a lookup table, whose entries and weak references
 * every call returning a new object would pay for. Plain Java code has no use
 * for it.
 */
public abstract class Peered {
    /** The binding layer's object for this one, or null. */
    private volatile Object peer;

    /** For subclasses. */
    protected Peered() {}

    /**
     * The object a binding layer keeps for this one.
     *
     * @return the peer set last, or null
     */
    public final Object peer() {
        return peer;
    }

    /**
     * Sets the object a binding layer keeps for this one. It lives as long as
     * this object (a reference cycle between the two is fine: they become
     * unreachable together).
     *
     * @param p the peer, or null
     */
    public final void setPeer(Object p) {
        peer = p;
    }
}
