package org.jnss.python;

import org.python.core.Options;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed {@code pynss} command line: what to run (script file, {@code -c}
 * command, {@code -m} module, standard input or the prompt), its {@code sys.argv}
 * and the options, as CPython 2.7's {@code python} reads them.
 *
 * <p>Flags that map onto Jython's {@link Options} are applied while parsing.
 */
final class CommandLine {
    static final String USAGE = "usage: pynss [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
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
            + "arg ...: arguments passed to program in sys.argv[1:]\n"
            + "The interactive prompt keeps its history in ~/.pynss_history.\n";

    /** The {@code -c} program, or null. */
    String command;
    /** The {@code -m} module, or null. */
    String module;
    /** The script file ({@code "-"}: standard input), or null. */
    String file;
    /** The {@code -W} options, in order. */
    final List<String> warnings = new ArrayList<>();
    /** {@code -i}: the prompt after the script. */
    boolean inspect;
    /** {@code sys.argv}. */
    final List<String> argv = new ArrayList<>();
    /** When not negative, exit with this status at once (help, version, usage error). */
    int exitStatus = -1;

    /** True when the program is a script, a command or a module (not stdin nor the prompt). */
    boolean hasScript() {
        return command != null || module != null || (file != null && !file.equals("-"));
    }

    /** Parses {@code args}; messages for -h, -V and usage errors are printed here. */
    static CommandLine parse(String[] args) {
        CommandLine cl = new CommandLine();
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-") || !a.startsWith("-")) {
                cl.file = a;
                i++;
                break;
            }
            if (a.equals("--")) {
                i++;
                if (i < args.length) { cl.file = args[i]; i++; }
                break;
            }
            if (a.equals("-h") || a.equals("--help")) {
                System.out.print(USAGE);
                return cl.exit(0);
            }
            if (a.equals("-V") || a.equals("--version")) {
                System.err.println("Jython " + org.python.Version.PY_VERSION + " (pynss)");
                return cl.exit(0);
            }
            i = cl.flags(args, i);
            if (cl.exitStatus >= 0) return cl;
            if (cl.command != null || cl.module != null) {
                i++;
                break;
            }
        }
        if (cl.command != null) cl.argv.add("-c");
        else if (cl.module != null) cl.argv.add(cl.module);
        else cl.argv.add(cl.file == null ? "" : cl.file);
        for (; i < args.length; i++) cl.argv.add(args[i]);
        return cl;
    }

    /**
     * Reads the single-letter flags of {@code args[i]} (they may be grouped, as
     * {@code -iu}); -c/-m/-W take the rest of the word or the next argument.
     * Returns the index of the last argument used.
     */
    private int flags(String[] args, int i) {
        String a = args[i];
        for (int k = 1; k < a.length(); k++) {
            char c = a.charAt(k);
            switch (c) {
                case 'c', 'm', 'W' -> {
                    String val = k + 1 < a.length() ? a.substring(k + 1) : (++i < args.length ? args[i] : null);
                    if (val == null) {
                        System.err.println("Argument expected for the -" + c + " option");
                        System.err.print(USAGE);
                        exit(2);
                    } else if (c == 'c') command = val;
                    else if (c == 'm') module = val;
                    else warnings.add(val);
                    return i;
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
                    exit(2);
                    return i;
                }
            }
        }
        return i;
    }

    private CommandLine exit(int status) {
        exitStatus = status;
        return this;
    }
}
