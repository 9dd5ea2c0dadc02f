package org.jnss.python;

import org.jnss.core.PyObjects;

import org.python.core.Py;
import org.python.core.PyInteger;
import org.python.core.PyLong;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;
import org.python.core.util.StringUtil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link PyObjects.Ops} for Jython objects (null is None). */
final class RawObjects implements PyObjects.Ops {
    private static PyObject py(Object o) {
        return o == null ? Py.None : (PyObject) o;
    }

    @Override
    public boolean isList(Object o) {
        return o instanceof PyList;
    }

    @Override
    public boolean isTuple(Object o) {
        return o instanceof PyTuple;
    }

    @Override
    public List<Object> items(Object sequence) {
        // a plain tuple or list as it holds its items (a view of the tuple's own array); a subclass
        // through its own __len__ and __getitem__
        if (sequence != null && sequence.getClass() == PyTuple.class) return Arrays.asList((Object[]) ((PyTuple) sequence).getArray());
        if (sequence != null && sequence.getClass() == PyList.class) return Arrays.asList((Object[]) ((PyList) sequence).getArray());
        PyObject seq = py(sequence);
        int n = seq.__len__();
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(seq.__getitem__(i));
        return out;
    }

    @Override
    public Long intValue(Object o) {
        if (o instanceof PyInteger i) return (long) i.getValue();
        if (o instanceof PyLong l) return org.jnss.core.CInts.asLongOrFailed(l.getValue());
        return null;
    }

    @Override
    public byte[] utf8(Object o) {
        if (o instanceof PyUnicode u) return u.getString().getBytes(StandardCharsets.UTF_8);
        if (o instanceof PyString s) return StringUtil.toBytes(s.getString());
        return null;
    }

    @Override
    public String byteString(Object o) {
        if (o instanceof PyUnicode u) return new String(u.getString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        if (o instanceof PyString s) return s.getString();      // a str's chars are its octets
        return null;
    }

    @Override
    public boolean isText(Object o) {
        return o instanceof PyString;     // PyUnicode is a PyString in Jython
    }

    @Override
    public Object str(Object o) {
        return py(o).__str__();
    }

    @Override
    public byte[] buffer(Object o) {
        if (!(o instanceof PyObject p) || p == Py.None) return null;
        // a unicode's read buffer in a wide (UCS-4) CPython 2 build is its code points, 4 octets each
        if (p instanceof PyUnicode u) return u.getString().getBytes(java.nio.charset.Charset.forName("UTF-32LE"));
        try {
            return Convert.toBytes(p);
        } catch (org.jnss.core.ArgumentError e) {
            return null;
        }
    }
}
