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

    /** Where diagnostics of callbacks go (python-nss writes them to sys.stderr). */
    public static void setPrinter(java.util.function.Consumer<String> p) {
        printer = p;
    }

    /** Prints one diagnostic line about a callback; never fails. */
    public static void print(String line) {
        try {
            printer.accept(line);
        } catch (Throwable ignored) {
            // reporting must not fail the native caller
        }
    }

    public static void setReporter(BiConsumer<String, Throwable> r) {
        reporter = r;
    }

    public static void report(String where, Throwable t) {
        try {
            reporter.accept(where, t);
        } catch (Throwable ignored) {
            // reporting must not fail the native caller
        }
    }
}
