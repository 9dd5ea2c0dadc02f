package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyDictionary;
import org.python.core.PyInteger;
import org.python.core.PyList;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Regular expressions compiled in earlier runs, for Jython's {@code sre_compile}
 * (through {@code _pynss.regex_code} and {@code _pynss.regex_keep}, see
 * {@link LauncherModule}). Jython parses and compiles a pattern in Python
 * ({@code sre_parse}, {@code sre_compile}), which on a cold JVM takes 5-60 ms a
 * pattern; modules compile some as they are imported ({@code string}'s
 * {@code Template}, {@code textwrap}, {@code argparse}'s parsers). What the
 * compilation gives, the final flags, the code (a list of integers), the group
 * count and the group names, depends on the pattern, its type (str or
 * unicode) and the flags alone, and is kept in {@link ScriptCache} (kind
 * {@code r}) with them, so that an entry serves only the same pattern, byte
 * for byte, of the same type, with the same flags, in the same build. A
 * pattern compiled with {@code re.DEBUG} (whose parser prints its tree) is
 * neither looked up nor kept.
 *
 * <p>An entry's data ends with its CRC-32, so that damage to it reads as no
 * entry (the pattern is compiled again) rather than as another pattern. A
 * process adds at most {@value #STORES} patterns: a program that makes
 * many patterns of its own (from its input, say) does not fill the cache or
 * spend its time writing it.
 */
final class CompiledPatterns {
    private CompiledPatterns() {}

    /** Patterns one process may add to the cache. */
    static final int STORES = 32;
    private static final AtomicInteger storesLeft = new AtomicInteger(STORES);

    private static final byte INT = 'i', LONG = 'l', STR = 's', UNICODE = 'u';

    /**
     * What an earlier run's compilation of {@code pattern} with {@code flags} gave:
     * a tuple (final flags, code, group count minus one, group index), or None.
     */
    static PyObject known(PyObject pattern, PyObject flags) {
        byte[] key = key(pattern, flags);
        byte[] data = key == null ? null : ScriptCache.loadData("r", flags.toString(), key);
        if (data == null || data.length < 8 || crc(data, data.length - 8) != ByteBuffer.wrap(data).getLong(data.length - 8)) return Py.None;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 8))) {
            PyObject finalFlags = Py.newInteger(in.readInt());
            PyObject groups = Py.newInteger(in.readInt());
            int n = in.readInt();
            if (n < 0 || n > data.length) return Py.None;
            PyObject[] code = new PyObject[n];
            for (int i = 0; i < n; i++) {
                byte type = in.readByte();
                long v = in.readLong();
                if (type == INT && v == (int) v) code[i] = Py.newInteger((int) v);
                else if (type == LONG) code[i] = Py.newLong(v);
                else return Py.None;
            }
            PyDictionary groupindex = new PyDictionary();
            int names = in.readInt();
            if (names < 0 || names > data.length) return Py.None;
            for (int i = 0; i < names; i++) {
                PyObject name = readText(in);
                if (name == null) return Py.None;
                groupindex.__setitem__(name, Py.newInteger(in.readInt()));
            }
            if (in.available() != 0) return Py.None;
            return new PyTuple(finalFlags, new PyList(code), groups, groupindex);
        } catch (IOException | RuntimeException damaged) {
            return Py.None;     // compiled again
        }
    }

    /**
     * Keeps what the compilation of {@code pattern} with {@code flags} gave, when
     * every part is of a kind this class stores (anything else is not kept).
     */
    static void keep(PyObject pattern, PyObject flags, PyObject finalFlags, PyObject code,
                     PyObject groups, PyObject groupindex) {
        if (storesLeft.get() <= 0) return;        // this process has added its share: nothing to make
        byte[] key = key(pattern, flags);
        if (key == null || !(finalFlags instanceof PyInteger) || !(groups instanceof PyInteger)
                || !(code instanceof PyList list) || !(groupindex instanceof PyDictionary index)) return;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 9 * list.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(((PyInteger) finalFlags).getValue());
            out.writeInt(((PyInteger) groups).getValue());
            PyObject[] items = list.getArray();
            out.writeInt(items.length);
            for (PyObject x : items) {
                if (x.getType() == PyInteger.TYPE) {
                    out.writeByte(INT);
                    out.writeLong(((PyInteger) x).getValue());
                } else if (x.getType() == PyLong.TYPE && ((PyLong) x).getValue().bitLength() < 64) {
                    out.writeByte(LONG);
                    out.writeLong(((PyLong) x).getValue().longValue());
                } else {
                    return;
                }
            }
            PyList entries = index.items();
            out.writeInt(entries.size());
            for (PyObject entry : entries.getArray()) {
                PyObject name = entry.__getitem__(0), value = entry.__getitem__(1);
                if (value.getType() != PyInteger.TYPE || !writeText(out, name)) return;
                out.writeInt(((PyInteger) value).getValue());
            }
        } catch (IOException e) {
            return;
        }
        byte[] data = Arrays.copyOf(bytes.toByteArray(), bytes.size() + 8);
        ByteBuffer.wrap(data).putLong(data.length - 8, crc(data, data.length - 8));
        if (storesLeft.getAndDecrement() > 0) ScriptCache.storeData("r", flags.toString(), key, data);
    }

    /** CRC-32 of the first n octets: an entry's data ends with it, so that damage reads as no entry. */
    private static long crc(byte[] data, int n) {
        CRC32 c = new CRC32();
        c.update(data, 0, n);
        return c.getValue();
    }

    /** {@code re.DEBUG}: the parser prints the pattern's tree, so such a compilation is never skipped. */
    private static final int DEBUG = 128;

    /**
     * The pattern's type and text as the entry's source; null for anything but an
     * exact str or unicode with int flags, and for {@code re.DEBUG}.
     */
    private static byte[] key(PyObject pattern, PyObject flags) {
        if (!ModuleSource.cached || flags.getType() != PyInteger.TYPE || (((PyInteger) flags).getValue() & DEBUG) != 0) return null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (!writeText(out, pattern)) return null;
        } catch (IOException e) {
            return null;
        }
        return bytes.toByteArray();
    }

    /** Writes an exact str (its octets) or unicode (its UTF-16 units) with its type; false for anything else. */
    private static boolean writeText(DataOutputStream out, PyObject text) throws IOException {
        String s = text.toString();
        if (text.getType() == PyUnicode.TYPE) {
            out.writeByte(UNICODE);
            out.writeInt(s.length());
            out.writeChars(s);
        } else if (text.getType() == PyString.TYPE) {
            out.writeByte(STR);
            out.writeInt(s.length());
            for (int i = 0; i < s.length(); i++) out.writeByte(s.charAt(i));
        } else {
            return false;
        }
        return true;
    }

    private static PyObject readText(DataInputStream in) throws IOException {
        byte type = in.readByte();
        int n = in.readInt();
        if (n < 0 || n > in.available()) return null;
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(type == UNICODE ? in.readChar() : (char) (in.readByte() & 0xff));
        if (type == UNICODE) return new PyUnicode(sb.toString());
        return type == STR ? new PyString(sb.toString()) : null;
    }
}
