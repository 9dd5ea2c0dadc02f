"""scripts/compare, the migration harness: one script under the reference
python-nss and under pynss, outputs compared."""
import os
import subprocess
import sys
import tempfile
import unittest

from difftest import needs_reference

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
COMPARE = os.path.join(TOP, 'scripts', 'compare')
DB = os.path.join(TOP, 'test-vectors', 'db')


def write(text):
    fd, path = tempfile.mkstemp(suffix='.py')
    os.write(fd, text)
    os.close(fd)
    return path


def compare(*args):
    p = subprocess.Popen([COMPARE] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    return p.returncode, out, err


@needs_reference
class TestCompare(unittest.TestCase):

    def test_same_output(self):
        # the script changes its database: each side works on its own copy
        script = write('''from __future__ import print_function
import sys
import nss.nss as nss
nss.nss_init_read_write('sql:' + sys.argv[1])
cert = nss.find_cert_from_nickname('server')
print(cert)
cert.set_trust_attributes('P,,', nss.get_default_certdb(), nss.get_internal_key_slot())
print(nss.find_cert_from_nickname('server').ssl_trust_str)
print(sys.argv[1])
''')
        rc, out, err = compare('--db', DB, script, DB)
        self.assertEqual((rc, out.splitlines()[-1]), (0, 'same output'), out + err)

    def test_differences_are_shown(self):
        script = write('''from __future__ import print_function
import sys
print(sys.version_info[0])
print('same line')
sys.exit(3 if sys.version_info[0] == 2 else 0)
''')
        rc, out, err = compare(script)
        self.assertEqual(rc, 1, out + err)
        self.assertIn('-3\n+2\n', out)
        self.assertIn(' same line\n', out)
        self.assertIn('exit status: python-nss 0, pynss 3', out)
        self.assertEqual(out.splitlines()[-1], 'outputs differ')
        rc, out, err = compare('--normalize', '^[23]$', script)
        self.assertEqual(rc, 1)
        self.assertNotIn('+++ stdout', out)

    def test_usage_errors(self):
        self.assertEqual(compare()[0], 2)
        self.assertEqual(compare('--bogus', 'x.py')[0], 2)
        self.assertEqual(compare('/no/such/script.py')[0], 2)


if __name__ == '__main__':
    unittest.main()
