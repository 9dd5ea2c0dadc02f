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
        sys.modules.__setitem__(NAME, m);
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
