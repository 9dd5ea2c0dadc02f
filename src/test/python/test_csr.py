"""nss.nss.CertificateRequest and CertAttribute: decoding, properties, the text of
str() / format() / format_lines(), compared with the reference python-nss on the
project's request vectors (test-vectors/csr, made by scripts/make-crl-csr-vectors.sh),
and malformed requests ending in Python exceptions."""
import glob
import os
import random
import unittest

import difftest
from difftest import DiffTestCase, needs_reference

import nss.nss as nss
import nss.error as nss_error
from nss.error import NSPRError

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
VECTORS = os.path.join(TOP, 'test-vectors', 'csr')
CSR_FILES = sorted(glob.glob(os.path.join(VECTORS, '*.der')))

INIT = '''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
'''

DESCRIBE = INIT + r'''
def lines(s):
    for l in s.split('\n'):
        out(l)
def describe_attr(a, level):
    out(' attr', a.type_tag, a.type_str, str(a.type_oid), a.type_oid.data, len(a))
    for v in a.values:
        if isinstance(v, nss.SecItem):
            out('  secitem', v.data, str(v))
        else:
            out('  extension', v.name, v.oid_tag, v.critical, v.value.data)
            lines(str(v))
    out(' last', str(a[-1]), str(a[len(a) - 1]), exc(lambda: a[len(a)]), exc(lambda: a[-len(a) - 1]))
    lines(str(a))
    lines(a.format(1, 3))
    for t in a.format_lines(level):
        out(t)
def describe(name, r):
    out('=====', name)
    lines(str(r))
    lines(r.format(1, 2))
    lines(r.format(level=2))
    for t in r.format_lines(1):
        out(t)
    out(r.version, str(r.subject), len(r.subject), r.subject.common_name)
    out([e.name for e in r.extensions], [e.oid_tag for e in r.extensions], [e.critical for e in r.extensions])
    for e in r.extensions:
        out(' ext', e.value.data, e.value.der_to_hex())
    attrs = r.attributes
    out(len(attrs), [type(a).__name__ for a in attrs])
    for a in attrs:
        describe_attr(a, 2)
'''


def vector(name):
    return os.path.join(VECTORS, name)


def setUpModule():
    if not nss.nss_is_initialized():
        nss.nss_init_nodb()


def read(name):
    return nss.read_der_from_file(vector(name))


@needs_reference
class TestRequestsDiff(DiffTestCase):
    """Every request vector is described exactly as the reference describes it."""

    def test_vectors(self):
        self.assertTrue(len(CSR_FILES) >= 4, 'no request vectors in ' + VECTORS)
        code = DESCRIBE + 'for f in %r:\n    describe(f.split("/")[-1], nss.CertificateRequest(nss.read_der_from_file(f)))\n' % CSR_FILES
        self.assertSame(code)

    def test_data_forms(self):
        # SecItem, str (bytes), PEM decoded by read_der_from_file, keyword
        self.assertSame(DESCRIBE + r'''
f = %r
der = nss.read_der_from_file(f)
describe('secitem', nss.CertificateRequest(der))
describe('bytes', nss.CertificateRequest(der.data))
describe('keyword', nss.CertificateRequest(data=der))
describe('pem', nss.CertificateRequest(nss.read_der_from_file(f.replace('.der', '.pem'), True)))
''' % vector('attrs.der'))

    def test_malformed(self):
        self.assertSame(INIT + r'''
der = nss.read_der_from_file(%r).data
def attempt(data):
    r = exc(nss.CertificateRequest, data)
    return r if isinstance(r, str) else 'ok'
out(attempt(b''), attempt(b'\x30'), attempt(b'\x30\x00'), attempt(der[:-1]), attempt(der[:40]))
bad_sig = bytearray(der); bad_sig[-3] ^= 0x55
out(attempt(bytes(bad_sig)))
bad_body = bytearray(der); bad_body[30] ^= 0x01
out(attempt(bytes(bad_body)))
out(attempt(der + b'\x00'))
out(exc(nss.CertificateRequest, 5), exc(nss.CertificateRequest, nss.SecItem(der[:10])))
''' % vector('rsa.der'))

    def test_subject_public_key_info(self):
        # the request's key (RSA, DSA, EC): its text, algorithm and key, as the reference reads them
        self.assertSame(DESCRIBE + r'''
for f in %r:
    r = nss.CertificateRequest(nss.read_der_from_file(f))
    s = r.subject_public_key_info
    out(f.split('/')[-1], type(s).__name__, type(s.algorithm).__name__, str(s.algorithm), s.algorithm.id_tag)
    lines(str(s))
    out(s.format_lines(1))
    lines(s.format(2, 3))
    pk = s.public_key
    out(type(pk).__name__, pk.key_type, pk.key_type_str)
    lines(str(pk))
    if pk.key_type == nss.rsaKey:
        out(pk.rsa.exponent.get_integer(), pk.rsa.modulus.data)
    if pk.key_type == nss.dsaKey:
        out(pk.dsa.public_value.data, pk.dsa.pqg_params.prime.data)
    out(r.subject_public_key_info is s, str(r.subject_public_key_info) == str(s))
    out(exc(setattr, r, 'subject_public_key_info', s))
''' % CSR_FILES)

    def test_properties_after_shutdown(self):
        # the signature is checked once, when the request is made (as the reference does): its
        # attributes, key and extensions read the same once NSS is down
        self.assertSame(DESCRIBE + r'''
reqs = [(f.split('/')[-1], nss.CertificateRequest(nss.read_der_from_file(f))) for f in %r]
nss.nss_shutdown()
for name, r in reqs:
    out(name, str(r.subject), len(r.attributes), len(r.extensions), [len(a) for a in r.attributes],
        [(e.critical, e.value.data) for e in r.extensions])
    lines(str(r.subject_public_key_info.public_key))
nss.nss_init_nodb()
''' % CSR_FILES)

    def test_empty_attribute(self):
        # CertAttribute(x) is an empty attribute (NSS names the empty OID oddly)
        self.assertSame(INIT + r'''
a = nss.CertAttribute(1)
out(a.type_tag, a.type_str, str(a.type_oid), a.type_oid.data, a.values, len(a), str(a), a.format_lines())
out(exc(lambda: a[0]), exc(nss.CertAttribute), exc(lambda: nss.CertAttribute(arg='x').values))
''')

    def test_extension_values(self):
        # the extension values of a request decode with the same helpers as a certificate's
        self.assertSame(INIT + r'''
r = nss.CertificateRequest(nss.read_der_from_file(%r))
for e in r.extensions:
    if e.oid_tag == nss.SEC_OID_X509_KEY_USAGE:
        out(nss.x509_key_usage(e.value), nss.x509_key_usage(e.value, nss.AsEnum))
    if e.oid_tag == nss.SEC_OID_X509_EXT_KEY_USAGE:
        out(nss.x509_ext_key_usage(e.value), nss.x509_ext_key_usage(e.value, nss.AsEnum))
    if e.oid_tag == nss.SEC_OID_X509_SUBJECT_ALT_NAME:
        out(nss.x509_alt_name(e.value), nss.x509_alt_name(e.value, nss.AsLabeledString))
''' % vector('rsa.der'))


MUTANTS = INIT + r'''
import hashlib
class Lcg(object):
    # the same numbers on Python 2 and 3 (random.randrange differs between them)
    def __init__(self, seed):
        self.x = seed
    def below(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.x >> 33) % n
    def choice(self, seq):
        return seq[self.below(len(seq))]
def mutants(files, count, seed):
    rnd = Lcg(seed)
    originals = [bytearray(nss.read_der_from_file(f).data) for f in files]
    for i in range(count):
        data = bytearray(originals[i % len(originals)])
        kind = i % 4
        pos = rnd.below(len(data))
        if kind == 0:
            data[pos] ^= 1 << rnd.below(8)
        elif kind == 1:
            data = data[:pos]
        elif kind == 2:
            data[pos] = rnd.choice((0x00, 0x7f, 0x80, 0x81, 0x84, 0xff))
        else:
            data[pos:pos] = bytearray([rnd.below(256)])
        yield i, bytes(data)
def outcome(f):
    try:
        v = f()
    except Exception as e:
        return 'EXC %s %s' % (type(e).__name__, getattr(e, 'error_code', ''))
    if isinstance(v, bytes) and not isinstance(v, str):
        v = v.decode('latin-1')
    return hashlib.md5(v.encode('latin-1') if not isinstance(v, bytes) else v).hexdigest()
def run(files, count, seed):
    for i, data in mutants(files, count, seed):
        r = exc(nss.CertificateRequest, data)
        if isinstance(r, str):
            out(i, r)
            continue
        attrs = exc(lambda: r.attributes)
        out(i, outcome(lambda: str(r)), outcome(lambda: str(r.subject)), len(r.extensions),
            attrs if isinstance(attrs, str) else [outcome(lambda: str(a)) for a in attrs])
'''


@needs_reference
class TestMutantsDiff(unittest.TestCase):
    """Mutated requests give the reference's exceptions and texts (mutants the reference crashes on are skipped)."""

    def test_mutants(self):
        import subprocess
        files = [vector(n) for n in ('attrs.der', 'rsa.der', 'dsa.der')]
        code = MUTANTS + 'run(%r, 300, 4321)\n' % files
        p = subprocess.Popen([difftest.REFERENCE, '-c', difftest._PRELUDE + code],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ref = p.communicate()[0].decode('utf-8', 'replace').splitlines()
        here = difftest.run_here(code)
        if not isinstance(here, str):
            here = here.encode('utf-8')
        here = here.splitlines()
        # a crash of the reference ends its output: compare what it printed before it
        if p.returncode != 0:
            ref = ref[:-1] if ref else ref
        self.assertTrue(len(ref) > 100, 'reference stopped early (%d)' % p.returncode)
        self.assertEqual(here[:len(ref)], ref)


class TestRequest(unittest.TestCase):

    def test_properties(self):
        r = nss.CertificateRequest(read('attrs.der'))
        self.assertEqual(r.version, 0)
        self.assertEqual(str(r.subject), 'O=jnss,CN=attrs.example.com')
        self.assertIsInstance(r.subject, nss.DN)
        self.assertEqual([e.oid_tag for e in r.extensions],
                         [nss.SEC_OID_X509_BASIC_CONSTRAINTS, nss.SEC_OID_X509_SUBJECT_ALT_NAME])
        attrs = r.attributes
        self.assertIsInstance(attrs, tuple)
        self.assertEqual([a.type_tag for a in attrs], [nss.SEC_OID_PKCS9_CHALLENGE_PASSWORD,
                                                       nss.SEC_OID_PKCS9_UNSTRUCTURED_NAME,
                                                       nss.SEC_OID_PKCS9_EXTENSION_REQUEST])
        self.assertIsInstance(attrs[0].values[0], nss.SecItem)
        self.assertEqual(str(attrs[0].values[0]), 's3cret pass')
        self.assertEqual(str(attrs[1][0]), 'jnss unstructured')
        self.assertIsInstance(attrs[2].values[1], nss.CertificateExtension)
        self.assertEqual([v.oid_tag for v in attrs[2]], [e.oid_tag for e in r.extensions])
        self.assertRaises(IndexError, lambda: attrs[0][1])
        self.assertRaises(TypeError, lambda: attrs[0]['x'])
        self.assertTrue(str(r).startswith('    Data:\n        Version: 0 (0x0)\n'))

    def test_no_attributes(self):
        r = nss.CertificateRequest(read('ec.der'))
        self.assertEqual(r.attributes, ())
        self.assertEqual(r.extensions, ())
        self.assertTrue(str(r).endswith('Attributes: (0 total)'))

    def test_uninitialized_request(self):
        # python-nss reads through a NULL request here (a crash); a ValueError instead
        r = nss.CertificateRequest()
        for get in (lambda: r.subject, lambda: r.version, lambda: r.extensions, lambda: r.attributes,
                    lambda: r.subject_public_key_info, lambda: str(r), lambda: r.format_lines()):
            self.assertRaises(ValueError, get)
        self.assertTrue(repr(r).startswith('<nss.nss.CertificateRequest object at '))
        self.assertIsInstance(nss.CertificateRequest(None), nss.CertificateRequest)

    def test_signature_checked(self):
        der = bytearray(read('dsa.der').data)
        der[-2] ^= 0x01
        with self.assertRaises(NSPRError) as e:
            nss.CertificateRequest(bytes(der))
        self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_BAD_SIGNATURE)

    def test_subclass(self):
        class Request(nss.CertificateRequest):
            def __init__(self, data):
                nss.CertificateRequest.__init__(self, data)
                self.tag = 'mine'
        r = Request(read('rsa.der'))
        self.assertEqual(r.tag, 'mine')
        self.assertEqual(r.subject.common_name, 'csr.example.com')

    def test_mutants_end_in_python_exceptions(self):
        # seeded, bounded: every mutant either decodes (and renders) or raises a Python exception
        rnd = random.Random(1234)
        originals = [read(n).data for n in ('rsa.der', 'ec.der', 'dsa.der', 'attrs.der')]
        outcomes = {}
        for i in range(400):
            data = bytearray(rnd.choice(originals))
            kind = rnd.choice(('flip', 'truncate', 'length', 'insert'))
            pos = rnd.randrange(len(data))
            if kind == 'flip':
                data[pos] ^= 1 << rnd.randrange(8)
            elif kind == 'truncate':
                data = data[:pos]
            elif kind == 'length':
                data[pos] = rnd.choice((0x00, 0x7f, 0x80, 0x81, 0x84, 0xff))
            else:
                data[pos:pos] = bytearray([rnd.randrange(256)])
            try:
                r = nss.CertificateRequest(bytes(data))
                str(r)
                for a in r.attributes:
                    str(a)
                    [str(v) for v in a.values if not isinstance(v, nss.SecItem)]
                outcome = 'ok'
            except (NSPRError, ValueError, TypeError, SystemError) as e:
                outcome = type(e).__name__
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        self.assertTrue(outcomes.get('NSPRError', 0) > 100, outcomes)


if __name__ == '__main__':
    unittest.main()
