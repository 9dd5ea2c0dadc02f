package org.jnss.python;

import org.jnss.core.Python;

import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the index of the core's {@code @Python} declarations that
 * {@link Declarations} reads at run time (build-time code, run on the compiled
 * classes): {@code DeclarationWriter CLASSES_DIR} writes
 * {@code CLASSES_DIR/}{@value Declarations#RESOURCE}. Every class that loads
 * is listed, declarations or not; one that does not (it needs a library only
 * some builds have, JUnit for the harness) is left out, and the binder reads
 * its annotations at run time.
 */
public final class DeclarationWriter {
    private DeclarationWriter() {}

    /**
     * Writes the index for the compiled classes under a directory.
     *
     * @param args the classes directory (the build's {@code target/classes})
     * @throws IOException when the classes cannot be listed or the index written
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString())
                    .filter(n -> n.startsWith("org/jnss/") && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .forEach(names::add);
        }
        List<String> lines = new ArrayList<>();
        int skipped = 0;
        ClassLoader loader = DeclarationWriter.class.getClassLoader();
        for (String name : names) {
            List<String> own = new ArrayList<>();
            try {
                Class<?> c = Class.forName(name, false, loader);
                classDeclarations(c, own);
            } catch (ClassNotFoundException | LinkageError e) {
                skipped++;
                continue;
            }
            lines.add(line("K", name));
            lines.addAll(own);
        }
        Path out = root.resolve(Declarations.RESOURCE);
        Files.createDirectories(out.getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String l : lines) w.write(l + "\n");
        }
        System.out.println("declarations: " + (names.size() - skipped) + " classes indexed, " + skipped
                + " left to reflection, " + out);
    }

    private static void classDeclarations(Class<?> c, List<String> out) {
        if (c.getDeclaredAnnotation(org.python.expose.ExposedType.class) != null)
            throw new IllegalStateException(c.getName() + " carries @ExposedType: ExposedIndex answers the core's"
                    + " classes from the declarations index, which has no record for it");
        Python.Module m = c.getDeclaredAnnotation(Python.Module.class);
        if (m != null) out.add(line("M", c.getName(), m.value(), names(m.types()), names(m.functions())));
        Python.Type t = c.getDeclaredAnnotation(Python.Type.class);
        if (t != null) out.add(line("T", c.getName(), t.value()));
        Field[] fields = c.getDeclaredFields();
        java.util.Arrays.sort(fields, Comparator.comparing(Field::getName));
        for (Field f : fields) {
            String key = Declarations.key(f);
            Python py = f.getDeclaredAnnotation(Python.class);
            if (py != null) out.add(line("P", key, py.value(), py.unicode() ? "1" : "0"));
            Python.Lookup l = f.getDeclaredAnnotation(Python.Lookup.class);
            if (l != null) out.add(line("L", key, l.name(), l.value()));
        }
        List<Executable> members = new ArrayList<>(List.of(c.getDeclaredConstructors()));
        members.addAll(List.of(c.getDeclaredMethods()));
        members.sort(Comparator.comparing(Declarations::key));
        for (Executable e : members) {
            String key = Declarations.key(e);
            Python py = e.getDeclaredAnnotation(Python.class);
            if (py != null) out.add(line("P", key, py.value(), py.unicode() ? "1" : "0"));
            Annotation[][] params = e.getParameterAnnotations();
            for (int i = 0; i < params.length; i++) {
                for (Annotation a : params[i]) {
                    String p = parameter(a);
                    if (p != null) out.add(line("A", key, Integer.toString(i)) + "\t" + p);
                }
            }
        }
    }

    /** A parameter annotation's kind and values (see {@link Declarations}); null for one not of Python's. */
    private static String parameter(Annotation a) {
        if (a instanceof Python.Index x) return line("Index", x.notInteger(), x.slices() ? "1" : "0", x.keys() ? "1" : "0");
        if (a instanceof Python.Unsigned u) return line("Unsigned", String.valueOf(u.value()));
        if (a instanceof Python.Raw) return "Raw";
        if (a instanceof Python.OrNone) return "OrNone";
        if (a instanceof Python.IntFlag) return "IntFlag";
        if (a instanceof Python.BoolOnly) return "BoolOnly";
        if (a.annotationType().getEnclosingClass() == Python.class)
            throw new IllegalStateException("DeclarationWriter does not know @Python." + a.annotationType().getSimpleName());
        return null;
    }

    private static String names(Class<?>[] classes) {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : classes) {
            if (sb.length() > 0) sb.append(',');
            sb.append(c.getName());
        }
        return sb.toString();
    }

    private static String line(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            if (sb.length() > 0) sb.append('\t');
            sb.append(Declarations.escape(f));
        }
        return sb.toString();
    }
}
