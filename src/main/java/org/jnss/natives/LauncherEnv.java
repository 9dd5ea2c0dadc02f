package org.jnss.natives;

import com.sun.jna.NativeLibrary;

import java.util.Set;

/**
 * The environment variables {@code scripts/pynss} sets for the process itself
 * and not for the program: {@code MALLOC_ARENA_MAX}, which the C library reads
 * once, when the process starts, and {@code LC_ALL=C.UTF-8} under the C or
 * POSIX locale, from which the JVM takes the encoding of the command line,
 * the environment and file names (ASCII under the C locale: a non-ASCII
 * argument, variable or directory name reached the program as U+FFFD, where
 * Python 2 hands over the octets). The launcher names the ones it added (not
 * those the user had set) in the system property {@value #PROPERTY}, and gives
 * the user's value of one it replaced in {@value #RESTORE}{@code <name>}; the
 * launcher's {@code Main} puts the user's environment back in the JVM's
 * environment map before Jython copies it into {@code os.environ}
 * ({@link #userValues()}), and {@link #unsetNative()} does the same in the C
 * library's environment when the native libraries are loaded, so that no child
 * process inherits the launcher's values.
 */
public final class LauncherEnv {
    private LauncherEnv() {}

    /** The system property listing the added variables, comma-separated. */
    public static final String PROPERTY = "pynss.launcher.env";

    /** The prefix of the system properties giving the user's value of a replaced variable. */
    public static final String RESTORE = "pynss.launcher.restore.";

    /**
     * The user's values of the variables the launcher replaced, by name.
     *
     * @return name to value; empty when the JVM was not started by the launcher or it replaced none
     */
    public static java.util.Map<String, String> userValues() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String key : System.getProperties().stringPropertyNames())
            if (key.startsWith(RESTORE)) m.put(key.substring(RESTORE.length()), System.getProperty(key));
        return m;
    }

    /**
     * The names the launcher added.
     *
     * @return the names; empty when the JVM was not started by the launcher or it added none
     */
    public static Set<String> names() {
        String v = System.getProperty(PROPERTY, "");
        return v.isEmpty() ? Set.of() : Set.of(v.split(","));
    }

    /**
     * Removes the added variables from the C library's environment (unsetenv(3))
     * and gives the replaced ones their user's values back (setenv(3)): child
     * processes started without an explicit environment inherit it. Called
     * once, before NSS is loaded (NSS reads its environment when it starts).
     */
    static void unsetNative() {
        Set<String> names = names();
        java.util.Map<String, String> values = userValues();
        if (names.isEmpty() && values.isEmpty()) return;
        try {
            NativeLibrary c = NativeLibrary.getInstance("c");
            com.sun.jna.Function unsetenv = c.getFunction("unsetenv"), setenv = c.getFunction("setenv");
            for (String n : names) unsetenv.invokeInt(new Object[]{Mem.utf8z(n)});
            values.forEach((n, v) -> setenv.invokeInt(new Object[]{Mem.utf8z(n), Mem.utf8z(v), 1}));
        } catch (UnsatisfiedLinkError e) {
            // no C library by that name: nothing inherits from it either
        }
    }
}
