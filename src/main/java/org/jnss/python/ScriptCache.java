package org.jnss.python;

import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.Py;
import org.python.core.PyCode;
import org.python.core.imp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Compiled code of the program {@code pynss} runs (the script file or the
 * {@code -c} command), of the modules it imports from source and of the
 * classes {@code collections.namedtuple} writes, and compiled regular
 * expressions ({@link CompiledPatterns}), kept between runs. Jython compiles that program to a Java class at every start, and the
 * compiler's first use in a process is slow (a 150-line script ~80-120 ms, a
 * {@code -c} line ~15 ms; CPython's compiler takes a few milliseconds); a
 * module imported from source was compiled at every run too, since pynss
 * writes no {@code $py.class} beside it ({@link ModuleSource}). Jython's own
 * library comes compiled.
 *
 * <p>An entry holds everything its code depends on (the build, the file name,
 * the compiler flags, the source itself) and is used only when all of it is
 * equal, byte for byte; anything else, including an unreadable or damaged
 * entry, means compiling as without the cache, so a program runs exactly as it
 * would have. Entries live in {@code $XDG_CACHE_HOME/pynss/code} (else
 * {@code ~/.cache/pynss/code}), a directory of the user's own that nobody
 * else may write to (otherwise the cache is not used), at most
 * {@value #MAX_ENTRIES} of them, the least recently used going first.
 * {@code PYNSS_CODE_CACHE=0} turns it off ({@code -B} and
 * {@code PYTHONDONTWRITEBYTECODE} concern modules' compiled files, which pynss
 * never writes).
 */
final class ScriptCache {
    private ScriptCache() {}

    private static final String MAGIC = "pynss compiled program 1";
    static final int MAX_ENTRIES = 256;
    /** Programs larger than this are compiled every time (an entry holds its source). */
    private static final int MAX_SOURCE = 4 << 20;

    /**
     * The code of a {@code -c} command, compiled as {@code exec} of a str at
     * the top level compiles it (file name {@code <string>}).
     *
     * @param command the command as given (UTF-8 encoded into the str, as CPython's -c)
     */
    static PyCode command(String command) {
        String contents = Py.newStringUTF8(command).toString();
        CompilerFlags flags = Py.getCompilerFlags(0, false);
        byte[] source = contents.getBytes(StandardCharsets.ISO_8859_1);
        return cached("c", "<string>", flags, source,
                () -> Py.compile_flags(contents, "<string>", CompileMode.exec, flags));
    }

    /**
     * The code of a script file whose bytes are {@code source}, compiled as
     * {@code execfile} compiles it with the interpreter's flags.
     */
    static PyCode script(String file, byte[] source, CompilerFlags flags) {
        return cached("f", file, flags, source,
                () -> Py.compile_flags(new ByteArrayInputStream(source), file, CompileMode.exec, flags));
    }

    /**
     * The code of source that a library runs with {@code exec} (the class a
     * {@code collections.namedtuple} call writes), compiled as {@code exec}
     * of a str compiles it: file name {@code <string>}, the given flags.
     *
     * @param contents the source, a str's characters (each below 256)
     * @param flags    the compiler flags {@code exec} would use (the calling frame's)
     */
    static PyCode exec(String contents, CompilerFlags flags) {
        return cached("x", "<string>", flags, contents.getBytes(StandardCharsets.ISO_8859_1),
                () -> Py.compile_flags(contents, "<string>", CompileMode.exec, flags));
    }

    /**
     * Data (not code) kept under a key of this build: what {@link #storeData}
     * stored for exactly this kind, key text and source; null when there is
     * none, or no cache to use.
     */
    static byte[] loadData(String kind, String more, byte[] source) {
        Slot slot = slot(kind, "", more, source);
        Entry e = slot == null ? null : slot.load();
        return e != null && e.className.equals(DATA) ? e.classFile : null;
    }

    /** Keeps data under a key of this build (see {@link #loadData}); a cache that cannot be written is not used. */
    static void storeData(String kind, String more, byte[] source, byte[] data) {
        Slot slot = slot(kind, "", more, source);
        if (slot != null) slot.store(DATA, data);
    }

    /** The class name of an entry that holds data rather than a class (no class has this name). */
    private static final String DATA = "-data-";

    private static PyCode cached(String kind, String filename, CompilerFlags flags, byte[] source,
                                 java.util.function.Supplier<PyCode> compile) {
        Slot slot = slot(kind, filename, flags.toBits() + " " + flags.source_is_utf8 + ' ' + flags.dont_imply_dedent
                + ' ' + flags.only_ast + ' ' + flags.encoding, source);
        if (slot == null) return compile.get();
        Entry e = slot.load();
        if (e != null) {
            try {
                PyCode code = org.python.core.BytecodeLoader.makeCode(e.className, e.classFile, filename);
                Py.getName();       // the compiled-class counter moves as the compilation would have moved it
                return code;
            } catch (RuntimeException | LinkageError damaged) {
                // compiled again below, and written anew
            }
        }
        ReleasingCompiler.Compiled c = ReleasingCompiler.capture(compile);
        if (c.classFile() != null) slot.store(c.className(), c.classFile());
        return c.code();
    }

    /**
     * The class file of a module Jython's importer found as source, as
     * {@code imp.compileSource} makes it (see {@link ModuleSource}).
     */
    static byte[] module(String name, String filename, long mtime, byte[] source) {
        Slot slot = slot("m", filename, name + ' ' + mtime, source);
        Entry e = slot == null ? null : slot.load();
        if (e != null && e.className.equals(name + "$py")) return e.classFile;
        byte[] classFile = imp.compileSource(name, new ByteArrayInputStream(source), filename, mtime);
        if (slot != null) slot.store(name + "$py", classFile);
        return classFile;
    }

    /** Where the code of one source goes: the entry's file, and what it must hold to be used. */
    private record Slot(Path dir, Path entry, byte[] key, byte[] source) {
        Entry load() {
            return ScriptCache.load(entry, key, source);
        }

        void store(String className, byte[] classFile) {
            ScriptCache.store(dir, entry, key, source, className, classFile);
        }
    }

    /** The slot of a source in the cache; null when there is no cache to use (or the source is too large). */
    private static Slot slot(String kind, String filename, String more, byte[] source) {
        Path dir = source.length <= MAX_SOURCE ? directory() : null;
        if (dir == null) return null;
        byte[] key = key(kind, filename, more);
        return new Slot(dir, dir.resolve(org.jnss.asn1.Codec.appendHex(new StringBuilder(16), hash(key, source), 16).toString()), key, source);
    }

    /** What an entry's code depends on besides its source: the kind, this build, the file name and more. */
    private static byte[] key(String kind, String filename, String more) {
        return (kind + '\n' + build() + '\n' + filename + '\n' + more).getBytes(StandardCharsets.UTF_8);
    }

    /** A stored class: its name and class file. */
    private record Entry(String className, byte[] classFile) {}

    /** The entry's class when it was made from exactly this key and source; null otherwise. */
    private static Entry load(Path entry, byte[] key, byte[] source) {
        byte[] all;
        try {
            // a regular file of a plausible size only (not a link, a pipe or anything else)
            BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() > 2L * MAX_SOURCE + (16 << 20)) return null;
            all = Files.readAllBytes(entry);
        } catch (IOException e) {
            return null;    // none yet (or unreadable)
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            if (!MAGIC.equals(in.readUTF())) return null;
            if (!Arrays.equals(key, readBlock(in)) || !Arrays.equals(source, readBlock(in))) return null;
            String className = in.readUTF();
            byte[] classFile = readBlock(in);
            if (in.available() != 0) return null;
            touch(entry);
            return new Entry(className, classFile);
        } catch (IOException | RuntimeException e) {
            return null;    // damaged: compiled again and written anew
        }
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("bad length");
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static void store(Path dir, Path entry, byte[] key, byte[] source, String className, byte[] classFile) {
        Path tmp = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + key.length + source.length + classFile.length);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(MAGIC);
                out.writeInt(key.length);
                out.write(key);
                out.writeInt(source.length);
                out.write(source);
                out.writeUTF(className);
                out.writeInt(classFile.length);
                out.write(classFile);
            }
            tmp = Files.createTempFile(dir, "new-", ".tmp");
            Files.write(tmp, bytes.toByteArray());
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(dir);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written (full disk, read-only home) is simply not used
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // left for the next prune
                }
            }
        }
    }

    /** Keeps the {@value #MAX_ENTRIES} most recently used entries (and no stale temporary file). */
    private static void prune(Path dir) {
        File[] files = dir.toFile().listFiles();
        if (files == null || files.length <= MAX_ENTRIES) return;
        Arrays.sort(files, (a, b) -> Long.compare(b.lastModified(), a.lastModified()));
        for (int i = MAX_ENTRIES; i < files.length; i++) {
            String name = files[i].getName();
            if (name.startsWith("new-") && files[i].lastModified() > System.currentTimeMillis() - 60_000) continue;
            //noinspection ResultOfMethodCallIgnored
            files[i].delete();
        }
    }

    private static void touch(Path entry) {
        //noinspection ResultOfMethodCallIgnored
        entry.toFile().setLastModified(System.currentTimeMillis());
    }

    private static volatile Path directory;
    private static volatile boolean looked;

    /** The cache directory, made if needed; null when there is none fit for use. */
    static Path directory() {
        if (looked) return directory;
        Path d = null;
        try {
            String base = System.getenv("XDG_CACHE_HOME");
            Path root = base != null && base.startsWith("/") ? Path.of(base)
                    : Path.of(System.getProperty("user.home"), ".cache");
            Path dir = root.resolve("pynss").resolve("code");
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(root);
                Files.createDirectories(dir.getParent(), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            if (ownOnly(dir.getParent()) && ownOnly(dir)) d = dir;
        } catch (IOException | RuntimeException e) {
            d = null;
        }
        directory = d;
        looked = true;
        return d;
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** A directory (not a link) of this user's that no one else may write to. */
    private static boolean ownOnly(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir)) return false;
        if (!Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) return false;
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir);
        return !p.contains(PosixFilePermission.GROUP_WRITE) && !p.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static volatile String build;

    /** What the compiled code depends on besides the source: this build (its jar or classes) and Jython's. */
    private static String build() {
        String b = build;
        if (b == null) {
            StringBuilder sb = new StringBuilder();
            for (Class<?> c : new Class<?>[] {ScriptCache.class, Py.class}) {
                try {
                    File f = new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                    sb.append(f.getPath()).append(' ').append(f.length()).append(' ').append(f.lastModified()).append(';');
                } catch (Exception | LinkageError e) {
                    sb.append("?;");
                }
            }
            build = b = sb.toString();
        }
        return b;
    }

    /** FNV-1a, 64 bits, over the key and the source: only names the entry (the entry itself is compared). */
    private static long hash(byte[] key, byte[] source) {
        long h = 0xcbf29ce484222325L;
        for (byte x : key) h = (h ^ (x & 0xff)) * 0x100000001b3L;
        for (byte x : source) h = (h ^ (x & 0xff)) * 0x100000001b3L;
        return h;
    }
}
