package org.jnss.natives;

/** The C library functions the core needs: flushing C stdio after NSS printed to stdout. */
public final class LibC {
    static { NativeLibs.register(LibC.class, "c"); }
    private LibC() {}

    /** {@code int fflush(FILE *stream)}; 0 (NULL) flushes every output stream. */
    public static native int fflush(long stream);
}
