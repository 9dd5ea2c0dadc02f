package org.jnss.python;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the Python docstrings of the API, made from the Javadoc of the
 * {@code @Python} declarations, into {@value #RESOURCE} while the core
 * compiles (build-time code: compiled before the core, run as an annotation
 * processor on it). One source for both faces: the Javadoc a Java reader sees
 * is the text help() shows.
 *
 * <p>The resource is UTF-8 text: a line {@code C <class>} starts the doc of an
 * exposed type or module class, {@code D <class> <python name>} the doc of a
 * function, method, property or constructor declared in that class (binary
 * class names, Python names as in the {@code @Python} signature); the lines of
 * the text follow, each prefixed with {@code |}. The module classes come first,
 * then a line {@code =}: the binder reads module docs at import and stops
 * there, and reads the rest at the first help(). Texts are
 * {@link JavadocText#docstring} of the comment, without the signature (the
 * binder adds it); a member without a comment of its own takes the comment of
 * the method it overrides.
 */
@javax.annotation.processing.SupportedAnnotationTypes({"org.jnss.core.Python", "org.jnss.core.Python.Module",
        "org.jnss.core.Python.Type"})
public final class PydocProcessor extends AbstractProcessor {
    static final String RESOURCE = "META-INF/jnss/pydoc.txt";
    private static final String PYTHON = "org.jnss.core.Python";

    /** key ("C cls" / "D cls name") -> text, for module classes and for the rest */
    private final Map<String, String> modules = new TreeMap<>();
    private final Map<String, String> others = new TreeMap<>();
    /** every class seen, by simple name (for {@link} references without a package) */
    private final Map<String, TypeElement> bySimpleName = new HashMap<>();
    /** exposed classes -> their Python type name; module classes -> their module name */
    private final Map<TypeElement, String> pythonNames = new HashMap<>();
    private final Set<TypeElement> documented = new HashSet<>();
    /** exposed classes -> the Python module they belong to */
    private final Map<TypeElement, String> typeModules = new HashMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            write();
            return false;
        }
        for (Element e : round.getRootElements()) collectTypes(e);
        Elements el = processingEnv.getElementUtils();
        TypeElement python = el.getTypeElement(PYTHON);
        if (python == null) return false;
        for (Element e : round.getRootElements()) names(e);
        List<ExecutableElement> members = new ArrayList<>();
        for (Element e : round.getElementsAnnotatedWith(python))
            if (e instanceof ExecutableElement x) members.add(x);
        // getters before setters: a property's text is its getter's when it has one
        members.sort(java.util.Comparator.comparingInt(x -> x.getParameters().size()));
        for (ExecutableElement m : members) member(m);
        for (TypeElement t : pythonNames.keySet()) classDoc(t);
        return false;
    }

    private void collectTypes(Element e) {
        if (e instanceof TypeElement t) {
            bySimpleName.putIfAbsent(t.getSimpleName().toString(), t);
            for (Element inner : t.getEnclosedElements()) collectTypes(inner);
        }
    }

    /** Records the Python names of module classes and of the types they expose. */
    private void names(Element e) {
        if (!(e instanceof TypeElement t)) return;
        AnnotationMirror module = mirror(t, PYTHON + ".Module");
        if (module != null) {
            String moduleName = (String) value(module, "value");
            pythonNames.put(t, moduleName);
            Object types = value(module, "types");
            if (types instanceof List<?> list)
                for (Object v : list)
                    if (((AnnotationValue) v).getValue() instanceof DeclaredType d) {
                        TypeElement type = (TypeElement) d.asElement();
                        pythonNames.putIfAbsent(type, typeName(type));
                        typeModules.put(type, moduleName);
                    }
        }
        if (mirror(t, PYTHON + ".Type") != null) pythonNames.put(t, typeName(t));
        for (Element inner : t.getEnclosedElements()) names(inner);
    }

    private String typeName(TypeElement t) {
        AnnotationMirror type = mirror(t, PYTHON + ".Type");
        Object v = type == null ? null : value(type, "value");
        return v instanceof String s && !s.isEmpty() ? s : t.getSimpleName().toString();
    }

    private void member(ExecutableElement m) {
        AnnotationMirror py = mirror(m, PYTHON);
        String value = (String) value(py, "value");
        Signature sig;
        try {
            sig = Signature.parse(value);
        } catch (IllegalArgumentException bad) {
            return;                                                     // the binder's tests report it
        }
        TypeElement owner = (TypeElement) m.getEnclosingElement();
        String key = "D " + binaryName(owner) + " " + sig.name;
        if (others.containsKey(key)) return;                            // a property's setter after its getter
        String comment = commentOf(m);
        if (comment == null) return;
        List<String> javaParams = new ArrayList<>();
        for (VariableElement p : m.getParameters()) javaParams.add(p.getSimpleName().toString());
        List<String> pyParams = new ArrayList<>(sig.params);
        if (sig.varargs != null) pyParams.add("*" + sig.varargs);
        if (!sig.callable && javaParams.size() == 1) pyParams = List.of("value");
        // a Python constructor (a Java constructor or a static factory named as the type) shows in the
        // type's docstring, where "Returns: the certificate" says nothing
        if (m.getKind() == ElementKind.CONSTRUCTOR || sig.name.equals(pythonNames.get(owner)))
            comment = JavadocText.withoutTag(comment, "@return");
        String text = JavadocText.docstring(comment, javaParams, pyParams, links(owner));
        if (!text.isEmpty()) others.put(key, text);
    }

    private void classDoc(TypeElement t) {
        if (!documented.add(t)) return;
        String comment = processingEnv.getElementUtils().getDocComment(t);
        if (comment == null) return;
        String text = JavadocText.docstring(comment, List.of(), List.of(), links(t));
        if (text.isEmpty()) return;
        String key = "C " + binaryName(t);
        (mirror(t, PYTHON + ".Module") != null ? modules : others).put(key, text);
    }

    /** A method's comment, or (when it has none) the comment of a method it overrides or implements. */
    private String commentOf(ExecutableElement m) {
        Elements el = processingEnv.getElementUtils();
        String own = el.getDocComment(m);
        if (own != null && !own.isBlank()) return own.contains("{@inheritDoc}") ? own.replace("{@inheritDoc}", inherited(m)) : own;
        String up = inherited(m);
        return up.isEmpty() ? null : up;
    }

    private String inherited(ExecutableElement m) {
        if (m.getKind() != ElementKind.METHOD || m.getModifiers().contains(Modifier.STATIC)) return "";
        Elements el = processingEnv.getElementUtils();
        TypeElement owner = (TypeElement) m.getEnclosingElement();
        for (TypeElement s : supertypes(owner)) {
            for (ExecutableElement o : ElementFilter.methodsIn(s.getEnclosedElements())) {
                if (o.getSimpleName().equals(m.getSimpleName()) && el.overrides(m, o, owner)) {
                    String c = el.getDocComment(o);
                    if (c != null && !c.isBlank()) return c;
                }
            }
        }
        return "";
    }

    private List<TypeElement> supertypes(TypeElement t) {
        List<TypeElement> out = new ArrayList<>();
        List<TypeMirror> todo = new ArrayList<>(processingEnv.getTypeUtils().directSupertypes(t.asType()));
        while (!todo.isEmpty()) {
            TypeMirror m = todo.remove(0);
            if (m instanceof DeclaredType d && d.asElement() instanceof TypeElement s && !out.contains(s)) {
                out.add(s);
                todo.addAll(processingEnv.getTypeUtils().directSupertypes(m));
            }
        }
        return out;
    }

    private JavadocText.Links links(TypeElement context) {
        return new JavadocText.Links() {
            @Override
            public String name(String reference) {
                return linkName(reference, context);
            }

            /** A fully qualified exposed class in {@code {@code}} is its Python type, module-qualified. */
            @Override
            public String code(String text) {
                if (!text.startsWith("org.jnss.")) return text;
                TypeElement t = processingEnv.getElementUtils().getTypeElement(text);
                String module = t == null ? null : typeModules.get(t);
                return module == null ? text : module + "." + pythonNames.get(t);
            }
        };
    }

    /**
     * What Python calls the target of a {@code {@link}}: the Python name of an
     * {@code @Python} member, the Python type or module name of an exposed
     * class, else the Java member or simple class name.
     */
    String linkName(String reference, TypeElement context) {
        int hash = reference.indexOf('#');
        String cls = hash < 0 ? reference : reference.substring(0, hash);
        String member = hash < 0 ? null : reference.substring(hash + 1);
        if (member != null && member.indexOf('(') >= 0) member = member.substring(0, member.indexOf('('));
        TypeElement t = cls.isEmpty() ? context : findType(cls, context);
        if (member == null) {
            if (t == null) return cls.substring(cls.lastIndexOf('.') + 1);
            String py = pythonNames.get(t);
            return py != null ? py : t.getSimpleName().toString();
        }
        if (t != null) {
            for (Element e : processingEnv.getElementUtils().getAllMembers(t)) {
                if (!e.getSimpleName().contentEquals(member)) continue;
                AnnotationMirror py = mirror(e, PYTHON);
                if (py != null) {
                    String v = (String) value(py, "value");
                    try {
                        Signature sig = Signature.parse(v);
                        return sig.callable ? sig.name + "()" : sig.name;
                    } catch (IllegalArgumentException bad) {
                        return v;
                    }
                }
            }
        }
        return member;
    }

    private TypeElement findType(String name, TypeElement context) {
        Elements el = processingEnv.getElementUtils();
        TypeElement t = el.getTypeElement(name);
        if (t != null) return t;
        String pkg = el.getPackageOf(context).getQualifiedName().toString();
        t = el.getTypeElement(pkg + "." + name);
        if (t != null) return t;
        for (Element inner : context.getEnclosedElements())
            if (inner instanceof TypeElement i && i.getSimpleName().contentEquals(name)) return i;
        t = bySimpleName.get(name.substring(name.lastIndexOf('.') + 1));
        if (t != null) return t;
        return el.getTypeElement("java.lang." + name);
    }

    private String binaryName(TypeElement t) {
        return processingEnv.getElementUtils().getBinaryName(t).toString();
    }

    private static AnnotationMirror mirror(Element e, String annotation) {
        for (AnnotationMirror a : e.getAnnotationMirrors())
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) return a;
        return null;
    }

    private static Object value(AnnotationMirror a, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet())
            if (e.getKey().getSimpleName().contentEquals(name)) return e.getValue().getValue();
        return null;
    }

    private void write() {
        if (modules.isEmpty() && others.isEmpty()) return;
        try {
            FileObject f = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
            try (Writer w = new java.io.OutputStreamWriter(f.openOutputStream(), StandardCharsets.UTF_8)) {
                w.write("# Python docstrings of the jnss API, made from its Javadoc at build time\n");
                entries(w, modules);
                w.write("=\n");
                entries(w, others);
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + RESOURCE + ": " + e);
        }
    }

    private static void entries(Writer w, Map<String, String> docs) throws IOException {
        Map<String, String> ordered = new LinkedHashMap<>(docs);
        for (Map.Entry<String, String> e : ordered.entrySet()) {
            w.write(e.getKey());
            w.write('\n');
            for (String line : e.getValue().split("\n", -1)) {
                w.write('|');
                w.write(line);
                w.write('\n');
            }
        }
    }
}
