"""Certificates known to an NSS database: Certificate(der) returns NSS's
certificate, with its trust, which str() shows. Runs with NSS initialized on
the test-vector database (its own process: NSS is initialized once)."""
import glob
import os
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DB = os.path.join(TOP, 'test-vectors', 'db')
VECTOR_FILES = sorted(glob.glob(os.path.join(TOP, 'test-vectors', 'certs', '*.der')))

INIT = '''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init(%r)
''' % ('sql:' + DB)


def setUpModule():
    nss.nss_init('sql:' + DB)


@needs_reference
class TestTrustDiff(DiffTestCase):

    def test_trust(self):
        self.assertSame(INIT + r'''
for f in %r:
    c = nss.Certificate(nss.read_der_from_file(f))
    out('=====', f.split('/')[-1])
    for l in str(c).split('\n'):
        out(l)
    out(c.ssl_trust_flags, c.email_trust_flags, c.signing_trust_flags)
    out(c.ssl_trust_str, c.email_trust_str, c.signing_trust_str)
    out(c.format_lines()[-25:])
''' % VECTOR_FILES)


class TestTrust(unittest.TestCase):

    def test_ca_is_trusted(self):
        ca = nss.Certificate(nss.read_der_from_file(os.path.join(TOP, 'test-vectors', 'certs', 'ca.der')))
        self.assertTrue(ca.ssl_trust_flags & nss.CERTDB_TRUSTED_CA)
        self.assertTrue('Trusted CA' in ca.ssl_trust_str)
        self.assertTrue('Certificate Trust Flags:' in str(ca))
        self.assertTrue(nss.get_default_certdb() is not None)


if __name__ == '__main__':
    unittest.main()
