package org.jnss.python;

import org.jnss.core.Python;
import org.jnss.core.ArgumentError;
import org.jnss.core.BinaryData;
import org.jnss.core.Peered;
import org.jnss.core.Slice;

import org.python.core.Py;
import org.python.core.PyArray;
import org.python.core.PyBoolean;
import org.python.core.PyByteArray;
import org.python.core.PyDictionary;
import org.python.core.PyFloat;
import org.python.core.PyInteger;
import org.python.core.PyList;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PySlice;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;
import org.python.core.util.StringUtil;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Conversions between Python values and the plain Java types of the core. */
public final class Convert {
    private Convert() {}

    /** Converts one Python argument to the Java type a parameter declares. */
    interface ToJava {
        Object convert(PyObject v);
    }

    // ---- Python -> Java ------------------------------------------------

    static ToJava forType(Class<?> t) {
        if (t == int.class || t == Integer.class) return Convert::toInt;
        if (t == long.class || t == Long.class) return Convert::toLong;
        if (t == short.class || t == Short.class) return v -> (short) toInt(v);
        if (t == boolean.class || t == Boolean.class) return PyObject::__nonzero__;
        if (t == double.class || t == Double.class) return Convert::toDouble;
        if (t == String.class) return Convert::toStr;
        if (t == byte[].class) return Convert::toBytes;
        if (t == java.nio.ByteBuffer.class) return Convert::toByteBuffer;
        if (t == PyObject.class) return v -> v;
        if (t == Object.class) return Convert::toObject;
        if (t == Object[].class) return v -> v;  // *args collected by the invoker
        if (t.isInterface() && t.isAnnotationPresent(FunctionalInterface.class)) return v -> toCallback(v, t);
        return v -> toCore(v, t);
    }

    /**
     * CPython 2's conversion of an argument to a C int ({@code "i"}), the rule
     * for every int parameter (unsigned ones are declared with {@link Python.Unsigned}).
     *
     * @param v a Python int, long or bool
     * @return the value as a Java int
     * @throws org.python.core.PyException OverflowError if the value is outside -2**31 .. 2**31 - 1
     * @throws ArgumentError (TypeError) for a float or a non-integer
     */
    public static int toInt(PyObject v) {
        long l = toLong(v);
        if (l > Integer.MAX_VALUE) throw Py.OverflowError("signed integer is greater than maximum");
        if (l < Integer.MIN_VALUE) throw Py.OverflowError("signed integer is less than minimum");
        return (int) l;
    }

    /** A boolean python-nss parses as a C int ({@code @Python.IntFlag}). */
    static Object toIntFlag(PyObject v) {
        long l = toLong(v);
        if (l > Integer.MAX_VALUE) throw Py.OverflowError("signed integer is greater than maximum");
        if (l < Integer.MIN_VALUE) throw Py.OverflowError("signed integer is less than minimum");
        return l != 0;
    }

    /** A boolean python-nss requires to be a bool ({@code @Python.BoolOnly}). */
    static Object toBoolOnly(PyObject v) {
        if (v instanceof PyBoolean b) return b.getBooleanValue();
        throw new ArgumentError("must be bool, not " + argTypeName(v));
    }

    /**
     * CPython 2's integer conversion ("i", "l" formats): int, long and bool; no floats, no None.
     *
     * @param v a Python int, long or bool
     * @return the value as a Java long
     * @throws org.python.core.PyException OverflowError if the value does not fit 64 signed bits
     * @throws ArgumentError (TypeError) for a float ("integer argument expected, got float")
     *         or another non-integer ("an integer is required")
     */
    public static long toLong(PyObject v) {
        if (v instanceof PyInteger i) return i.getValue();
        if (v instanceof PyLong pl) {
            BigInteger b = pl.getValue();
            if (b.bitLength() > 63) throw Py.OverflowError("Python int too large to convert to C long");
            return b.longValue();
        }
        if (v instanceof PyFloat) throw new ArgumentError("integer argument expected, got float");
        throw new ArgumentError("an integer is required");
    }

    /**
     * A {@code __getitem__} key under CPython 2's sequence-index rules (see
     * {@link Python.Index}): a Long (not yet counted from the end), a Slice, or
     * a str/unicode/SecItem key as the generic conversion gives it.
     */
    static Object toIndex(PyObject v, Python.Index spec) {
        if (v instanceof PyInteger i) return (long) i.getValue();
        if (v instanceof PyLong pl) {
            java.math.BigInteger b = pl.getValue();
            if (b.bitLength() > 63) throw Py.IndexError("cannot fit 'long' into an index-sized integer");
            return b.longValue();
        }
        if (v instanceof org.python.core.PySlice && spec.slices()) return toObject(v);
        if (spec.keys() && (v instanceof PyString || v instanceof NssObject o && o.core() instanceof org.jnss.nss.SecItem))
            return toObject(v);
        if (!(v instanceof org.python.core.PySlice) && v.isIndex()) return toIndex(v.__index__(), spec);
        throw Py.TypeError(String.format(spec.notInteger(), typeName(v)));
    }

    /** The conversion of an {@code @Python.Unsigned} parameter: format 'k' or 'I', to an int or a long. */
    static ToJava unsigned(char format, boolean toInt) {
        if (format == 'I') return toInt ? v -> (int) toUnsignedI(v) : Convert::toUnsignedI;
        return toInt ? v -> (int) toUnsignedK(v) : Convert::toUnsignedK;
    }

    /** CPython 2's "I" format: int, long or bool, masked to 32 bits (no overflow check), as 0 .. 2**32 - 1. */
    static long toUnsignedI(PyObject v) {
        if (v instanceof PyInteger i) return i.getValue() & 0xFFFFFFFFL;
        if (v instanceof PyLong pl) return pl.getValue().longValue() & 0xFFFFFFFFL;
        if (v instanceof PyFloat) throw new ArgumentError("integer argument expected, got float");
        throw new ArgumentError("an integer is required");
    }

    /** CPython 2's "k" format: int, long or bool, masked to 64 bits (no overflow check). */
    static long toUnsignedK(PyObject v) {
        if (v instanceof PyInteger i) return i.getValue();
        if (v instanceof PyLong pl) return pl.getValue().longValue();
        throw new ArgumentError("must be integer<k>, not " + argTypeName(v));
    }

    static double toDouble(PyObject v) {
        if (v instanceof PyFloat || v instanceof PyInteger || v instanceof PyLong) return v.asDouble();
        throw new ArgumentError("a float is required");
    }

    /**
     * CPython 2's "s" format: str or unicode, never None, without NUL (C reads
     * the text up to its first NUL, so CPython refuses one). A str's bytes are
     * decoded as UTF-8 when they are valid UTF-8, else taken byte for byte
     * (each byte one char).
     *
     * @param v a Python str or unicode
     * @return the text
     * @throws ArgumentError (TypeError) "must be string, not X" for anything else,
     *         "must be string without null bytes, not X" for text holding a NUL
     */
    public static String toStr(PyObject v) {
        String text;
        if (v instanceof PyUnicode u) text = u.getString();
        else if (v instanceof PyString s) text = decodeBytes(s.getString());   // Python 2 str: bytes
        else throw new ArgumentError("must be string, not " + argTypeName(v));
        if (text.indexOf('\0') >= 0) throw new ArgumentError("must be string without null bytes, not " + argTypeName(v));
        return text;
    }

    private static String decodeBytes(String raw) {
        // ASCII text is its own UTF-8 decoding: read eight octets at a time where the JVM lets us
        boolean ascii = Latin1.zeroCopy() ? Latin1.isAscii(raw) : raw.chars().allMatch(c -> c <= 0x7f);
        if (ascii) return raw;
        byte[] b = StringUtil.toBytes(raw);
        var dec = StandardCharsets.UTF_8.newDecoder();
        try {
            return dec.decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return raw;
        }
    }

    /**
     * Binary data as a read-only buffer; a str is viewed without copying where the JVM allows.
     *
     * @param v any value {@link #toBytes} accepts
     * @return a read-only buffer over the bytes
     * @throws ArgumentError (TypeError) as {@link #toBytes} does
     */
    public static java.nio.ByteBuffer toByteBuffer(PyObject v) {
        if (v instanceof PyString s && !(v instanceof PyUnicode)) return Latin1.view(s.getString());
        return java.nio.ByteBuffer.wrap(toBytes(v)).asReadOnlyBuffer();
    }

    /**
     * Binary data: str, unicode (UTF-8), bytearray, array, buffer, memoryview, SecItem.
     *
     * @param v the Python value
     * @return a copy of its bytes (a str's bytes as they are; a unicode's UTF-8 encoding)
     * @throws ArgumentError (TypeError) "must be string or read-only buffer, not X" for anything else
     */
    public static byte[] toBytes(PyObject v) {
        if (v instanceof PyUnicode u) return u.getString().getBytes(StandardCharsets.UTF_8);
        if (v instanceof PyString s) return StringUtil.toBytes(s.getString());
        if (v instanceof PyByteArray ba) return StringUtil.toBytes(ba.asString());
        if (v instanceof NssObject o && o.core() instanceof BinaryData bd) return bd.toByteArray();
        if (v instanceof PyArray a) {
            Object arr = a.getArray();
            if (arr instanceof byte[] b) return b.clone();
            return StringUtil.toBytes(a.tostring());
        }
        String t = v.getType().getName();
        if (t.equals("buffer")) return StringUtil.toBytes(v.__str__().getString());
        if (t.equals("memoryview")) return StringUtil.toBytes(v.invoke("tobytes").toString());
        throw new ArgumentError("must be string or read-only buffer, not " + argTypeName(v));
    }

    /**
     * An {@code Object} parameter: Java values for Python scalars (bool →
     * Boolean, int → Integer, long → Long or BigInteger, float → Double,
     * str/unicode → String, slice → {@link Slice}, None → null), the core
     * object of an exposed type, else the Python object itself.
     *
     * @param v the Python value, or null
     * @return the Java value, or null for None (and for null)
     */
    public static Object toObject(PyObject v) {
        if (v == null || v == Py.None) return null;
        if (v instanceof NssObject o) return o.core();
        if (v instanceof PyBoolean b) return b.getBooleanValue();
        if (v instanceof PyInteger i) return i.getValue();
        if (v instanceof PyLong l) {
            BigInteger b = l.getValue();
            return b.bitLength() <= 63 ? (Object) b.longValue() : b;
        }
        if (v instanceof PyFloat f) return f.getValue();
        if (v instanceof PyString s) return toStr(s);
        if (v instanceof PySlice sl) return new Slice(sliceBound(sl.start), sliceBound(sl.stop), sliceBound(sl.step));
        return v;
    }

    /** A slice bound as CPython reads it (_PyEval_SliceIndex): None, or an integer clamped to the index range. */
    private static Long sliceBound(PyObject b) {
        if (b == null || b == Py.None) return null;
        if (!(b instanceof PyInteger || b instanceof PyLong)) {
            if (b.__findattr__("__index__") == null)
                throw Py.TypeError("slice indices must be integers or None or have an __index__ method");
            b = b.__index__();
        }
        BigInteger x = b instanceof PyLong l ? l.getValue() : BigInteger.valueOf(((PyInteger) b).getValue());
        if (x.bitLength() > 63) return x.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return x.longValue();
    }

    /** {@link #toObject} for raw values (elements of {@code Object...} arguments) seen by the core. */
    static Object rawToJava(Object raw) {
        return raw instanceof PyObject p ? toObject(p) : raw;
    }

    static Object toCore(PyObject v, Class<?> t) {
        if (v instanceof NssObject o && t.isInstance(o.core())) return o.core();
        throw new ArgumentError("must be " + Binder.pythonTypeName(t) + ", not " + argTypeName(v));
    }

    /** A Python callable behind a core callback interface. */
    @SuppressWarnings("unchecked")
    static <T> T toCallback(PyObject v, Class<T> iface) {
        if (!v.isCallable()) throw new ArgumentError("callback must be callable");
        InvocationHandler h = new CallbackHandler(v, iface);
        return (T) Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[]{iface}, h);
    }

    static final class CallbackHandler implements InvocationHandler {
        final PyObject callable;
        final Class<?> iface;

        CallbackHandler(PyObject callable, Class<?> iface) {
            this.callable = callable;
            this.iface = iface;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> args[0] == proxy;
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "<python callback " + callable + ">";
                };
            }
            if (m.isDefault()) {
                try {
                    return InvocationHandler.invokeDefault(proxy, m, args);
                } catch (Throwable t) {
                    throw new RuntimeException(t);
                }
            }
            PyObject[] pyArgs = spread(args, m.isVarArgs());
            PyObject r = callable.__call__(pyArgs);
            Class<?> rt = m.getReturnType();
            if (rt == void.class) return null;
            if (rt == boolean.class) return r.__nonzero__();
            if (r == Py.None) return rt.isPrimitive() ? forType(rt).convert(Py.Zero) : null;
            return forType(rt).convert(r);
        }
    }

    private static PyObject[] spread(Object[] args, boolean varArgs) {
        if (args == null) return Py.EmptyObjects;
        int n = args.length;
        Object[] extra = null;
        if (varArgs && n > 0 && args[n - 1] instanceof Object[] tail) {
            extra = tail;
            n--;
        }
        int total = n + (extra == null ? 0 : extra.length);
        PyObject[] out = new PyObject[total];
        for (int i = 0; i < n; i++) out[i] = toPy(args[i]);
        if (extra != null) for (int i = 0; i < extra.length; i++) out[n + i] = toPy(extra[i]);
        return out;
    }

    // ---- Java -> Python ------------------------------------------------

    /** Jython's constructor of a str known to hold bytes only (skips a scan of every char). */
    private static final java.lang.invoke.MethodHandle BYTES_STR = bytesConstructor();

    private static java.lang.invoke.MethodHandle bytesConstructor() {
        try {
            return java.lang.invoke.MethodHandles.privateLookupIn(PyString.class, java.lang.invoke.MethodHandles.lookup())
                    .findConstructor(PyString.class, java.lang.invoke.MethodType.methodType(void.class, String.class, boolean.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Python str holding these bytes (Python 2's binary string). The str takes
     * the array as its storage where the JVM allows ({@link Latin1#adopt}): core
     * results are arrays their maker never changes again, so no copy is made.
     *
     * @param b the bytes, handed over (not to be changed afterwards)
     * @return a str whose chars are the bytes, one each
     */
    public static PyString bytes(byte[] b) {
        if (b.length <= 1)      // Jython's shared one-octet strings (CPython shares them too)
            return b.length == 0 ? Py.EmptyString : Py.makeCharacter((char) (b[0] & 0xff));
        return bytesStr(Latin1.adopt(b));    // every char < 256
    }

    /** The str of a String whose chars are all below 256 (checked only when the JVM gives no other way). */
    private static PyString bytesStr(String s) {
        if (BYTES_STR != null) {
            try {
                return (PyString) BYTES_STR.invokeExact(s, true);
            } catch (Throwable e) {
                // fall through to the checking constructor
            }
        }
        return new PyString(s);
    }

    /**
     * Python str of Java text: its UTF-8 encoding, a lone surrogate
     * U+DC80..U+DCFF as the byte it stands for ({@link org.jnss.core.JavaText}'s rule).
     *
     * @param s the text
     * @return a str holding its bytes (ASCII text as it is)
     */
    public static PyString str(String s) {
        // ASCII text (names, hex, a certificate's text: most of what the core returns) is its own
        // UTF-8: the str takes the String as it is
        if (s.length() > 1 && Latin1.isAscii(s)) return bytesStr(s);
        // text stored as Latin-1 has no surrogates: its UTF-8 is JavaText's encoding, and the JDK
        // makes it with one vectorised scan and copy when it is ASCII (a docstring, a certificate's
        // text), where two char-by-char scans (ours and PyString's) made the str before
        if (Latin1.isLatin1(s)) return bytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) return bytes(org.jnss.core.JavaText.encode(s));
        }
        return Py.newString(s);
    }

    /**
     * Converts a core result to its Python value: null → None, String → str
     * (UTF-8), byte[] → str (the bytes), Boolean → bool, integers → int or
     * long, Double → float, LocalDateTime → datetime, List and Collection →
     * list, arrays → tuple, Map → dict, a core object → its Python wrapper
     * (the same Python object for as long as it is alive, as under python-nss);
     * a PyObject is returned as it is.
     *
     * @param o the Java value, or null
     * @return the Python value
     * @throws org.python.core.PyException SystemError for a Java class with no Python type
     */
    public static PyObject toPy(Object o) {
        if (o == null) return Py.None;
        if (o instanceof PyObject p) return p;
        // core objects first: one class check, where the checks below (interfaces among them) all miss
        if (o instanceof Peered p) return peered(p);
        if (o instanceof String s) return str(s);
        if (o instanceof Boolean b) return b ? Py.True : Py.False;
        if (o instanceof Integer i) return Py.newInteger(i);
        if (o instanceof Long l) return Py.newInteger(l);
        if (o instanceof Short s) return Py.newInteger(s);
        if (o instanceof Byte b) return Py.newInteger(b);
        if (o instanceof BigInteger bi) return bi.bitLength() < 32 ? Py.newInteger(bi.intValue()) : new PyLong(bi);
        if (o instanceof java.time.LocalDateTime t) return datetime(t);
        if (o instanceof Double d) return new PyFloat(d);
        if (o instanceof byte[] b) return bytes(b);
        if (o instanceof List<?> l) {
            PyObject[] items = new PyObject[l.size()];
            int i = 0;
            for (Object e : l) items[i++] = toPy(e);
            return new PyList(items);
        }
        if (o instanceof Object[] a) {
            PyObject[] items = new PyObject[a.length];
            for (int i = 0; i < a.length; i++) items[i] = toPy(a[i]);
            return new PyTuple(items);
        }
        if (o instanceof int[] a) {
            PyObject[] items = new PyObject[a.length];
            for (int i = 0; i < a.length; i++) items[i] = Py.newInteger(a[i]);
            return new PyTuple(items);
        }
        if (o instanceof Map<?, ?> m) {
            PyDictionary d = new PyDictionary();
            for (Map.Entry<?, ?> e : m.entrySet()) d.__setitem__(toPy(e.getKey()), toPy(e.getValue()));
            return d;
        }
        if (o instanceof Collection<?> c) return toPy(List.copyOf(c));
        if (o.getClass().isArray()) {
            int n = Array.getLength(o);
            PyObject[] items = new PyObject[n];
            for (int i = 0; i < n; i++) items[i] = toPy(Array.get(o, i));
            return new PyTuple(items);
        }
        NssType type = Binder.typeFor(o.getClass());
        if (type != null) {
            NssObject known = Wrappers.get(o);
            if (known != null) return known;
            NssObject w = new NssObject(type, o);
            Wrappers.put(o, w);
            return w;
        }
        throw Py.SystemError("no Python type for Java value of class " + o.getClass().getName());
    }

    /** The Python object of a core object: the one it carries, else a new one of its exposed type. */
    private static PyObject peered(Peered p) {
        if (p.peer() instanceof NssObject known) return known;
        NssType type = Binder.typeFor(p.getClass());
        if (type == null) throw Py.SystemError("no Python type for Java value of class " + p.getClass().getName());
        NssObject w = new NssObject(type, p);
        Wrappers.put(p, w);
        return w;
    }

    /** The type name in CPython's "must be X, not Y" argument errors, where None reads "None". */
    static String argTypeName(PyObject v) {
        return v == Py.None ? "None" : typeName(v);
    }

    static String typeName(PyObject v) {
        if (v instanceof NssObject o) return o.nssType().qualifiedName;
        return v.getType().fastGetName();
    }

    static PyObject bool(boolean b) {
        return b ? PyBoolean.TYPE.__call__(Py.One) : Py.False;
    }

    /** A naive datetime.datetime of the same fields (python-nss returns these for times). */
    private static PyObject datetime(java.time.LocalDateTime t) {
        PyObject cls = org.python.core.imp.importName("datetime", true).__getattr__("datetime");
        return cls.__call__(new PyObject[]{Py.newInteger(t.getYear()), Py.newInteger(t.getMonthValue()),
                Py.newInteger(t.getDayOfMonth()), Py.newInteger(t.getHour()), Py.newInteger(t.getMinute()),
                Py.newInteger(t.getSecond()), Py.newInteger(t.getNano() / 1000)});
    }
}
