package org.jnss.python;

import org.python.antlr.base.mod;
import org.python.compiler.LegacyCompiler;
import org.python.core.BytecodeLoader;
import org.python.core.CompilerFacade;
import org.python.core.CompilerFlags;
import org.python.core.PyCode;
import org.python.core.PythonCodeBundle;
import org.python.core.PythonCompiler;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Jython's compiler for scripts, exec and compile(), followed by
 * {@link DeadLocals}: statement temporaries no longer keep objects alive, as
 * under CPython (where nss_shutdown() after a loop over certificates succeeds).
 */
final class ReleasingCompiler implements PythonCompiler {
    private final PythonCompiler jython = new LegacyCompiler();

    /** Makes this the compiler of Python source for the whole process. */
    static void install() {
        CompilerFacade.setCompiler(new ReleasingCompiler());
    }

    /** A compilation's result with the class it loaded: its name and class file. */
    record Compiled(PyCode code, String className, byte[] classFile) {}

    /** What loadCode() loaded while {@link #capture} runs on this thread. */
    private static final class Seen {
        String className;
        byte[] classFile;
        boolean more;
    }

    private static final ThreadLocal<Seen> CAPTURE = new ThreadLocal<>();

    /**
     * Runs a compilation (one Jython compile call) and returns its code with the
     * class file it was loaded from (null when the compilation loaded none, or
     * more than one).
     */
    static Compiled capture(java.util.function.Supplier<PyCode> compile) {
        Seen seen = new Seen();
        Seen outer = CAPTURE.get();
        CAPTURE.set(seen);
        try {
            PyCode code = compile.get();
            boolean one = !seen.more && seen.classFile != null;
            return new Compiled(code, one ? seen.className : null, one ? seen.classFile : null);
        } finally {
            CAPTURE.set(outer);
        }
    }

    private static void loaded(String name, byte[] classFile) {
        Seen seen = CAPTURE.get();
        if (seen == null) return;
        seen.more |= seen.classFile != null;    // a second class: not one compilation's
        seen.className = name;
        seen.classFile = classFile;
    }

    @Override
    public PythonCodeBundle compile(mod node, String name, String filename, boolean linenumbers,
                                    boolean printResults, CompilerFlags cflags) throws Exception {
        PythonCodeBundle compiled = jython.compile(node, name, filename, linenumbers, printResults, cflags);
        return new PythonCodeBundle() {
            private byte[] original, bytes;

            private byte[] bytes() throws Exception {
                if (bytes == null) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    compiled.writeTo(out);
                    original = out.toByteArray();
                    bytes = DeadLocals.clear(original);
                }
                return bytes;
            }

            @Override
            public PyCode loadCode() throws Exception {
                byte[] code = bytes();
                PyCode made;
                try {
                    made = BytecodeLoader.makeCode(name, code, filename);
                } catch (VerifyError e) {
                    if (code == original) throw e;
                    bytes = code = original;   // never expected: run the code as Jython made it
                    made = BytecodeLoader.makeCode(name, original, filename);
                }
                loaded(name, code);
                return made;
            }

            @Override
            public void writeTo(OutputStream out) throws Exception {
                out.write(bytes());
            }
        };
    }
}
