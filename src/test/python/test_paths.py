"""Relative paths after os.chdir resolve as under CPython (differential, each in a fresh process)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import difftest

HAVE_CERTUTIL = any(os.path.exists(os.path.join(d, 'certutil')) for d in os.environ.get('PATH', '').split(os.pathsep))

SNIPPET = r'''
import os, sys
from nss import nss
os.chdir(sys.argv[1])
try:
    %s
    sys.stdout.write('ok %%s\n' %% (nss.get_default_certdb() is not None))
except Exception as e:
    sys.stdout.write('error %%s\n' %% getattr(e, 'errno', None))
'''


def run(python, code, d):
    p = subprocess.Popen([python, '-c', code, d], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    return out.decode('utf-8', 'replace').strip(), err


@difftest.needs_reference
@unittest.skipUnless(HAVE_CERTUTIL, 'certutil (libnss3-tools) not installed')
class TestRelativePaths(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.top = tempfile.mkdtemp()
        os.mkdir(os.path.join(cls.top, 'pki'))
        subprocess.check_call(['certutil', '-N', '-d', 'sql:' + os.path.join(cls.top, 'pki'), '--empty-password'])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.top)

    def same(self, statement, expect_ok=True):
        code = SNIPPET % statement
        ref, ref_err = run(difftest.REFERENCE, code, self.top)
        here, err = run(sys.executable, code, self.top)
        self.assertEqual(here, ref, '%s\nreference: %s\nhere: %s' % (statement, ref_err, err))
        self.assertEqual(here.startswith('ok'), expect_ok, here)

    def test_nss_init_sql_prefix(self):
        self.same("nss.nss_init('sql:pki')")

    def test_nss_init_read_write_without_prefix(self):
        self.same("nss.nss_init_read_write('pki')")

    def test_nss_initialize(self):
        self.same("nss.nss_initialize('sql:pki', flags=nss.NSS_INIT_READONLY)")

    def test_nss_init_context(self):
        self.same("ctx = nss.nss_init_context('sql:pki', flags=nss.NSS_INIT_READONLY)")

    def test_missing_relative_directory_fails_alike(self):
        self.same("nss.nss_init('sql:nowhere')", expect_ok=False)


if __name__ == '__main__':
    unittest.main()
