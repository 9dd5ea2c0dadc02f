package org.jnss.natives;

/**
 * The C library functions the core needs: flushing C stdio after NSS printed to
 * stdout, and the file descriptor calls of the launcher's warm start
 * ({@code org.jnss.python.Spare}).
 */
public final class LibC {
    static { NativeLibs.register(LibC.class, "c"); }
    private LibC() {}

    /** {@code int fflush(FILE *stream)}; 0 (NULL) flushes every output stream. */
    public static native int fflush(long stream);

    /** {@code open(2)} without O_CREAT; returns the descriptor or -1. */
    public static native int open(byte[] path, int flags);

    /** {@code read(2)}; returns the bytes read, 0 at end of file, -1 on error. */
    public static native long read(int fd, byte[] buf, long count);

    /** {@code write(2)}; returns the bytes written or -1. */
    public static native long write(int fd, byte[] buf, long count);

    /** {@code dup2(2)}: makes {@code newfd} a copy of {@code oldfd}; returns newfd or -1. */
    public static native int dup2(int oldfd, int newfd);

    /** {@code mkfifo(3)}: a named pipe with the given mode; 0 or -1. */
    public static native int mkfifo(byte[] path, int mode);

    /** {@code close(2)}. */
    public static native int close(int fd);

    /** dlopen(3) flags (Linux): resolve lazily; only answer for a library already loaded. */
    static final int RTLD_LAZY = 1, RTLD_NOLOAD = 4;

    /** The dynamic loader's {@code dlopen}, found in the process (libc or libdl); null if it cannot be. */
    private static volatile com.sun.jna.Function dlopen;

    /**
     * Keeps a shared library that the process has already loaded mapped for
     * the rest of the run: {@code dlopen(soname, RTLD_LAZY | RTLD_NOLOAD)},
     * whose reference is never given back. Loads nothing: a library not loaded
     * yet is left alone. Used for the libraries NSS loads at each
     * initialisation and unloads at each shutdown.
     *
     * @param soname the library's name, e.g. {@code "libsoftokn3.so"}
     * @return true if the library is loaded and now kept; false if it is not
     *         loaded, or the dynamic loader could not be asked
     */
    public static boolean keepLoaded(String soname) {
        try {
            com.sun.jna.Function f = dlopen;
            if (f == null) dlopen = f = com.sun.jna.NativeLibrary.getProcess().getFunction("dlopen");
            return f.invokeLong(new Object[]{Mem.utf8z(soname), RTLD_LAZY | RTLD_NOLOAD}) != 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** open(2) flags (Linux). */
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_NOCTTY = 0400, O_APPEND = 02000;
}
