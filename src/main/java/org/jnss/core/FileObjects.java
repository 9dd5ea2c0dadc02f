package org.jnss.core;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reading "a file name or a file object" as python-nss functions accept it:
 * a path (String) is opened and read; any other object is read through its
 * read() method, which only the Python surface can call (it installs a
 * {@link Reader}). Without the Python surface only paths are readable.
 */
public final class FileObjects {
    /** Reads a path or a file-like object; null when the object is neither. */
    @FunctionalInterface
    public interface Reader {
        /**
         * Reads the whole file.
         *
         * @param file a path (String) or, under Python, an object with a {@code read()} method
         * @return the file's contents, or null when {@code file} is neither
         * @throws RuntimeException when the file cannot be read (an
         *         {@link java.io.UncheckedIOException} in Java, IOError under Python)
         */
        byte[] read(Object file);
    }

    private static volatile Reader reader = FileObjects::readPath;

    private FileObjects() {}

    /**
     * Replaces the reader (the Python surface installs one that opens paths
     * with Python's {@code open()} and also reads file objects).
     *
     * @param r the reader
     */
    public static void install(Reader r) {
        reader = r;
    }

    /**
     * Reads a whole file through the installed reader.
     *
     * @param file a path (String) or a file object
     * @return the contents of the file; null when {@code file} is not a path and has no read() method
     * @throws RuntimeException when the file cannot be read (an
     *         {@link java.io.UncheckedIOException} in Java, IOError under Python)
     */
    public static byte[] read(Object file) {
        return reader.read(file);
    }

    /**
     * The plain Java reading, the default reader: a path is read as the JVM
     * resolves it (against {@code user.dir}); anything else gives null.
     *
     * @param file a path (String), or any other object
     * @return the contents of the file, or null when {@code file} is not a String
     * @throws java.io.UncheckedIOException when the file cannot be read (Python's IOError)
     */
    public static byte[] readPath(Object file) {
        if (!(file instanceof String path)) return null;
        try (InputStream in = new FileInputStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
