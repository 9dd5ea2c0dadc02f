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
                try {
                    return BytecodeLoader.makeCode(name, code, filename);
                } catch (VerifyError e) {
                    if (code == original) throw e;
                    bytes = original;   // never expected: run the code as Jython made it
                    return BytecodeLoader.makeCode(name, original, filename);
                }
            }

            @Override
            public void writeTo(OutputStream out) throws Exception {
                out.write(bytes());
            }
        };
    }
}
