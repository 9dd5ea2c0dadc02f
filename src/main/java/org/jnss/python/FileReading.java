package org.jnss.python;

import org.jnss.core.FileObjects;

import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyUnicode;
import org.python.core.util.StringUtil;

/**
 * {@link FileObjects.Reader} for Jython: a path is opened with Python's open()
 * (so its failures are Python's IOError), anything with a read() method is
 * read through it; the contents must be a (byte) str.
 */
final class FileReading implements FileObjects.Reader {
    @Override
    public byte[] read(Object file) {
        PyObject f;
        boolean opened = false;
        if (file instanceof String path) {
            byte[] contents = readRegularFile(path);
            if (contents != null) return contents;
            f = Py.getSystemState().getBuiltins().__finditem__("open").__call__(Convert.str(path), Py.newString("rb"));
            opened = true;
        } else {
            // a core object (an nss.io.Socket has read()) is asked through its Python face
            PyObject p = file instanceof PyObject o ? o : file == null ? null : Convert.toPy(file);
            if (p == null || p.__findattr__("read") == null) return null;
            f = p;
        }
        try {
            PyObject contents = f.invoke("read");
            if (contents instanceof PyString s && !(contents instanceof PyUnicode)) return StringUtil.toBytes(s.getString());
            throw Py.TypeError("expected file contents to be bytes, not " + Convert.typeName(contents));
        } finally {
            if (opened) f.invoke("close");
        }
    }

    /**
     * The contents of a regular file named by an ASCII path (relative to the
     * program's working directory as Python sees it), read by Java: Jython's
     * open() costs ~30 us per file of its own. Null for anything else, and for
     * any failure: the caller then opens the path with open(), which reads it or
     * raises Python's own IOError for it.
     */
    private static byte[] readRegularFile(String path) {
        if (path.isEmpty() || !Latin1.isAscii(path) || path.indexOf('\0') >= 0) return null;
        try {
            java.nio.file.Path p = Py.getSystemState().getFile(path).toPath();
            if (!java.nio.file.Files.isRegularFile(p)) return null;
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
