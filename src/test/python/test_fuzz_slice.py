"""A seeded slice of every decoder fuzzer of scripts/fuzz.py (certificates, CSRs,
CRLs, PKCS#12 with the right and a wrong password, extension types, DER helpers,
PEM/base64, TLS records from a hostile client), run in this process: each
mutant must end in a value or a Python exception other than SystemError (a
crash fails the whole run). FUZZ_SLICE (mutants per target, default 25) and
FUZZ_SEED (default 7) choose the slice; the 100,000-mutant runs in isolated
workers, compared with the reference, are `scripts/fuzz` (see its docstring).
"""
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', '..', 'scripts'))

import fuzz

COUNT = int(os.environ.get('FUZZ_SLICE', '25'))
SEED = int(os.environ.get('FUZZ_SEED', '7'))


class FuzzSlice(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        import nss.nss as nss
        if nss.nss_is_initialized():
            nss.nss_shutdown()
        cls.tmp = tempfile.mkdtemp(prefix='jnss-fuzz-')
        cls.dec = fuzz.Decoders(cls.tmp)

    @classmethod
    def tearDownClass(cls):
        if cls.dec.server is not None:
            cls.dec.server.close()
        shutil.rmtree(cls.tmp)

    def run_target(self, target):
        base_list = fuzz.bases(target)
        kinds = {}
        bad = []
        for i in range(COUNT):
            label, data = fuzz.mutant(target, SEED, i, base_list)
            out = fuzz.outcome(self.dec, target, label, data)
            c = fuzz.classify(out)
            kinds[c] = kinds.get(c, 0) + 1
            if c in ('java-exception', 'SystemError'):
                bad.append((i, out))
        self.assertEqual(bad, [])
        self.assertEqual(sum(kinds.values()), COUNT)
        return kinds

    def test_cert(self):
        self.assertIn('ok', self.run_target('cert'))      # some mutants still decode

    def test_csr(self):
        self.run_target('csr')

    def test_crl(self):
        self.assertIn('ok', self.run_target('crl'))

    def test_pkcs12(self):
        self.run_target('pkcs12')

    def test_pkcs12_wrong_password(self):
        self.assertEqual(self.run_target('pkcs12-wrong').get('ok'), None)

    def test_ext(self):
        self.assertIn('ok', self.run_target('ext'))

    def test_der(self):
        self.assertIn('ok', self.run_target('der'))

    def test_pem(self):
        self.assertIn('ok', self.run_target('pem'))

    def test_zz_tls(self):
        # last: the TLS target re-initialises NSS with the test database
        self.assertIn('ok', self.run_target('tls'))


if __name__ == '__main__':
    unittest.main()
