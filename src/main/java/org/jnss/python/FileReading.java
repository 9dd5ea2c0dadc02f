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
}
