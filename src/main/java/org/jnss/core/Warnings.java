package org.jnss.core;

/**
 * Warnings python-nss issues through Python's warnings module (e.g. a socket
 * made without a family: DeprecationWarning). Plain Java ignores them; the
 * Python surface installs a {@link Sink} that hands them to the warnings module.
 */
public final class Warnings {
    /** Receives a warning of a Python category ("DeprecationWarning", ...). */
    @FunctionalInterface
    public interface Sink {
        /**
         * Issues one warning.
         *
         * @param category the Python warning class name, e.g. {@code "DeprecationWarning"}
         * @param message  the warning's text
         */
        void warn(String category, String message);
    }

    private static volatile Sink sink = (category, message) -> { };

    private Warnings() {}

    /**
     * Installs where warnings go (the default drops them).
     *
     * @param s the sink
     */
    public static void install(Sink s) {
        sink = s;
    }

    /**
     * Issues a DeprecationWarning through the installed sink.
     *
     * @param message the warning's text
     */
    public static void deprecation(String message) {
        sink.warn("DeprecationWarning", message);
    }

    /**
     * Issues a RuntimeWarning through the installed sink (CPython's warning when
     * a value assigned to a C int member is truncated).
     *
     * @param message the warning's text
     */
    public static void runtime(String message) {
        sink.warn("RuntimeWarning", message);
    }
}
