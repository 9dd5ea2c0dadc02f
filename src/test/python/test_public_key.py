"""Certificate.subject_public_key_info, SubjectPublicKeyInfo, PublicKey,
PyRSAPublicKey, PyDSAPublicKey and KEYPQGParams compared with the reference
over the test-vector certificates (RSA, RSA-PSS, DSA, EC keys)."""
import glob
import os
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
VECTORS = sorted(glob.glob(os.path.join(TOP, 'test-vectors', 'certs', '*.der')))

INIT = '''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
VECTORS = %r
def lines_of(s):
    for l in s.split('\\n'):
        out(l)
''' % VECTORS


def setUpModule():
    nss.nss_init_nodb()


@needs_reference
class TestPublicKeyDiff(DiffTestCase):

    def test_subject_public_key_info(self):
        self.assertSame(INIT + r'''
for f in VECTORS:
    c = nss.Certificate(nss.read_der_from_file(f))
    s = c.subject_public_key_info
    out(f.split('/')[-1], type(s).__name__, type(s.algorithm).__name__, str(s.algorithm))
    lines_of(str(s))
    out(s.format_lines(1))
    lines_of(s.format(1, 2))
    pk = s.public_key
    out(type(pk).__name__, pk.key_type, pk.key_type_str)
    lines_of(str(pk))
    out(pk.format_lines(2))
''')

    def test_subject_public_key_info_text_after_shutdown(self):
        # the text is made when asked for; what needs NSS (the algorithm's name) was read
        # with the certificate, so it reads the same once NSS is down
        self.assertSame(INIT + r'''
infos = []
for f in VECTORS:
    c = nss.Certificate(nss.read_der_from_file(f))
    infos.append((f.split('/')[-1], c.subject_public_key_info))
del c
nss.nss_shutdown()
for name, s in infos:
    out(name)
    lines_of(str(s))
    out(s.format_lines(1))
    lines_of(str(s.public_key))
nss.nss_init_nodb()
''')

    def test_rsa_dsa(self):
        self.assertSame(INIT + r'''
for f in VECTORS:
    pk = nss.Certificate(nss.read_der_from_file(f)).subject_public_key_info.public_key
    for name in ('rsa', 'dsa'):
        try:
            v = getattr(pk, name)
        except AttributeError as e:
            out(name, 'AttributeError', str(e))
            continue
        out(name, type(v).__name__)
        lines_of(str(v))
        out(v.format_lines(1))
        if name == 'rsa':
            out(v.modulus.type, str(v.exponent), len(v.modulus), v.modulus.data, v.exponent.data)
        else:
            p = v.pqg_params
            out(type(p).__name__, p.prime.type, p.prime.data, p.subprime.data, p.base.data, v.public_value.data)
            lines_of(str(p))
            lines_of(p.format(2, 3))
''')


class TestPublicKey(unittest.TestCase):

    def test_key_types(self):
        kinds = {}
        for f in VECTORS:
            pk = nss.Certificate(nss.read_der_from_file(f)).subject_public_key_info.public_key
            kinds[os.path.basename(f)] = pk.key_type
        self.assertEqual(kinds['server.der'], nss.rsaKey)
        self.assertEqual(kinds['dsa.der'], nss.dsaKey)
        self.assertEqual(kinds['ec.der'], nss.ecKey)
        self.assertRaises(AttributeError, lambda: nss.Certificate(
            nss.read_der_from_file(os.path.join(TOP, 'test-vectors', 'certs', 'ec.der'))).subject_public_key_info.public_key.rsa)


if __name__ == '__main__':
    unittest.main()
