package org.jnss.python;

import org.jnss.core.Python;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclarationsTest {

    /** A class compiled apart from the core (not in the index): read through its annotations. */
    static final class Elsewhere {
        @Python("twice(n, flag=False, /)")
        public static int twice(@Python.Unsigned('I') int n, @Python.IntFlag boolean flag) {
            return 2 * n;
        }

        @Python(value = "NAME", unicode = true)
        public static final String NAME = "x";

        public static void plain(int n) {}
    }

    private static List<String> indexedClasses() throws IOException {
        try (InputStream in = Declarations.class.getClassLoader().getResourceAsStream(Declarations.RESOURCE)) {
            assertNotNull(in, "the build writes " + Declarations.RESOURCE);
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                if (line.startsWith("K\t")) out.add(line.substring(2));
            return out;
        }
    }

    /** An annotation as text: its type and every member's value, whatever made it (the JVM or the index). */
    private static String describe(Annotation a) {
        if (a == null) return "none";
        StringBuilder sb = new StringBuilder(a.annotationType().getName());
        Method[] members = a.annotationType().getDeclaredMethods();
        Arrays.sort(members, Comparator.comparing(Method::getName));
        for (Method m : members) {
            try {
                Object v = m.invoke(a);
                sb.append(' ').append(m.getName()).append('=')
                        .append(v instanceof Object[] arr ? Arrays.toString(arr) : String.valueOf(v));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return sb.toString();
    }

    private static String describe(Annotation[][] params) {
        StringBuilder sb = new StringBuilder();
        for (Annotation[] p : params) {
            sb.append('[');
            for (Annotation a : p) {
                if (a.annotationType().getEnclosingClass() == Python.class) sb.append(describe(a)).append(';');
            }
            sb.append(']');
        }
        return sb.toString();
    }

    @Test
    void theCoreIsIndexed() throws Exception {
        List<String> classes = indexedClasses();
        assertTrue(classes.contains("org.jnss.nss.Nss"), "module classes are in the index");
        assertTrue(classes.contains("org.jnss.pki.Certificate"));
        Python.Module nss = Declarations.module(Class.forName("org.jnss.nss.Nss"));
        assertNotNull(nss);
        assertEquals("nss.nss", nss.value());
        assertTrue(nss.types().length > 20, "the module's types resolve to classes");
    }

    @Test
    void agreesWithTheAnnotationsOfEveryIndexedClass() throws Exception {
        int declarations = 0;
        for (String name : indexedClasses()) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            assertEquals(describe(c.getAnnotation(Python.Module.class)), describe(Declarations.module(c)), name);
            assertEquals(describe(c.getAnnotation(Python.Type.class)), describe(Declarations.type(c)), name);
            for (Field f : c.getDeclaredFields()) {
                assertEquals(describe(f.getAnnotation(Python.class)), describe(Declarations.python(f)), f.toString());
                assertEquals(describe(f.getAnnotation(Python.Lookup.class)), describe(Declarations.lookup(f)), f.toString());
                if (f.getAnnotation(Python.class) != null) declarations++;
            }
            List<Executable> members = new ArrayList<>(Arrays.asList(c.getDeclaredConstructors()));
            members.addAll(Arrays.asList(c.getDeclaredMethods()));
            for (Executable e : members) {
                assertEquals(describe(e.getAnnotation(Python.class)), describe(Declarations.python(e)), e.toString());
                assertEquals(describe(e.getParameterAnnotations()), describe(Declarations.parameters(e)), e.toString());
                if (e.getAnnotation(Python.class) != null) declarations++;
            }
        }
        assertTrue(declarations > 400, "the core's declarations were compared: " + declarations);
    }

    @Test
    void aClassOutsideTheIndexIsReadFromItsAnnotations() throws Exception {
        Method twice = Elsewhere.class.getMethod("twice", int.class, boolean.class);
        assertEquals("twice(n, flag=False, /)", Declarations.python(twice).value());
        Annotation[][] params = Declarations.parameters(twice);
        assertEquals('I', ((Python.Unsigned) params[0][0]).value());
        assertTrue(params[1][0] instanceof Python.IntFlag);
        Python name = Declarations.python(Elsewhere.class.getField("NAME"));
        assertTrue(name.unicode());
        assertNull(Declarations.python(Elsewhere.class.getMethod("plain", int.class)));
    }

    @Test
    void theJdksClassesCarryNoDeclaration() throws Exception {
        Method hash = Object.class.getMethod("hashCode");
        assertNull(Declarations.python(hash));
        Method eq = Object.class.getMethod("equals", Object.class);
        assertArrayEquals(new Annotation[1][0], Declarations.parameters(eq));
        assertNull(Declarations.type(String.class));
    }

    @Test
    void keysNameTheMemberAndItsParameters() throws Exception {
        Member m = Elsewhere.class.getMethod("twice", int.class, boolean.class);
        assertEquals(Elsewhere.class.getName() + "#twice(int,boolean)", Declarations.key(m));
        Member k = String.class.getConstructor(byte[].class, String.class);
        assertEquals("java.lang.String#<init>([B,java.lang.String)", Declarations.key(k));
        assertEquals(Elsewhere.class.getName() + "#NAME", Declarations.key(Elsewhere.class.getField("NAME")));
    }

    @Test
    void valuesSurviveTheLineFormat() {
        String v = "a\tb\\c\nd\re 'x' %s \u00e9\u2603\\u0041";
        String line = "P\t" + Declarations.escape(v) + "\t1";
        for (int i = 0; i < line.length(); i++)
            assertTrue(line.charAt(i) == '\t' || line.charAt(i) >= ' ' && line.charAt(i) < 0x7f, "ASCII: " + line);
        assertArrayEquals(new String[]{"P", v, "1"}, Declarations.split(line));
        assertArrayEquals(new String[]{"K", "", "x"}, Declarations.split("K\t\tx"));
    }
}
