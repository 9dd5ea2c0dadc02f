package org.jnss.python;

import org.jnss.natives.LibC;
import org.jnss.natives.Mem;
import org.python.core.Options;
import org.python.core.Py;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PySystemState;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A warm start for {@code scripts/pynss} (opt-in, {@code PYNSS_WARM=1}): a
 * spare JVM that has started and initialised Jython waits for the next run,
 * then runs it as a cold start would have.
 *
 * <p>The launcher starts a spare after a run, in the background, in a
 * directory named after everything a cold start depends on (the build, the
 * JVM options, the environment, the current directory, which of the standard
 * streams are terminals), so a spare serves only a run that would have
 * started in the same conditions. The spare makes two named pipes there,
 * {@code req.PID} and {@code st.PID}, then {@code ready.PID}; a client claims
 * it by renaming {@code ready.PID} (one rename wins) and writes its request
 * to {@code req.PID}: the number of arguments, the client's process id, then
 * the arguments, each ended by a NUL byte. The spare opens the client's
 * standard input, output and error through {@code /proc/PID/fd} (the same
 * terminal or pipe, not a copy) and puts them on its descriptors 0, 1 and 2,
 * sets {@code sys.argv} and runs the program as {@link Main} does. Then it
 * does what the JVM's exit would still do for the program (Jython closes the
 * files the script left open), gives the streams back (they become
 * {@code /dev/null}), writes the exit status and a newline to {@code st.PID}
 * and exits. The client forwards the signals it receives meanwhile and exits
 * with that status.
 *
 * <p>A spare nobody claims within {@code pynss.warm.idle} seconds (system
 * property, default 600) removes its files and exits.
 */
final class Spare {
    private Spare() {}

    /** The launcher's argument that makes {@link Main} a spare: {@code --pynss-spare DIR}. */
    static final String FLAG = "--pynss-spare";

    /** Serves one run from {@code dir}; returns its exit status (0 when none came before the idle time). */
    static int serve(String dir) {
        Options.dont_write_bytecode = true;
        Main.initialise(new String[0]);
        warmUp();
        long pid = ProcessHandle.current().pid();
        Path d = Path.of(dir);
        Path req = d.resolve("req." + pid), st = d.resolve("st." + pid), ready = d.resolve("ready." + pid);
        int in, out;
        try {
            if (LibC.mkfifo(Mem.utf8z(req.toString()), 0600) != 0 || LibC.mkfifo(Mem.utf8z(st.toString()), 0600) != 0) return 0;
            // both ends held here: a client's open never blocks and a request is never lost
            in = LibC.open(Mem.utf8z(req.toString()), LibC.O_RDWR);
            out = LibC.open(Mem.utf8z(st.toString()), LibC.O_RDWR);
            if (in < 0 || out < 0) return remove(req, st, 0);
            Files.createFile(ready);
            Files.deleteIfExists(d.resolve("starting"));     // the launcher's mark of a spare on its way
        } catch (IOException | RuntimeException e) {
            return remove(req, st, 0);
        }
        Thread idle = new Thread(() -> {
            try {
                Thread.sleep(Long.getLong("pynss.warm.idle", 600) * 1000);
                Files.move(ready, d.resolve("gone." + pid));    // fails once a client has claimed this spare
                Files.deleteIfExists(d.resolve("gone." + pid));
                remove(req, st, 0);
                Runtime.getRuntime().halt(0);
            } catch (InterruptedException | IOException e) {
                // claimed
            }
        }, "pynss-spare-idle");
        idle.setDaemon(true);
        idle.start();

        List<String> fields = readRequest(in);
        idle.interrupt();
        remove(req, null, 0);
        if (fields == null || fields.size() < 2) return remove(null, st, 1);
        String client = fields.get(0);
        for (int fd = 0; fd <= 2; fd++) {
            int flags = (fd == 0 ? LibC.O_RDONLY : LibC.O_WRONLY) | LibC.O_NOCTTY;
            int f = LibC.open(Mem.utf8z("/proc/" + client + "/fd/" + fd), flags);
            if (f < 0 || LibC.dup2(f, fd) < 0) return remove(null, st, 1);
            LibC.close(f);
        }
        System.setProperty("pynss.warm", "true");
        String[] args = fields.subList(1, fields.size()).toArray(new String[0]);
        int status;
        CommandLine cl = CommandLine.parse(args);
        if (cl.exitStatus >= 0) {
            status = cl.exitStatus;
        } else {
            PySystemState sys = Py.getSystemState();
            sys.argv = new PyList();
            for (String a : cl.argv) sys.argv.append(Py.fileSystemEncode(a));
            status = Main.execute(cl, Prompt.terminal(), false);
        }
        // what the JVM's exit would still do for the program (Jython's closers: files the script
        // left open are flushed and closed), then the streams are handed back: the client returns
        // with the status while this JVM exits
        PySystemState state = Py.getSystemState();
        for (PyObject stream : new PyObject[]{state.stdout, state.stderr}) {
            // sys.stdout is buffered when it is not a terminal: its text must reach the client's
            // stream before that is handed back (cleanup() below does not always get to it first)
            try {
                if (stream != null && stream.__findattr__("flush") != null) stream.invoke("flush");
            } catch (RuntimeException e) {
                // a closed or replaced stream: as at a cold exit, nothing more to flush
            }
        }
        try {
            state.cleanup();
        } catch (RuntimeException e) {
            // as at a cold exit: nothing more to flush
        }
        System.out.flush();
        System.err.flush();
        int devnull = LibC.open(Mem.utf8z("/dev/null"), LibC.O_RDWR);
        for (int fd = 0; fd <= 2 && devnull >= 0; fd++) LibC.dup2(devnull, fd);
        byte[] s = (status + "\n").getBytes(StandardCharsets.US_ASCII);
        LibC.write(out, s, s.length);
        return remove(null, st, status);
    }

    private static final java.nio.charset.Charset ARGV_CHARSET = charset(System.getProperty("sun.jnu.encoding"));

    private static java.nio.charset.Charset charset(String name) {
        try {
            return name == null ? java.nio.charset.Charset.defaultCharset() : java.nio.charset.Charset.forName(name);
        } catch (RuntimeException e) {
            return java.nio.charset.Charset.defaultCharset();
        }
    }

    /**
     * Work every run does first and that leaves nothing a program could tell
     * apart from a cold start: the site module (a cold start imports it before
     * the program too; the spare's conditions equal the run's), the compiler
     * (a throwaway snippet), JNA's bindings of the NSS libraries (loading
     * them calls no NSS function), and jnr-posix's binding of libc, which
     * Jython's posix module takes at the program's first call that needs it
     * (os.getpid, os.umask...; no Python module is imported here).
     */
    private static void warmUp() {
        try {
            if (Options.importSite) org.python.core.imp.load("site");
            Py.compile_flags("x = [i for i in (1, 2)]\n", "<pynss-spare>", org.python.core.CompileMode.exec,
                    new org.python.core.CompilerFlags());
            for (String c : new String[]{"Nspr4", "Nss3", "Ssl3", "Smime3"})
                Class.forName("org.jnss.natives." + c, true, Spare.class.getClassLoader());
            // Jython's posix module binds libc through jnr-posix at the first call that needs it
            // (logging's os.getpid() for each record, tempfile's names): made once per process, ~0.1 s
            jnr.posix.POSIXFactory.getNativePOSIX();
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // the run does the same work itself, and meets any failure as a cold start would
        }
    }

    /** The request's fields after its count: the client's pid, then the arguments; null if cut short. */
    private static List<String> readRequest(int fd) {
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>();
        int count = -1;
        byte[] buf = new byte[4096];
        while (true) {
            long n = LibC.read(fd, buf, buf.length);
            if (n <= 0) return null;
            for (int i = 0; i < n; i++) {
                if (buf[i] != 0) {
                    field.write(buf[i]);
                    continue;
                }
                String f = field.toString(ARGV_CHARSET);   // as the JVM decodes a cold start's argv
                field.reset();
                if (count < 0) {
                    try {
                        count = Integer.parseInt(f);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                } else {
                    fields.add(f);
                }
                if (count >= 0 && fields.size() == count + 1) return fields;
            }
        }
    }

    private static int remove(Path req, Path st, int status) {
        try {
            if (req != null) Files.deleteIfExists(req);
            if (st != null) Files.deleteIfExists(st);
        } catch (IOException e) {
            // the launcher's directory is private; a leftover file is harmless
        }
        return status;
    }
}
