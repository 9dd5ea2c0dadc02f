package org.jnss.core;

/**
 * The registry of live native handles, for the runtime (NSS initialization and
 * shutdown) and the Python binder: not part of the API of the objects
 * themselves, which only offer {@code close()}. See {@link NativeResource}.
 */
public final class Lifecycle {
    private Lifecycle() {}

    /**
     * Number of live handles that keep NSS from shutting down.
     *
     * @return how many certificates, keys, slots, contexts ... are open
     */
    public static int liveBlockingCount() {
        return NativeResource.liveBlockingCount();
    }

    /**
     * Installs an extra collection step run after {@code System.gc()} before
     * shutdown (the Python surface's interpreter collection).
     *
     * @param collector the step, or null for none
     */
    public static void setCollector(Runnable collector) {
        NativeResource.setCollector(collector);
    }

    /**
     * Releases every blocking handle whose owner is no longer reachable.
     *
     * @return how many handles that keep NSS busy are still in use by the program
     */
    public static int releaseUnreferenced() {
        return NativeResource.releaseUnreferenced();
    }

    /** Closes every live handle that keeps NSS busy, referenced or not. */
    public static void closeAllBlocking() {
        NativeResource.closeAllBlocking();
    }

    /**
     * NSS is down: every handle that kept it busy is marked dead without being
     * destroyed; later use raises an NSPRError instead of touching freed memory.
     */
    public static void invalidateBlocking() {
        NativeResource.invalidateBlocking();
    }
}
