package org.jnss.core;

import java.util.function.BiConsumer;

/**
 * Where failures inside callbacks invoked by native code go: an exception must
 * never unwind into NSS. The Python surface installs a reporter that prints the
 * Python traceback, as python-nss does.
 */
public final class CallbackErrors {
    private static volatile BiConsumer<String, Throwable> reporter = (where, t) -> {
        System.err.println("exception in " + where);
        t.printStackTrace();
    };

    private static volatile java.util.function.Consumer<String> printer = System.err::println;

    private CallbackErrors() {}

    /**
     * Sets where diagnostic lines about callbacks go (python-nss writes them to
     * {@code sys.stderr}; the default here is {@code System.err}).
     *
     * @param p receives each line, without its line end
     */
    public static void setPrinter(java.util.function.Consumer<String> p) {
        printer = p;
    }

    /**
     * Prints one diagnostic line about a callback (e.g. a callback that returned
     * the wrong type) through the installed printer; never fails, so it is safe
     * to call from code that native code invoked.
     *
     * @param line the text, without a line end
     */
    public static void print(String line) {
        try {
            printer.accept(line);
        } catch (Throwable ignored) {
            // reporting must not fail the native caller
        }
    }

    /**
     * Sets what happens to an exception raised inside a callback. The default
     * prints "exception in WHERE" and the Java stack trace to {@code System.err};
     * the Python surface prints the Python traceback instead.
     *
     * @param r receives where the failure happened and the exception
     */
    public static void setReporter(BiConsumer<String, Throwable> r) {
        reporter = r;
    }

    /**
     * Reports an exception caught inside a callback (or another place where it
     * must not propagate, such as the release of a dropped native object) through
     * the installed reporter; never fails.
     *
     * @param where what was running, e.g. {@code "SSLSocket.handshake_callback"}
     * @param t     the exception
     */
    public static void report(String where, Throwable t) {
        try {
            reporter.accept(where, t);
        } catch (Throwable ignored) {
            // reporting must not fail the native caller
        }
    }
}
