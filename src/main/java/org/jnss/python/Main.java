package org.jnss.python;

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
import java.util.ArrayList;
import java.util.List;
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

    private static final String USAGE = "usage: pynss [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            + "Options:\n"
            + "-c cmd : program passed in as string (terminates option list)\n"
            + "-m mod : run library module as a script (terminates option list)\n"
            + "-i     : inspect interactively after running script\n"
            + "-u     : unbuffered stdout and stderr\n"
            + "-S     : don't imply 'import site' on initialization\n"
            + "-E     : ignore environment variables (such as JYTHONPATH)\n"
            + "-B, -s, -O, -3 : accepted for compatibility (no effect)\n"
            + "-W arg : warning control\n"
            + "-V     : print the version number and exit\n"
            + "file   : program read from script file\n"
            + "-      : program read from stdin (default; interactive mode if a tty)\n"
            + "arg ...: arguments passed to program in sys.argv[1:]\n";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args) {
        setDefault("python.cachedir.skip", "true");     // Java package scanning costs 0.5-2 s at startup
        setDefault("python.console.encoding", "UTF-8");
        // Python tracebacks show Python frames only: no Java stacks for NSPRError (set before the class loads)
        setDefault(org.jnss.error.NSPRError.STACK_TRACE_PROPERTY, "false");

        String command = null, module = null, file = null;
        List<String> warn = new ArrayList<>();
        boolean inspect = false;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-") || !a.startsWith("-")) {
                file = a;
                i++;
                break;
            }
            if (a.equals("--")) {
                i++;
                if (i < args.length) { file = args[i]; i++; }
                break;
            }
            if (a.equals("-h") || a.equals("--help")) {
                System.out.print(USAGE);
                return 0;
            }
            if (a.equals("-V") || a.equals("--version")) {
                System.err.println("Jython " + org.python.Version.PY_VERSION + " (pynss)");
                return 0;
            }
            // single-letter flags may be grouped (-iu), -c/-m/-W take the rest or the next argument
            boolean consumedRest = false;
            for (int k = 1; k < a.length() && !consumedRest; k++) {
                char c = a.charAt(k);
                switch (c) {
                    case 'c', 'm', 'W' -> {
                        String val = k + 1 < a.length() ? a.substring(k + 1) : (++i < args.length ? args[i] : null);
                        if (val == null) {
                            System.err.println("Argument expected for the -" + c + " option");
                            System.err.print(USAGE);
                            return 2;
                        }
                        if (c == 'c') command = val;
                        else if (c == 'm') module = val;
                        else warn.add(val);
                        consumedRest = true;
                    }
                    case 'i' -> inspect = true;
                    case 'u' -> Options.unbuffered = true;
                    case 'S' -> { Options.importSite = false; Options.no_site = true; }
                    case 'E' -> Options.ignore_environment = true;
                    case 'B' -> Options.dont_write_bytecode = true;
                    case 's' -> Options.no_user_site = true;
                    case 'O', '3', 'd', 't', 'v', 'x' -> { }
                    default -> {
                        System.err.println("Unknown option: -" + c);
                        System.err.print(USAGE);
                        return 2;
                    }
                }
            }
            if (command != null || module != null) {
                i++;
                break;
            }
        }
        Options.dont_write_bytecode = true;   // never write $py.class next to user scripts

        List<String> argv = new ArrayList<>();
        if (command != null) argv.add("-c");
        else if (module != null) argv.add(module);
        else argv.add(file == null ? "" : file);
        for (; i < args.length; i++) argv.add(args[i]);

        Properties post = new Properties();
        String jythonPath = Options.ignore_environment ? null : System.getenv("JYTHONPATH");
        if (jythonPath != null && !jythonPath.isEmpty() && System.getProperty("pynss.jythonpath.applied") == null) {
            String pp = System.getProperty("python.path");
            post.setProperty("python.path", pp == null || pp.isEmpty() ? jythonPath : pp + java.io.File.pathSeparator + jythonPath);
        }
        ReleasingCompiler.install();
        PySystemState.initialize(PySystemState.getBaseProperties(), post, argv.toArray(new String[0]));
        PySystemState sys = Py.getSystemState();
        // sys.path[0]: the script's directory, or '' (the current directory) as CPython does
        String dir = "";
        if (file != null && !file.equals("-")) {
            java.io.File parent = new java.io.File(file).getAbsoluteFile().getParentFile();
            dir = parent == null ? "" : parent.getPath();
        }
        sys.path.insert(0, new PyString(dir));
        for (String w : warn) sys.warnoptions.append(new PyString(w));

        PyModule main = imp.addModule("__main__");
        InteractiveConsole interp = new InteractiveConsole(main.__dict__);
        boolean tty = System.console() != null;
        int status = 0;
        try {
            if (Options.importSite) imp.load("site");
            if (!warn.isEmpty()) {
                // Jython's warnings module (no C _warnings) adds its default "ignore" filters in
                // front of the -W ones; CPython puts -W first: apply them again, in front
                PyObject warnings = imp.load("warnings");
                warnings.invoke("_processoptions", sys.warnoptions);
            }
            if (command != null) {
                interp.exec(Py.newStringUTF8(command));
            } else if (module != null) {
                PyObject runpy = imp.importName("runpy", true);
                runpy.__getattr__("_run_module_as_main").__call__(new PyString(module));
            } else if (file != null && !file.equals("-")) {
                InputStream in;
                try {
                    in = new FileInputStream(file);
                } catch (FileNotFoundException e) {
                    System.err.println("pynss: can't open file '" + file + "': [Errno 2] No such file or directory");
                    return 2;
                }
                try (in) {
                    main.__dict__.__setitem__("__file__", new PyString(file));
                    interp.execfile(in, file);
                }
            } else if (!tty) {
                interp.execfile(System.in, "<stdin>");
            } else {
                inspect = true;
            }
            if (inspect) interactive(main, file == null && command == null && module == null);
        } catch (PyException e) {
            status = handle(e);
        } catch (IOException e) {
            System.err.println("pynss: " + e);
            status = 1;
        } catch (Throwable t) {
            status = handle(Py.JavaError(t));
        }
        try {
            interp.cleanup();   // atexit handlers, flushing sys.stdout/stderr
        } catch (PyException e) {
            // a script may close sys.stdout itself (json.tool does): nothing left to flush
            if (!e.match(Py.ValueError) && status == 0) status = handle(e);
        } catch (RuntimeException e) {
            if (status == 0) status = 1;
        }
        return status;
    }

    private static void interactive(PyModule main, boolean banner) {
        try {
            Py.installConsole(new org.python.util.JLineConsole(null));   // line editing and history
        } catch (Throwable t) {
            // plain console
        }
        InteractiveConsole console = new InteractiveConsole(main.__dict__);
        console.interact(banner ? InteractiveConsole.getDefaultBanner() + "\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information." : "", null);
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

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
