package org.jnss.core;

import java.io.File;
import java.util.function.Supplier;

/**
 * The current directory as the program sees it, for relative paths handed to
 * NSS. A JVM cannot change its process's directory, so a script's
 * {@code os.chdir} only moves the interpreter's idea of it: the Python surface
 * installs that one here, and every relative path is made absolute against it
 * before NSS (which would take it from where the JVM started) gets it.
 */
public final class WorkingDirectory {
    private static volatile Supplier<String> current = () -> System.getProperty("user.dir");

    /** NSS database type prefixes, kept in front of the resolved directory. */
    private static final String[] DB_PREFIXES = {"sql:", "dbm:", "extern:", "rdb:", "multiaccess:"};

    private WorkingDirectory() {}

    /**
     * Sets where the current directory is read from (the default is the
     * {@code user.dir} system property; the Python surface installs
     * {@code os.getcwd()}).
     *
     * @param cwd gives the current directory, an absolute path, on each call
     */
    public static void install(Supplier<String> cwd) {
        current = cwd;
    }

    /**
     * The current directory as the program sees it.
     *
     * @return an absolute path
     */
    public static String get() {
        return current.get();
    }

    /**
     * Makes a file path absolute against the current directory.
     *
     * @param path a path, absolute or relative
     * @return the absolute path; an absolute path, null and "" are returned as they are
     */
    public static String resolve(String path) {
        if (path == null || path.isEmpty() || new File(path).isAbsolute()) return path;
        return new File(get(), path).getPath();
    }

    /**
     * Makes an NSS configuration directory absolute, keeping its {@code sql:},
     * {@code dbm:}, {@code extern:}, {@code rdb:} or {@code multiaccess:} prefix
     * in front ({@code sql:pki} becomes {@code sql:/current/dir/pki}).
     *
     * @param dir the directory as given to an NSS initialization function, or null
     * @return the resolved directory; null for null, "" as it is
     */
    public static String resolveDatabase(String dir) {
        if (dir == null) return null;
        for (String p : DB_PREFIXES) {
            if (dir.startsWith(p)) return p + resolve(dir.substring(p.length()));
        }
        return resolve(dir);
    }
}
