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
    public static native int open(String path, int flags);

    /** {@code read(2)}; returns the bytes read, 0 at end of file, -1 on error. */
    public static native long read(int fd, byte[] buf, long count);

    /** {@code write(2)}; returns the bytes written or -1. */
    public static native long write(int fd, byte[] buf, long count);

    /** {@code dup2(2)}: makes {@code newfd} a copy of {@code oldfd}; returns newfd or -1. */
    public static native int dup2(int oldfd, int newfd);

    /** {@code mkfifo(3)}: a named pipe with the given mode; 0 or -1. */
    public static native int mkfifo(String path, int mode);

    /** {@code close(2)}. */
    public static native int close(int fd);

    /** open(2) flags (Linux). */
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_NOCTTY = 0400, O_APPEND = 02000;
}
