package org.jnss.python;

import org.python.core.imp;

import java.io.IOException;
import java.io.InputStream;

/**
 * How Jython's importer compiles a module it found as source, under pynss.
 * The build rewrites Jython's {@code imp.createFromSource} to call
 * {@link #compile} instead of {@code imp.compileSource} (see the build's
 * {@code RuntimeLayout}). pynss writes no {@code $py.class} beside a
 * program's modules, so Jython compiled them at every run; in a process
 * started by pynss ({@code scripts/pynss}) the compiled class is kept between
 * runs by the same cache as the program's own code ({@code ScriptCache},
 * {@code ~/.cache/pynss/code}). Anywhere else (Jython embedded in a Java
 * program, JShell) it is compiled as Jython compiles it.
 */
public final class ModuleSource {
    private ModuleSource() {}

    /** Set by pynss's launcher when the code cache is on for this process. */
    static volatile boolean cached;

    /**
     * The class file of module {@code name} compiled from {@code source}, as
     * {@code imp.compileSource(name, source, filename, mtime)} makes it.
     *
     * @param name     the module's name (its class is {@code name$py})
     * @param source   the module's source (closed here)
     * @param filename the source file's name, kept in the class
     * @param mtime    the source file's modification time, kept in the class
     * @return the class file
     */
    public static byte[] compile(String name, InputStream source, String filename, long mtime) {
        if (!cached || name == null || filename == null) return imp.compileSource(name, source, filename, mtime);
        byte[] text;
        try (source) {
            text = source.readAllBytes();
        } catch (IOException e) {
            throw org.python.core.Py.IOError(e);
        }
        return ScriptCache.module(name, filename, mtime, text);
    }
}
