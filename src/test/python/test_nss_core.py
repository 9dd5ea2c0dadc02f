"""nss.nss: initialisation and shutdown, object lifetimes, digests, SecItem,
data helpers and OIDs, against python-nss 1.0.1 (/usr/bin/python3).

Snippets compared with the reference start and end with NSS shut down and
delete their NSS objects before nss_shutdown(), as python-nss code must.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import nss.nss as nss
import nss.error as error
from nss.error import NSPRError

from difftest import DiffTestCase, needs_reference

HAVE_CERTUTIL = any(os.path.exists(os.path.join(d, 'certutil')) for d in os.environ.get('PATH', '').split(os.pathsep))
NOCERTDB = nss.NSS_INIT_NOCERTDB | nss.NSS_INIT_NOMODDB | nss.NSS_INIT_FORCEOPEN


def make_db():
    """A new empty NSS database (sql:) in a temporary directory."""
    d = tempfile.mkdtemp(prefix='jnss-db-')
    subprocess.check_call(['certutil', '-N', '-d', 'sql:' + d, '--empty-password'])
    return d


def ensure_down():
    while nss.nss_is_initialized():
        nss.nss_shutdown()


class NssTestCase(DiffTestCase):
    def setUp(self):
        ensure_down()

    def tearDown(self):
        ensure_down()

    def assertNSPRError(self, code, f, *args, **kwds):
        try:
            f(*args, **kwds)
        except NSPRError as e:
            self.assertEqual(e.errno, code, 'expected %s, got %s' % (code, e))
            return e
        self.fail('%s did not raise NSPRError' % getattr(f, '__name__', f))


@needs_reference
class TestInitAndShutdownAgainstReference(NssTestCase):
    def test_plain_init_state(self):
        self.assertSame('''
import nss.nss as nss
out(nss.nss_is_initialized(), exc(nss.nss_shutdown))
nss.nss_init_nodb()
out(nss.nss_is_initialized())
nss.nss_init_nodb()
nss.nss_shutdown()
out(nss.nss_is_initialized(), exc(nss.nss_shutdown))
out(exc(nss.nss_init, '/nonexistent/dir'), exc(nss.nss_init_read_write, '/nonexistent/dir'), nss.nss_is_initialized())
nss.nss_initialize(flags=nss.NSS_INIT_NOCERTDB | nss.NSS_INIT_NOMODDB | nss.NSS_INIT_FORCEOPEN)
out(nss.nss_is_initialized())
nss.nss_shutdown()
''')

    def test_what_each_plain_initialisation_shows(self):
        # pynss calls NSS_Initialize with NSS_NoDB_Init's, NSS_Init's and NSS_InitReadWrite's own
        # options minus NSS_INIT_OPTIMIZESPACE (larger session tables): what a script sees is the same
        self.assertSame('''
import shutil, tempfile
import nss.nss as nss
def show(tag):
    for s in (nss.get_internal_slot(), nss.get_internal_key_slot()):
        out(tag, s.slot_name, s.token_name, s.is_read_only(), s.is_internal(), s.need_login(),
            s.need_user_init(), s.is_friendly(), s.is_present())
    out(tag, nss.data_to_hex(nss.sha256_digest(b'abc'), separator=None))
    key = nss.get_best_slot(nss.CKM_AES_CBC_PAD).key_gen(nss.CKM_AES_CBC_PAD, None, 16)
    out(tag, key.key_length, nss.nss_is_initialized())
d = tempfile.mkdtemp()
try:
    nss.nss_init_nodb(); show('nodb'); nss.nss_shutdown()
    nss.nss_init_read_write('sql:' + d); show('read-write'); nss.nss_shutdown()
    nss.nss_init('sql:' + d); show('read-only'); nss.nss_shutdown()
    out(exc(nss.nss_init, 'sql:' + d + '/missing'), nss.nss_is_initialized())
finally:
    shutil.rmtree(d)
''')

    def test_a_finished_thread_lets_go_of_its_arguments(self):
        # Jython's Thread kept its target and arguments as long as the Thread object: the
        # context passed to a finished thread then kept NSS from shutting down
        self.assertSame('''
import threading
import nss.nss as nss
nss.nss_init_nodb()
def work(ctx):
    ctx.digest_begin()
    ctx.digest_op(b'abc')
    out(ctx.digest_final())
ctx = nss.create_digest_context(nss.SEC_OID_SHA256)
t = threading.Thread(target=work, args=(ctx,))
t.start()
t.join()
del ctx
out(exc(nss.nss_shutdown), nss.nss_is_initialized())
''')

    def test_contexts(self):
        self.assertSame('''
import nss.nss as nss
flags = nss.NSS_INIT_NOCERTDB | nss.NSS_INIT_NOMODDB | nss.NSS_INIT_FORCEOPEN
c = nss.nss_init_context(flags=flags)
out(type(c).__name__, nss.nss_is_initialized(), exc(nss.nss_shutdown))
c.shutdown()
out(nss.nss_is_initialized(), exc(c.shutdown))
c1 = nss.nss_init_context(flags=flags)
c2 = nss.nss_init_context(flags=flags, init_params=nss.InitParameters(min_password_len=3))
nss.nss_shutdown_context(c1)
out(nss.nss_is_initialized())
nss.nss_shutdown_context(c2)
out(nss.nss_is_initialized())
nss.nss_init_nodb()
c3 = nss.nss_init_context(flags=flags)
nss.nss_shutdown()
out(nss.nss_is_initialized(), exc(c3.shutdown))
out(exc(nss.nss_init_context, '/nonexistent/dir'), exc(nss.InitContext))
# python-nss parses the texts as "es" and init_params as "O!": omitted is not None
out(exc(nss.nss_init_context, None), exc(nss.nss_init_context, flags=flags, init_params=None),
    exc(nss.nss_init_context, cert_prefix=None, flags=flags), exc(nss.nss_initialize, None),
    exc(nss.nss_initialize, secmod_name=None), nss.nss_is_initialized())
# once NSS is up, NSS_Initialize succeeds at once whatever it is given
nss.nss_init_nodb()
out(exc(nss.nss_initialize), exc(nss.nss_initialize, cert_prefix='x'), nss.nss_is_initialized())
nss.nss_shutdown()
''')

    def test_version(self):
        self.assertSame('''
import nss.nss as nss
v = nss.nss_get_version()
out(v, nss.nss_version_check(v), nss.nss_version_check('3.2'), nss.nss_version_check('99.0'),
    nss.nss_version_check('garbage'), nss.nss_version_check(''))
''')

    def test_shutdown_callback(self):
        self.assertSame('''
import nss.nss as nss
calls = []
def cb(nss_data, *args):
    calls.append((type(nss_data).__name__, nss_data, args))
    return True
nss.set_shutdown_callback(cb, 'set before init')   # not registered: NSS is down
nss.nss_init_nodb()
nss.nss_shutdown()
out(calls)
nss.nss_init_nodb()
nss.set_shutdown_callback(cb, 1, 'two', {'three': 3}, None)
nss.nss_shutdown()
out(calls)
nss.nss_init_nodb()
nss.nss_shutdown()                                  # cancelled by the previous shutdown
nss.nss_init_nodb()
nss.set_shutdown_callback(cb)
nss.set_shutdown_callback(None)
nss.nss_shutdown()
nss.nss_init_nodb()
nss.set_shutdown_callback(lambda d: calls.append('first') or True)
nss.set_shutdown_callback(lambda d: calls.append('second') or True)
nss.nss_shutdown()
out(calls)
nss.nss_init_nodb()
nss.set_shutdown_callback(lambda d: False)
out(exc(nss.nss_shutdown)[:13], nss.nss_is_initialized())
nss.nss_init_nodb()
nss.set_shutdown_callback(lambda d: 1 // 0)
out(exc(nss.nss_shutdown), nss.nss_is_initialized())
nss.nss_init_nodb()
nss.set_shutdown_callback(lambda: True)
out(exc(nss.nss_shutdown), nss.nss_is_initialized())
for result in (None, 0, 'yes'):
    nss.nss_init_nodb()
    nss.set_shutdown_callback(lambda d: result)
    out(repr(result), exc(nss.nss_shutdown)[:13], nss.nss_is_initialized())
out(exc(nss.set_shutdown_callback), exc(nss.set_shutdown_callback, 1), exc(nss.set_shutdown_callback, callback=None))
''')

    def test_password_callback_arguments(self):
        self.assertSame('''
import nss.nss as nss
out(nss.set_password_callback(lambda slot, retry, *a: None), exc(nss.set_password_callback, None),
    exc(nss.set_password_callback, 1), exc(nss.set_password_callback), exc(nss.set_password_callback, callback=len))
''')

    def test_argument_errors(self):
        self.assertSame('''
import nss.nss as nss
for f, args, kw in [(nss.nss_init, (), {}), (nss.nss_init, ('a', 'b'), {}), (nss.nss_init, (1,), {}),
                    (nss.nss_init, (None,), {}), (nss.nss_init, (), {'cert_dir': 'x'}),
                    (nss.nss_init_nodb, (1,), {}), (nss.nss_shutdown, (), {'x': 1}),
                    (nss.nss_initialize, (), {'cert_dir': 5}), (nss.nss_initialize, (), {'zzz': 5}),
                    (nss.nss_init_context, (), {'init_params': 5}), (nss.nss_shutdown_context, (None,), {}),
                    (nss.nss_shutdown_context, (5,), {}), (nss.nss_version_check, (None,), {}),
                    (nss.nss_version_check, (), {'version': '3'}), (nss.nss_is_initialized, (1,), {}),
                    (nss.nss_get_version, (1,), {})]:
    out(f.__name__, args, kw, exc(f, *args, **kw))
''')


class TestInitFlags(unittest.TestCase):
    """python-nss 1.0.1's nss_init_flags fails with SystemError; this is what its documentation describes."""

    def test_names_sorted(self):
        self.assertEqual(nss.nss_init_flags(nss.NSS_INIT_READONLY | nss.NSS_INIT_NOMODDB),
                         ['NSS_INIT_NOMODDB', 'NSS_INIT_READONLY'])
        self.assertEqual(nss.nss_init_flags(0), [])
        self.assertEqual(nss.nss_init_flags(nss.NSS_INIT_COOPERATE),
                         ['NSS_INIT_NOPK11FINALIZE', 'NSS_INIT_PK11RELOAD', 'NSS_INIT_PK11THREADSAFE',
                          'NSS_INIT_RESERVED'])

    def test_repr_kinds(self):
        flags = nss.NSS_INIT_READONLY | nss.NSS_INIT_NOMODDB | nss.NSS_INIT_FORCEOPEN
        self.assertEqual(nss.nss_init_flags(flags, nss.AsEnum), [1, 4, 8])
        self.assertEqual(nss.nss_init_flags(flags, repr_kind=nss.AsEnumDescription),
                         ['Force Open', 'No Module Database', 'Read Only'])
        self.assertEqual(nss.nss_init_flags(flags=flags, repr_kind=nss.AsEnumName),
                         ['NSS_INIT_FORCEOPEN', 'NSS_INIT_NOMODDB', 'NSS_INIT_READONLY'])

    def test_unknown_bits(self):
        # python-nss formats "unknown bit flags %#x"; Python 2 drops the '#'
        self.assertEqual(nss.nss_init_flags(0x1000 | nss.NSS_INIT_READONLY), ['NSS_INIT_READONLY', 'unknown bit flags 1000'])
        self.assertEqual(nss.nss_init_flags(0x3000 | nss.NSS_INIT_READONLY, nss.AsEnum), [1, 'unknown bit flags 3000'])

    def test_errors(self):
        self.assertRaisesRegexp(ValueError, r'^Unsupported representation kind \(99\)$', nss.nss_init_flags, 1, 99)
        self.assertRaisesRegexp(ValueError, r'^Unsupported representation kind \(1\)$', nss.nss_init_flags, 1, nss.AsString)
        self.assertRaisesRegexp(TypeError, r"^Required argument 'flags' \(pos 1\) not found$", nss.nss_init_flags)
        self.assertRaisesRegexp(TypeError, r'^an integer is required$', nss.nss_init_flags, None)


class TestInitParameters(DiffTestCase):
    def test_string_attribute_errors(self):
        # python-nss sets the TypeError but reports success, so Python raises it at some later point
        p = nss.InitParameters(manufacturer_id='m')
        self.assertRaisesRegexp(TypeError, r'^argument 1 must be string, not int$', setattr, p, 'manufacturer_id', 5)
        self.assertRaisesRegexp(TypeError, r'^argument 1 must be string, not None$', setattr, p, 'manufacturer_id', None)
        self.assertEqual(p.manufacturer_id, 'm')
        del p.manufacturer_id
        self.assertEqual(p.manufacturer_id, None)

    @needs_reference
    def test_against_reference(self):
        self.assertSame('''
import nss.nss as nss
p = nss.InitParameters()
out(str(p), p.format(), p.format_lines(), p.format(1, 2), p.format(indent_len=0), p.format_lines(level=2))
p = nss.InitParameters(True, 5, 'm', 'l', 'ct', 'dt', 'ft', 'cs', 'ds', 'fs')
out(str(p), p.format(), p.password_required, p.min_password_len, p.manufacturer_id, p.fips_slot_description)
p = nss.InitParameters(password_required=1, min_password_len=True, manufacturer_id=u'ete')
out(str(p), p.password_required, p.min_password_len, p.manufacturer_id)
p.password_required = 0
p.min_password_len = 7
p.library_description = 'lib'
p.manufacturer_id = u'x'
out(str(p))
del p.library_description
out(p.library_description, str(p))
for name, value in [('min_password_len', 'x'), ('password_required', 'yes')]:
    out(name, exc(setattr, p, name, value), getattr(p, name))
for name in ('password_required', 'min_password_len'):
    out(name, exc(delattr, p, name))
out(exc(nss.InitParameters, foo=1), exc(nss.InitParameters, min_password_len='x'), exc(nss.InitParameters, *range(11)))
out(exc(p.format, indent='--'), exc(p.format_lines, 1, 2))
''')


class TestLifetimes(NssTestCase):
    """NSS objects the script no longer references are released before NSS shuts down."""

    def setUp(self):
        sys.exc_clear()     # a traceback kept from an earlier test may still refer to NSS objects
        NssTestCase.setUp(self)

    def test_shutdown_releases_unreferenced_contexts(self):
        nss.nss_init_nodb()
        for i in range(50):
            ctx = nss.create_digest_context(nss.SEC_OID_SHA256)
            ctx.digest_begin()
            ctx.digest_op('x' * i)
            ctx.clone_context(ctx)
        del ctx
        nss.nss_shutdown()          # would fail (terminally) with SEC_ERROR_BUSY without the release
        self.assertFalse(nss.nss_is_initialized())
        nss.nss_init_nodb()         # and NSS can come up again
        self.assertEqual(nss.sha1_digest('abc'), hashlib.sha1('abc').digest())

    def test_shutdown_refused_while_an_object_is_referenced(self):
        nss.nss_init_nodb()
        ctx = nss.create_digest_context(nss.SEC_OID_SHA1)
        ctx.digest_begin()
        ctx.digest_op('ab')
        e = self.assertNSPRError(error.SEC_ERROR_BUSY, nss.nss_shutdown)
        self.assertEqual(str(e), '(SEC_ERROR_BUSY) NSS could not shutdown. Objects are still in use.')
        # unlike python-nss, NSS is still up and the object still works
        self.assertTrue(nss.nss_is_initialized())
        ctx.digest_op('c')
        self.assertEqual(ctx.digest_final(), hashlib.sha1('abc').digest())
        self.assertEqual(nss.md5_digest('abc'), hashlib.md5('abc').digest())
        del ctx
        nss.nss_shutdown()
        self.assertFalse(nss.nss_is_initialized())

    def test_last_context_shutdown_refused_while_an_object_is_referenced(self):
        c = nss.nss_init_context(flags=NOCERTDB)
        ctx = nss.create_digest_context(nss.SEC_OID_SHA1)
        self.assertNSPRError(error.SEC_ERROR_BUSY, c.shutdown)
        self.assertTrue(nss.nss_is_initialized())
        del ctx
        c.shutdown()
        self.assertFalse(nss.nss_is_initialized())
        self.assertNSPRError(error.SEC_ERROR_NOT_INITIALIZED, c.shutdown)

    def test_calls_on_a_shared_context_from_several_threads_stay_whole(self):
        # as under python-nss (one call at a time with the GIL held), each call on a context is
        # whole: a 1 MiB digest_op (NSS is fed in pieces) is never interleaved with another
        # thread's, while other threads make and drop contexts (so finished ones are parked)
        import threading
        nss.nss_init_nodb()
        a, b = 'a' * (1 << 20), 'b' * (1 << 20)
        whole = set([hashlib.sha256(a + b).digest(), hashlib.sha256(b + a).digest()])
        stop = []

        def churn():
            while not stop:
                ctx = nss.create_digest_context(nss.SEC_OID_SHA256)
                ctx.digest_begin()
                ctx.digest_op('x')
                ctx.digest_final()

        churners = [threading.Thread(target=churn) for i in range(2)]
        for t in churners:
            t.start()
        try:
            for round in range(10):
                ctx = nss.create_digest_context(nss.SEC_OID_SHA256)
                ctx.digest_begin()
                feeders = [threading.Thread(target=ctx.digest_op, args=(d,)) for d in (a, b)]
                for t in feeders:
                    t.start()
                for t in feeders:
                    t.join()
                self.assertTrue(ctx.digest_final() in whole, 'round %d: the two calls were interleaved' % round)
        finally:
            stop.append(True)
            for t in churners:
                t.join()
        del ctx
        nss.nss_shutdown()

    def test_empty_context_raises_instead_of_crashing(self):
        # python-nss lets PK11Context() be made, then crashes on its use
        nss.nss_init_nodb()
        c = nss.PK11Context()
        self.assertTrue(isinstance(c, nss.PK11Context))
        self.assertNSPRError(error.SEC_ERROR_INVALID_ARGS, c.digest_begin)
        self.assertNSPRError(error.SEC_ERROR_INVALID_ARGS, c.digest_op, 'x')
        self.assertNSPRError(error.SEC_ERROR_INVALID_ARGS, c.digest_final)
        self.assertNSPRError(error.SEC_ERROR_INVALID_ARGS, c.finalize)
        self.assertNSPRError(error.SEC_ERROR_INVALID_ARGS, nss.create_digest_context(nss.SEC_OID_SHA1).clone_context, c)
        # the traceback of the last exception still refers to the digest context (as it would in CPython 2)
        sys.exc_clear()
        nss.nss_shutdown()

    def test_calls_before_init_raise(self):
        # python-nss crashes on some of these (dynamic OID tags); the others fail as it does
        self.assertFalse(nss.nss_is_initialized())
        self.assertNSPRError(error.SEC_ERROR_NOT_INITIALIZED, nss.oid_str, 99999)
        self.assertNSPRError(error.SEC_ERROR_NOT_INITIALIZED, nss.oid_dotted_decimal, 99999)
        # the hash length comes first, as in python-nss; naming an unknown tag needs NSS up
        self.assertNSPRError(error.SEC_ERROR_NOT_INITIALIZED, nss.hash_buf, 99999, 'x')
        self.assertNSPRError(error.SEC_ERROR_INVALID_ALGORITHM, nss.hash_buf, 0, 'x')
        self.assertNSPRError(error.SEC_ERROR_NO_MODULE, nss.hash_buf, nss.SEC_OID_SHA256, 'x')
        self.assertNSPRError(error.SEC_ERROR_NO_MODULE, nss.md5_digest, 'x')
        self.assertNSPRError(error.SEC_ERROR_NO_MODULE, nss.create_digest_context, nss.SEC_OID_SHA1)
        self.assertNSPRError(error.SEC_ERROR_NOT_INITIALIZED, nss.nss_shutdown)
        self.assertEqual(nss.oid_str(nss.SEC_OID_SHA1), 'SHA-1')     # built-in OIDs work, as in python-nss

    def test_no_cert_dir_with_a_module_database(self):
        # python-nss hands NSS a NULL directory, which crashes NSS_Initialize unless the module
        # database, the certificate database or the root lookup is off; an init context works
        here = set(os.listdir('.'))
        self.assertNSPRError(error.SEC_ERROR_INVALID_ARGS, nss.nss_initialize)
        self.assertFalse(nss.nss_is_initialized())
        ctx = nss.nss_init_context(flags=nss.NSS_INIT_READONLY)
        self.assertTrue(nss.nss_is_initialized())
        nss.nss_shutdown_context(ctx)
        self.assertFalse(nss.nss_is_initialized())
        self.assertEqual(set(os.listdir('.')), here)
        nss.nss_initialize(flags=nss.NSS_INIT_NOMODDB)
        self.assertTrue(nss.nss_is_initialized())
        nss.nss_shutdown()
        self.assertEqual(set(os.listdir('.')), here)

    def test_calls_after_shutdown_raise(self):
        nss.nss_init_nodb()
        nss.nss_shutdown()
        self.assertNSPRError(error.SEC_ERROR_NOT_INITIALIZED, nss.oid_str, 99999)
        self.assertNSPRError(error.SEC_ERROR_NO_MODULE, nss.sha1_digest, 'x')

    @unittest.skipUnless(HAVE_CERTUTIL, 'certutil (libnss3-tools) not installed')
    def test_database_init(self):
        d = make_db()
        try:
            nss.nss_init(d)
            self.assertTrue(nss.nss_is_initialized())
            self.assertEqual(nss.sha256_digest('abc'), hashlib.sha256('abc').digest())
            nss.nss_shutdown()
            nss.nss_init_read_write('sql:' + d)
            nss.nss_shutdown()
            nss.nss_initialize(d, flags=nss.NSS_INIT_READONLY)
            nss.nss_shutdown()
            c = nss.nss_init_context(d, init_params=nss.InitParameters(manufacturer_id='jnss'))
            nss.nss_shutdown_context(c)
            self.assertFalse(nss.nss_is_initialized())
        finally:
            shutil.rmtree(d)

    @needs_reference
    @unittest.skipUnless(HAVE_CERTUTIL, 'certutil (libnss3-tools) not installed')
    def test_database_init_against_reference(self):
        d = make_db()
        try:
            self.assertSame('''
import nss.nss as nss
d = %r
nss.nss_init(d)
out(nss.nss_is_initialized(), nss.sha1_digest(b'abc'))
nss.nss_shutdown()
nss.nss_init_read_write('sql:' + d)
nss.nss_shutdown()
nss.nss_initialize(d, '', '', 'secmod.db', nss.NSS_INIT_READONLY)
out(nss.nss_is_initialized())
nss.nss_shutdown()
''' % d)
        finally:
            shutil.rmtree(d)


class TestDigests(NssTestCase):
    # sizes around the chunk size of the bulk path (32 KiB), binary content
    DATA = ['', 'a', 'abc', '\x00\xff' * 100, 'x' * 100000, ''.join(chr(i % 251) for i in range(3 * 32768 + 5))]

    def test_against_hashlib(self):
        nss.nss_init_nodb()
        for data in self.DATA:
            for f, oid, ref in [(nss.md5_digest, nss.SEC_OID_MD5, hashlib.md5), (nss.sha1_digest, nss.SEC_OID_SHA1, hashlib.sha1),
                                (nss.sha256_digest, nss.SEC_OID_SHA256, hashlib.sha256),
                                (nss.sha512_digest, nss.SEC_OID_SHA512, hashlib.sha512)]:
                expect = ref(data).digest()
                self.assertEqual(f(data), expect)
                self.assertTrue(type(f(data)) is str)
                self.assertEqual(nss.hash_buf(oid, data), expect)
                ctx = nss.create_digest_context(oid)
                ctx.digest_begin()
                for i in range(0, len(data), 7777):
                    ctx.digest_op(data[i:i + 7777])
                self.assertEqual(ctx.digest_final(), expect)
        del ctx
        nss.nss_shutdown()

    def test_buffer_arguments(self):
        nss.nss_init_nodb()
        expect = hashlib.sha1('abc').digest()
        for data in ['abc', u'abc', bytearray('abc'), buffer('abc'), nss.SecItem('abc')]:
            self.assertEqual(nss.sha1_digest(data), expect, repr(data))
        nss.nss_shutdown()

    @needs_reference
    def test_contexts_against_reference(self):
        self.assertSame('''
import nss.nss as nss
nss.nss_init_nodb()
c = nss.create_digest_context(nss.SEC_OID_SHA1)
out(type(c).__name__, isinstance(c, nss.PK11Context), c.digest_final())
c.digest_begin()
c.digest_op(b'ab')
d = c.clone_context(c)
c.digest_op(b'c')
out(c.digest_final(), d.digest_final(), exc(c.digest_final))
c.digest_begin(); c.digest_op(b'abc'); c.finalize(); out(exc(c.digest_op, b'x'), exc(c.digest_final))
c.digest_begin(); c.digest_op(b'x'); c.digest_begin(); c.digest_op(b'abc'); out(c.digest_final())
out(exc(c.digest_op, b'a'), c.digest_begin(), c.finalize(), exc(c.digest_op, b'a'), c.digest_begin(), c.digest_op(b'a'))
out(exc(nss.create_digest_context, 12345), exc(nss.create_digest_context, nss.SEC_OID_AVA_COMMON_NAME))
out(exc(nss.hash_buf, nss.SEC_OID_AVA_COMMON_NAME, b'a'), exc(nss.hash_buf, 99999, b'a'))
try:
    nss.hash_buf(nss.SEC_OID_AVA_COMMON_NAME, b'a')
except Exception as e:
    out(str(e))
try:
    nss.hash_buf(99999, b'a')
except Exception as e:
    out(str(e))
out(exc(c.digest_op), exc(c.digest_op, data=b'a'), exc(c.clone_context, 5), exc(c.digest_begin, 1))
out(exc(nss.md5_digest), exc(nss.md5_digest, 1), exc(nss.md5_digest, None), exc(nss.hash_buf, 'x', b'a'))
out(nss.md5_digest(b'abc'), nss.sha1_digest(b''), nss.sha256_digest(b'abc'), nss.sha512_digest(b'abc'))
''')   # no nss_shutdown(): python-nss leaks a reference in one of the failures above (SEC_ERROR_BUSY)


@needs_reference
class TestSecItemComparisons(unittest.TestCase):
    """The cases where python-nss 1.0.1 reads past the shorter buffer are defined here (longer is greater)."""

    def test_prefix_and_no_data_rules(self):
        S = nss.SecItem
        self.assertTrue(S('\x01') == S('\x01\x02'))          # python-nss compares len(self) octets
        self.assertTrue(S('') == S('abc'))
        self.assertTrue(S('\x01\x02') > S('\x01'))            # past python-nss's defined cases
        self.assertTrue(S('\x02') > S('\x01\x00'))
        self.assertTrue(S() == S('') and S('') == S())
        self.assertTrue(S() < S('\x00') and S('\x00') > S() and S(None) == S())
        self.assertTrue(S('b') > S('a') and S('a') < S('b') and S('a') != S('b'))
        self.assertRaisesRegexp(TypeError, '^Bad type, must be SecItem$', lambda: S('a') == 'a')
        self.assertRaisesRegexp(TypeError, "^unhashable type: 'nss.nss.SecItem'$", hash, S('a'))


class TestDataHelpersAgainstReference(NssTestCase):
    def test_data_to_hex(self):
        self.assertSame('''
import nss.nss as nss
for args, kw in [((b'\\x01\\x02\\xff',), {}), ((b'\\x01\\x02\\xff', 2), {}), ((b'\\x01\\x02\\xff\\x04', 2, None), {}),
                 ((b'\\x01\\x02\\xff\\x04',), {'separator': '-'}), ((b'',), {}), ((b'', 2), {}), ((b'ab', -1), {}),
                 ((b'abcdefgh', 3, ' : '), {}), ((b'ab',), {'octets_per_line': 1, 'separator': ''}),
                 ((b'a', 'x'), {}), ((b'a', 1, 5), {}), ((1,), {}), ((), {}),
                 ((b'a', 1, ':', 4), {}), ((b'a',), {'data': b'a'}), ((b'a',), {'zzz': 1})]:
    out(args, kw, exc(nss.data_to_hex, *args, **kw))
out(nss.data_to_hex(nss.SecItem(b'ab')), nss.data_to_hex(nss.SecItem(b'ab'), 1))
''')

    def test_data_to_hex_sizes_and_separators(self):
        # every octet value, lengths around the line widths, separators of each kind the writer
        # treats apart (none, one ASCII char, several chars), one line and many
        self.assertSame('''
import nss.nss as nss
data = bytes(bytearray(range(256))) * 3
for n in (0, 1, 2, 15, 16, 17, 255, 256, 257, 768):
    for per in (0, 1, 7, 16, 300):
        for sep in (':', '', ' ', ', ', None):
            r = nss.data_to_hex(data[:n], per, sep)
            out(n, per, sep, r if n < 20 else (len(r), r[:2], r[-2:]) if per else (len(r), r[:12], r[-12:]))
out(str(nss.SecItem(data)) == nss.data_to_hex(data), str(nss.SecItem(data[:5])))
''')

    def test_read_hex(self):
        self.assertSame('''
import nss.nss as nss
for args, kw in [(('01:02:ff',), {}), (('0x01 0xff',), {}), (('01:2',), {}), (('0102zz',), {}), (('01-02', '-'), {}),
                 (('',), {}), (('1',), {}), (('ABCDEF',), {}), (('01::02',), {}), (('01, 23, 45, 67, 89, ab, cd, ef',), {}),
                 (('0x010x230x45',), {}), (('0x',), {}), (('01 02',), {'separators': ''}), (('01 02', None), {}),
                 (('0X0a',), {}), (('  01  ',), {}), ((12,), {}), ((), {}), (('01',), {'input': '01'}),
                 ((), {'input': '0a0b', 'separators': 'x'})]:
    out(args, kw, exc(nss.read_hex, *args, **kw))
try:
    nss.read_hex('01zz')
except ValueError as e:
    out(str(e))
''')

    def test_base64_to_binary(self):
        self.assertSame('''
import nss.nss as nss
try:
    nss.base64_to_binary('A')        # NSS sets no error for this failure: the thread's error is reported
except Exception as e:
    out(str(e))
for text in ['AQID', 'AQ==', 'AQ', 'AQI', '!!!', 'AQ!D', 'AQ ID', ' ', 'A', '=', 'AQ==AQ==', '',
             '-----BEGIN X-----\\nAQID\\n-----END X-----', 'junk\\n-----BEGIN X-----\\nAQID\\n-----END X-----\\njunk',
             '-----BEGIN X-----\\nAQID', '-----BEGIN X-----AQID-----END X-----', '-----BEGIN X-----\\rAQID-----END X-----',
             'AQID\\n-----END X-----', 'AQ\\r\\nID', u'AQID', u'\\xe9AQID', 'eHh4' * 40]:
    out(text)            # before the call: python-nss writes a NUL into the text at the PEM END line
    r = exc(nss.base64_to_binary, text)
    if isinstance(r, nss.SecItem):
        out(r.data, r.type, r.len)
    else:
        out(r)
out(exc(nss.base64_to_binary), exc(nss.base64_to_binary, 5), exc(nss.base64_to_binary, text='AQID').data)
''')


@needs_reference
class TestSecItemAgainstReference(NssTestCase):
    def test_construction_and_properties(self):
        self.assertSame('''
import nss.nss as nss
for args, kw in [((), {}), ((None,), {}), ((b'abc',), {}), ((b'abc', 3), {}), ((), {'data': b'a', 'type': 3}),
                 ((u'abc',), {}), (('AQID',), {'ascii': True}), (('AQID', 5, 1), {}),
                 (('-----BEGIN FOO-----\\nAQID\\n-----END FOO-----',), {'ascii': True}), (('!!!!',), {'ascii': True}),
                 ((None, 7), {}), ((b'abc', 'x'), {}), ((1,), {}), ((b'a', 0, False, 1), {}), ((), {'zzz': 1}),
                 (('',), {'ascii': True}), (('AQID',), {'ascii': 'x'})]:
    out(args, kw)        # before the call: python-nss writes a NUL into the text at the PEM END line
    r = exc(nss.SecItem, *args, **kw)
    if isinstance(r, nss.SecItem):
        out(r.data, r.len, r.type, len(r), str(r), bool(r))
    else:
        out(r)
''')

    def test_indexing_and_slicing(self):
        self.assertSame('''
import nss.nss as nss
s = nss.SecItem(b'\\x01\\x02\\x03\\x04\\x05')
for key in [0, 4, -1, -5, 5, -6, True, slice(1, None), slice(None, None, -1), slice(None, None, 2), slice(-2, None),
            slice(3, 1), slice(3, 1, -1), slice(-100, 100), slice(None, None, -2), slice(4, 0, -3), 'a', 1.0, None]:
    out(repr(key), exc(lambda: s[key]))
out(s[1:3], s[::-1], s[:], s[10:], list(s), b'\\x03' in s, b'\\x09' in s, [x for x in nss.SecItem()])
out(exc(lambda: s[::0]))
''')

    def test_comparisons(self):
        self.assertSame('''
import nss.nss as nss
S = nss.SecItem
items = [S(), S(b''), S(b'\\x00'), S(b'\\x01'), S(b'\\x02'), S(b'\\x01\\x00'), S(b'\\xff'), S(b'\\x01\\x02'), S(b'\\x01\\x02', 5)]
for a in items:
    # python-nss reads past the other buffer when it is shorter: only the defined cases
    out([(a == b, a != b, a < b, a <= b, a > b, a >= b) for b in items if len(a) <= len(b) or len(b) == 0 == len(a)])
for other in [b'\\x01', None, 1]:
    out(exc(lambda: S(b'\\x01') == other), exc(lambda: S(b'\\x01') != other), exc(lambda: S(b'\\x01') < other))
out(exc(hash, S(b'a')))
''')

    def test_formatting(self):
        self.assertSame('''
import nss.nss as nss
for data in [b'', b'\\x01\\x02\\x03', b'x' * 40, bytes(bytearray(range(256)))]:
    s = nss.SecItem(data)
    out(str(s), s.to_hex(), s.to_hex(2), s.to_hex(2, None), s.to_hex(octets_per_line=3, separator='-'), s.to_hex(-1))
    out(s.format_lines(), s.format_lines(2), s.format(), s.format(1), s.format(1, 2), s.format(indent_len=0))
    out(exc(s.to_base64), exc(s.to_base64, 0), exc(s.to_base64, 2), exc(s.to_base64, pem_type='FOO'),
        exc(s.to_base64, 0, 'FOO'), exc(s.to_base64, 10, 'X'), exc(s.to_base64, pem_type=''))
for data in [b'\\x04\\x02\\xab\\xcd', b'\\x04\\x05\\xab\\xcd', b'', b'\\x04', b'\\x04\\x02', b'\\x04\\x81\\x02\\xab\\xcd',
             b'\\x04\\x85\\x02\\xab\\xcd', b'\\x04\\x01\\xab\\x04\\x01\\xcd', b'\\x30\\x03\\x02\\x01\\x05', b'\\x1f\\x81\\x01\\x01\\x05']:
    s = nss.SecItem(data)
    out(data, exc(s.der_to_hex), exc(s.der_to_hex, 2), exc(s.der_to_hex, 0, ''), exc(s.der_to_hex, separator=None))
s = nss.SecItem(b'abc')
out(exc(s.to_base64, pem_type=None), exc(s.format, indent='--'), exc(s.format, 1, 'x'), exc(s.to_hex, zzz=1))
out(exc(s.format_lines, 1, 2), exc(s.get_integer, 1), exc(s.to_base64, 1, 2, 3))
''')

    def test_get_integer(self):
        self.assertSame('''
import nss.nss as nss
for data in [b'', b'\\x00', b'\\x05', b'\\x7f', b'\\x80', b'\\xff', b'\\x00\\xff', b'\\x02\\x01\\x05', b'\\x96\\x46',
             b'\\x80\\x00\\x00\\x00', b'\\x7f\\xff\\xff\\xff', b'\\x80\\x00\\x00\\x00\\x00', b'\\x01' + b'\\x00' * 20]:
    out(data, str(nss.SecItem(data).get_integer()))
''')

    def test_str_of_decoded_der(self):
        # SecItems from base64_to_binary are not plain data: str() decodes their DER
        self.assertSame('''
import nss.nss as nss, base64
for der in [b'\\x01\\x01\\xff', b'\\x01\\x01\\x00', b'\\x02\\x01\\x05', b'\\x02\\x02\\xff\\x00', b'\\x0a\\x01\\x03',
            b'\\x06\\x03\\x55\\x04\\x03', b'\\x06\\x03\\x2a\\x03\\x04', b'\\x05\\x00', b'\\x04\\x03abc',
            b'\\x0c\\x05hello', b'\\x13\\x03a"?', b'\\x16\\x04a\\x00\\x7f\\n', b'\\x1e\\x04\\x00h\\x00i',
            b'\\x1c\\x04\\x00\\x00\\x00A', b'\\x17\\x0d210102030405Z', b'\\x18\\x0f20210102030405Z',
            b'\\x17\\x03bad', b'\\x30\\x06\\x02\\x01\\x05\\x01\\x01\\xff', b'\\x31\\x03\\x02\\x01\\x07',
            b'\\x30\\x00', b'\\x10\\x01\\x05', b'\\x80\\x02\\xab\\xcd', b'\\xa0\\x03\\x02\\x01\\x05', b'\\x40\\x01\\x05',
            b'\\x02', b'\\x06', b'\\x01', b'\\x04', b'\\x1e\\x03abc', b'\\x1c\\x03abc', b'\\x13', b'\\x0c',
            b'\\x03\\x02\\x00\\xff', b'\\x14\\x02ok', b'\\x1a\\x02ok']:
    s = nss.base64_to_binary(base64.b64encode(der).decode('ascii'))
    r = exc(str, s)
    out(der, r)
''')

    def test_subclass(self):
        self.assertSame('''
import nss.nss as nss
class Sub(nss.SecItem):
    tag = 'sub'
    def extra(self):
        return 'extra'
    def __str__(self):
        return 'Sub(' + nss.SecItem.__str__(self) + ')'
x = Sub(b'ab')
x.attr = 5
out(x.extra(), str(x), x.data, x.attr, x.tag, isinstance(x, nss.SecItem), type(x).__name__, x == nss.SecItem(b'ab'))
out(x.to_hex(), len(x), x[0], issubclass(Sub, nss.SecItem))
''')


@needs_reference
class TestOidsAgainstReference(NssTestCase):
    ARGS = '''[4, 0, 1, -1, 99999, 'sha1', 'SHA1', 'sec_oid_sha1', 'SEC_OID_SHA1', 'sha256', u'sha512', 'cn', 'CN', 'e',
            'mail', 'dnQualifier', 'DNQUALIFIER', 'OID.2.5.4.3', 'oid.2.5.4.3', '2.5.4.3', '2.5.4.3  ', ' 2.5.4.3',
            '2.5.4.999', '1.2', '3.5', '9.1.2', '1', '2.5.4.3.', '.2.5', 'bogus', '', 'ava_common_name',
            'x520 common name', nss.SecItem(b'\\x55\\x04\\x03'), nss.SecItem(b'\\x06\\x03\\x55\\x04\\x03'),
            nss.SecItem(b'\\x2a\\x86\\x48\\x86\\xf7\\x0d\\x01\\x01\\x0b'), True, 1.5, None, 2 ** 40,
            nss.SEC_OID_PKCS1_RSA_ENCRYPTION, nss.SEC_OID_X509_KEY_USAGE, nss.SEC_OID_ANSIX962_EC_PRIME256V1,
            nss.SEC_OID_ANSIX962_ECDSA_SHA1_SIGNATURE, nss.SEC_OID_ANSIX962_EC_PRIME192V1, 301]'''

    def test_oid_functions(self):
        self.assertSame('''
import nss.nss as nss
nss.nss_init_nodb()
for a in %s:
    out(a if not isinstance(a, nss.SecItem) else a.data,
        [exc(getattr(nss, f), a) for f in ['oid_str', 'oid_tag', 'oid_tag_name', 'oid_dotted_decimal']])
for bad in ['bogus', '3.5', '2.5.4.999']:
    try:
        nss.oid_str(bad)
    except Exception as e:
        out(type(e).__name__, str(e))
out(exc(nss.oid_str), exc(nss.oid_str, 1, 2), exc(nss.oid_str, oid=1))
nss.nss_shutdown()
''' % self.ARGS)

    def test_oid_functions_before_init(self):
        # built-in OIDs work before nss_init in python-nss (dynamic ones crash it: see TestLifetimes)
        self.assertSame('''
import nss.nss as nss
for a in ['sha1', 4, 'cn', '2.5.4.3', nss.SecItem(b'\\x55\\x04\\x03'), 'bogus', 0]:
    out([exc(getattr(nss, f), a) for f in ['oid_str', 'oid_tag', 'oid_tag_name', 'oid_dotted_decimal']])
''')

    def test_every_tag(self):
        self.assertSame('''
import nss.nss as nss
nss.nss_init_nodb()
for tag in range(1, 360):
    out(tag, exc(nss.oid_str, tag), exc(nss.oid_tag_name, tag), exc(nss.oid_dotted_decimal, tag))
nss.nss_shutdown()
''')

    def test_every_tag_name(self):
        self.assertSame('''
import nss.nss as nss
nss.nss_init_nodb()
for name in sorted(n for n in dir(nss) if n.startswith('SEC_OID_')):
    out(name, exc(nss.oid_tag, name), exc(nss.oid_tag, name[8:].lower()), exc(nss.oid_tag_name, getattr(nss, name)))
nss.nss_shutdown()
''')

    def test_get_oid_sequence(self):
        self.assertSame('''
import nss.nss as nss
nss.nss_init_nodb()
eku = nss.SecItem(b'\\x30\\x14\\x06\\x08\\x2b\\x06\\x01\\x05\\x05\\x07\\x03\\x01\\x06\\x08\\x2b\\x06\\x01\\x05\\x05\\x07\\x03\\x02')
for kind in [None, nss.AsString, nss.AsDottedDecimal, nss.AsEnum, nss.AsEnumName, 99]:
    r = exc(eku.get_oid_sequence) if kind is None else exc(eku.get_oid_sequence, kind)
    out(kind, r)
objs = eku.get_oid_sequence(nss.AsObject)
out([(o.data, o.type, str(o)) for o in objs], eku.get_oid_sequence(repr_kind=nss.AsEnum))
out(exc(nss.SecItem().get_oid_sequence), exc(nss.SecItem(b'\\x04\\x01\\x00').get_oid_sequence),
    nss.SecItem(b'\\x30\\x00').get_oid_sequence(), exc(eku.get_oid_sequence, zzz=1))
del eku, objs
nss.nss_shutdown()
''')


if __name__ == '__main__':
    unittest.main()
