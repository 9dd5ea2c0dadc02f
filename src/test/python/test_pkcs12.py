"""PKCS#12: PKCS12Decoder / PKCS12DecodeItem on the files of
test-vectors/pkcs12 (scripts/make-pkcs12-vectors.sh), database_import() into a
fresh database with the nickname collision callback, pkcs12_export() and
re-decoding, wrong passwords, corrupted and truncated files, the cipher
functions. Differential checks compare with the reference python-nss; the
other checks hold without it. Runs in its own process (NSS is initialized and
shut down here)."""
import os
import sys
import shutil
import subprocess
import tempfile
import threading
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss
import nss.error as nss_error
from nss.error import NSPRError

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DB = 'sql:' + os.path.join(TOP, 'test-vectors', 'db')
P12 = os.path.join(TOP, 'test-vectors', 'pkcs12')
PASSWORDS = {}
for _line in open(os.path.join(P12, 'passwords.txt')).read().decode('utf-8').splitlines():
    _f, _pw = _line.split(' ', 1)
    PASSWORDS[_f] = _pw
FILES = ['server.p12', 'legacy.p12', 'ec.p12', 'unicode.p12', 'collide.p12']

PRELUDE = r'''
import os, sys, subprocess, tempfile, shutil
import nss.nss as nss
import nss.error as nss_error
P12 = %r
PASSWORDS = %r
if not nss.nss_is_initialized():
    nss.nss_init(%r)
nss.pkcs12_enable_all_ciphers()
def path(f):
    return os.path.join(P12, f)
def err(f, *a, **k):
    try:
        f(*a, **k)
        return 'no error'
    except Exception as e:
        return '%%s %%s %%s' %% (type(e).__name__, getattr(e, 'error_code', ''), getattr(e, 'error_message', ''))
''' % (P12, PASSWORDS, DB)


def setUpModule():
    nss.nss_init(DB)
    nss.pkcs12_enable_all_ciphers()


def tearDownModule():
    if nss.nss_is_initialized():
        nss.nss_shutdown()


def ensure_vector_db():
    if not nss.nss_is_initialized():
        nss.nss_init(DB)
    nss.pkcs12_enable_all_ciphers()


@needs_reference
class TestDecodeDiff(DiffTestCase):
    def setUp(self):
        ensure_vector_db()

    def test_str_and_format(self):
        self.assertSame(PRELUDE + r'''
for f in %r:
    d = nss.PKCS12Decoder(path(f), PASSWORDS[f])
    out('=====', f, len(d))
    for l in str(d).split('\n'):
        out(l)
    out(d.format_lines())
    out(d.format_lines(level=2))
    out(d.format(1, 2))
    out(d.format(indent_len=1))
''' % FILES)

    def test_items(self):
        self.assertSame(PRELUDE + r'''
for f in %r:
    d = nss.PKCS12Decoder(path(f), PASSWORDS[f])
    out('=====', f)
    for i in range(len(d)):
        it = d[i]
        out(i, it.type, nss.oid_tag_name(it.type), it.has_key, it.friendly_name)
        out(it.shroud_algorithm_id is None, it.certificate is None, it.signed_cert_der is None)
        if it.shroud_algorithm_id is not None:
            out(str(it.shroud_algorithm_id))
            out(it.shroud_algorithm_id.format_lines(1))
            out(it.shroud_algorithm_id.id_tag, it.shroud_algorithm_id.parameters.data)
        if it.signed_cert_der is not None:
            out(it.signed_cert_der.data, it.signed_cert_der.type)
        if it.certificate is not None:
            out(str(it.certificate.subject), it.certificate.serial_number, it.certificate.der_data == it.signed_cert_der.data)
        out(str(it))
        out(it.format_lines(3))
        out(it.format(level=1, indent_len=3))
    out([it.type for it in d], [x.has_key for x in list(d)])
    out(d[-1].type == d[len(d) - 1].type, d[-len(d)].type == d[0].type)
    out(err(lambda: d[len(d)]), err(lambda: d[-len(d) - 1]), err(lambda: d['a']))
''' % FILES)

    def test_file_object_and_keywords(self):
        self.assertSame(PRELUDE + r'''
f = open(path('legacy.p12'), 'rb')
d = nss.PKCS12Decoder(f, PASSWORDS['legacy.p12'])
f.close()
out(len(d), [it.type for it in d])
d = nss.PKCS12Decoder(password=PASSWORDS['ec.p12'], file=path('ec.p12'))
out(len(d), [it.friendly_name for it in d])
out(err(nss.PKCS12Decoder, path('ec.p12')))
out(err(nss.PKCS12Decoder, path('ec.p12'), 1))
out(err(nss.PKCS12Decoder, 1, 'x'))
out(err(nss.PKCS12Decoder, path('ec.p12'), 'x', 1))
out(err(nss.PKCS12Decoder(path('ec.p12'), PASSWORDS['ec.p12']).database_import, 1))
out(nss.PKCS12DecodeItem(1).type, str(nss.PKCS12DecodeItem(1)), nss.PKCS12DecodeItem(1).format_lines())
out(err(setattr, nss.PKCS12DecodeItem(1), 'type', 3))
''')

    def test_wrong_password(self):
        self.assertSame(PRELUDE + r'''
for f in %r:
    for pw in ['wrong', PASSWORDS[f].upper()]:
        out(f, err(nss.PKCS12Decoder, path(f), pw))
        try:
            nss.PKCS12Decoder(path(f), pw)
        except nss_error.NSPRError as e:
            out(e.errno, e.strerror, str(e))
''' % ['legacy.p12', 'ec.p12', 'unicode.p12'])

    def test_corrupted_and_truncated(self):
        # the reference does not crash on any of these: compare the errors
        self.assertSame(PRELUDE + r'''
for f in ['server.p12', 'legacy.p12']:
    data = open(path(f), 'rb').read()
    cases = []
    for n in [0, 1, 2, 10, 50, 100, 500, len(data) // 2, len(data) - 40, len(data) - 1]:
        cases.append(('trunc%d' % n, data[:n]))
    for i in range(0, len(data), len(data) // 12):
        b = bytearray(data)
        b[i] ^= 0x5a
        cases.append(('flip%d' % i, bytes(b)))
    cases.append(('trailing', data + b'\x00' * 10))
    cases.append(('garbage', b'hello world' * 20))
    fd, tmp = tempfile.mkstemp()
    os.close(fd)
    for name, c in cases:
        with open(tmp, 'wb') as o:
            o.write(c)
        out(f, name, err(nss.PKCS12Decoder, tmp, PASSWORDS[f]))
    os.unlink(tmp)
''')


@needs_reference
def have_openssl():
    return any(os.path.exists(os.path.join(d, 'openssl')) for d in os.environ.get('PATH', '').split(os.pathsep))


@needs_reference
@unittest.skipUnless(have_openssl(), 'openssl is not installed')
class TestOpensslFileDiff(DiffTestCase):
    """A file openssl wrote: its PBKDF2 parameters have no key length, which python-nss's
    template requires (so it shows none of them)."""

    def setUp(self):
        ensure_vector_db()
        self.tmp = tempfile.mkdtemp(prefix='p12-openssl-')

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_pbkdf2_without_key_length(self):
        pem, p12 = os.path.join(self.tmp, 'server.pem'), os.path.join(self.tmp, 'server.p12')
        pw = 'pass:' + PASSWORDS['server.p12']
        subprocess.check_call(['openssl', 'pkcs12', '-in', os.path.join(P12, 'server.p12'), '-nodes',
                               '-passin', pw, '-out', pem])
        with open(os.devnull, 'w') as quiet:      # openssl reports each certificate that is not the key's
            subprocess.check_call(['openssl', 'pkcs12', '-export', '-in', pem, '-name', 'server', '-iter', '16',
                                   '-passout', pw, '-out', p12], stderr=quiet)
        self.assertSame(PRELUDE + r'''
d = nss.PKCS12Decoder(%r, PASSWORDS['server.p12'])
for l in str(d).split('\n'):
    out(l)
for item in d:
    if item.shroud_algorithm_id is not None:
        out(item.shroud_algorithm_id.format_lines())
''' % p12)


class TestCipherDiff(DiffTestCase):
    def setUp(self):
        ensure_vector_db()

    def test_cipher_functions(self):
        self.assertSame(PRELUDE + r'''
for c in [nss.PKCS12_RC2_CBC_40, nss.PKCS12_RC2_CBC_128, nss.PKCS12_RC4_40, nss.PKCS12_RC4_128,
          nss.PKCS12_DES_56, nss.PKCS12_DES_EDE3_168, 0, 1, -1, 2**40]:
    try:
        out(c, nss.pkcs12_cipher_name(c))
    except KeyError as e:
        out(c, 'KeyError', e.args)
for c in [nss.PKCS12_RC2_CBC_40, nss.PKCS12_DES_EDE3_168, nss.PKCS12_RC4_128]:
    out(nss.pkcs12_enable_cipher(c, False), nss.pkcs12_enable_cipher(c, 1), nss.pkcs12_enable_cipher(c, True))
    out(nss.pkcs12_set_preferred_cipher(c, True), nss.pkcs12_set_preferred_cipher(c, False))
out(nss.pkcs12_set_preferred_cipher(12345, True), nss.pkcs12_enable_all_ciphers())
out(err(nss.pkcs12_enable_cipher, nss.PKCS12_RC4_40), err(nss.pkcs12_enable_all_ciphers, 1))
for t in [nss.SEC_OID_DES_EDE3_CBC, nss.SEC_OID_RC2_CBC, nss.SEC_OID_RC4, nss.SEC_OID_AES_128_CBC,
          nss.SEC_OID_AES_192_CBC, nss.SEC_OID_AES_256_CBC, nss.SEC_OID_DES_CBC, nss.SEC_OID_CAMELLIA_256_CBC,
          nss.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_40_BIT_RC2_CBC, nss.SEC_OID_PKCS5_PBES2,
          nss.SEC_OID_SHA256, nss.SEC_OID_HMAC_SHA256, nss.SEC_OID_PKCS1_RSA_ENCRYPTION]:
    out(nss.oid_tag_name(t), [nss.pkcs12_map_cipher(t, k) for k in (0, 5, 40, 64, 128, 192, 256)])
out(nss.pkcs12_map_cipher('des_ede3_cbc'), nss.pkcs12_map_cipher(cipher='SEC_OID_RC2_CBC', key_length=128))
out(err(nss.pkcs12_map_cipher, 'bogus'), err(nss.pkcs12_map_cipher, 1.5))
out(err(nss.pkcs12_set_nickname_collision_callback, None), err(nss.pkcs12_set_nickname_collision_callback))
''')


@needs_reference
class TestExportDiff(DiffTestCase):
    def setUp(self):
        ensure_vector_db()

    def test_export_and_decode(self):
        # salts differ from run to run: compare what the decoder reads back
        self.assertSame(PRELUDE + r'''
fd, tmp = tempfile.mkstemp()
os.close(fd)
for nick, kw in [('server', {}), ('client', {'pin_args': ('a', 1)}),
                 ('ec', {'key_cipher': nss.pkcs12_map_cipher(nss.SEC_OID_AES_256_CBC),
                         'cert_cipher': nss.SEC_OID_UNKNOWN}),
                 ('dsa', {'key_cipher': nss.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_128_BIT_RC4,
                          'cert_cipher': nss.pkcs12_map_cipher(nss.SEC_OID_AES_128_CBC)})]:
    data = nss.pkcs12_export(nick, 'export pw', **kw)
    out(nick, type(data).__name__ in ('str', 'bytes'), len(data) > 1000, data[:2])
    with open(tmp, 'wb') as o:
        o.write(data)
    d = nss.PKCS12Decoder(tmp, 'export pw')
    out(len(d), [(it.type, it.has_key, it.friendly_name) for it in d])
    out([str(it.certificate.subject) for it in d if it.certificate is not None])
    out([nss.oid_tag_name(it.shroud_algorithm_id.id_tag) for it in d if it.shroud_algorithm_id is not None])
    out(err(nss.PKCS12Decoder, tmp, 'other pw'))
os.unlink(tmp)
out(err(nss.pkcs12_export, 'nosuch', 'pw'))
out(err(nss.pkcs12_export, 'server', 'pw', pin_args=1))
out(err(nss.pkcs12_export, 'server', 'pw', cert_cipher=12345))
out(err(nss.pkcs12_export, 'server', 'pw', key_cipher=12345))
out(err(nss.pkcs12_export, 'server'))
''')


IMPORT = r'''
tmp = tempfile.mkdtemp()
subprocess.check_call(['certutil', '-N', '-d', 'sql:' + tmp, '--empty-password'])
if nss.nss_is_initialized():
    nss.nss_shutdown()
nss.nss_init_read_write('sql:' + tmp)
def nicknames():
    text = subprocess.check_output(['certutil', '-L', '-d', 'sql:' + tmp]).decode('utf-8')
    return sorted(l.rsplit(None, 1)[0] for l in text.splitlines()[4:] if l.strip())
def keys():
    p = subprocess.Popen(['certutil', '-K', '-d', 'sql:' + tmp], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    o, e = p.communicate()
    return len([l for l in o.decode('utf-8').splitlines() if l.startswith('<')])
calls = []
def collision(old, cert):
    calls.append((old, str(cert.subject), cert.make_ca_nickname()))
    return 'renamed-client', False
'''


def in_new_thread(f, *args):
    """Runs f(*args) on a new thread; its exception is raised here."""
    failure = []

    def run():
        try:
            f(*args)
        except BaseException:
            failure.append(sys.exc_info())
    t = threading.Thread(target=run)
    t.start()
    t.join()
    if failure:
        raise failure[0][0], failure[0][1], failure[0][2]


@needs_reference
class TestImportDiff(DiffTestCase):
    def tearDown(self):
        # our side of the snippet left NSS on its fresh database. A callback's exception
        # was printed as PyErr_Print does, which keeps it (and its frames, and the
        # certificate the callback got) in sys.last_traceback: drop it first.
        sys.last_type = sys.last_value = sys.last_traceback = None
        sys.exc_clear()
        if nss.nss_is_initialized():
            nss.nss_shutdown()
        ensure_vector_db()

    def test_import_with_collision_callback(self):
        self.assertSame(PRELUDE + IMPORT + r'''
nss.pkcs12_set_nickname_collision_callback(collision)
out(nicknames(), keys())
d = nss.PKCS12Decoder(path('server.p12'), PASSWORDS['server.p12'])
out(d.database_import(), nicknames(), keys(), calls)
d = nss.PKCS12Decoder(path('collide.p12'), PASSWORDS['collide.p12'])
out(d.database_import(), nicknames(), keys(), calls)
out(str(nss.find_cert_from_nickname('renamed-client').subject))
d = nss.PKCS12Decoder(path('unicode.p12'), PASSWORDS['unicode.p12'])
out(d.database_import(), nicknames(), keys())
out(err(d.database_import), nicknames(), calls)
del d
shutil.rmtree(tmp)
''')

    def test_import_default_collision(self):
        # without a callback python-nss resolves collisions with CERT_MakeCANickname. The
        # callback is per thread (as python-nss keeps it) and other tests set one in this
        # thread: run ours on a thread that has none.
        in_new_thread(self.assertSame, PRELUDE + IMPORT + r'''
d = nss.PKCS12Decoder(path('server.p12'), PASSWORDS['server.p12'])
out(d.database_import(), nicknames())
d = nss.PKCS12Decoder(path('collide.p12'), PASSWORDS['collide.p12'])
out(err(d.database_import), nicknames(), keys())
del d
shutil.rmtree(tmp)
''')

    def test_callback_errors(self):
        # a callback that fails or returns something else cancels the rename
        self.assertSame(PRELUDE + IMPORT + r'''
d = nss.PKCS12Decoder(path('server.p12'), PASSWORDS['server.p12'])
out(d.database_import(), nicknames())
def boom(old, cert):
    raise RuntimeError('boom')
for cb in [boom, lambda old, cert: 'x', lambda old, cert: (1, False), lambda old, cert: ('x', 1),
           lambda old, cert: (None, True), lambda old, cert: (u'renamed-\xe9', False)]:
    nss.pkcs12_set_nickname_collision_callback(cb)
    d = nss.PKCS12Decoder(path('collide.p12'), PASSWORDS['collide.p12'])
    out(err(d.database_import), nicknames())
del d
shutil.rmtree(tmp)
''')


@needs_reference
class TestShutdownDiff(DiffTestCase):
    """A decoder given a slot keeps NSS busy while referenced, as in python-nss.
    (Without a slot python-nss leaks the internal key slot: its shutdown then
    always fails; see README.)"""
    def setUp(self):
        ensure_vector_db()

    def tearDown(self):
        ensure_vector_db()

    def test_busy_while_referenced(self):
        self.assertSame(PRELUDE + r'''
slot = nss.get_internal_key_slot()
d = nss.PKCS12Decoder(path('ec.p12'), PASSWORDS['ec.p12'], slot)
out(len(d), [it.type for it in d])
out(err(nss.nss_shutdown))
''')

    def test_shutdown_after_release(self):
        self.assertSame(PRELUDE + r'''
slot = nss.get_internal_key_slot()
d = nss.PKCS12Decoder(path('ec.p12'), PASSWORDS['ec.p12'], slot)
out(len(d), str(d[0].certificate.subject))
del d, slot
out(err(nss.nss_shutdown), nss.nss_is_initialized())
''')


class TestPKCS12(unittest.TestCase):
    """Checks that hold without the reference."""

    def setUp(self):
        ensure_vector_db()

    def decoder(self, f):
        return nss.PKCS12Decoder(os.path.join(P12, f), PASSWORDS[f])

    def test_server_bags(self):
        d = self.decoder('server.p12')
        self.assertEqual(len(d), 3)
        types = [it.type for it in d]
        self.assertEqual(types.count(nss.SEC_OID_PKCS12_V1_CERT_BAG_ID), 2)
        self.assertEqual(types.count(nss.SEC_OID_PKCS12_V1_PKCS8_SHROUDED_KEY_BAG_ID), 1)
        for it in d:
            self.assertIsInstance(it.friendly_name, unicode)
            if it.type == nss.SEC_OID_PKCS12_V1_CERT_BAG_ID:
                self.assertIsNone(it.shroud_algorithm_id)
                self.assertIsInstance(it.certificate, nss.Certificate)
                self.assertEqual(it.certificate.der_data, it.signed_cert_der.data)
            else:
                self.assertIsInstance(it.shroud_algorithm_id, nss.AlgorithmID)
                self.assertEqual(it.shroud_algorithm_id.id_tag, nss.SEC_OID_PKCS5_PBES2)
                self.assertIsNone(it.certificate)
                self.assertIsNone(it.signed_cert_der)
        self.assertEqual(sorted(it.has_key for it in d), [False, False, True])
        self.assertTrue(str(d).startswith('3 PKCS12 Decode Items:\nItem 1:\n'))
        self.assertTrue('KDF Algorithm:' in str(d))
        self.assertEqual(d.format_lines()[0], (0, '3 PKCS12 Decode Items:'))
        self.assertRaises(IndexError, lambda: d[3])
        self.assertEqual(d[-1].type, d[2].type)

    def test_unicode_password_and_name(self):
        d = self.decoder('unicode.p12')
        names = set(it.friendly_name for it in d)
        self.assertTrue(u'dsa-s\xe9rv\xe9r\x00' in names, names)
        # the password as UTF-8 bytes works as well as unicode
        d = nss.PKCS12Decoder(os.path.join(P12, 'unicode.p12'), PASSWORDS['unicode.p12'].encode('utf-8'))
        self.assertEqual(len(d), 3)

    def test_argument_errors(self):
        # CPython 2's messages for python-nss's "es" arguments
        f = os.path.join(P12, 'ec.p12')
        self.assertRaisesRegexp(TypeError, r'^PKCS12Decoder\(\) argument 2 must be string or unicode or text buffer, not int$',
                                nss.PKCS12Decoder, f, 1)
        self.assertRaisesRegexp(TypeError, r'^PKCS12Decoder\(\) argument 2 must be string or unicode or text buffer, not None$',
                                nss.PKCS12Decoder, f, None)
        self.assertRaisesRegexp(TypeError, r'^must be nss.nss.PK11Slot or None, not int$', nss.PKCS12Decoder, f, 'x', 1)
        self.assertRaisesRegexp(TypeError, r'^Bad file, must be pathname or file like object with read\(\) method$',
                                nss.PKCS12Decoder, 1, 'x')
        self.assertRaisesRegexp(TypeError, r'^pkcs12_export\(\) argument 1 must be string or unicode or text buffer, not int$',
                                nss.pkcs12_export, 1, 'pw')
        self.assertRaisesRegexp(TypeError, r'^callback must be callable$', nss.pkcs12_set_nickname_collision_callback, 1)
        # the password is read as a C string (up to a NUL)
        self.assertEqual(len(nss.PKCS12Decoder(f, PASSWORDS['ec.p12'] + '\x00junk')), 3)

    def test_wrong_password(self):
        try:
            self.decoder('legacy.p12')
            nss.PKCS12Decoder(os.path.join(P12, 'legacy.p12'), 'wrong')
        except NSPRError as e:
            self.assertEqual(e.errno, nss_error.SEC_ERROR_BAD_PASSWORD)
            self.assertTrue(str(e).startswith('PKCS12 decode not verified: (SEC_ERROR_BAD_PASSWORD)'), str(e))
        else:
            self.fail('no error for a wrong password')

    def test_truncations_raise(self):
        data = open(os.path.join(P12, 'ec.p12'), 'rb').read()
        fd, tmp = tempfile.mkstemp()
        os.close(fd)
        try:
            for n in range(0, len(data), 37):
                with open(tmp, 'wb') as o:
                    o.write(data[:n])
                self.assertRaises(NSPRError, nss.PKCS12Decoder, tmp, PASSWORDS['ec.p12'])
        finally:
            os.unlink(tmp)

    def test_cipher_names(self):
        for name in ['PKCS12_RC2_CBC_40', 'PKCS12_RC2_CBC_128', 'PKCS12_RC4_40', 'PKCS12_RC4_128',
                     'PKCS12_DES_56', 'PKCS12_DES_EDE3_168']:
            value = getattr(nss, name)
            self.assertEqual(nss.pkcs12_cipher_name(value), name)
            self.assertEqual(nss.pkcs12_cipher_from_name(name), value)
            self.assertEqual(nss.pkcs12_cipher_from_name(name[len('PKCS12_'):].lower()), value)
        self.assertRaisesRegexp(KeyError, 'PKCS12 cipher name not found: bogus', nss.pkcs12_cipher_from_name, 'bogus')
        self.assertRaisesRegexp(KeyError, 'PKCS12 cipher name not found: 7', nss.pkcs12_cipher_name, 7)
        self.assertEqual(nss.pkcs12_map_cipher(nss.SEC_OID_DES_EDE3_CBC),
                         nss.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC)
        self.assertEqual(nss.pkcs12_map_cipher(nss.SEC_OID_AES_256_CBC), nss.SEC_OID_AES_256_CBC)
        # a tag NSS does not know maps to SEC_OID_UNKNOWN, as in python-nss (initialised)
        self.assertEqual(nss.pkcs12_map_cipher(99999), 0)
        # and on a cipher it has no name for
        self.assertRaises(NSPRError, nss.pkcs12_enable_cipher, 12345, True)

    def test_export_round_trip(self):
        data = nss.pkcs12_export('client', 'round trip')
        fd, tmp = tempfile.mkstemp()
        os.close(fd)
        try:
            with open(tmp, 'wb') as o:
                o.write(data)
            d = nss.PKCS12Decoder(tmp, 'round trip')
            subjects = [str(it.certificate.subject) for it in d if it.certificate is not None]
            self.assertTrue(any('CN=jnss Test Client' in s for s in subjects), subjects)
            self.assertEqual(len([it for it in d if it.has_key]), 1)
        finally:
            os.unlink(tmp)
        self.assertRaises(ValueError, nss.pkcs12_export, 'nosuch', 'pw')
        self.assertRaises(IOError, nss.PKCS12Decoder, '/nonexistent/file.p12', 'pw')
        self.assertRaisesRegexp(TypeError, 'must be tuple or None, not int', nss.pkcs12_export, 'client', 'pw', pin_args=1)

    def test_shutdown(self):
        # a decoder (its context holds a slot) and its certificates keep NSS busy while referenced
        d = self.decoder('ec.p12')
        certs = [it.certificate for it in d]
        try:
            nss.nss_shutdown()
        except NSPRError as e:
            self.assertEqual(e.errno, nss_error.SEC_ERROR_BUSY)
        else:
            self.fail('shutdown succeeded with a decoder in use')
        self.assertTrue(nss.nss_is_initialized())
        del d, certs
        nss.nss_shutdown()
        self.assertFalse(nss.nss_is_initialized())
        nss.nss_init(DB)
        self.assertEqual(len(self.decoder('ec.p12')), 3)


if __name__ == '__main__':
    unittest.main()
