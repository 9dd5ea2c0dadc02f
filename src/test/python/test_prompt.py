"""The interactive prompt of pynss, driven through a pseudo-terminal."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

PYNSS = sys.executable
DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pty_driver.py')
PYTHON3 = next((p for p in ('/usr/bin/python3', '/usr/local/bin/python3') if os.path.exists(p)), None)
UP = '\x1b[A'
LEFT = '\x1b[D'


def drive(steps, args=(), home=None):
    """Types the steps into pynss on a terminal; returns the driver's report."""
    env = dict(os.environ)
    if home is not None:
        env['HOME'] = home
    p = subprocess.Popen([PYTHON3, DRIVER, json.dumps(steps), PYNSS] + list(args),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = p.communicate()
    if p.returncode != 0:
        raise AssertionError('pty driver failed: %s' % err)
    return json.loads(out)


def prompt(seconds=60):
    return ['expect', '>>> ', seconds]


@unittest.skipIf(PYTHON3 is None, 'no Python 3 to drive the terminal')
class TestPrompt(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.home)

    def test_banner_history_recall_and_ctrl_d(self):
        r = drive([prompt(),
                   ['send', 'x = 40 + 2\r'], prompt(5),
                   # recall the line, move left over " + 2", replace 40 by 1
                   ['send', UP + LEFT * 4 + '\x7f\x7f' + '1\r'], prompt(5),
                   ['send', 'print x\r'], prompt(5),
                   ['send', '\x04'], ['expect', '\n', 5]], home=self.home)
        self.assertIn('Type "help", "copyright", "credits" or "license"', r['outputs'][0])
        self.assertIn('\r\n3\r\n', r['outputs'][6])
        self.assertEqual(r['status'], 0, r)
        self.assertLess(r['exit_seconds'], 2.0, r)
        with open(os.path.join(self.home, '.pynss_history')) as f:
            self.assertEqual(f.read().splitlines(), ['x = 40 + 2', 'x = 1 + 2', 'print x'])

    def test_history_kept_across_sessions(self):
        drive([prompt(), ['send', 'y = 7\r'], prompt(5), ['send', '\x04'], ['expect', '\n', 5]], home=self.home)
        r = drive([prompt(), ['send', UP + '\r'], prompt(5), ['send', 'print y * 6\r'], prompt(5),
                   ['send', '\x04'], ['expect', '\n', 5]], home=self.home)
        self.assertIn('42', r['outputs'][4])
        self.assertEqual(r['status'], 0, r)

    def test_tab_completion_of_attributes(self):
        r = drive([prompt(), ['send', 'import nss.nss as nss; nss.nss_init_nodb()\r'], prompt(20),
                   ['send', 'nss.sha\t\t'], ['expect', '>>> nss.sha', 5],
                   ['send', '\x03'], prompt(5),
                   ['send', 'nss.sha25\t'], ['expect', '_digest( ', 5],
                   # the editor blinks the matching parenthesis: Return after it is done
                   ['send', "'')"], ['expect', "'')", 5], ['send', '\r'], prompt(10),
                   ['send', '\x04'], ['expect', '\n', 5]], home=self.home)
        listing = r['outputs'][4]
        for name in ('nss.sha1_digest', 'nss.sha256_digest', 'nss.sha512_digest'):
            self.assertIn(name, listing)
        # Ctrl-C drops the line being typed and gives a new prompt
        self.assertIn('KeyboardInterrupt', r['outputs'][6])
        # the completed call ran: the SHA-256 digest of ''
        self.assertIn('\\xe3\\xb0\\xc4B\\x98', r['outputs'][12])
        self.assertEqual(r['status'], 0, r)

    def test_inspect_after_script(self):
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, 'script.py')
            with open(path, 'w') as f:
                f.write('answer = 6 * 7\nprint "ran"\n')
            r = drive([prompt(), ['send', 'print answer\r'], prompt(5), ['send', '\x04'], ['expect', '\n', 5]],
                      args=['-i', path], home=self.home)
        finally:
            shutil.rmtree(d)
        self.assertIn('ran', r['outputs'][0])
        self.assertNotIn('Type "help"', r['outputs'][0])
        self.assertIn('42', r['outputs'][2])
        self.assertEqual(r['status'], 0, r)


if __name__ == '__main__':
    unittest.main()
