"""The pynss launcher behaves as the python command does for scripts."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import difftest

PYNSS = sys.executable


def run(args, stdin=None, env=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    p = subprocess.Popen([PYNSS] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=e)
    out, err = p.communicate(stdin)
    return p.returncode, out, err


def write(path, text):
    with open(path, 'w') as f:
        f.write(text)


class TestLauncher(unittest.TestCase):
    def output(self, args, **kw):
        """What pynss with these arguments prints on stdout; fails the test unless it exits 0."""
        rc, out, err = run(args, **kw)
        self.assertEqual(rc, 0, err)
        return out

    def test_executable_is_pynss(self):
        self.assertTrue(PYNSS.endswith('pynss'), PYNSS)

    def test_platform_looks_like_linux(self):
        out = self.output(['-c', 'import sys, os; print sys.platform, os.name, sys.platform.startswith("linux"), os.name == "posix"'])
        self.assertEqual(out.split(), ['linux2', 'posix', 'True', 'True'])

    def test_jython_library_still_works(self):
        code = ('import subprocess, tempfile, shutil, getpass, socket, select, os\n'
                'd = tempfile.mkdtemp(); shutil.rmtree(d)\n'
                'print subprocess.check_output(["echo", "ok"]).strip()')
        out = self.output(['-c', code])
        self.assertEqual(out.strip(), 'ok')

    def test_standard_library_comes_from_a_directory(self):
        # the build unpacks Jython's Lib/ beside its jar: importing the standard library
        # must not make the zip importer read the jar's 25,000-entry directory
        code = ('import os, codecs, json, zipimport\n'
                'print os.path.isdir(os.path.dirname(os.__file__)), len(zipimport._zip_directory_cache)')
        out = self.output(['-c', code])
        self.assertEqual(out.split(), ['True', '0'])

    def test_type_registry_reads_the_build_index(self):
        # Jython's type registry comes rewritten from jython-cds.jar (ExposedIndex answers isExposed):
        # built-in types, Java classes and Python subclasses of both still get the right kind of type
        code = ('from java.lang import Class\n'
                'import java.util\n'
                'reg = Class.forName("org.python.core.PyType$Registry")\n'
                'print reg.getProtectionDomain().getCodeSource().getLocation().getPath().endswith("/jython-cds.jar")\n'
                'class S(str): pass\n'
                'class L(java.util.ArrayList): pass\n'
                'print type(""), type(1L), type(u""), type(java.util.ArrayList()), type(S("x")).__name__, type(L()).__name__\n'
                'print type(type("")).__name__, type(object()).__name__, type(Class).__name__, type(len).__name__, '
                'type(Exception()), type(iter([])).__name__\n')
        out = self.output(['-c', code])
        self.assertEqual(out.split('\n')[:3], ['True',
                         "<type 'str'> <type 'long'> <type 'unicode'> <type 'java.util.ArrayList'> S L",
                         "type object Class builtin_function_or_method <type 'exceptions.Exception'> listiterator"])

    def test_native_heap_trimmed_where_the_jvm_can(self):
        # the launcher asks the JVM whether it takes -XX:TrimNativeHeapInterval (17.0.9 and later)
        # when it makes the class data archive, and passes it when it does
        java = os.environ.get('JAVA', 'java')
        takes = subprocess.call([java, '-XX:TrimNativeHeapInterval=1000', '-version'],
                                stdout=open(os.devnull, 'w'), stderr=subprocess.STDOUT) == 0
        takes = takes and not os.environ.get('PYNSS_NO_CDS')     # no archive made, nothing asked
        code = ('from java.lang.management import ManagementFactory\n'
                'print [a for a in ManagementFactory.getRuntimeMXBean().getInputArguments() if "Trim" in a]\n')
        out = self.output(['-c', code])
        self.assertEqual(out.strip(), "[u'-XX:TrimNativeHeapInterval=1000']" if takes else '[]')

    def test_core_may_allocate_without_zeroing(self):
        # the launcher exports jdk.internal.misc to the class path, so that the young collections
        # NativeResource brings about allocate unzeroed pieces (DESIGN.md, "Unzeroed pieces")
        code = ('from java.lang import Object, Class\n'
                'core = Class.forName("org.jnss.core.NativeResource").getModule()\n'
                'print Object().getClass().getModule().isExported("jdk.internal.misc", core)\n')
        out = self.output(['-c', code])
        self.assertEqual(out.strip(), 'True')

    def test_site_loads_no_codecs(self):
        out = self.output(['-c', 'import sys; print "encodings" in sys.modules, "codecs" in sys.modules'])
        self.assertEqual(out.split(), ['False', 'False'])

    def test_user_base_outside_ascii(self):
        base = '/tmp/pynss-\xc3\xa9'
        out = self.output(['-c', 'import sys, site; print repr(site.USER_BASE), type(sys.path[-2]).__name__'],
                           env={'PYTHONUSERBASE': base})
        self.assertEqual(out.split(), [repr(base), 'str'])

    def test_locale_lists_locales_when_asked(self):
        # python.locale.control=settable: setlocale checks the name against the JVM's locales
        code = ('import locale\n'
                'print locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")\n'
                'try:\n    locale.setlocale(locale.LC_ALL, "xx_QQ.UTF-8")\nexcept locale.Error:\n    print "Error"')
        out = self.output(['-c', code], env={'PYNSS_JAVA_OPTS': '-Dpython.locale.control=settable'})
        self.assertEqual(out.split(), ['de_DE.UTF-8', 'Error'])

    def test_java_imports_before_os(self):
        # two Java imports before os make Jython import warnings first; that must not break os
        out = self.output(['-c', 'from java.lang import System\nfrom java.util import List\nimport os\nprint os.name'])
        self.assertEqual(out.strip(), 'posix')

    def test_import_os_binds_libc_at_its_first_use(self):
        # posix (under import os) says it is native without binding libc (jnr-ffi builds the binding
        # at run time, ~0.1 s); the first call that needs libc binds it, and answers as before
        code = ('import os, posix\n'
                'impl = posix._posix_impl\n'
                'field = impl.getClass().getDeclaredField("posix")\n'
                'field.setAccessible(True)\n'
                'print posix._native_posix, field.get(impl) is None\n'
                'print os.getpid(), os.getppid(), field.get(impl) is None, field.get(impl).isNative()\n'
                'old = os.umask(0o27)\n'
                'print oct(os.umask(old)), os.path.isdir("/"), "getpid" in dir(posix)\n')
        p = subprocess.Popen([PYNSS, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = p.communicate()
        self.assertEqual(p.returncode, 0, err)
        lines = [l.split() for l in out.splitlines()]
        self.assertEqual(lines[0], ['True', 'True'])
        self.assertEqual(lines[1], [str(p.pid), str(os.getpid()), 'False', 'True'])
        self.assertEqual(lines[2], ['027', 'True', 'True'])

    def test_codec_registry_imports_its_java_fallback_when_a_lookup_needs_it(self):
        # encodings imports encodings._java (Java's charsets, for encodings without a module of
        # their own: StringIO, functools, array and Java classes, ~20 ms) at the first lookup that
        # needs it, not when the registry starts; the answers are the same
        code = ('import codecs, sys\n'
                'print "encodings" in sys.modules, "encodings._java" in sys.modules\n'
                'print repr(u"caf\\u00e9".encode("utf-8")), repr("caf\\xe9".decode("latin-1"))\n'
                'print "encodings._java" in sys.modules\n'
                'print repr(u"abc\\u00e9".encode("x-windows-874", "replace")), codecs.lookup("shift_jisx0213").name\n'
                'print "encodings._java" in sys.modules\n')
        out = self.output(['-c', code])
        self.assertEqual(out.splitlines(), ['True False', "'caf\\xc3\\xa9' u'caf\\xe9'", 'False',
                                            "'abc?' x-SJIS_0213", 'True'])

    def test_os_imports_warnings_when_walk_needs_it(self):
        # posixpath imports warnings in os.path.walk, the one function that uses it (the build's
        # RuntimeLayout), so importing os no longer loads it; walk itself works as before
        code = ('import sys, os\n'
                'print "warnings" in sys.modules, os.path.join("a", "b"), os.path.splitext("x.tar.gz")\n'
                'top = sys.argv[1]\n'
                'os.mkdir(os.path.join(top, "d")); open(os.path.join(top, "d", "f"), "w").close()\n'
                'seen = []\n'
                'os.path.walk(top, lambda arg, d, names: seen.append((arg, os.path.relpath(d, top), sorted(names))), 7)\n'
                'print sorted(seen), "warnings" in sys.modules\n')
        top = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, top)
        self.assertEqual(self.output(['-c', code, top]).splitlines(), [
            "False a/b ('x.tar', '.gz')",
            "[(7, '.', ['d']), (7, 'd', ['f'])] True"])

    def test_socket_imports_netty_with_its_first_socket(self):
        # _socket imports netty and makes its event loops when the first socket is made (the
        # build's RuntimeLayout), so a program using socket's names, errors and host functions
        # loads none of it; sockets then work as before: TCP through a thread, select, UDP, a
        # refused connection
        code = ('import sys, errno, threading, socket, select, _socket\n'
                'netty = lambda: any(m.startswith("org.python.netty") for m in sys.modules)\n'
                'print netty(), hasattr(_socket, "NIO_GROUP"), "encodings.idna" in sys.modules\n'
                'print socket.gethostbyname("localhost"), socket.inet_aton("127.0.0.1") == "\\x7f\\0\\0\\1", '
                'socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)[0][4], '
                'issubclass(socket.timeout, socket.error)\n'
                'print netty(), "encodings.idna" in sys.modules\n'
                'try:\n'
                '    socket.getaddrinfo(u"b\\xfccher.invalid", 80)\n'
                'except socket.gaierror:\n'
                '    print "gaierror", "encodings.idna" in sys.modules\n'
                'srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n'
                'print netty(), hasattr(_socket, "NIO_GROUP")\n'
                'srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n'
                'srv.bind(("127.0.0.1", 0)); srv.listen(5)\n'
                'port = srv.getsockname()[1]\n'
                'def serve():\n'
                '    c, addr = srv.accept()\n'
                '    c.sendall(c.recv(100).upper())\n'
                '    c.close()\n'
                't = threading.Thread(target=serve); t.start()\n'
                'cl = socket.create_connection(("127.0.0.1", port))\n'
                'cl.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)\n'
                'cl.sendall("hello over tcp")\n'
                'print len(select.select([cl], [], [], 5)[0]), cl.recv(100), cl.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0\n'
                'cl.close(); t.join(); srv.close()\n'
                'u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u1.bind(("127.0.0.1", 0))\n'
                'u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n'
                'u2.sendto("datagram", u1.getsockname())\n'
                'print u1.recvfrom(100)[0]\n'
                'u1.close(); u2.close()\n'
                's = socket.socket()\n'
                'try:\n'
                '    s.connect(("127.0.0.1", port))\n'
                'except socket.error as e:\n'
                '    print e.errno == errno.ECONNREFUSED, e\n')
        self.assertEqual(self.output(['-c', code]).splitlines(), [
            'False False False',
            "127.0.0.1 True ('127.0.0.1', 80) True",
            'False False',
            'gaierror True',
            'True True',
            '1 HELLO OVER TCP True',
            'datagram',
            'True [Errno 111] Connection refused'])

    def test_httplib_imports_ssl_when_https_needs_it(self):
        # httplib, urllib and urllib2 import Jython's ssl (netty's TLS, BouncyCastle: ~0.6 s) when
        # an HTTPS connection first needs it (the build's RuntimeLayout); HTTP works without it
        code = ('import sys, threading, httplib, urllib, urllib2, BaseHTTPServer\n'
                'print "ssl" in sys.modules, "HTTPSConnection" in httplib.__all__, hasattr(httplib, "HTTPS")\n'
                'print urllib._have_ssl, urllib2._have_ssl, hasattr(urllib2, "HTTPSHandler"), '
                'urllib.quote("a b/c"), urllib.urlencode([("k", "v w")]), "ssl" in sys.modules\n'
                'class Handler(BaseHTTPServer.BaseHTTPRequestHandler):\n'
                '    def do_GET(self):\n'
                '        self.send_response(200); self.end_headers(); self.wfile.write("got " + self.path)\n'
                '    def log_message(self, *args):\n'
                '        pass\n'
                'server = BaseHTTPServer.HTTPServer(("127.0.0.1", 0), Handler)\n'
                't = threading.Thread(target=server.handle_request); t.start()\n'
                'c = httplib.HTTPConnection("127.0.0.1", server.server_address[1])\n'
                'c.request("GET", "/path"); r = c.getresponse()\n'
                'print r.status, r.read(), "ssl" in sys.modules\n'
                't.join()\n'
                't = threading.Thread(target=server.handle_request); t.start()\n'
                'print urllib2.urlopen("http://127.0.0.1:%d/other" % server.server_address[1]).read(), "ssl" in sys.modules\n'
                't.join(); server.server_close()\n'
                'c = httplib.HTTPSConnection("localhost", 1)\n'
                'print "ssl" in sys.modules, httplib.ssl is sys.modules["ssl"], type(c._context).__name__\n')
        self.assertEqual(self.output(['-c', code]).splitlines(), [
            'False True True', 'True True True a%20b/c k=v+w False', '200 got /path False',
            'got /other False', 'True True SSLContext'])

    def test_import_locale_makes_no_collator_until_one_is_used(self):
        # _locale's import makes a locale object for the JVM's default locale; its number formats and
        # collator (~100 JDK classes) are made at first use, with the answers they gave before
        probe = ('def made(obj, name):\n'
                 '    f = obj.getClass().getDeclaredField(name)\n'
                 '    f.setAccessible(True)\n'
                 '    return f.get(obj) is not None\n')
        code = probe + ('import locale, _locale\n'
                        'cur = _locale.getDateSymbolLocale()\n'
                        'print cur.getClass().getSimpleName(), made(cur, "conv"), made(cur, "collator")\n'
                        'print locale.getlocale(), locale.format("%d", 1234567, True)\n')
        rc, out, err = run(['-c', code])
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.splitlines(), ['JyLocale False False', '(None, None) 1234567'])
        code = probe + ('import locale, _locale\n'
                        'print locale.setlocale(locale.LC_ALL, "en_US")\n'
                        'cur = _locale.getDateSymbolLocale()\n'
                        'print made(cur, "conv"), made(cur, "collator")\n'
                        'conv = locale.localeconv()\n'
                        'print conv["decimal_point"], conv["thousands_sep"], conv["int_curr_symbol"], made(cur, "conv")\n'
                        'print locale.strcoll(u"a", u"B"), locale.strcoll(u"b", u"A"), made(cur, "collator")\n'
                        'print locale.format("%d", 1234567, True), _locale.localeconv() is _locale.localeconv()\n')
        p = subprocess.Popen([PYNSS, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=dict(os.environ, PYNSS_JAVA_OPTS='-Dpython.locale.control=settable'))
        out, err = p.communicate()
        self.assertEqual(p.returncode, 0, err)
        self.assertEqual(out.splitlines(), ['en_US.UTF-8', 'False False', '. , USD True', '-1 1 True',
                                            '1,234,567 True'])

    def test_argv_and_exit_status_of_a_script(self):
        fd, path = tempfile.mkstemp(suffix='.py')
        os.write(fd, 'import sys\nprint repr(sys.argv[1:])\nsys.exit(7)\n')
        os.close(fd)
        try:
            rc, out, err = run([path, 'a', 'b c'])
        finally:
            os.unlink(path)
        self.assertEqual(rc, 7, err)
        self.assertEqual(out.strip(), "['a', 'b c']")

    def test_script_directory_is_on_the_path(self):
        d = tempfile.mkdtemp()
        try:
            write(os.path.join(d, 'helper_mod.py'), 'VALUE = 42\n')
            write(os.path.join(d, 'main.py'), 'import helper_mod\nprint helper_mod.VALUE\n')
            out = self.output([os.path.join(d, 'main.py')])
        finally:
            for f in os.listdir(d):
                os.unlink(os.path.join(d, f))
            os.rmdir(d)
        self.assertEqual(out.strip(), '42')

    def test_c_argv(self):
        out = self.output(['-c', 'import sys; print sys.argv', 'x'])
        self.assertEqual(out.strip(), "['-c', 'x']")

    def test_stdin_script(self):
        out = self.output(['-', 'arg'], stdin='import sys\nprint sys.argv\n')
        self.assertEqual(out.strip(), "['-', 'arg']")

    def test_uncaught_exception(self):
        rc, out, err = run(['-c', 'raise ValueError("boom")'])
        self.assertEqual(rc, 1)
        self.assertIn('ValueError: boom', err)
        self.assertIn('Traceback', err)

    def test_sys_exit_message(self):
        rc, out, err = run(['-c', 'import sys; sys.exit("bye")'])
        self.assertEqual(rc, 1)
        self.assertEqual(err.strip(), 'bye')

    def test_exit_builtin(self):
        rc, out, err = run(['-c', 'exit(3)'])
        self.assertEqual(rc, 3, err)

    def test_m_module(self):
        out = self.output(['-m', 'json.tool'], stdin='{"a": 1}')
        self.assertIn('"a": 1', out)

    def test_missing_script(self):
        rc, out, err = run(['/nonexistent/script.py'])
        self.assertEqual(rc, 2)
        self.assertIn("can't open file", err)

    def test_jythonpath(self):
        d = tempfile.mkdtemp()
        try:
            write(os.path.join(d, 'extra_mod.py'), 'X = "extra"\n')
            out = self.output(['-c', 'import extra_mod; print extra_mod.X'], env={'JYTHONPATH': d})
        finally:
            os.unlink(os.path.join(d, 'extra_mod.py'))
            os.rmdir(d)
        self.assertEqual(out.strip(), 'extra')

    def test_warning_options_come_first(self):
        # as CPython: -W filters take precedence over the default ignores
        rc, out, err = run(['-W', 'always', '-c', 'import warnings; warnings.warn("old", DeprecationWarning)'])
        self.assertEqual(rc, 0, err)
        self.assertIn('DeprecationWarning: old', err)
        rc, out, err = run(['-W', 'error::DeprecationWarning', '-c',
                            'import nss.io as io\ntry:\n    io.Socket()\nexcept DeprecationWarning:\n    print "raised"'])
        self.assertEqual(out.strip(), 'raised', err)
        rc, out, err = run(['-c', 'import nss.io as io; io.Socket(); print "quiet"'])
        self.assertEqual((out.strip(), err), ('quiet', ''))

    def test_unknown_option(self):
        rc, out, err = run(['-Z'])
        self.assertEqual(rc, 2)
        self.assertIn('Unknown option', err)

    def test_nss_modules_import(self):
        out = self.output(['-c', 'import nss.nss, nss.ssl, nss.io, nss.error; print "imported"'])
        self.assertEqual(out.strip(), 'imported')


    def test_java_package_imports_import_no_warnings(self):
        # our modules have a path entry of their own: beside the Java classes, `org/` without
        # __init__.py made Jython warn (ImportWarning) and import the warnings module to do so
        rc, out, err = run(['-c', 'import sys\nfrom org.jnss.python import Binder\nimport java.util\n'
                                  'print "warnings" in sys.modules, "os" in sys.modules'])
        self.assertEqual((rc, out.split()), (0, ['False', 'False']), err)

    def test_another_java_runs_quietly_with_its_own_archive(self):
        # JAVA names another JVM (here a newer JDK, where one is installed): it gets a class data
        # archive of its own, and says nothing on stderr (no refused archive, no native-access warning)
        def major(home):
            try:
                with open(os.path.join(home, 'release')) as f:
                    for line in f:
                        if line.startswith('JAVA_VERSION='):
                            return int(line.split('=', 1)[1].strip().strip('"').split('.')[0])
            except (IOError, ValueError):
                pass
            return 0
        jdks = '/usr/lib/jvm'
        homes = [os.path.join(jdks, d) for d in (sorted(os.listdir(jdks)) if os.path.isdir(jdks) else [])
                 if not os.path.islink(os.path.join(jdks, d))]
        others = [os.path.join(h, 'bin', 'java') for h in homes
                  if major(h) > 17 and os.path.isfile(os.path.join(h, 'bin', 'java'))]
        if not others:
            self.skipTest('no other JDK installed')
        code = 'import nss.nss as nss; nss.nss_init_nodb(); print nss.data_to_hex(nss.sha1_digest("a"))[:8]; nss.nss_shutdown()'
        for _ in range(2):      # the first run makes the archive, the second uses it
            rc, out, err = run(['-c', code], env={'JAVA': others[-1]})
            self.assertEqual((rc, out.strip(), err), (0, '86:f7:e4', ''))
        target = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(PYNSS))), 'target')
        key = others[-1].replace('/', '_')[-60:]
        self.assertTrue(os.path.isfile(os.path.join(target, 'jnss-%s.jsa' % key)), os.listdir(target))

    def test_archive_training_runs_clean(self):
        # the class data archive's training program keeps going past a failing call (so that a token
        # that refuses one still leaves an archive): only a test shows that one of its calls broke
        training = os.path.join(os.path.dirname(os.path.realpath(PYNSS)), 'cds-training.py')
        out = self.output(['-c', 'import imp\nt = imp.load_source("training", %r)\nt.main(strict=True)\n'
                                 'print "trained"' % training])
        self.assertEqual(out.strip(), 'trained')

    def test_statement_temporaries_do_not_keep_objects_alive(self):
        # CPython frees what an unpacking assignment or a finished loop held with the statement;
        # a script may shut NSS down right after 'del' (Jython keeps them in dead JVM locals)
        d = tempfile.mkdtemp()
        script = os.path.join(d, 'temporaries.py')
        db = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'test-vectors', 'db')
        write(script, '''
from __future__ import print_function
import sys
import nss.nss as nss
nss.nss_init('sql:' + sys.argv[1])
certs = nss.list_certs(nss.PK11CertListAll)
n = len([c for c in certs if c.subject])
c = None   # Python 2: the comprehension variable is the script's (Python 3: a new name)
slot = nss.get_internal_slot()
pub, priv = slot.generate_key_pair(nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(1024), False, False)
for cert in certs:
    subject = str(cert.subject)
del certs, cert, slot, pub, priv
nss.nss_shutdown()
print('shut down', n)
for i, c in enumerate(['a', 'b']):
    pass
try:
    raise ValueError(i)
except ValueError as e:
    print('still python', e, c)
''')
        out = self.output([script, os.path.normpath(db)])
        self.assertEqual(out.split('\n')[0].split()[:2], ['shut', 'down'])
        self.assertIn('still python 1 b', out)
        from difftest import reference_available, REFERENCE
        if reference_available():     # the reference python-nss shuts down the same way
            p = subprocess.Popen([REFERENCE, script, os.path.normpath(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            ref_out, ref_err = p.communicate()
            self.assertEqual((p.returncode, ref_out.decode('utf-8')), (0, out), ref_err)


class TestLauncherEnvironment(unittest.TestCase):
    """The launcher sets MALLOC_ARENA_MAX for the JVM's allocator; the program sees the user's environment."""
    CODE = ('import os, subprocess\n'
            'from java.lang import ProcessBuilder, System\n'
            'from java.io import BufferedReader, InputStreamReader\n'
            'import nss.nss as nss\n'
            'nss.nss_init_nodb()\n'
            'echo = ["sh", "-c", "echo ${MALLOC_ARENA_MAX-unset}"]\n'
            'p = ProcessBuilder(echo).start()\n'     # no environment given: the C library's is inherited
            'print os.environ.get("MALLOC_ARENA_MAX"), System.getenv("MALLOC_ARENA_MAX"), '
            'subprocess.check_output(echo).strip(), BufferedReader(InputStreamReader(p.getInputStream())).readLine(), '
            '"MALLOC_ARENA_MAX=" in open("/proc/self/environ").read()\n')

    def environment(self, **extra):
        e = dict((k, v) for k, v in os.environ.items() if k != 'MALLOC_ARENA_MAX')
        e.update(extra)
        return e

    def run_code(self, env):
        p = subprocess.Popen([PYNSS, '-c', self.CODE], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        out, err = p.communicate()
        self.assertEqual(p.returncode, 0, err)
        return out.split()

    def test_added_variable_is_not_seen(self):
        # the process was started with it (/proc/self/environ keeps the start's block), yet
        # os.environ, System.getenv and both kinds of child process go without it
        self.assertEqual(self.run_code(self.environment()), ['None', 'None', 'unset', 'unset', 'True'])

    def test_user_value_is_kept(self):
        self.assertEqual(self.run_code(self.environment(MALLOC_ARENA_MAX='3')), ['3', '3', '3', '3', 'True'])

    PORTABLE = ('import os, subprocess\n'
                'import nss.nss as nss\n'
                'nss.nss_init_nodb()\n'
                'print(os.environ.get("MALLOC_ARENA_MAX"))\n'
                'print(subprocess.check_output(["sh", "-c", "echo ${MALLOC_ARENA_MAX-unset}"]).decode().strip())\n')

    def test_program_sees_what_python_nss_sees(self):
        from difftest import reference_available, REFERENCE
        if not reference_available():
            self.skipTest('reference python-nss not installed')
        for env in (self.environment(), self.environment(MALLOC_ARENA_MAX='3')):
            outs = []
            for command in ([PYNSS, '-c', self.PORTABLE], [REFERENCE, '-c', self.PORTABLE]):
                p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
                out, err = p.communicate()
                self.assertEqual(p.returncode, 0, err)
                outs.append(out.decode('utf-8') if not isinstance(out, str) else out)
            self.assertEqual(outs[0], outs[1])


class TestWarmStart(unittest.TestCase):
    """PYNSS_WARM=1: a spare JVM runs the next program with the caller's streams, arguments,
    environment, directory and exit status, as a cold start would."""

    SCRIPT = ('import sys, os, java.lang\n'
              'data = sys.stdin.read()\n'
              'print "warm=%s" % java.lang.System.getProperty("pynss.warm")\n'
              'print repr(sys.argv[1:]), os.getcwd() == os.environ["WARM_EXPECT_CWD"], os.environ["WARM_X"]\n'
              'print "stdin %d" % len(data)\n'
              'sys.stderr.write("to stderr\\n")\n'
              'open(os.environ["WARM_EXPECT_CWD"] + "/left-open.txt", "w").write("z" * 70000)\n'
              'sys.exit(int(sys.argv[1]))\n')

    def setUp(self):
        self.runtime = tempfile.mkdtemp(prefix='pynss-warm-')
        self.cwd = tempfile.mkdtemp(prefix='pynss-warm-cwd-')
        self.script = os.path.join(self.cwd, 'warm.py')
        write(self.script, self.SCRIPT)
        self.env = dict(os.environ, PYNSS_WARM='1', XDG_RUNTIME_DIR=self.runtime, WARM_X='x-value',
                        WARM_EXPECT_CWD=os.path.realpath(self.cwd))

    def tearDown(self):
        import shutil
        import signal
        for root, dirs, files in os.walk(self.runtime):
            for f in files:
                if f.split('.')[0] in ('ready', 'taken'):
                    try:
                        os.kill(int(f.split('.')[1]), signal.SIGTERM)
                    except (OSError, ValueError):
                        pass
        shutil.rmtree(self.runtime, True)
        shutil.rmtree(self.cwd, True)

    def run_script(self, status, stdin=b'abc'):
        p = subprocess.Popen([PYNSS, self.script, str(status), 'two words'], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env, cwd=self.cwd)
        out, err = p.communicate(stdin)
        return p.returncode, out, err

    def wait_for_spare(self):
        import time
        deadline = time.time() + 120
        while time.time() < deadline:
            for root, dirs, files in os.walk(self.runtime):
                if any(f.startswith('ready.') for f in files):
                    return
            time.sleep(0.2)
        self.fail('no spare JVM became ready')

    def test_a_warm_run_is_a_cold_run(self):
        first = self.run_script(3)
        self.assertEqual(first[1].split('\n')[0], 'warm=None')
        self.wait_for_spare()
        second = self.run_script(5, b'x' * 100000)
        self.assertEqual(second[1].split('\n')[0], 'warm=true', second)
        self.assertEqual(second[0], 5)
        self.assertEqual(second[1].split('\n')[1:], ["['5', 'two words'] True x-value", 'stdin 100000', ''])
        self.assertEqual(second[2], 'to stderr\n')
        with open(os.path.join(self.cwd, 'left-open.txt')) as f:
            self.assertEqual(len(f.read()), 70000)      # flushed before the caller went on
        self.assertEqual(first[1].split('\n')[1:], ["['3', 'two words'] True x-value", 'stdin 3', ''])
        self.assertEqual(first[0], 3)

    def test_a_regular_file_as_stdout_starts_cold(self):
        self.run_script(0)
        self.wait_for_spare()
        out = os.path.join(self.cwd, 'out.txt')
        # through a shell: the JVM's subprocess would hand the child a pipe, not the file
        rc = subprocess.call(['/bin/sh', '-c', 'exec "$0" "$1" 0 a </dev/null >"$2" 2>/dev/null',
                              PYNSS, self.script, out], env=self.env, cwd=self.cwd)
        self.assertEqual(rc, 0)
        with open(out) as f:
            self.assertEqual(f.readline().strip(), 'warm=None')


class TestCompiledProgramCache(unittest.TestCase):
    """The program's compiled code, kept between runs (org.jnss.python.ScriptCache)."""

    def setUp(self):
        self.home = tempfile.mkdtemp()
        self.env = {'XDG_CACHE_HOME': self.home}
        self.dir = os.path.join(self.home, 'pynss', 'code')
        self.src = tempfile.mkdtemp()

    def entries(self):
        return sorted(os.listdir(self.dir)) if os.path.isdir(self.dir) else []

    def kinds(self):
        """Each entry's path and kind: the key's first character, after the magic and the key's length."""
        kinds = {}
        for name in self.entries():
            with open(os.path.join(self.dir, name), 'rb') as f:
                kinds[os.path.join(self.dir, name)] = f.read()[30]
        return kinds

    def script(self, text, name='prog.py'):
        path = os.path.join(self.src, name)
        write(path, text)
        return path

    def test_second_run_uses_the_entry_and_runs_the_same(self):
        path = self.script('import sys\nprint __name__, __file__ == sys.argv[0], sys.argv[1:]\n')
        first = run([path, 'a', 'b'], env=self.env)
        self.assertEqual(len(self.entries()), 1)
        entry = os.path.join(self.dir, self.entries()[0])
        os.utime(entry, (1, 1))
        second = run([path, 'a', 'b'], env=self.env)
        self.assertEqual(first, second)
        self.assertEqual(first, (0, "__main__ True ['a', 'b']\n", ''))
        self.assertGreater(os.path.getmtime(entry), 1)     # used (the least recently used go first)

    def test_changed_source_is_compiled_again(self):
        path = self.script('print 1\n')
        self.assertEqual(run([path], env=self.env)[1], '1\n')
        write(path, 'print 2\n')
        self.assertEqual(run([path], env=self.env)[1], '2\n')
        self.assertEqual(len(self.entries()), 2)

    def test_same_source_under_another_name_has_its_own_entry(self):
        text = 'import traceback\ntry:\n    1/0\nexcept ZeroDivisionError:\n    traceback.print_exc()\n'
        a, b = self.script(text, 'a.py'), self.script(text, 'b.py')
        for _ in range(2):
            for path in (a, b):
                rc, out, err = run([path], env=self.env)
                self.assertEqual(rc, 0)
                self.assertIn('File "%s", line 3, in <module>' % path, err)
        self.assertEqual(len(self.entries()), 2)

    def test_imported_modules_are_cached_too(self):
        helper = self.script('VALUE = 1\ndef where():\n    return __file__, __name__\n', 'helper.py')
        path = self.script('import helper\nprint helper.VALUE, helper.where()\n')
        expected = "1 ('%s', 'helper')\n" % helper
        self.assertEqual(run([path], env={'PYNSS_CODE_CACHE': '0'}), (0, expected, ''))
        self.assertEqual(self.entries(), [])
        for _ in range(2):
            self.assertEqual(run([path], env=self.env), (0, expected, ''))
        self.assertEqual(len(self.entries()), 2)       # the program and its module
        for name in os.listdir(self.src):
            self.assertFalse(name.endswith('$py.class'), name)
        write(helper, 'VALUE = 2\ndef where():\n    return __file__, __name__\n')
        os.utime(helper, (1, 1))                        # even with the modification time of before
        self.assertEqual(run([path], env=self.env)[1], "2 ('%s', 'helper')\n" % helper)
        write(helper, 'VALUE = (\n')
        broken = run([path], env=self.env)
        self.assertEqual(broken, run([path], env={'PYNSS_CODE_CACHE': '0'}))
        self.assertIn('SyntaxError', broken[2])

    def test_command_is_cached_too(self):
        code = 'from __future__ import division\nprint 1/2, __name__'
        self.assertEqual(run(['-c', code], env=self.env), (0, '0.5 __main__\n', ''))
        self.assertEqual(run(['-c', code], env=self.env), (0, '0.5 __main__\n', ''))
        self.assertEqual(run(['-c', 'print 1/2'], env=self.env), (0, '0\n', ''))
        self.assertEqual(len(self.entries()), 2)

    def test_named_tuple_classes_are_cached_too(self):
        # collections.namedtuple compiles the source of each class it writes (28-75 ms on a cold
        # JVM); the build makes it go through _pynss.exec_code, so the code comes from the cache
        # in later runs, and behaves as compiled
        path = self.script(
            'from collections import namedtuple\n'
            'import pickle, traceback\n'
            'Point = namedtuple("Point", "x y")\n'
            'p = Point(1, y=2)\n'
            'print p, p._fields, p._asdict().items(), p._replace(x=5), Point._make([3, 4]), Point.__module__, Point.__doc__\n'
            'print pickle.loads(pickle.dumps(p)) == p, p.x + p.y, Point.__new__.__doc__\n'
            'try:\n'
            '    Point(1)\n'
            'except TypeError as e:\n'
            '    print "TypeError", e\n'
            'print namedtuple("Renamed", ["a", "def", "a", "_b"], rename=True)._fields\n'
            'try:\n'
            '    namedtuple("Bad", "x def")\n'
            'except ValueError as e:\n'
            '    print "ValueError", e\n'
            'print namedtuple(u"Uni", [u"u1"])(7)\n'
            'try:\n'
            '    p._replace(z=1)\n'
            'except ValueError:\n'
            '    print traceback.format_exc().splitlines()[-3:]\n')
        without = run([path], env={'XDG_CACHE_HOME': self.home, 'PYNSS_CODE_CACHE': '0'})
        self.assertEqual(self.entries(), [])
        self.assertEqual(without[0], 0, without)
        # Python 2.7.18's output but for the line of _replace in Jython's template
        self.assertEqual(without[1].splitlines()[:-1], [
            "Point(x=1, y=2) ('x', 'y') [('x', 1), ('y', 2)] Point(x=5, y=2) Point(x=3, y=4) __main__ Point(x, y)",
            'True 3 Create new instance of Point(x, y)',
            'TypeError __new__() takes exactly 3 arguments (2 given)',
            "('a', '_1', '_2', '_3')",
            "ValueError Type names and field names cannot be a keyword: 'def'",
            'Uni(u1=7)'])
        self.assertIn("'  File \"<string>\", line ", without[1].splitlines()[-1])
        for _ in range(2):
            self.assertEqual(run([path], env=self.env), without)
        # the program and the three classes (namedtuple makes the unicode names str), besides the
        # patterns the modules compile
        self.assertEqual(sorted(k for k in self.kinds().values() if k != 'r'), ['f', 'x', 'x', 'x'])

    def test_compiled_patterns_are_cached_too(self):
        # sre_compile.compile takes what an earlier run's compilation of the same pattern, type and
        # flags gave (org.jnss.python.CompiledPatterns); the patterns behave as compiled, and a
        # damaged entry is compiled again
        path = self.script(
            'import re, string, textwrap\n'
            'print repr(string.Template("$who likes ${what}").substitute(who="tim", what=u"k\\xe4se"))\n'
            'p = re.compile(r"(?P<first>\\w+)\\s+(?P<last>\\w+)(?:x)?", re.I)\n'
            'print p.pattern, p.flags, p.groups, sorted(p.groupindex.items()), sorted(p.match("Ada Lovelace").groupdict().items())\n'
            'u = re.compile(u"(?P<name>[\\u00e4-\\u00f6]+)|\\U0001F600+", re.U)\n'
            'print repr(u.pattern), u.flags, u.groups, u.groupindex, repr(u.search(u"xx\\u00e5\\u00f6y").group(0)), u.search(u"a\\U0001F600\\U0001F600").span()\n'
            'print re.compile("[%s]" % "".join(chr(i) for i in range(32, 127, 3))).findall("hello, world! 0123456789")\n'
            'print textwrap.fill("The quick brown fox jumps over the lazy dog " * 2, 30).splitlines()\n'
            'try:\n'
            '    re.compile("(unclosed")\n'
            'except re.error as e:\n'
            '    print "error", e\n'
            'print re.sub(r"(\\d+)", lambda m: str(int(m.group(1)) * 2), "a1b22c333"), re.split(r"\\W+", "a, b;c")\n'
            'class S(str): pass\n'
            'print type(re.compile(S("ab+")).pattern).__name__, re.compile(S("ab+")).match("abbb").group()\n')
        # Python 2.7.18's output
        expected = (0, '\n'.join([
            "u'tim likes k\\xe4se'",
            "(?P<first>\\w+)\\s+(?P<last>\\w+)(?:x)? 2 2 [('first', 1), ('last', 2)] [('first', 'Ada'), ('last', 'Lovelace')]",
            "u'(?P<name>[\\xe4-\\xf6]+)|\\U0001f600+' 32 1 {u'name': 1} u'\\xe5\\xf6' (1, 3)",
            "['h', 'e', ',', ' ', 'w', ' ', '2', '5', '8']",
            "['The quick brown fox jumps over', 'the lazy dog The quick brown', 'fox jumps over the lazy dog']",
            'error unbalanced parenthesis',
            "a2b44c666 ['a', 'b', 'c']",
            'S abbb', '']), '')
        self.assertEqual(run([path], env={'XDG_CACHE_HOME': self.home, 'PYNSS_CODE_CACHE': '0'}), expected)
        self.assertEqual(self.entries(), [])
        self.assertEqual(run([path], env=self.env), expected)
        patterns = [entry for entry, kind in self.kinds().items() if kind == 'r']
        self.assertGreater(len(patterns), 5)
        for entry in patterns:
            os.utime(entry, (1, 1))
        self.assertEqual(run([path], env=self.env), expected)
        used = [e for e in patterns if os.path.getmtime(e) > 1]
        self.assertEqual(len(used), len(patterns))
        # re.DEBUG prints the parsed pattern: never taken from the cache
        debug = self.script('import re\nre.compile("(?:ab)+c", re.DEBUG)\n', 'debug.py')
        dumps = [run([debug], env=self.env) for _ in range(2)]
        self.assertEqual(dumps[0], dumps[1])
        self.assertIn('literal 99', dumps[0][1])
        for entry in patterns:      # damaged data (its checksum no longer matches): compiled again
            with open(entry, 'rb') as f:
                data = f.read()
            write(entry, data[:-12] + chr(ord(data[-12]) ^ 1) + data[-11:])
        self.assertEqual(run([path], env=self.env), expected)

    def test_syntax_error_is_reported_as_without_cache_and_not_kept(self):
        path = self.script('print "a"\nx = (\n')
        without = run([path], env={'PYNSS_CODE_CACHE': '0'})
        self.assertEqual(run([path], env=self.env), without)
        self.assertEqual(without[0], 1)
        self.assertIn('SyntaxError', without[2])
        self.assertEqual(self.entries(), [])

    def test_damaged_entry_is_ignored_and_written_anew(self):
        path = self.script('print "fine"\n')
        run([path], env=self.env)
        entry = os.path.join(self.dir, self.entries()[0])
        with open(entry, 'rb') as f:
            data = f.read()
        for damaged in (data[:len(data) // 2], data[:-1] + chr(ord(data[-1]) ^ 0xff), 'x' * len(data), ''):
            write(entry, damaged)
            self.assertEqual(run([path], env=self.env), (0, 'fine\n', ''))
        with open(entry, 'rb') as f:
            self.assertEqual(f.read(), data)

    def test_entry_that_is_not_a_regular_file_is_not_read(self):
        path = self.script('print "linked"\n')
        run([path], env=self.env)
        entry = os.path.join(self.dir, self.entries()[0])
        os.rename(entry, entry + '.real')
        os.symlink(entry + '.real', entry)
        self.assertEqual(run([path], env=self.env), (0, 'linked\n', ''))
        self.assertFalse(os.path.islink(entry))      # compiled again and written in its place

    def test_directory_others_may_write_is_not_used(self):
        os.makedirs(self.dir)
        os.chmod(self.dir, 0o777)
        path = self.script('print "ok"\n')
        self.assertEqual(run([path], env=self.env), (0, 'ok\n', ''))
        self.assertEqual(self.entries(), [])

    def test_unwritable_cache_changes_nothing(self):
        write(os.path.join(self.home, 'pynss'), 'a file where the directory would be')
        path = self.script('print "ok"\n')
        self.assertEqual(run([path], env=self.env), (0, 'ok\n', ''))

    def test_turned_off(self):
        path = self.script('print "ok"\n')
        self.assertEqual(run([path], env={'XDG_CACHE_HOME': self.home, 'PYNSS_CODE_CACHE': '0'}), (0, 'ok\n', ''))
        self.assertEqual(self.entries(), [])

    def test_not_used_with_the_prompt_after_the_program(self):
        # -i: the prompt goes on with the compiler state the program's compilation left
        path = self.script('from __future__ import division\nx = 7\n')
        without = run(['-i', path], stdin='print x\n', env={'PYNSS_CODE_CACHE': '0'})
        self.assertEqual(without[0], 0, without[2])
        self.assertIn('7', without[1] + without[2])
        for _ in range(2):
            self.assertEqual(run(['-i', path], stdin='print x\n', env=self.env), without)
        self.assertEqual(self.entries(), [])



@difftest.needs_reference
class CodecsAsTheReference(difftest.DiffTestCase):
    """The codec registry (whose Java-charset fallback the build makes lazy) answers as the
    reference's for the encodings both Pythons know."""

    def test_encode_decode(self):
        self.assertSame('''
import codecs
text = u'caf\\u00e9 \\u20ac x'
for name in ('utf-8', 'utf-16-le', 'latin-1', 'cp1252', 'ascii', 'iso8859-15'):
    out(name, codecs.lookup(name).name, exc(text.encode, name), exc(text.encode, name, 'replace'),
        exc(text.encode, name, 'ignore'))
    raw = text.encode('utf-8')
    out(exc(raw.decode, name), exc(raw.decode, name, 'replace'))
out(exc(codecs.lookup, 'no-such-codec'), u'x' == b'x'.decode('ascii'))
''')

if __name__ == '__main__':
    unittest.main()
