package org.jnss.python;

import org.python.objectweb.asm.ClassReader;
import org.python.objectweb.asm.ClassVisitor;
import org.python.objectweb.asm.ClassWriter;
import org.python.objectweb.asm.MethodVisitor;
import org.python.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Lays the runtime libraries out for a fast start (build-time code, run by Maven after the
 * libraries are copied to {@code target/lib}; not part of the jar):
 *
 * <ul>
 * <li>{@code Lib/}, Jython's standard library, is copied out of the
 * standalone jar next to it ({@code target/lib/Lib}, the {@code Lib} of
 * Jython's default home, which sys.path searches before the jar). Importing
 * the first module from the jar makes Jython's zip importer read the whole
 * directory of the jar (25,000 entries, ~0.25 s of every start).</li>
 * <li>{@code jython-cds.jar} holds the jar's classes of class-file version 49
 * (Java 5: its exposer classes, ~2,600, of which a start loads ~1,100)
 * rewritten as version 50 with stack map frames. The JVM's class data
 * sharing archive leaves version 49 classes out, so every start parsed and
 * verified them again; the launcher puts this jar before Jython's on the
 * class path. A class whose frames cannot be computed is left out (the
 * original is used); a version 50 class whose frames the verifier rejected
 * would still load, through the old verifier.</li>
 * <li>In that jar, {@code _locale} no longer lists the JVM's available locales
 * when the class initialises (the exceptions module initialises it at every
 * start, and the list costs 0.1-0.2 s): the one method that reads the list,
 * {@code setlocale} to a named locale, asks the JVM for it at the time of the
 * call instead. Its import makes a locale object for the JVM's default
 * locale ({@code JyLocale}), whose number formats and collator (~100 JDK
 * classes and their tables, ~30 ms, at every {@code import locale}, so under
 * argparse and gettext) are now made at their first use
 * ({@code localeconv()}, {@code strcoll()}): by default Jython's
 * {@code locale} uses its C emulation and never asks.</li>
 * <li>In that jar too, where jnr-posix binds libc natively on the building
 * machine: {@code posix} (under {@code import os}) no longer binds libc when
 * the module is made. Its set-up asked whether the native binding works,
 * which made it (jnr-ffi builds it at run time: ~0.1 s of nearly every
 * script); it takes the answer found here, and the binding is made at the
 * first call that needs it (os.getpid, os.umask... ; stat, listdir, environ
 * and os.path use Java). Elsewhere the class is left as it is.</li>
 * <li>In that jar too, {@code imp.createFromSource} (a module imported from
 * its source) compiles through {@code org.jnss.python.ModuleSource}, which
 * under pynss keeps the compiled class between runs ({@link ScriptCache}).</li>
 * <li>In that jar too, {@code PyType.Registry.isExposed} no longer reads a
 * class's annotations to learn whether it is one of Jython's exposed types:
 * it asks {@link ExposedIndex} with the names of the jar's classes that carry
 * {@code @ExposedType}, found here. Reading them parsed the annotations of
 * every type Jython makes as it starts, and of their superclasses.</li>
 * <li>In that jar too, {@code str(x)} returns the str {@code x.__str__()}
 * gave when it is an exact str, as CPython does, instead of a checked copy
 * ({@link ExactStrReturned}).</li>
 * <li>In that jar too, {@code time.strftime}'s {@code %c} (and so
 * {@code datetime}'s) writes the C locale's form, Python 2's unless a program
 * sets a locale ({@code "Thu Jan  1 00:00:00 1970"}, the day padded with a
 * space, as {@code time.asctime}): Jython wrote the day with a zero
 * ({@link #writeCLocaleDateTime}). Jython's {@code locale} module answers "C" to
 * every {@code setlocale} by default.</li>
 * <li>In {@code Lib/}, {@code encodings} imports its fallback to Java's
 * charsets when a lookup first needs it ({@link #lazyJavaCodecs}), and
 * {@code collections.namedtuple} runs its class's code through the launcher's
 * cache of compiled code ({@link #cachedNamedTuples}), and {@code sre_compile}
 * takes a pattern an earlier run compiled from that cache
 * ({@link #cachedPatterns}); {@code _socket} imports netty when the first
 * socket is made ({@link #lazyNetty}), and {@code httplib}, {@code urllib}
 * and {@code urllib2} import {@code ssl} when an HTTPS connection needs it
 * ({@link #sslOnFirstUse}); {@code posixpath} imports {@code warnings} in
 * the one function that warns ({@link #lazyWarnings}). The modules changed
 * are listed in {@code Lib/.jnss-extracted}, for the build's
 * {@code scripts/precompile.py} to compile again.</li>
 * <li>{@code native/libjnidispatch.so}, JNA's native part for this platform,
 * copied out of JNA's jar. Without it JNA copies the library to a temporary
 * file at every start (and needs a writable cache directory); the launcher
 * points {@code jna.boot.library.path} here.</li>
 * </ul>
 *
 * <p>The outputs carry their jar's modification time and are remade only when
 * the jar changes. Usage: {@code RuntimeLayout JYTHON_JAR JNA_JAR OUTPUT_DIR}.
 */
final class RuntimeLayout {
    private RuntimeLayout() {}

    /** Revision of the rewriting: the jar's time plus this is the output's, so a change here remakes it. */
    private static final long REVISION = 10;
    /** Revision of the changes to {@code Lib/} ({@link #editLib}): a change here extracts it again. */
    private static final long LIB_REVISION = 7;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path jna = Path.of(args[1]);
        Path out = Path.of(args[2]);
        extractJnaNative(jna, out.resolve("native"));
        FileTime stamp = Files.getLastModifiedTime(jar);
        Path lib = out.resolve("Lib");
        Path marker = lib.resolve(".jnss-extracted");
        FileTime libStamp = FileTime.fromMillis(stamp.toMillis() + LIB_REVISION);
        if (!Files.exists(marker) || !Files.getLastModifiedTime(marker).equals(libStamp)) {
            extractLib(jar, lib);
            StringBuilder edited = new StringBuilder();
            if (lazyJavaCodecs(lib)) edited.append("encodings/__init__.py\n");
            if (cachedNamedTuples(lib)) edited.append("collections.py\n");
            if (cachedPatterns(lib)) edited.append("sre_compile.py\n");
            if (lazyNetty(lib)) edited.append("_socket.py\n");
            if (lazyWarnings(lib)) edited.append("posixpath.py\n");
            edited.append(sslOnFirstUse(lib));
            Files.writeString(marker, edited);
            Files.setLastModifiedTime(marker, libStamp);
        }
        Path cds = out.resolve("jython-cds.jar");
        FileTime cdsStamp = FileTime.fromMillis(stamp.toMillis() + REVISION);
        if (!Files.exists(cds) || !Files.getLastModifiedTime(cds).equals(cdsStamp)) {
            int[] n = upgradeClasses(jar, cds);
            Files.setLastModifiedTime(cds, cdsStamp);
            System.out.println("jython-cds.jar: " + n[0] + " classes rewritten, " + n[1] + " left as they were");
        }
    }

    /** Copies JNA's native library for the platform of this JVM out of its jar, unless done before. */
    private static void extractJnaNative(Path jna, Path dir) throws IOException {
        String entryName = "com/sun/jna/" + com.sun.jna.Platform.RESOURCE_PREFIX + "/libjnidispatch.so";
        Path target = dir.resolve("libjnidispatch.so");
        FileTime stamp = Files.getLastModifiedTime(jna);
        if (Files.exists(target) && Files.getLastModifiedTime(target).equals(stamp)) return;
        try (ZipFile zip = new ZipFile(jna.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) return;   // no library for this platform in the jar: JNA looks elsewhere
            Files.createDirectories(dir);
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.setLastModifiedTime(target, stamp);
    }

    /** Copies the entries under {@code Lib/} into {@code lib}, keeping their times (Jython compares them). */
    private static void extractLib(Path jar, Path lib) throws IOException {
        if (Files.exists(lib)) deleteTree(lib);
        Files.createDirectories(lib);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (!name.startsWith("Lib/") || name.equals("Lib/")) continue;
                Path target = lib.resolve(name.substring(4)).normalize();
                if (!target.startsWith(lib)) continue;   // no entry may write outside Lib
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setLastModifiedTime(target, FileTime.fromMillis(entry.getTime()));
            }
        }
    }

    /**
     * In {@code Lib/encodings/__init__.py}: the codec registry's fallback to
     * Java's charsets ({@code encodings._java}, for encodings without a module
     * of their own) is imported when a lookup first needs it, not when the
     * registry starts. That module imports {@code StringIO}, {@code functools},
     * {@code array} and four Java classes, ~20 ms of the ~45-65 ms that the
     * registry's start costs, and the registry starts for nearly every script:
     * at the first {@code import codecs}, {@code encode}/{@code decode}, or
     * comparison of a str with a unicode ({@code import threading} makes one).
     *
     * @return whether the module was changed
     */
    private static boolean lazyJavaCodecs(Path lib) throws IOException {
        String use = "        entry, codecaliases = _java._java_factory(encoding)\n";
        return editLib(lib.resolve("encodings").resolve("__init__.py"),
                "from encodings import aliases, _java\n", "from encodings import aliases\n",
                use, "        from encodings import _java     # (imported when first needed: pynss's build)\n" + use);
    }

    /**
     * In {@code Lib/collections.py}: {@code namedtuple} writes its class as
     * source and runs it with {@code exec}, so each named tuple type cost a
     * compilation (28-75 ms on a cold JVM, the first one loading Jython's
     * parser and compiler: {@code urlparse}, {@code unittest},
     * {@code inspect}, {@code socket} and {@code difflib} make some as they are
     * imported). The source now goes through {@code _pynss.exec_code}
     * ({@link LauncherModule}) when the launcher's module is there: the code
     * {@code exec} would have compiled, kept between runs by
     * {@link ScriptCache}. Without that module the source is run as before.
     *
     * @return whether the module was changed
     */
    private static boolean cachedNamedTuples(Path lib) throws IOException {
        return editLib(lib.resolve("collections.py"),
                "        exec class_definition in namespace\n",
                "        exec getattr(_sys.modules.get('_pynss'), 'exec_code', str)(class_definition) in namespace"
                        + "   # (compiled code kept between runs: pynss's build)\n");
    }

    /**
     * In {@code Lib/sre_compile.py}: {@code compile} asks the launcher's module
     * for what an earlier run's compilation of the same pattern (of the same
     * type, with the same flags) gave before it parses one, and hands what it
     * compiled to be kept ({@code _pynss.regex_code}, {@code _pynss.regex_keep};
     * {@code CompiledPatterns}). Jython parses and compiles patterns in Python:
     * 5-60 ms each on a cold JVM, and modules compile some as they are imported
     * ({@code string}, {@code textwrap}, {@code argparse}). Without the
     * launcher's module it compiles as before.
     *
     * @return whether the module was changed
     */
    private static boolean cachedPatterns(Path lib) throws IOException {
        return editLib(lib.resolve("sre_compile.py"),
                "def compile(p, flags=0):\n",
                "def _known_pattern(pattern, flags):\n"
                        + "    # (pynss's build) the pattern as an earlier run compiled it, or None\n"
                        + "    known = getattr(sys.modules.get('_pynss'), 'regex_code', None)\n"
                        + "    known = known and known(pattern, flags)\n"
                        + "    if not known:\n"
                        + "        return None\n"
                        + "    final_flags, code, groups, groupindex = known\n"
                        + "    indexgroup = [None] * (groups + 1)\n"
                        + "    for k, i in groupindex.items():\n"
                        + "        indexgroup[i] = k\n"
                        + "    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)\n"
                        + "\n"
                        + "def compile(p, flags=0):\n",
                "    if isstring(p):\n        import sre_parse\n",
                "    if isstring(p):\n"
                        + "        known = _known_pattern(p, flags)\n"
                        + "        if known is not None:\n"
                        + "            return known\n"
                        + "        import sre_parse\n",
                "    return _sre.compile(\n"
                        + "        pattern, flags | p.pattern.flags, code,\n"
                        + "        p.pattern.groups-1,\n"
                        + "        groupindex, indexgroup\n"
                        + "        )\n",
                "    compiled = _sre.compile(\n"
                        + "        pattern, flags | p.pattern.flags, code,\n"
                        + "        p.pattern.groups-1,\n"
                        + "        groupindex, indexgroup\n"
                        + "        )\n"
                        + "    keep = pattern is not None and getattr(sys.modules.get('_pynss'), 'regex_keep', None)\n"
                        + "    if keep:\n"
                        + "        keep(pattern, flags, flags | p.pattern.flags, code, p.pattern.groups-1, groupindex)\n"
                        + "    return compiled\n");
    }

    /**
     * In {@code Lib/posixpath.py}: {@code warnings} is imported by
     * {@code os.path.walk}, the one function that uses it (to warn under
     * {@code -3}, which Jython does not have), instead of by the module: every
     * program importing {@code os} imported {@code warnings} (and, through it,
     * {@code linecache}, and a failed {@code _warnings} lookup through the
     * class path), ~17 ms of a cold start, where CPython has it loaded already.
     *
     * @return whether the module was changed
     */
    private static boolean lazyWarnings(Path lib) throws IOException {
        String walk = "    warnings.warnpy3k(\"In 3.x, os.path.walk is removed in favor of os.walk.\",\n";
        return editLib(lib.resolve("posixpath.py"),
                "\nimport warnings\n", "\n",
                walk, "    import warnings     # (imported when first needed: pynss's build)\n" + walk);
    }

    /**
     * In {@code Lib/_socket.py} (under {@code socket}, {@code select} and
     * {@code ssl}): netty, which Jython's sockets run on, is imported and its
     * client event loops made when the first socket is made, not when the
     * module is imported, and {@code encodings.idna} when a host name is first
     * converted. A program that imports {@code socket} for its names,
     * constants, errors or host name functions loads neither (~1,200 classes
     * of netty's: ~0.2 s). What used netty's classes as the module was made
     * waits for them: the exception for a record that is not TLS in the
     * exception map, the handler classes netty calls (now made by
     * {@code _netty_handlers()}, their text indented under it) and the table
     * of socket options ({@code _netty_socket_options()}); until then the two
     * netty exception names stand for no class at all (an empty tuple, which
     * {@code isinstance} matches with nothing).
     *
     * @return whether the module was changed
     */
    private static boolean lazyNetty(Path lib) throws IOException {
        return editLib(lib.resolve("_socket.py"), src -> {
            String start = "try:\n    # jarjar-ed version\n";
            String last = "    from io.netty.handler.ssl import NotSslRecordException\n";
            int from = src.indexOf(start), to = src.indexOf(last);
            if (from < 0 || to < from || src.indexOf(start, from + 1) >= 0) return null;
            String imports = src.substring(from, to + last.length());
            String loader = "# (pynss's build) netty is imported, and its client event loops made, when the first\n"
                    + "# socket is made (_netty(), from _realsocket.__init__): a program that imports socket for its\n"
                    + "# names, constants, errors or host name functions loads none of it\n"
                    + "NettyChannelException = NotSslRecordException = ()  # no netty exception before then\n"
                    + "_netty_lock = Lock()\n"
                    + "_netty_loaded = []\n"
                    + "\n"
                    + "def _netty():\n"
                    + "    if _netty_loaded:\n"
                    + "        return\n"
                    + "    with _netty_lock:\n"
                    + "        if not _netty_loaded:\n"
                    + "            _load_netty()\n"
                    + "            _netty_loaded.append(True)\n"
                    + "\n"
                    + "def _load_netty():\n"
                    + "    global Bootstrap, ChannelFactory, ServerBootstrap, PooledByteBufAllocator, Unpooled, \\\n"
                    + "        NettyChannelException, ChannelInboundHandlerAdapter, ChannelInitializer, ChannelOption, \\\n"
                    + "        NioEventLoopGroup, DatagramPacket, NioDatagramChannel, NioSocketChannel, \\\n"
                    + "        NioServerSocketChannel, NotSslRecordException, NIO_GROUP, PythonInboundHandler, \\\n"
                    + "        ChildSocketHandler, _socket_options\n"
                    + indent(imports)
                    + "    NIO_GROUP = NioEventLoopGroup(_NUM_THREADS, DaemonThreadFactory(\"Jython-Netty-Client-%s\"))\n"
                    + "    sys.registerCloser(_shutdown_threadpool)\n"
                    + "    _exception_map[NotSslRecordException] = lambda x: SSLError(SSL_UNKNOWN_PROTOCOL, x.message)\n"
                    + "    PythonInboundHandler, ChildSocketHandler = _netty_handlers()\n"
                    + "    _socket_options = _netty_socket_options()\n"
                    + "\n"
                    + "def _idna_to_ascii(label):\n"
                    + "    # (pynss's build) encodings.idna is imported at its first use\n"
                    + "    import encodings.idna\n"
                    + "    return encodings.idna.ToASCII(label)\n";
            // what ran at import and needs netty goes first (the loader's text repeats some of it)
            src = replaceOnce(src, "\nNIO_GROUP = NioEventLoopGroup(_NUM_THREADS, DaemonThreadFactory(\"Jython-Netty-Client-%s\"))\n", "\n");
            src = replaceOnce(src, "\nsys.registerCloser(_shutdown_threadpool)\n", "\n");
            src = replaceOnce(src, "    NotSslRecordException: lambda x: SSLError(SSL_UNKNOWN_PROTOCOL, x.message),\n", "");
            src = replaceOnce(src, "\n_socket_options = {\n", "\ndef _netty_socket_options():\n    return {\n");
            src = indentUnder(src, "class PythonInboundHandler(ChannelInboundHandlerAdapter):\n",
                    "# FIXME raise exceptions for ops not permitted on client socket, server socket\n",
                    "def _netty_handlers():\n    # (pynss's build) the classes netty calls, made with netty's (_load_netty)\n",
                    "    return PythonInboundHandler, ChildSocketHandler\n\n\n");
            src = replaceOnce(src, "    def __init__(self, family=None, type=None, proto=0):\n        # FIXME verify args are correct\n",
                    "    def __init__(self, family=None, type=None, proto=0):\n        _netty()\n        # FIXME verify args are correct\n");
            src = replaceOnce(src, "import encodings.idna\n", "");
            if (src == null || !src.contains("encodings.idna.ToASCII(")) return null;
            src = src.replace("encodings.idna.ToASCII(", "_idna_to_ascii(");
            return replaceOnce(src, imports, loader);
        });
    }

    /**
     * In {@code Lib/httplib.py}, {@code urllib.py} and {@code urllib2.py}:
     * {@code ssl} is imported when an HTTPS connection first needs it, not as
     * the module is imported. Jython's {@code ssl} brings netty's TLS and
     * BouncyCastle (~0.6 s, +17 MiB), and a python-nss program that speaks HTTP
     * over NSS (python-nss's {@code httplib_example.py}) or only quotes URLs
     * ({@code urllib.quote}, {@code urlencode}; {@code mimetypes} imports
     * {@code urllib}) never uses it. Jython always has {@code ssl}, so what
     * the modules defined when its import succeeded ({@code HTTPSConnection},
     * {@code HTTPS}, {@code _have_ssl} true) is defined as before; the
     * module's {@code ssl} is a stand-in ({@link #SSL_ON_FIRST_USE}) until its
     * first use.
     *
     * @return the modules changed, each followed by a line end
     */
    private static String sslOnFirstUse(Path lib) throws IOException {
        String changed = "";
        if (editLib(lib.resolve("httplib.py"),
                "try:\n    import ssl\nexcept ImportError:\n    pass\nelse:\n    class HTTPSConnection(HTTPConnection):\n",
                SSL_ON_FIRST_USE + "if True:   # (Jython always has ssl)\n    class HTTPSConnection(HTTPConnection):\n"))
            changed += "httplib.py\n";
        for (String[] m : new String[][] {{"urllib.py", "except:"}, {"urllib2.py", "except ImportError:"}}) {
            if (editLib(lib.resolve(m[0]),
                    "# check for SSL\ntry:\n    import ssl\n" + m[1] + "\n    _have_ssl = False\nelse:\n    _have_ssl = True\n",
                    "# check for SSL\n" + SSL_ON_FIRST_USE + "_have_ssl = True   # (Jython always has ssl)\n"))
                changed += m[0] + "\n";
        }
        return changed;
    }

    /** Module text: a stand-in for {@code ssl} that imports the module at its first use and puts it in its place. */
    private static final String SSL_ON_FIRST_USE = "class _SSLOnFirstUse(object):\n"
            + "    # (pynss's build) stands for the ssl module until an HTTPS connection needs it\n"
            + "    def __getattr__(self, name):\n"
            + "        global ssl\n"
            + "        import ssl as module\n"
            + "        ssl = module\n"
            + "        return getattr(module, name)\n"
            + "\n"
            + "ssl = _SSLOnFirstUse()\n";

    /** Each non-empty line of text indented by four spaces. */
    private static String indent(String text) {
        return text.replaceAll("(?m)^(?=.)", "    ");
    }

    /**
     * The text from the line {@code first} up to the line {@code next} (each found
     * exactly once, in that order) indented under {@code header} and followed by
     * {@code footer}; null when src is null or the lines are not found so.
     */
    private static String indentUnder(String src, String first, String next, String header, String footer) {
        if (src == null) return null;
        int from = src.indexOf(first), to = src.indexOf(next);
        if (from < 0 || to < from || src.indexOf(first, from + 1) >= 0 || src.indexOf(next, to + 1) >= 0) return null;
        String region = src.substring(from, to);
        if (region.contains("\"\"\"") || region.contains("'''")) return null;     // a string's lines would change
        return src.substring(0, from) + header + indent(region) + footer + src.substring(to);
    }

    /** src with {@code find}, which occurs exactly once, replaced; null when src is null or it does not occur so. */
    private static String replaceOnce(String src, String find, String with) {
        if (src == null) return null;
        int at = src.indexOf(find);
        if (at < 0 || at != src.lastIndexOf(find)) return null;
        return src.substring(0, at) + with + src.substring(at + find.length());
    }

    /**
     * Replaces text in one module of {@code Lib/}: {@code edits} holds pairs of
     * the text to find, which must occur exactly once, and its replacement.
     * All of them or none are made (see {@link #editLib(Path, java.util.function.UnaryOperator)}).
     *
     * @return whether the module was changed
     */
    private static boolean editLib(Path module, String... edits) throws IOException {
        return editLib(module, src -> {
            for (int i = 0; i < edits.length; i += 2) src = replaceOnce(src, edits[i], edits[i + 1]);
            return src;
        });
    }

    /**
     * Changes one module of {@code Lib/}: {@code change} gives its new text, or
     * null when the module does not read as expected (another Jython), which
     * leaves it as it is. The module's compiled class is removed, for
     * {@code scripts/precompile.py} to make again.
     *
     * @return whether the module was changed
     */
    private static boolean editLib(Path module, java.util.function.UnaryOperator<String> change) throws IOException {
        if (!Files.exists(module)) return false;
        String src = change.apply(Files.readString(module, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (src == null) return false;
        Files.writeString(module, src, java.nio.charset.StandardCharsets.ISO_8859_1);
        String name = module.getFileName().toString();
        Files.deleteIfExists(module.resolveSibling(name.substring(0, name.length() - 3) + "$py.class"));
        return true;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator)
                Files.delete(p);
        }
    }

    /** What {@link #forEachClass} does with one class file. */
    private interface ClassFileAction {
        void accept(ZipEntry entry, byte[] code) throws IOException;
    }

    /** Reads each of the jar's own class files (not those of its {@code Lib/} or {@code META-INF/}) and hands it to {@code action}. */
    private static void forEachClass(ZipFile zip, ClassFileAction action) throws IOException {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            String name = entry.getName();
            if (!name.endsWith(".class") || name.startsWith("Lib/") || name.startsWith("META-INF/")) continue;
            try (InputStream in = zip.getInputStream(entry)) {
                action.accept(entry, in.readAllBytes());
            }
        }
    }

    /** Writes {@code cds} with the version 49 classes of {@code jar} as version 50 with frames; returns {rewritten, kept}. */
    private static int[] upgradeClasses(Path jar, Path cds) throws IOException {
        int[] n = new int[2];
        String exposed = exposedTypes(jar);
        Path tmp = cds.resolveSibling(cds.getFileName() + ".tmp");
        try (ZipFile zip = new ZipFile(jar.toFile());
             URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null);
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(tmp))) {
            forEachClass(zip, (entry, code) -> {
                String name = entry.getName();
                int version = code.length < 8 ? 0 : ((code[6] & 0xff) << 8) | (code[7] & 0xff);
                if (version != Opcodes.V1_5 && !name.equals(LOCALE_CLASS + ".class") && !name.equals(JYLOCALE_CLASS + ".class")
                        && !name.equals(IMP_CLASS + ".class") && !name.equals(REGISTRY_CLASS + ".class")
                        && !name.equals(STR_CLASS + ".class") && !name.equals(TIME_CLASS + ".class")
                        && !(name.equals(POSIX_CLASS + ".class") && nativePosix())) return;
                byte[] upgraded = upgrade(code, loader, exposed);
                if (upgraded == null) {
                    n[1]++;
                    return;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                zout.putNextEntry(copy);
                zout.write(upgraded);
                zout.closeEntry();
                n[0]++;
            });
        }
        Files.move(tmp, cds, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    /** Jython's importer, whose {@code createFromSource} compiles a module found as source. */
    private static final String IMP_CLASS = "org/python/core/imp";
    private static final String COMPILE_SOURCE_DESC = "(Ljava/lang/String;Ljava/io/InputStream;Ljava/lang/String;J)[B";

    /**
     * In {@code imp.createFromSource}: the module's source is compiled through
     * {@code org.jnss.python.ModuleSource}, which under pynss keeps the compiled
     * class between runs (pynss writes no {@code $py.class} beside a program's
     * modules) and otherwise calls {@code imp.compileSource} itself.
     */
    private static final class CachedModuleSource extends MethodVisitor {
        CachedModuleSource(MethodVisitor mv) {
            super(Opcodes.ASM7, mv);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals(IMP_CLASS) && name.equals("compileSource")
                    && descriptor.equals(COMPILE_SOURCE_DESC)) {
                super.visitMethodInsn(opcode, "org/jnss/python/ModuleSource", "compile", descriptor, false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }
    }

    /** Jython's {@code posix} module class, whose {@code classDictInit} asks jnr-posix whether it is native. */
    private static final String POSIX_CLASS = "org/python/modules/posix/PosixModule";

    /** Whether jnr-posix binds libc natively here (then the posix module may assume it). */
    private static boolean nativePosix() {
        try {
            return jnr.posix.POSIXFactory.getNativePOSIX().isNative();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * In {@code posix}'s {@code classDictInit}: {@code POSIX.isNative()} on the
     * module's lazy POSIX (which loads the native binding to answer) becomes
     * the answer found at build time, true.
     */
    private static final class NativePosixAssumed extends MethodVisitor {
        NativePosixAssumed(MethodVisitor mv) {
            super(Opcodes.ASM7, mv);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            if (owner.equals("jnr/posix/POSIX") && name.equals("isNative") && descriptor.equals("()Z")) {
                super.visitInsn(Opcodes.POP);
                super.visitInsn(Opcodes.ICONST_1);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }
    }

    /** Jython's {@code _locale} module class, whose static initialiser lists the available locales. */
    private static final String LOCALE_CLASS = "org/python/modules/_locale/_locale";

    /**
     * In {@code _locale}: the static initialiser keeps an empty list of available
     * locales, and a method that reads the list makes the real one then.
     */
    private static final class LazyLocales extends MethodVisitor {
        private final boolean clinit;

        LazyLocales(MethodVisitor mv, boolean clinit) {
            super(Opcodes.ASM7, mv);
            this.clinit = clinit;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            if (clinit && opcode == Opcodes.INVOKESTATIC && owner.equals("java/util/Locale")
                    && name.equals("getAvailableLocales")) {
                super.visitInsn(Opcodes.ICONST_0);
                super.visitTypeInsn(Opcodes.ANEWARRAY, "java/util/Locale");
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (!clinit && opcode == Opcodes.GETSTATIC && owner.equals(LOCALE_CLASS) && name.equals("AVAILABLE_LOCALES")) {
                super.visitTypeInsn(Opcodes.NEW, "java/util/HashSet");
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Locale", "getAvailableLocales",
                        "()[Ljava/util/Locale;", false);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Arrays", "asList",
                        "([Ljava/lang/Object;)Ljava/util/List;", false);
                super.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/HashSet", "<init>",
                        "(Ljava/util/Collection;)V", false);
                return;
            }
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }
    }

    /** Jython's locale object for a Java locale, made by {@code _locale}'s import. */
    private static final String JYLOCALE_CLASS = "org/python/modules/_locale/JyLocale";

    /**
     * In {@code JyLocale}: its constructor leaves {@code conv} (localeconv()'s
     * dictionary, from the locale's number and currency formats) and
     * {@code collator} (a {@code java.text.Collator}) null; every other read of
     * either goes through a synchronized getter that makes it at first use,
     * as the constructor did.
     */
    private static final class LazyJyLocale extends MethodVisitor {
        private static final String CONV_DESC = "Lorg/python/core/PyDictionary;", COLLATOR_DESC = "Ljava/text/Collator;";
        private final boolean constructor;

        LazyJyLocale(MethodVisitor mv, boolean constructor) {
            super(Opcodes.ASM7, mv);
            this.constructor = constructor;
        }

        static boolean isLazy(String field) {
            return field.equals("conv") || field.equals("collator");
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            boolean initConv = owner.equals(JYLOCALE_CLASS) && name.equals("initLocaleConv");
            boolean makeCollator = owner.equals("java/text/Collator") && name.equals("getInstance")
                    && descriptor.equals("(Ljava/util/Locale;)Ljava/text/Collator;");
            if (constructor && (initConv || makeCollator)) {
                super.visitInsn(Opcodes.POP);       // the receiver, or the locale argument
                super.visitInsn(Opcodes.ACONST_NULL);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (!constructor && opcode == Opcodes.GETFIELD && owner.equals(JYLOCALE_CLASS) && isLazy(name)) {
                super.visitMethodInsn(Opcodes.INVOKESPECIAL, JYLOCALE_CLASS, getter(name),
                        "()" + (name.equals("conv") ? CONV_DESC : COLLATOR_DESC), false);
                return;
            }
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        private static String getter(String field) {
            return "jnss$" + field;
        }

        /** Adds the two getters: {@code private synchronized T jnss$field()}, made at the first call. */
        static void addGetters(ClassVisitor cv) {
            addGetter(cv, "conv", CONV_DESC);
            addGetter(cv, "collator", COLLATOR_DESC);
        }

        private static void addGetter(ClassVisitor cv, String field, String desc) {
            MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_SYNTHETIC,
                    getter(field), "()" + desc, null, null);
            mv.visitCode();
            org.python.objectweb.asm.Label made = new org.python.objectweb.asm.Label();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, JYLOCALE_CLASS, field, desc);
            mv.visitJumpInsn(Opcodes.IFNONNULL, made);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            if (field.equals("conv")) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, JYLOCALE_CLASS, "initLocaleConv", "()" + CONV_DESC, false);
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitFieldInsn(Opcodes.GETFIELD, JYLOCALE_CLASS, "locale", "Ljava/util/Locale;");
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/text/Collator", "getInstance",
                        "(Ljava/util/Locale;)Ljava/text/Collator;", false);
            }
            mv.visitFieldInsn(Opcodes.PUTFIELD, JYLOCALE_CLASS, field, desc);
            mv.visitLabel(made);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, JYLOCALE_CLASS, field, desc);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }

    /** Jython's type registry, whose {@code isExposed} reads a class's {@code @ExposedType}. */
    private static final String REGISTRY_CLASS = "org/python/core/PyType$Registry";
    private static final String EXPOSED_TYPE_DESC = "Lorg/python/expose/ExposedType;";

    /**
     * The binary names of the jar's classes annotated {@code @ExposedType}, each
     * followed by '\n' (the annotation is not inherited: these are all of them).
     */
    private static String exposedTypes(Path jar) throws IOException {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            forEachClass(zip, (entry, code) -> new ClassReader(code).accept(new ClassVisitor(Opcodes.ASM7) {
                private String cname;

                @Override
                public void visit(int version, int access, String cname, String signature, String superName,
                                  String[] interfaces) {
                    this.cname = cname;
                }

                @Override
                public org.python.objectweb.asm.AnnotationVisitor visitAnnotation(String desc, boolean visible) {
                    if (visible && desc.equals(EXPOSED_TYPE_DESC)) names.add(cname.replace('/', '.'));
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES));
        }
        StringBuilder lines = new StringBuilder();
        for (String n : names) lines.append(n).append('\n');
        // a string constant's limit (its modified UTF-8 form); Jython 2.7.4 has ~470 such classes, ~17 KB
        if (lines.length() > 65_000) throw new IOException("too many exposed types for one constant: " + lines.length());
        return lines.toString();
    }

    /**
     * In {@code PyType.Registry.isExposed}: {@code c.getAnnotation(ExposedType.class)}
     * becomes {@code ExposedIndex.annotation(c, ExposedType.class, CLASSES)},
     * CLASSES being the names {@link #exposedTypes} found (only compared with null).
     */
    private static final class IndexedExposedTypes extends MethodVisitor {
        private final String names;

        IndexedExposedTypes(MethodVisitor mv, String names) {
            super(Opcodes.ASM7, mv);
            this.names = names;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Class") && name.equals("getAnnotation")) {
                super.visitLdcInsn(names);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "org/jnss/python/ExposedIndex", "annotation",
                        "(Ljava/lang/Class;Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Object;", false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }
    }

    /** Jython's str type, whose {@code str_new} makes {@code str(x)}. */
    private static final String STR_CLASS = "org/python/core/PyString";
    private static final String STR_NEW_DESC =
            "(Lorg/python/core/PyNewWrapper;ZLorg/python/core/PyType;[Lorg/python/core/PyObject;[Ljava/lang/String;)Lorg/python/core/PyObject;";

    /**
     * In {@code PyString.str_new}: {@code str(x)} returns what {@code x.__str__()}
     * returned when that is an exact str and str itself (not a subclass) is
     * being made, as CPython does ({@code str(s) is s}). Jython made a new str
     * of the same text, checking every char on the way: for a str() of the
     * core's objects (a certificate's text, a name, hex) that check and copy
     * were 10% of {@code str(dn)} and ~70 us of a 64 KiB item's
     * {@code str()}. A unicode result is still encoded, a str subclass copied.
     */
    private static final class ExactStrReturned extends MethodVisitor {
        ExactStrReturned(MethodVisitor mv) {
            super(Opcodes.ASM7, mv);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
            if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("org/python/core/PyObject") && name.equals("__str__")
                    && descriptor.equals("()Lorg/python/core/PyString;")) {
                // stack: the result; locals: 0 the __new__ wrapper, 2 the type being made
                org.python.objectweb.asm.Label made = new org.python.objectweb.asm.Label();
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
                super.visitLdcInsn(org.python.objectweb.asm.Type.getObjectType(STR_CLASS));
                super.visitJumpInsn(Opcodes.IF_ACMPNE, made);
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitFieldInsn(Opcodes.GETFIELD, "org/python/core/PyNewWrapper", "for_type", "Lorg/python/core/PyType;");
                super.visitVarInsn(Opcodes.ALOAD, 2);
                super.visitJumpInsn(Opcodes.IF_ACMPNE, made);
                super.visitInsn(Opcodes.ARETURN);
                super.visitLabel(made);
            }
        }
    }

    /** Jython's {@code time} module, whose {@code locale_asctime} writes strftime's {@code %c}. */
    private static final String TIME_CLASS = "org/python/modules/time/Time";

    /**
     * {@code Time.locale_asctime(PyTuple)}, strftime's {@code %c}, made anew as
     * {@code asctime(tuple).getString()}: the C locale's date and time, the day
     * of the month padded with a space (Jython's own padded it with a zero).
     */
    private static void writeCLocaleDateTime(ClassVisitor cv, int access, String name, String descriptor,
                                             String signature, String[] exceptions) {
        MethodVisitor mv = cv.visitMethod(access, name, descriptor, signature, exceptions);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, TIME_CLASS, "asctime",
                "(Lorg/python/core/PyObject;)Lorg/python/core/PyString;", false);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "org/python/core/PyString", "getString", "()Ljava/lang/String;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The class as version 50 with computed frames, or null when they cannot be computed. */
    private static byte[] upgrade(byte[] code, ClassLoader loader, String exposed) {
        try {
            ClassReader reader = new ClassReader(code);
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                @Override
                protected ClassLoader getClassLoader() {
                    return loader;
                }
            };
            reader.accept(new ClassVisitor(Opcodes.ASM7, writer) {
                private boolean locale, posix, jyLocale, imp, registry, str, time;

                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    locale = name.equals(LOCALE_CLASS);
                    posix = name.equals(POSIX_CLASS);
                    jyLocale = name.equals(JYLOCALE_CLASS);
                    imp = name.equals(IMP_CLASS);
                    registry = name.equals(REGISTRY_CLASS);
                    str = name.equals(STR_CLASS);
                    time = name.equals(TIME_CLASS);
                    super.visit(Math.max(version, Opcodes.V1_6), access, name, signature, superName, interfaces);
                }

                @Override
                public org.python.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor,
                                                                         String signature, Object value) {
                    if (jyLocale && LazyJyLocale.isLazy(name)) access &= ~Opcodes.ACC_FINAL;
                    return super.visitField(access, name, descriptor, signature, value);
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if (time && name.equals("locale_asctime") && descriptor.equals("(Lorg/python/core/PyTuple;)Ljava/lang/String;")) {
                        writeCLocaleDateTime(cv, access, name, descriptor, signature, exceptions);
                        return null;    // the original body is not copied
                    }
                    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                    if (locale) return new LazyLocales(mv, name.equals("<clinit>"));
                    if (posix && name.equals("classDictInit")) return new NativePosixAssumed(mv);
                    if (jyLocale) return new LazyJyLocale(mv, name.equals("<init>"));
                    if (registry && name.equals("isExposed") && descriptor.equals("(Ljava/lang/Class;)Z"))
                        return new IndexedExposedTypes(mv, exposed);
                    if (str && name.equals("str_new") && descriptor.equals(STR_NEW_DESC)) return new ExactStrReturned(mv);
                    if (imp && name.equals("createFromSource")
                            && descriptor.equals("(Ljava/lang/String;Ljava/io/InputStream;Ljava/lang/String;Ljava/lang/String;J)Lorg/python/core/PyObject;"))
                        return new CachedModuleSource(mv);
                    return mv;
                }

                @Override
                public void visitEnd() {
                    if (jyLocale) LazyJyLocale.addGetters(cv);
                    super.visitEnd();
                }
            }, 0);
            return writer.toByteArray();
        } catch (RuntimeException | LinkageError e) {
            // JSR/RET, or a type the frames need that the jar does not have: keep the original
            return null;
        }
    }
}
