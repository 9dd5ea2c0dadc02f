package org.jnss.python;

import org.jnss.core.Python;

import org.python.core.Py;
import org.python.core.PyDataDescr;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyType;
import org.python.expose.ExposeAsSuperclass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The docstrings of the API, made from its Javadoc: the build's annotation
 * processor ({@code PydocProcessor}, under {@code src/build/java}) writes the
 * text of every documented module, type and {@code @Python} member into
 * {@value #RESOURCE}; this class reads it and puts each signature above its
 * text, as CPython shows a built-in's docstring.
 *
 * <p>Reading is lazy: module docs (the head of the resource) at the first
 * module bound, everything else at the first {@code __doc__} or help() of a
 * type or callable, never during an ordinary start-up. A declaration whose
 * Javadoc is missing falls back to its annotation's {@code doc} (the older
 * way, kept until every {@code doc =} has moved into Javadoc).
 */
final class Docstrings {
    static final String RESOURCE = "META-INF/jnss/pydoc.txt";

    private Docstrings() {}

    private static volatile Map<String, String> modules;
    private static volatile Map<String, String> all;

    /** The docstring of a function, method or constructor: its signature, then its text. */
    static String callable(Executable member) {
        Python py = Declarations.python(member);
        String sig = py.value().trim();
        String text = text("D " + member.getDeclaringClass().getName() + " " + Signature.parse(sig).name);
        return text.isEmpty() ? sig : sig + "\n\n" + text;
    }

    /** The docstring of a property (its getter's text, else its setter's); null when there is none. */
    static String property(Executable getter, Executable setter) {
        Python py = Declarations.python(getter);
        String text = text("D " + getter.getDeclaringClass().getName() + " " + py.value().trim());
        if (text.isEmpty() && setter != null)
            text = text("D " + setter.getDeclaringClass().getName() + " " + Declarations.python(setter).value().trim());
        return text.isEmpty() ? null : text;
    }

    /**
     * The docstring of an exposed type: the constructor's signature, the
     * class's text, then the constructor's own text. Null when the class has
     * no Javadoc.
     */
    static String type(Class<?> cls, Executable constructor) {
        String body = load().get("C " + cls.getName());
        if (body == null) return null;
        StringBuilder sb = new StringBuilder();
        if (constructor != null) sb.append(Declarations.python(constructor).value().trim()).append("\n\n");
        sb.append(body);
        if (constructor != null) {
            Python py = Declarations.python(constructor);
            String ctor = text("D " + constructor.getDeclaringClass().getName() + " " + Signature.parse(py.value()).name);
            if (!ctor.isEmpty()) sb.append("\n\n").append(ctor);
        }
        return sb.toString();
    }

    /**
     * The docstring of a module: the module class's text, then what the
     * module class generates as its {@code __doc__} constant, if anything
     * (nss.error's list of errors).
     */
    static String module(Class<?> moduleClass, String generated) {
        Map<String, String> m = modules;
        if (m == null) modules = m = read(true);
        String text = m.get("C " + moduleClass.getName());
        if (text == null) text = "";
        if (generated == null || generated.isEmpty()) return text;
        return text.isEmpty() ? generated : text + "\n\n" + generated;
    }

    private static String text(String key) {
        String t = load().get(key);
        return t != null ? t : "";
    }

    private static Map<String, String> load() {
        Map<String, String> m = all;
        if (m == null) {
            synchronized (Docstrings.class) {
                m = all;
                if (m == null) all = m = read(false);
            }
        }
        return m;
    }

    /** The entries of the resource (only the module classes' when modulesOnly); empty when there is none. */
    static Map<String, String> read(boolean modulesOnly) {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = Docstrings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String key = null;
            StringBuilder text = new StringBuilder();
            boolean first = true;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("|")) {
                    if (!first) text.append('\n');
                    text.append(line, 1, line.length());
                    first = false;
                    continue;
                }
                if (key != null) out.put(key, text.toString());
                key = null;
                text.setLength(0);
                first = true;
                if (line.equals("=") && modulesOnly) break;
                if (line.startsWith("C ") || line.startsWith("D ")) key = line;
            }
            if (key != null) out.put(key, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * {@code __doc__} of an exposed type: made at its first reading (the type's
     * and the instances' {@code __doc__}), read-only as a C type's.
     */
    static final class TypeDoc extends PyDataDescr implements ExposeAsSuperclass {
        private final Supplier<String> make;
        private volatile PyObject doc;

        TypeDoc(Supplier<String> make) {
            super("__doc__", String.class, null);
            this.make = make;
        }

        void ownerType(PyType type) {
            setType(type);
        }

        private PyObject doc() {
            PyObject d = doc;
            if (d == null) {
                String s = make.get();
                doc = d = s == null ? Py.None : Convert.str(s);
            }
            return d;
        }

        @Override
        public PyObject __get__(PyObject obj, PyObject type) {
            return doc();
        }

        @Override
        public PyObject getset_descriptor___get__(PyObject obj, PyObject type) {
            return doc();
        }

        @Override
        public Object invokeGet(PyObject obj) {
            return doc();
        }

        @Override
        public void __set__(PyObject obj, PyObject value) {
            throw Py.AttributeError("attribute '__doc__' of '" + dtype.fastGetName() + "' objects is not writable");
        }

        @Override
        public void getset_descriptor___set__(PyObject obj, PyObject value) {
            __set__(obj, value);
        }

        @Override
        public void __delete__(PyObject obj) {
            __set__(obj, null);
        }

        @Override
        public void getset_descriptor___delete__(PyObject obj) {
            __set__(obj, null);
        }

        @Override
        public boolean implementsDescrGet() { return true; }

        @Override
        public boolean implementsDescrSet() { return true; }

        @Override
        public boolean isDataDescr() { return true; }

        @Override
        public String getDoc() {
            return null;
        }

        @Override
        public String toString() {
            return "<attribute '__doc__' of '" + dtype.fastGetName() + "' objects>";
        }
    }
}
