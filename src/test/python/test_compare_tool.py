"""scripts/compare, the migration harness: scripts under the reference
python-nss and under pynss, outputs compared one by one or as a batch
(manifest, directory), reports (report.html, junit.xml), golden outputs
and the static scan."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from difftest import needs_reference

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
COMPARE = os.path.join(TOP, 'scripts', 'compare')
DB = os.path.join(TOP, 'test-vectors', 'db')
JUNIT_XSD = os.path.join(TOP, 'src', 'test', 'resources', 'junit-10.xsd')


def write(text, directory=None, name=None):
    if directory is None:
        fd, path = tempfile.mkstemp(suffix='.py')
        os.write(fd, text)
        os.close(fd)
        return path
    path = os.path.join(directory, name)
    with open(path, 'w') as f:
        f.write(text)
    return path


def compare(*args, **kwds):
    env = dict(os.environ)
    env.update(kwds.get('env', {}))
    command = kwds.get('command', [COMPARE])
    p = subprocess.Popen(command + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         cwd=kwds.get('cwd'), env=env)
    out, err = p.communicate()
    return p.returncode, out, err


def validate_junit(path):
    """Raises if the file does not validate against the JUnit XML schema (Java's XSD validator)."""
    from java.io import File
    from javax.xml.transform.stream import StreamSource
    from javax.xml.validation import SchemaFactory
    from javax.xml import XMLConstants
    schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(File(JUNIT_XSD))
    schema.newValidator().validate(StreamSource(File(path)))


def rows(out):
    """{case name: result} from the summary table."""
    table = {}
    for line in out.splitlines():
        m = re.match(r'^(\S.*?)\s+(-|[0-9.]+)\s+(-|[0-9.]+)\s+(\S.*)$', line)
        if m:
            table[m.group(1)] = m.group(4)
    return table


SAME = '''from __future__ import print_function
import nss.nss as nss
nss.nss_init_nodb()
print(nss.data_to_hex(nss.sha1_digest(b'abc'), separator=':'))
'''
NORMALISED = '''from __future__ import print_function
import nss.nss as nss
print(nss.key_usage_flags(0x400))
'''
DIFFERENT = '''from __future__ import print_function
import sys
print('interpreter', sys.version_info[0])
'''
SLOW = '''import time
time.sleep(60)
'''
TRUST = '''from __future__ import print_function
import sys
import nss.nss as nss
nss.nss_init_read_write(sys.argv[1])
cert = nss.find_cert_from_nickname('client')
cert.set_trust_attributes('P,,', nss.get_default_certdb(), nss.get_internal_key_slot())
print(nss.find_cert_from_nickname('client').ssl_trust_str, sys.argv[1])
'''
ECHO = '''from __future__ import print_function
import sys
print(sys.argv[1:], sys.stdin.read().strip())
'''


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

    def test_known_differences_are_named_and_strict_turns_them_off(self):
        script = write(NORMALISED)
        rc, out, err = compare(script)
        self.assertEqual(rc, 0, out + err)
        self.assertEqual(out.splitlines()[-2:], ['same after normalisation: unknown-bit-flags', 'same output'])
        rc, out, err = compare('--strict', script)
        self.assertEqual(rc, 1, out + err)
        self.assertIn("+['unknown bit flags 400']", out)

    def test_batch_manifest_reports(self):
        d = tempfile.mkdtemp(prefix='compare-test-')
        try:
            for name, text in (('same.py', SAME), ('normalised.py', NORMALISED), ('different.py', DIFFERENT),
                               ('slow.py', SLOW), ('trust.py', TRUST), ('echo.py', ECHO)):
                write(text, d, name)
            shutil.copytree(DB, os.path.join(d, 'db'))
            write('in the stdin file\n', d, 'input.txt')
            write('''# every kind of case
same.py
--name "normalised case" normalised.py

different.py
--timeout 4 slow.py
--db db trust.py sql:db
--stdin input.txt echo.py "two words" x.py
''', d, 'manifest.txt')
            report = os.path.join(d, 'report')
            rc, out, err = compare('-j', '2', '--manifest', os.path.join(d, 'manifest.txt'), '--report', report)
            self.assertEqual(rc, 1, out + err)
            table = rows(out)
            self.assertEqual(table, {
                'same.py': 'same',
                'normalised case': 'same after normalisation: unknown-bit-flags',
                'different.py': 'different',
                'slow.py': 'error',
                'trust.py sql:db': 'same',
                'echo.py two words x.py': 'same',
            }, out + err)
            self.assertIn('6 cases: 3 same, 1 same after normalisation, 1 different, 1 error', out)
            self.assertIn('==== slow.py: error\nerror: python-nss: timed out after 4s', out)
            self.assertIn('-interpreter 3\n+interpreter 2\n', out)
            self.assertIn('error: python-nss: timed out after 4s; pynss: timed out after 4s', out)

            with open(os.path.join(report, 'report.html')) as f:
                html = f.read()
            self.assertIn('same after normalisation: unknown-bit-flags', html)
            self.assertEqual(html.count('<h2 id='), 2)  # the differing case and the error
            self.assertIn('class="diff"', html)  # a side-by-side diff
            self.assertIn('exit status: python-nss 0, pynss 0', html)

            junit = os.path.join(report, 'junit.xml')
            validate_junit(junit)
            with open(junit) as f:
                xml = f.read()
            self.assertIn('tests="6" failures="1" errors="1"', xml)
            self.assertEqual(xml.count('<testcase '), 6)
            self.assertIn('<failure message="outputs differ" type="different">', xml)
            self.assertIn('-interpreter 3\n+interpreter 2', xml)
        finally:
            shutil.rmtree(d, ignore_errors=True)

    def test_directory_mode(self):
        d = tempfile.mkdtemp(prefix='compare-test-')
        try:
            os.mkdir(os.path.join(d, 'sub'))
            write(SAME, d, 'one.py')
            write(NORMALISED, os.path.join(d, 'sub'), 'two.py')
            write('not a script\n', d, 'notes.txt')
            rc, out, err = compare(d)
            self.assertEqual(rc, 0, out + err)
            self.assertEqual(rows(out), {'one.py': 'same',
                                         'sub/two.py': 'same after normalisation: unknown-bit-flags'})
        finally:
            shutil.rmtree(d, ignore_errors=True)

    def test_record_then_golden(self):
        d = tempfile.mkdtemp(prefix='compare-test-')
        try:
            write(SAME, d, 'same.py')
            write(NORMALISED, d, 'normalised.py')
            write(TRUST, d, 'trust.py')
            shutil.copytree(DB, os.path.join(d, 'db'))
            manifest = write('same.py\nnormalised.py\n--db db trust.py sql:db\n', d, 'manifest.txt')
            golden = os.path.join(d, 'golden')
            rc, out, err = compare('--record', golden, '--manifest', manifest)
            self.assertEqual(rc, 0, out + err)
            self.assertIn('3 cases: 3 recorded', out)
            with open(os.path.join(golden, 'trust.py_sql_db.stdout')) as f:
                self.assertTrue(f.read().endswith(' sql:<db0>\n'))  # the database copy's path, made neutral
            with open(os.path.join(golden, 'trust.py_sql_db.case')) as f:
                self.assertEqual(f.read().splitlines()[:6], ['name=trust.py sql:db', 'dir=..', 'script=trust.py',
                                                            'arg=sql:db', 'db=db=../db', 'timeout=300'])
            # pynss against the recorded outputs: no reference interpreter needed
            no_reference = {'PYNSS_REFERENCE_PYTHON': '/nonexistent/python'}
            rc, out, err = compare('--golden', golden, '--manifest', manifest, env=no_reference)
            self.assertEqual(rc, 0, out + err)
            self.assertIn('3 cases: 2 same, 1 same after normalisation', out)
            # ... also when the tool itself runs under pynss (a machine without Python 3)
            rc, out, err = compare('--golden', golden, '--manifest', manifest, env=no_reference,
                                   command=[os.path.join(TOP, 'scripts', 'pynss'),
                                            os.path.join(TOP, 'scripts', 'compare.py')])
            self.assertEqual(rc, 0, out + err)
            self.assertIn('3 cases: 2 same, 1 same after normalisation', out)
            # a changed golden output is a difference; a missing one an error
            with open(os.path.join(golden, 'same.py.stdout'), 'a') as f:
                f.write('one more line\n')
            os.remove(os.path.join(golden, 'normalised.py.stdout'))
            rc, out, err = compare('--golden', golden, '--manifest', manifest, env=no_reference)
            self.assertEqual(rc, 1, out + err)
            self.assertEqual(rows(out)['same.py'], 'different')
            self.assertEqual(rows(out)['normalised.py'], 'error')
            self.assertIn('-one more line\n', out)
            self.assertIn('no golden output for this case', out)
        finally:
            shutil.rmtree(d, ignore_errors=True)


class TestCompareWithoutReference(unittest.TestCase):
    """What needs no reference python-nss: usage errors and the static scan."""

    def test_usage_errors(self):
        self.assertEqual(compare()[0], 2)
        self.assertEqual(compare('--bogus', 'x.py')[0], 2)
        self.assertEqual(compare('/no/such/script.py')[0], 2)
        self.assertEqual(compare('--manifest', '/no/such/manifest')[0], 2)
        self.assertEqual(compare('-j', '0', '/no/such/script.py')[0], 2)

    def test_several_scripts_are_an_error(self):
        a, b = write('print 1\n'), write('print 2\n')
        rc, out, err = compare(a, b)
        self.assertEqual(rc, 2)
        self.assertIn('several scripts given', err)

    def test_manifest_errors_name_the_line(self):
        d = tempfile.mkdtemp(prefix='compare-test-')
        try:
            write('print 1\n', d, 'a.py')
            manifest = write('a.py\n\n--bogus a.py\n', d, 'manifest.txt')
            rc, out, err = compare('--manifest', manifest)
            self.assertEqual(rc, 2)
            self.assertIn('manifest.txt:3: unknown or incomplete case option --bogus', err)
            manifest = write('a.py\nmissing.py\n', d, 'manifest.txt')
            rc, out, err = compare('--manifest', manifest)
            self.assertIn('manifest.txt:2: no such script: missing.py', err)
        finally:
            shutil.rmtree(d, ignore_errors=True)

    def test_rules_are_listed(self):
        rc, out, err = compare('--rules')
        self.assertEqual(rc, 0, err)
        for name in ('unknown-bit-flags', 'deprecation-warnings', 'traceback-frames', 'object-addresses',
                     'hex-bytes'):
            self.assertIn(name, out)
        self.assertIn('(off unless --rule hex-bytes)', out)

    def test_scan(self):
        d = tempfile.mkdtemp(prefix='compare-test-')
        try:
            write('''import os
import sys
import termios
try:
    import no_such_module_guarded
except ImportError:
    no_such_module_guarded = None
import no_such_module_plain
import helper
s = "os.fork() in a string is not a call"
# os.fork() in a comment neither
pid = os.fork()
if pid == 0:
    os._exit(0)
''', d, 'forks.py')
            write('VALUE = 1\n', d, 'helper.py')
            write('''from __future__ import print_function
def f(a, *, b):
    return f"{a}{b}"
print(1, end='')
''', d, 'py3.py')
            write('''from __future__ import print_function
import nss.nss as nss
import six
print(six.PY2, nss.nss_get_version, end='')
''', d, 'clean.py')
            rc, out, err = compare('--scan', d)
            self.assertEqual(rc, 1, out + err)
            lines = [l.replace(d + os.sep, '') for l in out.splitlines()]
            self.assertIn('forks.py:3: import termios: no termios on the JVM', lines)
            self.assertIn('forks.py:12: os.fork does not exist under pynss (the JVM cannot fork: '
                          'start a second process with subprocess)', lines)
            self.assertTrue([l for l in lines if l.startswith('forks.py:8: import no_such_module_plain: not found')],
                            out)
            self.assertIn('py3.py:2: keyword-only parameters are Python 3 only', lines)
            self.assertIn('py3.py:3: f-strings are Python 3 only', lines)
            self.assertTrue([l for l in lines if l.startswith('py3.py:2: Jython 2.7 cannot compile this')], out)
            self.assertFalse([l for l in lines if 'clean.py' in l or 'helper' in l or 'guarded' in l
                              or ':10:' in l or ':11:' in l or ':14:' in l], out)
            self.assertEqual(lines[-1], '6 findings in 4 scripts')
            rc, out, err = compare('--scan', os.path.join(d, 'clean.py'))
            self.assertEqual((rc, out.strip()), (0, '0 findings in 1 script'), err)
        finally:
            shutil.rmtree(d, ignore_errors=True)


if __name__ == '__main__':
    unittest.main()
