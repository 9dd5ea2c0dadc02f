package org.jnss.python;

import org.python.core.CompilerFlags;
import org.python.core.Options;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyInteger;
import org.python.core.PyLong;
import org.python.core.PyModule;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PySystemState;
import org.python.core.imp;
import org.python.util.InteractiveConsole;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Entry point of {@code scripts/pynss}: a {@code python} command line
 * (script, -c, -m, -, interactive prompt) on Jython.
 *
 * <p>It replaces {@code org.python.util.jython.main}, which imports the
 * warnings module (and with it os, ~0.2 s) before running anything; here that
 * happens only if the script wants it.
 */
public final class Main {
    private Main() {}

    /**
     * Runs the command line (see {@link #run}) and exits the JVM with its status.
     *
     * @param args the {@code python} command line's arguments (options, script or
     *             {@code -c}/{@code -m}/{@code -}, and the script's arguments)
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line: starts Jython, runs the script, command, module or
     * standard input (and the interactive prompt when asked or at a terminal),
     * then cleans up.
     *
     * @param args the {@code python} command line's arguments
     * @return the exit status: 0 on success, 1 after an uncaught exception, 2 for a
     *         usage error or a script that cannot be opened, or what {@code sys.exit()} gave
     */
    public static int run(String[] args) {
        setDefault("python.cachedir.skip", "true");     // Java package scanning costs 0.5-2 s at startup
        setDefault("python.console.encoding", "UTF-8");
        // Python tracebacks show Python frames only: no Java stacks for NSPRError (set before the class loads)
        setDefault(org.jnss.error.NSPRError.STACK_TRACE_PROPERTY, "false");
        // nor for any Python exception: Jython records the Java stack of each one it makes (nothing
        // shows it; a Java exception raised into Python keeps its own), ~1.3 us of each raise
        setDefault("python.options.includeJavaStackInExceptions", "false");
        dropLauncherEnvironment();
        if (args.length == 2 && args[0].equals(Spare.FLAG)) return Spare.serve(args[1]);

        CommandLine cl = CommandLine.parse(args);
        if (cl.exitStatus >= 0) return cl.exitStatus;
        Options.dont_write_bytecode = true;   // never write $py.class next to user scripts
        boolean tty = Prompt.terminal();
        boolean prompt = cl.inspect || (tty && !cl.hasScript());
        if (prompt && tty) Prompt.prepare();
        initialise(cl.argv.toArray(new String[0]));
        return execute(cl, tty, prompt);
    }

    /**
     * Runs what the command line asks for in the initialised interpreter (see
     * {@link #initialise}) and cleans up; returns the exit status.
     */
    static int execute(CommandLine cl, boolean tty, boolean prompt) {
        PyModule main = start(cl);
        Console interp = new Console(main.__dict__);
        // compiled code may come from the cache (PYNSS_CODE_CACHE=0: never): the modules the program
        // imports from source, and the program's own unless the prompt comes after it (which goes on
        // with the compiler flags the program's compilation left)
        boolean codeCache = !"0".equals(System.getenv("PYNSS_CODE_CACHE"));
        ModuleSource.cached = codeCache;
        boolean cache = !prompt && codeCache;
        int status = 0;
        try {
            if (Options.importSite) imp.load("site");
            warnings(cl);
            if (cl.command != null) {
                if (cache) interp.exec(ScriptCache.command(cl.command));
                else interp.exec(Py.newStringUTF8(cl.command));
            } else if (cl.module != null) {
                PyObject runpy = imp.importName("runpy", true);
                runpy.__getattr__("_run_module_as_main").__call__(new PyString(cl.module));
            } else if (cl.hasScript()) {
                status = runFile(cl.file, main, interp, cache);
                if (status != 0) return status;
            } else if (!tty) {
                interp.execfile(System.in, "<stdin>");
            }
            if (prompt) Prompt.interact(main, !cl.hasScript());
        } catch (PyException e) {
            status = handle(e);
        } catch (IOException e) {
            System.err.println("pynss: " + e);
            status = 1;
        } catch (Throwable t) {
            status = handle(Py.JavaError(t));
        }
        return cleanup(interp, status);
    }

    /** Initialises the interpreter: the registry, JYTHONPATH, the module path, sys.argv. */
    static void initialise(String[] argv) {
        Properties post = new Properties();
        String jythonPath = Options.ignore_environment ? null : System.getenv("JYTHONPATH");
        if (jythonPath != null && !jythonPath.isEmpty() && System.getProperty("pynss.jythonpath.applied") == null) {
            String pp = System.getProperty("python.path");
            post.setProperty("python.path", pp == null || pp.isEmpty() ? jythonPath : pp + java.io.File.pathSeparator + jythonPath);
        }
        ReleasingCompiler.install();
        PySystemState.initialize(PySystemState.getBaseProperties(), post, argv);
        LauncherModule.install(Py.getSystemState());
        dropJarLib(Py.getSystemState());
    }

    /** Prepares the initialised interpreter for {@code cl}: sys.path[0], -W; returns {@code __main__}. */
    private static PyModule start(CommandLine cl) {
        PySystemState sys = Py.getSystemState();
        // sys.path[0]: the script's directory, or '' (the current directory) as CPython does
        String dir = "";
        if (cl.hasScript() && cl.file != null) {
            java.io.File parent = new java.io.File(cl.file).getAbsoluteFile().getParentFile();
            dir = parent == null ? "" : parent.getPath();
        }
        sys.path.insert(0, new PyString(dir));
        for (String w : cl.warnings) sys.warnoptions.append(new PyString(w));
        return imp.addModule("__main__");
    }

    /**
     * Drops Jython's {@code JAR/Lib} entry from sys.path when the build unpacked
     * that Lib beside the jar (marked by {@code Lib/.jnss-extracted}; see
     * docs/DESIGN.md, "Start-up"): the directory, earlier on the path, has every
     * module the jar has, and a module found in neither (an optional import)
     * would make the zip importer read the jar's whole directory (~0.25 s).
     */
    private static void dropJarLib(PySystemState sys) {
        for (int i = sys.path.size() - 1; i >= 0; i--) {
            String entry = String.valueOf(sys.path.get(i));
            if (!entry.endsWith(".jar/Lib")) continue;
            java.io.File jar = new java.io.File(entry.substring(0, entry.length() - "/Lib".length()));
            java.io.File marker = new java.io.File(jar.getParentFile(), "Lib/.jnss-extracted");
            if (marker.isFile()) sys.path.remove(i);
        }
    }

    /**
     * Applies the -W options. Jython's warnings module (no C _warnings) adds its
     * default "ignore" filters in front of the -W ones; CPython puts -W first:
     * apply them again, in front.
     */
    private static void warnings(CommandLine cl) {
        if (cl.warnings.isEmpty()) return;
        PyObject warnings = imp.load("warnings");
        warnings.invoke("_processoptions", Py.getSystemState().warnoptions);
    }

    /**
     * Runs the script {@code file} as {@code __main__}; returns 2 when it cannot be opened, else 0.
     * A regular file's compiled code may come from {@link ScriptCache} (when {@code cache}).
     */
    private static int runFile(String file, PyModule main, Console interp, boolean cache) throws IOException {
        InputStream in;
        try {
            in = new FileInputStream(file);
        } catch (FileNotFoundException e) {
            System.err.println("pynss: can't open file '" + file + "': [Errno 2] No such file or directory");
            return 2;
        }
        try (in) {
            main.__dict__.__setitem__("__file__", new PyString(file));
            if (cache && new java.io.File(file).isFile()) {
                byte[] source = in.readAllBytes();
                interp.exec(ScriptCache.script(file, source, interp.flags()));
            } else {
                interp.execfile(in, file);
            }
        }
        return 0;
    }

    /** The interactive console, with its compiler flags readable (for {@link ScriptCache}). */
    private static final class Console extends InteractiveConsole {
        Console(PyObject locals) {
            super(locals);
        }

        CompilerFlags flags() {
            return cflags;
        }
    }

    /** Runs the atexit handlers and flushes sys.stdout/stderr; returns the final exit status. */
    private static int cleanup(InteractiveConsole interp, int status) {
        try {
            interp.cleanup();
        } catch (PyException e) {
            // a script may close sys.stdout itself (json.tool does): nothing left to flush
            if (!e.match(Py.ValueError) && status == 0) status = handle(e);
        } catch (RuntimeException e) {
            if (status == 0) status = 1;
        }
        return status;
    }

    /** Exit status for an uncaught exception: SystemExit's code, else the traceback and 1. */
    private static int handle(PyException e) {
        if (e.match(Py.SystemExit)) {
            PyObject v = e.value;
            if (v != null && v.getType().isSubType((org.python.core.PyType) Py.SystemExit)) v = v.__findattr__("code");
            if (v == null || v == Py.None) return 0;
            if (v instanceof PyInteger || v instanceof PyLong) return v.asInt();
            Py.getSystemState().stderr.invoke("write", new PyString(v.__str__().toString() + "\n"));
            return 1;
        }
        Py.printException(e);
        return 1;
    }

    /**
     * Puts the user's environment back in the JVM's view of it: removes the
     * variables that {@code scripts/pynss} added for the JVM's own sake (system
     * property {@value org.jnss.natives.LauncherEnv#PROPERTY}, comma-separated
     * names) and gives those it replaced their user's values
     * ({@link org.jnss.natives.LauncherEnv#userValues()}), so that
     * {@code os.environ}, which Jython copies from it, and the child processes
     * it starts carry the user's environment only. The C library's copy is put
     * back when NSS is loaded ({@link org.jnss.natives.LauncherEnv}). Done
     * before Jython starts; a JVM whose environment map cannot be reached keeps
     * the launcher's values.
     */
    @SuppressWarnings("unchecked")
    private static void dropLauncherEnvironment() {
        java.util.Set<String> names = org.jnss.natives.LauncherEnv.names();
        java.util.Map<String, String> values = org.jnss.natives.LauncherEnv.userValues();
        if (names.isEmpty() && values.isEmpty()) return;
        try {
            Class<?> pe = Class.forName("java.lang.ProcessEnvironment");
            java.lang.reflect.Field f = pe.getDeclaredField("theEnvironment");
            f.setAccessible(true);
            // keys are ProcessEnvironment.Variable, whose toString() is the name; System.getenv() is a view of this map
            java.util.Map<Object, Object> env = (java.util.Map<Object, Object>) f.get(null);
            env.keySet().removeIf(k -> names.contains(k.toString()) || values.containsKey(k.toString()));
            if (values.isEmpty()) return;
            java.lang.reflect.Method variable = Class.forName("java.lang.ProcessEnvironment$Variable")
                    .getDeclaredMethod("valueOf", String.class);
            java.lang.reflect.Method value = Class.forName("java.lang.ProcessEnvironment$Value")
                    .getDeclaredMethod("valueOf", String.class);
            variable.setAccessible(true);
            value.setAccessible(true);
            for (java.util.Map.Entry<String, String> e : values.entrySet())
                env.put(variable.invoke(null, e.getKey()), value.invoke(null, e.getValue()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another JDK's layout: the launcher's values stay visible
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
