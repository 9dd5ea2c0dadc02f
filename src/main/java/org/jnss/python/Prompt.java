package org.jnss.python;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyModule;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PySystemState;
import org.python.core.imp;
import org.python.jline.console.history.FileHistory;
import org.python.util.InteractiveConsole;
import org.python.util.JLineConsole;

import java.io.File;
import java.io.IOException;

/**
 * The interactive prompt of {@code pynss}, as CPython 2.7's with readline: line
 * editing, history within the session and across sessions ({@code ~/.pynss_history}),
 * tab completion of names and attributes ({@code rlcompleter}), Ctrl-D to leave,
 * Ctrl-C to discard the line being typed.
 *
 * <p>The line editor is Jython's JLine console. It must replace standard input
 * before {@code sys.stdin} is made from it, so {@link #prepare()} runs before the
 * interpreter is initialised and {@link #interact} after.
 */
final class Prompt {
    private Prompt() {}

    /** The history file, in the user's home ({@code $HOME}, as Python's {@code ~}). */
    static File historyFile() {
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) home = System.getProperty("user.home", ".");
        return new File(home, ".pynss_history");
    }

    /** True when standard input and output are a terminal. */
    static boolean terminal() {
        return System.console() != null;
    }

    /** Chooses the line-editing console; to be called before the interpreter starts. */
    static void prepare() {
        if (System.getProperty("python.console") == null) System.setProperty("python.console", Console.class.getName());
    }

    /**
     * Reads, runs and prints statements in {@code __main__} until end of input.
     *
     * @param banner whether to print the version banner first (not after a script run with -i)
     */
    static void interact(PyModule main, boolean banner) {
        completion();
        Session session = new Session(main);
        PySystemState sys = Py.getSystemState();
        if (banner) {
            session.write(InteractiveConsole.getDefaultBanner()
                    + "\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
        }
        if (sys.__findattr__("ps1") == null) sys.ps1 = new PyString(">>> ");
        if (sys.__findattr__("ps2") == null) sys.ps2 = new PyString("... ");
        Console editor = Py.getConsole() instanceof Console c ? c : null;
        boolean more = false;
        while (true) {
            PyObject prompt = more ? sys.ps2 : sys.ps1;
            String line;
            try {
                if (editor == null) {
                    line = session.raw_input(prompt);
                } else {
                    sys.stdout.invoke("flush");
                    sys.stderr.invoke("flush");
                    line = editor.readLine(prompt.__str__().toString());
                }
            } catch (PyException e) {
                if (!e.match(Py.EOFError)) throw e;
                line = null;
            } catch (org.python.jline.console.UserInterruptException e) {
                // Ctrl-C: the line typed so far is dropped
                session.write("KeyboardInterrupt\n");
                session.resetbuffer();
                more = false;
                continue;
            }
            if (line == null) {
                session.write("\n");
                break;
            }
            more = session.push(line);
        }
        if (editor != null) editor.save();
    }

    /** Tab completes names and attributes, as {@code readline.set_completer(rlcompleter.Completer().complete)}. */
    private static void completion() {
        if (!(Py.getConsole() instanceof JLineConsole)) return;
        try {
            PyObject readline = imp.importName("readline", true);
            PyObject completer = imp.importName("rlcompleter", true).__getattr__("Completer").__call__();
            readline.invoke("set_completer", completer.__getattr__("complete"));
        } catch (PyException e) {
            // no completion, the prompt still works
        }
    }

    /** The statement buffer of the prompt, in {@code __main__}'s namespace. */
    private static final class Session extends InteractiveConsole {
        Session(PyModule main) {
            super(main.__dict__);
        }
    }

    /**
     * Jython's JLine console with the history file of pynss. (Jython's own
     * history, {@code ~/.jline-jython.history}, is left as it was.)
     */
    public static final class Console extends JLineConsole {
        private FileHistory history;

        public Console(String encoding) {
            super(encoding);
        }

        @Override
        public void install() {
            super.install();
            try {
                history = new FileHistory(historyFile());
                reader.setHistory(history);
                Runtime.getRuntime().addShutdownHook(new Thread(this::save));
            } catch (IOException e) {
                // the history of this session only
            }
        }

        /**
         * Reads a line with the line editor, showing {@code prompt}; null at end of
         * input (Ctrl-D on an empty line).
         *
         * @throws org.python.jline.console.UserInterruptException on Ctrl-C
         */
        String readLine(String prompt) {
            try {
                return reader.readLine(prompt);
            } catch (IOException e) {
                throw Py.IOError(e);
            }
        }

        /** Writes the history file. */
        synchronized void save() {
            if (history == null) return;
            try {
                history.flush();
            } catch (IOException e) {
                // the history could not be kept: nothing to tell at exit
            }
        }
    }
}
