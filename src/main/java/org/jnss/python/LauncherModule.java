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
 * compiled in an earlier run; anything else is returned as it is, for
 * {@code exec} to handle. {@code collections.namedtuple} runs its class's
 * source through it (the build's {@code RuntimeLayout}).
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
        sys.modules.__setitem__(NAME, m);
    }

    /** {@code _pynss.exec_code(source)}. */
    private static final class ExecCode extends PyBuiltinFunctionNarrow {
        ExecCode() {
            super("exec_code", 1, 1, "exec_code(source) -> the code exec would compile from a str, kept between runs");
        }

        @Override
        public PyObject __call__(PyObject source) {
            if (source.getType() != PyString.TYPE) return source;     // unicode, code, files: exec's own way
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
