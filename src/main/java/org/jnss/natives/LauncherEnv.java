package org.jnss.natives;

import com.sun.jna.NativeLibrary;

import java.util.Set;

/**
 * The environment variables {@code scripts/pynss} sets for the process itself
 * and not for the program: {@code MALLOC_ARENA_MAX}, which the C library reads
 * once, when the process starts. The launcher names the ones it added (not
 * those the user had set) in the system property {@value #PROPERTY}; the
 * launcher's {@code Main} removes them from the JVM's environment map before
 * Jython copies it into {@code os.environ}, and {@link #unsetNative()} removes
 * them from the C library's environment when the native libraries are loaded,
 * so that no child process inherits them.
 */
public final class LauncherEnv {
    private LauncherEnv() {}

    /** The system property listing the added variables, comma-separated. */
    public static final String PROPERTY = "pynss.launcher.env";

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
     * Removes the added variables from the C library's environment (unsetenv(3)),
     * which child processes started without an explicit environment inherit.
     * Called once, before NSS is loaded (NSS reads its environment when it starts).
     */
    static void unsetNative() {
        Set<String> names = names();
        if (names.isEmpty()) return;
        try {
            com.sun.jna.Function unsetenv = NativeLibrary.getInstance("c").getFunction("unsetenv");
            for (String n : names) unsetenv.invokeInt(new Object[]{Mem.utf8z(n)});
        } catch (UnsatisfiedLinkError e) {
            // no C library by that name: nothing inherits from it either
        }
    }
}
