"""Answers pynss keeps after the first time, and calls with a shorter path than the
general one, asked over and over (and across NSS restarts): they must read as the
reference's every time. Compared with the reference python-nss.

- OIDs named by dotted text (oid_tag, oid_str, AVA types): tag kept per NSS session;
- a tag's description (oid_str(tag)): kept per NSS session;
- an AVA's rendering (str, repr, value_str; an RDN's str is made of them);
- a certificate's extensions (new objects each call, made from the first read);
- cipher suite information (a new object each call, as python-nss makes);
- SecItem(data): the data copied once, read in place (against the reference for str only:
  python-nss under Python 3 refuses the other buffers this binding takes, checked on their own);
- read_der_from_file(path): a regular file read without Python's open().
"""
import os
import shutil
import tempfile
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
CERTS = os.path.join(TOP, 'test-vectors', 'certs')

INIT = r'''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
'''


def tearDownModule():
    if nss.nss_is_initialized():
        nss.nss_shutdown()


@needs_reference
class OidsByDottedText(DiffTestCase):
    def test_repeated_and_across_restarts(self):
        self.assertSame(INIT + r'''
texts = ['2.5.4.3', 'OID.2.5.4.3', 'oid.2.5.4.6', '2.16.840.1.101.3.4.2.1', '1.2.840.113549.1.1.11',
         '1.2.3.4.5.6.7', '2.999.1', '0.0', '2.5.4.3.', 'OID.', '1..2', '1.2.a', '99999999999999999999999.1',
         '2.5.29.17', '1.3.6.1.5.5.7.3.1']
for rnd in range(3):
    for t in texts:
        out(rnd, t, exc(nss.oid_tag, t), exc(nss.oid_str, t), exc(nss.oid_dotted_decimal, t),
            exc(lambda: str(nss.AVA(t, 'x'))))
    nss.nss_shutdown()
    nss.nss_init_nodb()
''')


@needs_reference
class OidDescriptionsByTag(DiffTestCase):
    def test_every_tag_asked_again_and_across_restarts(self):
        self.assertSame(INIT + r'''
for rnd in range(2):
    out([exc(nss.oid_str, tag) for tag in list(range(-2, 420)) + [0x7fffffff, 2 ** 32 + 5]])
    out([exc(nss.oid_tag_name, tag) for tag in range(0, 420, 7)])
    nss.nss_shutdown()
    nss.nss_init_nodb()
''')


class OidDescriptionsAfterShutdown(unittest.TestCase):
    def test_between_shutdown_and_restart(self):
        # python-nss crashes on oid_str() after nss_shutdown(); here a built-in tag still has its
        # description and any other tag raises SEC_ERROR_NOT_INITIALIZED, as before NSS starts
        from nss.error import NSPRError
        import nss.error as nss_error
        if not nss.nss_is_initialized():
            nss.nss_init_nodb()
        first = [nss.oid_str(5), nss.oid_str(nss.SEC_OID_SHA256)]
        nss.nss_shutdown()
        try:
            self.assertEqual([nss.oid_str(5), nss.oid_str(nss.SEC_OID_SHA256)], first)
            with self.assertRaises(NSPRError) as e:
                nss.oid_str(1000)
            self.assertEqual(e.exception.errno, nss_error.SEC_ERROR_NOT_INITIALIZED)
        finally:
            nss.nss_init_nodb()
        self.assertEqual([nss.oid_str(5), nss.oid_str(nss.SEC_OID_SHA256)], first)
        with self.assertRaises(NSPRError) as e:
            nss.oid_str(1000)
        self.assertEqual(e.exception.errno, nss_error.SEC_ERROR_UNRECOGNIZED_OID)


@needs_reference
class AvaRenderings(DiffTestCase):
    def test_names_of_every_vector_rendered_again_and_again(self):
        self.assertSame(INIT + r'''
import glob, os
for path in sorted(glob.glob(os.path.join(%r, '*.der'))):
    with open(path, 'rb') as f:
        cert = nss.Certificate(f.read())
    for dn in (cert.subject, cert.issuer):
        rdns = list(dn)
        for rnd in range(2):
            for rdn in rdns:
                avas = list(rdn)
                out(str(rdn), repr(rdn), [(str(a), repr(a), a.value_str, a.oid_tag) for a in avas])
        out([[x == y, x < y] for x in rdns for y in rdns])
        out(str(dn), dn.common_name, dn.country_name, dn.org_name, dn.org_unit_name)
''' % CERTS)

    def test_made_avas_and_rdns(self):
        self.assertSame(INIT + r'''
made = [nss.AVA('cn', 'x'), nss.AVA('cn', 'X'), nss.AVA('c', 'US'), nss.AVA('ou', 'a,b'), nss.AVA('o', ' q "r" '),
        nss.AVA(nss.SEC_OID_AVA_COMMON_NAME, u'\u00e9t\u00e9'), nss.AVA('2.5.4.3', '#01'), nss.AVA('dc', 'com')]
for rnd in range(2):
    out([(str(a), repr(a), a.value_str) for a in made])
    out([[cmp(a, b) if hasattr(__builtins__, 'cmp') else (a > b) - (a < b) for b in made] for a in made])
rdn = nss.RDN(made[0], made[2], made[3])
dn = nss.DN([rdn, nss.RDN(made[4])])
for rnd in range(2):
    out(str(rdn), repr(rdn), str(dn), rdn[0] == made[0], str(nss.RDN()), str(nss.DN('CN=a+OU=b,O=c')))
dn.add_rdn(nss.RDN(made[7]))
out(str(dn), dn.dc_name, dn.common_name)
''')


@needs_reference
class CertificateExtensions(DiffTestCase):
    def test_read_again_from_every_vector(self):
        self.assertSame(INIT + r'''
import glob, os
tags = [nss.SEC_OID_X509_SUBJECT_ALT_NAME, nss.SEC_OID_X509_BASIC_CONSTRAINTS, nss.SEC_OID_X509_KEY_USAGE,
        nss.SEC_OID_X509_EXT_KEY_USAGE, nss.SEC_OID_X509_AUTH_KEY_ID, nss.SEC_OID_X509_SUBJECT_KEY_ID,
        'basic_constraints', '2.5.29.17', nss.SEC_OID_X509_NAME_CONSTRAINTS, nss.SEC_OID_SHA256]
for path in sorted(glob.glob(os.path.join(%r, '*.der'))):
    with open(path, 'rb') as f:
        cert = nss.Certificate(f.read())
    for rnd in range(2):
        exts = cert.extensions
        out(os.path.basename(path), len(exts), [(e.name, e.critical, e.oid_tag, str(e.oid), e.value.data) for e in exts])
        found = [exc(cert.get_extension, t) for t in tags]
        out([f if isinstance(f, str) else (f.name, f.oid_tag, f.critical, f.value.data) for f in found])
        if exts:
            out(cert.extensions[0] is cert.extensions[0], exts[0] is exts[0],
                cert.get_extension(exts[0].oid_tag) is cert.get_extension(exts[0].oid_tag) if exts[0].oid_tag else None)
    out(str(cert))
''' % CERTS)


@needs_reference
class CipherSuiteInfo(DiffTestCase):
    def test_asked_again_is_a_new_equal_object(self):
        self.assertSame(r'''
import nss.ssl as ssl
for rnd in range(2):
    for suite in list(ssl.ssl_implemented_ciphers)[:12] + [0x10000 + 0x1301, 0xffff, -1]:
        a, b = exc(ssl.get_cipher_suite_info, suite), exc(ssl.get_cipher_suite_info, suite)
        if isinstance(a, str):
            out(suite, a, b)
        else:
            out(suite, a is b, str(a) == str(b), a.cipher_suite, a.cipher_suite_name, a.symmetric_key_bits,
                a.mac_algorithm_name, a.is_fips)
''')


@needs_reference
class SecItemData(DiffTestCase):
    def test_every_kind_and_size_of_data(self):
        self.assertSame(INIT + r'''
def show(*a):
    r = exc(nss.SecItem, *a)
    if isinstance(r, str):
        out(r)
    else:
        d = r.data
        out(r.type, len(r), len(d), d[:8], d[-8:], str(r)[:40], r == nss.SecItem(d))
for n in [0, 1, 15, 16, 4095, 4096, 65536, 100007]:
    data = bytes(bytearray((i * 7 + n) & 0xff for i in range(n)))
    show(data)
    show(data, 3)
show()
show(None)
show(b'YWJj', 0, 1)
show(b'-----BEGIN X-----\nYWJj\n-----END X-----\n', 0, True)
show(b'a\x00b')
show(5)
base = b'\x00\xff' * 5000
item = nss.SecItem(base)
out(item.data == base, len(item), item[0], item[-1], item[1:3])
''')


class SecItemOtherBuffers(unittest.TestCase):
    def test_buffers_give_their_octets_once_copied(self):
        import array
        data = b''.join(chr(i) for i in range(256)) * 300
        for arg in (bytearray(data), array.array('B', bytearray(data)), nss.SecItem(data), buffer(data),
                    memoryview(data)):
            item = nss.SecItem(arg)
            self.assertEqual(item.data, data, type(arg).__name__)
            self.assertEqual(len(item), len(data))
        source = bytearray(b'abc')
        item = nss.SecItem(source)
        source[0] = ord('z')                    # the item holds its own copy
        self.assertEqual(item.data, b'abc')
        self.assertEqual(nss.SecItem(u'\u00e9').data, b'\xc3\xa9')     # unicode: its UTF-8


@needs_reference
class ReadDerFromFile(DiffTestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        os.mkdir(os.path.join(self.dir, 'sub'))
        for name in ('server.pem', 'server.der', 'ca.pem'):
            shutil.copy(os.path.join(CERTS, name), self.dir)
        with open(os.path.join(self.dir, 'empty'), 'wb'):
            pass
        with open(os.path.join(self.dir, 'junk.pem'), 'wb') as f:
            f.write(b'-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_paths_relative_absolute_and_failing(self):
        self.assertSame(INIT + r'''
import os
def show(*a):
    try:
        r = nss.read_der_from_file(*a)
    except EnvironmentError as e:
        out('EnvironmentError', e.errno)
        return
    except Exception as e:
        out('EXC', type(e).__name__, getattr(e, 'errno', None))
        return
    out(type(r).__name__, len(r), r.data[:6], r.type)
top = %r
here = os.getcwd()
try:
    os.chdir(top)
    for args in [('server.pem', True), ('server.der',), ('server.der', False), ('ca.pem', 1), ('server.pem', False),
                 ('empty',), ('empty', True), ('junk.pem', True), ('nope',), ('sub',), ('sub', True),
                 (os.path.join(top, 'server.der'),), ('./server.pem', True)]:
        show(*args)
    os.chdir('sub')
    show('../server.pem', True)
    show('server.pem', True)
    show(os.path.join(top, 'ca.pem'), True)
    with open('../server.der', 'rb') as f:
        show(f)
finally:
    os.chdir(here)
''' % self.dir)


if __name__ == '__main__':
    unittest.main()
