package org.jnss.python;

import org.jnss.core.CallbackErrors;
import org.jnss.core.PyTypeNames;
import org.jnss.core.NameTable;
import org.jnss.core.Python;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyStaticMethod;
import org.python.core.PyStringMap;
import org.python.core.PyTuple;
import org.python.core.PyType;
import org.python.core.__builtin__;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one generic binder: reads the {@link Python} annotations of a core module
 * class and its types and fills a Jython module namespace with constants,
 * functions and types. No per-method wrapper exists anywhere.
 */
public final class Binder {
    private static final Map<Class<?>, NssType> TYPES = new ConcurrentHashMap<>();

    static {
        CallbackErrors.setReporter(Binder::reportCallbackError);
        CallbackErrors.setPrinter(Binder::printToStderr);
        PyTypeNames.setResolver(Binder::pythonTypeNameOf);
        org.jnss.core.PyValues.setConverter(Convert::rawToJava);
        org.jnss.core.PyObjects.install(new RawObjects());
        org.jnss.core.FileObjects.install(new FileReading());
        org.jnss.core.WorkingDirectory.install(() -> org.python.core.Py.getSystemState().getCurrentWorkingDir());
        org.jnss.core.Lifecycle.setCollector(() -> org.python.modules.gc.collect());
        org.jnss.core.Warnings.install(Binder::warn);
    }

    /**
     * A warning through Python's warnings module, attributed to the calling Python
     * line. Until a script imports warnings (or gives -W), Python 2's default
     * filters apply: DeprecationWarning and PendingDeprecationWarning are ignored,
     * so nothing is imported for them (importing warnings costs ~0.1 s).
     */
    private static void warn(String category, String message) {
        PyObject warnings = Py.getSystemState().modules.__finditem__("warnings");
        if (warnings == null) {
            if (category.endsWith("DeprecationWarning")) return;
            warnings = org.python.core.imp.importName("warnings", true);
        }
        PyObject cls = Py.getSystemState().getBuiltins().__finditem__(category);
        warnings.invoke("warn", new PyObject[]{new PyString(message), cls == null ? Py.None : cls,
                Py.newInteger(1)});
    }

    private Binder() {}

    /**
     * Populates a module namespace from a core module class.
     *
     * @param namespace the module's globals()
     * @param moduleClass fully qualified name of the core class annotated {@link Python.Module}
     */
    public static void bindModule(PyObject namespace, String moduleClass) {
        Class<?> cls;
        try {
            cls = Class.forName(moduleClass);
        } catch (ClassNotFoundException e) {
            throw Py.ImportError("no core module class " + moduleClass);
        } catch (LinkageError e) {
            // a class whose initialiser failed (ExceptionInInitializerError) has no message of its own
            Throwable t = e;
            while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
            throw Py.ImportError(t.getMessage() != null ? t.getMessage() : t.toString());
        }
        Python.Module mod = Declarations.module(cls);
        if (mod == null) throw new IllegalStateException(moduleClass + " is not annotated @Python.Module");
        String module = mod.value();

        long t0 = System.nanoTime();
        // constants first: defaults of signatures may name them
        for (Field f : cls.getFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isFinal(m)) continue;
            Python py = Declarations.python(f);
            String name = py != null ? py.value() : f.getName();
            try {
                namespace.__setitem__(name, Convert.toPy(f.get(null)));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        long tc = System.nanoTime();
        // the module's docstring: its class's Javadoc, then what the class generates as __doc__, if anything
        PyObject generated = namespace.__finditem__("__doc__");
        String moduleDoc = Docstrings.module(cls, generated instanceof PyString g && hasDocConstant(cls) ? g.toString() : null);
        namespace.__setitem__("__doc__", moduleDoc.isEmpty() ? Py.None : Convert.str(moduleDoc));
        // functions before types: defaults of constructors may call module functions
        // (Certificate(data, certdb=get_default_certdb(), ...))
        // functions whose defaults call other functions (certdb=get_default_certdb()) come last
        java.util.List<Method> functions = new java.util.ArrayList<>();
        java.util.List<Class<?>> functionClasses = new java.util.ArrayList<>();
        functionClasses.add(cls);
        functionClasses.addAll(java.util.Arrays.asList(mod.functions()));
        for (Class<?> fc : functionClasses) {
            for (Method m : fc.getMethods()) {
                Python py = Declarations.python(m);
                if (py == null || !Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != fc) continue;
                functions.add(m);
            }
        }
        long t1 = System.nanoTime();
        // each signature parsed once; those whose defaults call a function after the others (a stable partition)
        record Pending(Method m, Python py, Signature sig) {}
        java.util.List<Pending> calling = new java.util.ArrayList<>();
        java.util.function.Function<String, PyObject> defaults = d -> evalDefault(d, namespace);
        for (Method m : functions) {
            Python py = Declarations.python(m);
            Signature sig = Signature.parse(py.value());
            if (defaultsCall(sig)) calling.add(new Pending(m, py, sig));
            else bindFunction(namespace, module, m, py, sig, defaults);
        }
        for (Pending f : calling) bindFunction(namespace, module, f.m(), f.py(), f.sig(), defaults);
        for (Class<?> fc : functionClasses) bindLookups(namespace, module, fc);
        long t2 = System.nanoTime();
        for (Class<?> t : mod.types()) defineType(namespace, module, t);
        long t3 = System.nanoTime();
        if (System.getProperty("pynss.bindtime") != null)
            System.err.printf("%s: constants %.1f ms, docstring %.1f ms, functions %.1f ms, types %.1f ms%n", module,
                    (tc - t0) / 1e6, (t1 - tc) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    /**
     * Makes the converters and defaults of every function, method and property
     * bound so far (normally made at their first call); a declaration that does
     * not fit its Java method raises IllegalStateException. Returns how many.
     *
     * @return how many callables were prepared
     */
    public static int prepareAll() {
        return Invoker.prepareAll();
    }

    /** Whether a signature has a default that calls something. */
    private static boolean defaultsCall(Signature sig) {
        for (String d : sig.defaults) if (d != null && d.contains("(")) return true;
        return false;
    }

    private static void bindFunction(PyObject namespace, String module, Method m, Python py, Signature sig,
                                     java.util.function.Function<String, PyObject> defaults) {
        Invoker inv = new Invoker(m, sig, py.unicode(), defaults);
        namespace.__setitem__(inv.name, new JFunction(inv, module));
    }

    private static void defineType(PyObject namespace, String module, Class<?> cls) {
        Python.Type pt = Declarations.type(cls);
        String name = pt != null && !pt.value().isEmpty() ? pt.value() : cls.getSimpleName();
        NssType type = new NssType(cls, module, name);
        PyStringMap dict = new PyStringMap();
        dict.__setitem__("__module__", new PyString(module));
        // instances keep no Python attributes (a Python subclass's do): no __dict__ or __weakref__ slots shown
        dict.__setitem__("__slots__", new PyTuple());

        Executable ctor = null;
        Python ctorPy = null;
        for (Constructor<?> c : cls.getConstructors()) {
            Python py = Declarations.python(c);
            if (py != null) { ctor = c; ctorPy = py; }
        }
        Map<String, Method> setters = new java.util.HashMap<>();
        for (Method m : cls.getMethods()) {
            Python py = Declarations.python(m);
            if (py != null && !py.value().contains("(") && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers()))
                setters.put(py.value().trim(), m);
        }
        for (Method m : cls.getMethods()) {
            Python py = Declarations.python(m);
            if (py == null || m.equals(setters.get(py.value().trim()))) continue;
            // members of an exposed base class are inherited through the Python base type
            // (and their defaults belong to the base's module)
            if (inheritedFromExposedBase(cls, m)) continue;
            Signature sig = Signature.parse(py.value());
            Invoker inv = new Invoker(m, sig, py.unicode(), d -> evalDefault(d, namespace));
            PyObject entry;
            if (Modifier.isStatic(m.getModifiers())) {
                if (sig.name.equals(name)) { // a static factory standing as the constructor
                    ctor = m;
                    ctorPy = py;
                    continue;
                }
                entry = new PyStaticMethod(new JFunction(inv, module));   // as python-nss's METH_STATIC
            } else if (!sig.callable) {
                Method set = setters.get(sig.name);
                entry = new JProperty(inv, set == null ? null : Invoker.setter(set, sig.name), type);
            } else {
                entry = new JMethod(inv, type);
            }
            dict.__setitem__(sig.name, entry);
            if (sig.name.equals("__next__")) dict.__setitem__("next", entry);
        }
        type.ctor = ctor == null ? null
                : new Invoker(ctor, Signature.parse(ctorPy.value()), false, d -> evalDefault(d, namespace));
        dict.__setitem__("__new__", new JNew(type));
        dict.__setitem__("__init__", new JNew.Init(type));
        Executable docCtor = ctor;
        dict.__setitem__("__doc__", new Docstrings.TypeDoc(() -> Docstrings.type(cls, docCtor)));

        PyObject pyType = PyType.TYPE.__call__(new PyString(name), new PyTuple(superTypeOf(cls)), dict);
        type.pyType = (PyType) pyType;
        Builtin.seal(type.pyType, type.qualifiedName);
        for (PyObject v : dict.getMap().values()) {
            if (v instanceof Builtin.Descriptor d) d.ownerType(type.pyType);
            else if (v instanceof JProperty p) p.ownerType(type.pyType);
            else if (v instanceof Docstrings.TypeDoc d) d.ownerType(type.pyType);
        }
        TYPES.put(cls, type);
        namespace.__setitem__(name, pyType);
    }

    /**
     * Whether an exposed superclass of cls has m as well (declared there or
     * above, or a default method of an interface it implements): its Python
     * type then defines m, and cls's type inherits it.
     */
    private static boolean inheritedFromExposedBase(Class<?> cls, Method m) {
        Class<?> declaring = m.getDeclaringClass();
        if (declaring == cls) return false;
        for (Class<?> s = cls.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass())
            if (TYPES.containsKey(s) && declaring.isAssignableFrom(s)) return true;
        return false;
    }

    private static PyObject superTypeOf(Class<?> cls) {
        for (Class<?> s = cls.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
            NssType t = TYPES.get(s);
            if (t != null) return t.pyType;
        }
        return PyObject.TYPE;
    }

    /** The exposed type of a core class (or of its nearest exposed superclass). */
    static NssType typeFor(Class<?> c) {
        NssType t = TYPES.get(c);
        if (t != null) return t;
        for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
            t = TYPES.get(s);
            if (t != null) {
                TYPES.putIfAbsent(c, t);
                return t;
            }
        }
        return null;
    }

    static String pythonTypeName(Class<?> c) {
        NssType t = typeFor(c);
        return t != null ? t.qualifiedName : c.getSimpleName();
    }

    /** The function pairs of the {@link Python.Lookup} tables declared by a class. */
    private static void bindLookups(PyObject namespace, String module, Class<?> cls) {
        // its own fields only: getFields() would copy every constant the class inherits from its interfaces
        for (Field f : cls.getDeclaredFields()) {
            if (!Modifier.isPublic(f.getModifiers())) continue;
            Python.Lookup lookup = Declarations.lookup(f);
            if (lookup == null) continue;
            NameTable table;
            try {
                table = (NameTable) f.get(null);
            } catch (IllegalAccessException | ClassCastException | NullPointerException e) {
                throw new IllegalStateException(f + ": @Python.Lookup needs a static NameTable field", e);
            }
            String what = table.what(), prefix = table.prefix();
            bindLookup(namespace, module, table, LOOKUP_NAME, lookup.name(),
                    "The name of a " + what + " constant; KeyError when no constant\nhas the value.");
            bindLookup(namespace, module, table, LOOKUP_VALUE, lookup.value(),
                    "The value of a " + what + " constant given its name, in any case,\n"
                            + "with or without the '" + prefix + "' prefix; KeyError when no constant\nhas the name.");
        }
    }

    private static final Method LOOKUP_NAME, LOOKUP_VALUE;
    static {
        try {
            LOOKUP_NAME = NameTable.class.getMethod("name", long.class);
            LOOKUP_VALUE = NameTable.class.getMethod("value", String.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void bindLookup(PyObject namespace, String module, NameTable table, Method m, String signature,
                                   String doc) {
        Invoker inv = new Invoker(m, Signature.parse(signature), false, d -> null);
        namespace.__setitem__(inv.name, new JFunction(inv, module, signature + "\n\n" + doc, table));
    }

    /** Whether a module class declares its own {@code __doc__} constant (a generated part of the module doc). */
    private static boolean hasDocConstant(Class<?> cls) {
        for (Field f : cls.getFields()) {
            Python py = Declarations.python(f);
            if (py != null && py.value().equals("__doc__")) return true;
        }
        return false;
    }

    /** Evaluates a default's source: literals directly, anything else in the module namespace. */
    static PyObject evalDefault(String src, PyObject namespace) {
        switch (src) {
            case "None": return Py.None;
            case "True": return Py.True;
            case "False": return Py.False;
            default: break;
        }
        if (Defaults.INTEGER.matcher(src).matches()) {
            long v = Long.parseLong(src);
            return Py.newInteger(v);
        }
        if (Defaults.NAME.matcher(src).matches()) {
            PyObject v = namespace.__finditem__(src);
            if (v != null) return v;
        }
        if (src.endsWith("()") && Defaults.NAME.matcher(src.substring(0, src.length() - 2)).matches())
            return new Invoker.CallDefault(namespace, src.substring(0, src.length() - 2));
        String literal = Defaults.simpleStringLiteral(src);
        if (literal != null) return new PyString(literal);
        return __builtin__.eval(new PyString(src), namespace);   // compiles Python: slow, kept for the rare cases
    }

    /** The Python type name of a Python value or exposed core object; null for other Java values. */
    private static String pythonTypeNameOf(Object o) {
        if (o instanceof PyObject p) return Convert.typeName(p);
        NssType t = typeFor(o.getClass());
        return t == null ? null : t.qualifiedName;
    }

    private static void printToStderr(String line) {
        PyObject stderr = Py.getSystemState().stderr;
        stderr.invoke("write", new PyString(line + "\n"));
    }

    private static void reportCallbackError(String where, Throwable t) {
        PyException pe = PyErrors.map(t instanceof java.lang.reflect.UndeclaredThrowableException u ? u.getCause() : t);
        org.python.core.PySystemState sys = Py.getSystemState();
        PyObject stderr = sys.stderr;
        Py.println(stderr, new PyString("exception in " + where));
        Py.printException(pe);
    }
}
