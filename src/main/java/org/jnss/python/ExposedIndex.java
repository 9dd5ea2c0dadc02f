package org.jnss.python;

import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * Which of Jython's own classes are exposed types, as found when pynss was
 * built. Jython decides whether a {@code PyObject} class becomes a
 * built-in-style type by reading its {@code @ExposedType} annotation
 * ({@code PyType.Registry.isExposed}). The JVM's first reading of a class's
 * annotations parses all of them and, to find inherited ones, its
 * superclasses' too (docstrings included), and makes a proxy class per
 * annotation type; Jython asks for every type it makes as it starts. The
 * build reads the jar once and rewrites that check (in {@code jython-cds.jar}, the build's
 * {@code RuntimeLayout}) to ask {@link #annotation} with the names it found.
 */
public final class ExposedIndex {
    private ExposedIndex() {}

    /** A table of names as the build passes it, and its set. */
    private record Parsed(String table, Set<String> names) {}

    /** The table last asked with (the build passes the same constant every time). */
    private static volatile Parsed known = new Parsed(null, Set.of());

    /**
     * Whether {@code c} carries annotation {@code type}. For a class of Jython's
     * ({@code org.python.*}, loaded with the annotation type), whether the build
     * found it annotated ({@code @ExposedType} is not inherited, so no
     * superclass can add it); for a class of the core that the declarations
     * index covers, null (the build checks that none carries
     * {@code @ExposedType}); for any other class, what
     * {@code c.getAnnotation(type)} returns.
     *
     * @param c     the class asked about
     * @param type  the annotation type ({@code org.python.expose.ExposedType})
     * @param names the binary names of the jar's classes that carry the
     *              annotation, each followed by '\n'
     * @return non-null when {@code c} carries the annotation
     */
    public static Object annotation(Class<?> c, Class<? extends Annotation> type, String names) {
        String name = c.getName();
        if (c.getClassLoader() == type.getClassLoader() && name.startsWith("org.python."))
            return names(names).contains(name) ? Boolean.TRUE : null;
        // the core's own Python objects (an internal default marker, a bound method) carry none, which
        // the build checks when it writes the declarations index; asking the JVM would parse PyObject's
        // annotations too and make their proxy classes (~2 ms at the first such object)
        if (type.getName().equals("org.python.expose.ExposedType") && Declarations.covers(c)) return null;
        return c.getAnnotation(type);
    }

    private static Set<String> names(String table) {
        Parsed k = known;
        if (k.table() != table) {
            k = new Parsed(table, Set.of(table.split("\n")));
            known = k;
        }
        return k.names();
    }
}
