package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyBuiltinFunctionNarrow;
import org.python.core.PyModule;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PySystemState;
import org.python.core.PyTuple;

/**
 * The launcher's private module {@code _pynss}: what the launcher's
 * {@code site} module needs from Java, put in {@code sys.modules} when the
 * interpreter starts, so that using it costs no import of a Java class (a
 * Java import from Python takes ~5 ms). Programs have no use for it.
 *
 * <p>{@code _pynss.new_thread(func, args)}: the Java thread object of a new
 * {@code threading.Thread} ({@link PooledThread#newThread}); present unless
 * the system property {@code pynss.threadpool} is {@code false}, which gives
 * every Python thread a Java thread of its own, as under Jython.
 *
 * <p>{@code _pynss.exec_code(source)}: for a str, the code {@code exec} would
 * compile from it in the calling frame, from {@link ScriptCache} when it was
 * compiled in an earlier run; anything else, or anything when the cache is off,
 * is returned as it is, for {@code exec} to handle. {@code collections.namedtuple} runs its class's
 * source through it (the build's {@code RuntimeLayout}).
 *
 * <p>{@code _pynss.regex_code(pattern, flags)} and {@code _pynss.regex_keep(pattern,
 * flags, final_flags, code, groups, groupindex)}: what {@code sre_compile.compile}
 * gave for a pattern in an earlier run (a tuple of the last four, or None), and
 * keeping it ({@link CompiledPatterns}); Jython's {@code sre_compile} asks
 * before it parses (the build's {@code RuntimeLayout}).
 */
public final class LauncherModule {
    private LauncherModule() {}

    /** The module's name. */
    public static final String NAME = "_pynss";

    /**
     * Puts the module into the interpreter's {@code sys.modules}.
     *
     * @param sys the interpreter's state
     */
    public static void install(PySystemState sys) {
        PyModule m = new PyModule(NAME, null);
        m.__setattr__("__doc__", new PyString("Internals of the pynss launcher (used by its site module)."));
        if (!"false".equals(System.getProperty("pynss.threadpool"))) {
            m.__setattr__("new_thread", new NewThread());
        }
        m.__setattr__("exec_code", new ExecCode());
        m.__setattr__("regex_code", new RegexCode());
        m.__setattr__("regex_keep", new RegexKeep());
        sys.modules.__setitem__(NAME, m);
    }

    /** {@code _pynss.regex_code(pattern, flags)}. */
    private static final class RegexCode extends PyBuiltinFunctionNarrow {
        RegexCode() {
            super("regex_code", 2, 2, "regex_code(pattern, flags) -> (final_flags, code, groups, groupindex) kept by an earlier run, or None");
        }

        @Override
        public PyObject __call__(PyObject pattern, PyObject flags) {
            return CompiledPatterns.known(pattern, flags);
        }
    }

    /** {@code _pynss.regex_keep(pattern, flags, final_flags, code, groups, groupindex)}. */
    private static final class RegexKeep extends PyBuiltinFunctionNarrow {
        RegexKeep() {
            super("regex_keep", 6, 6, "regex_keep(pattern, flags, final_flags, code, groups, groupindex): keeps a compilation for later runs");
        }

        @Override
        public PyObject fancyCall(PyObject[] args) {
            if (args.length != 6) return super.fancyCall(args);       // the arity error
            CompiledPatterns.keep(args[0], args[1], args[2], args[3], args[4], args[5]);
            return Py.None;
        }
    }

    /** {@code _pynss.exec_code(source)}. */
    private static final class ExecCode extends PyBuiltinFunctionNarrow {
        ExecCode() {
            super("exec_code", 1, 1, "exec_code(source) -> the code exec would compile from a str, kept between runs");
        }

        @Override
        public PyObject __call__(PyObject source) {
            // unicode, code, files, and everything when the cache is off (PYNSS_CODE_CACHE=0): exec's own way
            if (!ModuleSource.cached || source.getType() != PyString.TYPE) return source;
            return ScriptCache.exec(source.toString(), Py.getCompilerFlags(0, false));
        }
    }

    /** {@code _pynss.new_thread(func, args)}. */
    private static final class NewThread extends PyBuiltinFunctionNarrow {
        NewThread() {
            super("new_thread", 2, 2, "new_thread(func, args) -> the Java thread object for a new threading.Thread");
        }

        @Override
        public PyObject __call__(PyObject func, PyObject args) {
            if (!(args instanceof PyTuple t)) throw Py.TypeError("new_thread() argument 2 must be a tuple");
            return Py.java2py(PooledThread.newThread(func, t));
        }
    }
}
