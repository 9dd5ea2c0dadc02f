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
        byte[] read(Object file);
    }

    private static volatile Reader reader = FileObjects::readPath;

    private FileObjects() {}

    public static void install(Reader r) {
        reader = r;
    }

    /** The contents of the file; null when file is not a path and has no read() method. */
    public static byte[] read(Object file) {
        return reader.read(file);
    }

    /** The plain Java reading: a path, else null. */
    public static byte[] readPath(Object file) {
        if (!(file instanceof String path)) return null;
        try (InputStream in = new FileInputStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
