package org.jnss.python;

import org.jnss.core.Python;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code @Python} declarations of the core, as the binder reads them: from
 * an index the build writes ({@value #RESOURCE}, by
 * {@code DeclarationWriter} from the compiled classes), else from the
 * annotations themselves.
 *
 * <p>The annotations stay the one source; the index is what they say, read
 * once. The JVM's own reading of annotations parses each member's annotation
 * bytes and makes a proxy class per annotation type (about 1 ms each on a cold
 * JVM): ~18 ms of every start, which binds some 650 declarations at import,
 * and more at the first call of functions whose parameters carry
 * {@code @Python.Unsigned}, {@code @Python.OrNone} and the like. A class the
 * index does not list (one compiled apart from the core, a test's) is read
 * through reflection as before; a class of the JDK carries no declaration.
 *
 * <p>The index is ASCII text, one record per line, fields separated by tabs;
 * in values, tabs, line ends and backslashes are escaped as {@code \t},
 * {@code \n}, {@code \r}, {@code \\}, other characters outside printable
 * ASCII as {@code \}{@code uXXXX}. Members are named by {@link #key(Member)}.
 * <pre>
 * K class                           a class the index covers (a member of it not listed has no declaration)
 * M class value types functions     {@code @Python.Module}; class names separated by ','
 * T class value                     {@code @Python.Type}
 * P member value unicode            {@code @Python} of a field, method or constructor (unicode: 0 or 1)
 * L member name value               {@code @Python.Lookup} of a field
 * A member i kind [values...]       an annotation of parameter i: Index notInteger slices keys,
 *                                   Unsigned char, Raw, OrNone, IntFlag, BoolOnly
 * </pre>
 */
final class Declarations {
    private Declarations() {}

    static final String RESOURCE = "META-INF/jnss/declarations.txt";

    private static final Annotation[] NONE = {};

    /** The index, read at first use (absent: every class is read through reflection). */
    private static final class Index {
        static final Index INSTANCE = read();

        final Set<String> classes = new HashSet<>();
        final Map<String, Python> python = new HashMap<>();
        final Map<String, Python.Lookup> lookups = new HashMap<>();
        final Map<String, Python.Module> modules = new HashMap<>();
        final Map<String, Python.Type> types = new HashMap<>();
        final Map<String, List<Annotation>[]> parameters = new HashMap<>();

        private static Index read() {
            Index x = new Index();
            try (InputStream in = Declarations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) return x;
                // ASCII (see escape): the bytes are the chars; one pass of indexOf over the text, which
                // runs at every start, mostly interpreted (a line reader decoding char by char cost 3x)
                String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                for (int at = 0, n = text.length(); at < n; ) {
                    int end = text.indexOf('\n', at);
                    if (end < 0) end = n;
                    if (end > at) x.add(split(text, at, end));
                    at = end + 1;
                }
            } catch (IOException | RuntimeException e) {
                return new Index();     // unreadable: reflection for everything, as without an index
            }
            return x;
        }

        private void add(String[] f) {
            switch (f[0]) {
                case "K" -> classes.add(f[1]);
                case "M" -> modules.put(f[1], new ModuleDecl(f[2], names(f[3]), names(f[4]), f[1]));
                case "T" -> types.put(f[1], new TypeDecl(f[2]));
                case "P" -> python.put(f[1], new PythonDecl(f[2], f[3].equals("1")));
                case "L" -> lookups.put(f[1], new LookupDecl(f[2], f[3]));
                case "A" -> parameter(f);
                default -> throw new IllegalArgumentException("unknown record " + f[0]);
            }
        }

        @SuppressWarnings("unchecked")
        private void parameter(String[] f) {
            int i = Integer.parseInt(f[2]);
            List<Annotation>[] all = parameters.get(f[1]);
            if (all == null) parameters.put(f[1], all = new List[parameterCount(f[1])]);
            if (all[i] == null) all[i] = new ArrayList<>(2);
            all[i].add(switch (f[3]) {
                case "Index" -> new IndexDecl(f[4], f[5].equals("1"), f[6].equals("1"));
                case "Unsigned" -> new UnsignedDecl(f[4].charAt(0));
                case "Raw" -> new RawDecl();
                case "OrNone" -> new OrNoneDecl();
                case "IntFlag" -> new IntFlagDecl();
                case "BoolOnly" -> new BoolOnlyDecl();
                default -> throw new IllegalArgumentException("unknown parameter annotation " + f[3]);
            });
        }

        private static String[] names(String s) {
            return s.isEmpty() ? new String[0] : s.split(",");
        }

        /** Parameters of a member named by {@link #key}: the commas inside its parentheses, plus one. */
        private static int parameterCount(String key) {
            int open = key.indexOf('(');
            if (key.charAt(open + 1) == ')') return 0;
            int n = 1;
            for (int i = open + 1; i < key.length(); i++) if (key.charAt(i) == ',') n++;
            return n;
        }
    }

    /**
     * How the index names a member: the binary name of its class, '#', its name
     * ({@code <init>} for a constructor) and, for a method or constructor, its
     * parameters' {@link Class#getName() names} in parentheses, separated by ','.
     *
     * @param m a field, method or constructor
     * @return its key
     */
    static String key(Member m) {
        StringBuilder sb = new StringBuilder(96).append(m.getDeclaringClass().getName()).append('#');
        if (m instanceof Executable e) {
            sb.append(e instanceof java.lang.reflect.Constructor ? "<init>" : e.getName()).append('(');
            Class<?>[] p = e.getParameterTypes();
            for (int i = 0; i < p.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(p[i].getName());
            }
            sb.append(')');
        } else {
            sb.append(m.getName());
        }
        return sb.toString();
    }

    /**
     * Whether the index covers c (a class of the core, as built): its
     * declarations are the index's, and it carries no Jython {@code @ExposedType}
     * (the index is not written otherwise); otherwise c's annotations are read.
     *
     * @param c the class
     * @return true when the index lists it
     */
    static boolean covers(Class<?> c) {
        return c.getClassLoader() == Declarations.class.getClassLoader() && Index.INSTANCE.classes.contains(c.getName());
    }

    /** Whether c is the JDK's (its classes carry no declaration of ours). */
    private static boolean jdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }

    /**
     * The {@code @Python} declaration of a field, method or constructor.
     *
     * @param m the member
     * @return its declaration, or null if it has none
     */
    static Python python(Member m) {
        Class<?> c = m.getDeclaringClass();
        if (covers(c)) return Index.INSTANCE.python.get(key(m));
        return jdk(c) ? null : ((AnnotatedElement) m).getAnnotation(Python.class);
    }

    /**
     * The {@code @Python.Lookup} declaration of a field.
     *
     * @param f the field
     * @return its declaration, or null if it has none
     */
    static Python.Lookup lookup(Field f) {
        Class<?> c = f.getDeclaringClass();
        if (covers(c)) return Index.INSTANCE.lookups.get(key(f));
        return jdk(c) ? null : f.getAnnotation(Python.Lookup.class);
    }

    /**
     * The {@code @Python.Module} declaration of a class.
     *
     * @param c the class
     * @return its declaration, or null if it has none
     */
    static Python.Module module(Class<?> c) {
        if (covers(c)) return Index.INSTANCE.modules.get(c.getName());
        return jdk(c) ? null : c.getAnnotation(Python.Module.class);
    }

    /**
     * The {@code @Python.Type} declaration of a class.
     *
     * @param c the class
     * @return its declaration, or null if it has none
     */
    static Python.Type type(Class<?> c) {
        if (covers(c)) return Index.INSTANCE.types.get(c.getName());
        return jdk(c) ? null : c.getAnnotation(Python.Type.class);
    }

    /**
     * The annotations of a method's or constructor's parameters that concern the
     * binder (those declared in {@link Python}), as
     * {@link Executable#getParameterAnnotations()} gives them.
     *
     * @param e the method or constructor
     * @return an array per parameter, empty where there is none
     */
    static Annotation[][] parameters(Executable e) {
        Class<?> c = e.getDeclaringClass();
        if (!covers(c)) return jdk(c) ? new Annotation[e.getParameterCount()][0] : e.getParameterAnnotations();
        List<Annotation>[] found = Index.INSTANCE.parameters.get(key(e));
        Annotation[][] out = new Annotation[e.getParameterCount()][];
        for (int i = 0; i < out.length; i++)
            out[i] = found == null || i >= found.length || found[i] == null ? NONE : found[i].toArray(NONE);
        return out;
    }

    /** A line's fields, unescaped. */
    static String[] split(String line) {
        return split(line, 0, line.length());
    }

    /** The fields of the line text[from, to), unescaped. */
    private static String[] split(String text, int from, int to) {
        int n = 1;
        for (int i = text.indexOf('\t', from); i >= 0 && i < to; i = text.indexOf('\t', i + 1)) n++;
        String[] f = new String[n];
        for (int k = 0, at = from; k < n; k++) {
            int end = k == n - 1 ? to : text.indexOf('\t', at);
            f[k] = unescape(text.substring(at, end));
            at = end + 1;
        }
        return f;
    }

    /** A value as a field of a line, in ASCII (see the class comment). */
    static String escape(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char ch = s.charAt(i);
            plain = ch >= ' ' && ch < 0x7f && ch != '\\';
        }
        if (plain) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (ch >= ' ' && ch < 0x7f) sb.append(ch);
                    else org.jnss.asn1.Codec.appendHex(sb.append("\\u"), ch, 4);
                }
            }
        }
        return sb.toString();
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 == s.length()) {
                sb.append(ch);
                continue;
            }
            char n = s.charAt(++i);
            if (n == 'u' && i + 4 < s.length()) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
                continue;
            }
            sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
        }
        return sb.toString();
    }

    // The declarations as objects of the annotation interfaces, so that the binder reads an indexed
    // declaration and an annotation alike (no proxy class, no parsing).

    private record PythonDecl(String value, boolean unicode) implements Python {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.class; }
    }

    private record ModuleDecl(String value, String[] typeNames, String[] functionNames, String owner)
            implements Python.Module {
        @Override
        public Class<?>[] types() { return classes(typeNames); }

        @Override
        public Class<?>[] functions() { return classes(functionNames); }

        private Class<?>[] classes(String[] names) {
            Class<?>[] out = new Class<?>[names.length];
            try {
                ClassLoader l = Declarations.class.getClassLoader();
                for (int i = 0; i < names.length; i++) out[i] = Class.forName(names[i], false, l);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(owner + ": a class its @Python.Module names is missing", e);
            }
            return out;
        }

        @Override
        public Class<? extends Annotation> annotationType() { return Python.Module.class; }
    }

    private record TypeDecl(String value) implements Python.Type {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.Type.class; }
    }

    private record LookupDecl(String name, String value) implements Python.Lookup {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.Lookup.class; }
    }

    private record IndexDecl(String notInteger, boolean slices, boolean keys) implements Python.Index {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.Index.class; }
    }

    private record UnsignedDecl(char value) implements Python.Unsigned {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.Unsigned.class; }
    }

    private record RawDecl() implements Python.Raw {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.Raw.class; }
    }

    private record OrNoneDecl() implements Python.OrNone {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.OrNone.class; }
    }

    private record IntFlagDecl() implements Python.IntFlag {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.IntFlag.class; }
    }

    private record BoolOnlyDecl() implements Python.BoolOnly {
        @Override
        public Class<? extends Annotation> annotationType() { return Python.BoolOnly.class; }
    }
}
