"""Text handed to NSS and NSPR as C strings (database directories, host names, peer IDs,
version and protocol names, passwords the callback returns), with non-ASCII characters,
under the C locale and under a UTF-8 one: NSS must receive the text's UTF-8 octets, as
python-nss gives it a Python 2 str's octets whatever the locale. Each snippet runs in a
process of its own (the locale is the JVM's from its start), compared with the reference
python-nss under the same locale where the reference can run it.

Also text NSPR would write in the C library's locale: validity times ("Thu Oct 29 ..."), which
python-nss writes with the C locale's names whatever the environment says (Python leaves the
C library's time locale alone; the JVM sets it from the environment).
"""
import os
import shutil
import subprocess
import tempfile
import unittest

import difftest
from difftest import needs_reference

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
PYNSS = os.path.join(TOP, 'scripts', 'pynss')
HAVE_CERTUTIL = any(os.path.exists(os.path.join(d, 'certutil')) for d in os.environ.get('PATH', '').split(os.pathsep))

LOCALES = ('C', 'C.UTF-8')

# a directory name and a password with non-ASCII characters, as UTF-8 octets (made by the
# shell from octal escapes, so that this process's own file-name encoding plays no part)
NAME_OCTAL = r'db-\303\251\342\202\254'
PASSWORD_OCTAL = r'p\303\244ss'

TEXT = r'''
def text(b):
    # the UTF-8 octets as the program's str: octets under Python 2, decoded under Python 3
    return b if str is bytes else b.decode('utf-8')
'''


def run(python, code, locale):
    env = dict(os.environ)
    env['LANG'] = env['LC_ALL'] = locale
    p = subprocess.Popen([python, '-c', difftest._PRELUDE + TEXT + code], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    out, err = p.communicate()
    if p.returncode != 0:
        raise AssertionError('%s failed (%d) under LANG=%s:\n%s\n%s' % (python, p.returncode, locale, code, err))
    return out.decode('utf-8', 'replace') if isinstance(out, bytes) else out


def shell(script, *args):
    subprocess.check_call(['/bin/sh', '-c', script, 'sh'] + list(args))


class Scratch(unittest.TestCase):
    def setUp(self):
        self.top = tempfile.mkdtemp(prefix='pynss-cstr-')

    def tearDown(self):
        shutil.rmtree(self.top, ignore_errors=True)


@needs_reference
class CStringArguments(Scratch):
    CODE = r'''
import nss.nss as nss, nss.ssl as ssl, nss.io as io
d = %(top)r + '/' + text(b'db-\xc3\xa9\xe2\x82\xac')
out(exc(nss.nss_init_read_write, 'sql:' + d), nss.nss_is_initialized())
nss.nss_shutdown()
out(exc(nss.nss_init, 'sql:' + d), nss.nss_is_initialized())
out(exc(nss.nss_init, 'sql:' + d + text(b'-\xc3\xa9')))
s = ssl.SSLSocket(io.PR_AF_INET)
for h in [b'www.example.com', b'b\xc3\xbccher.example', b'\xe2\x82\xac']:
    out(exc(s.set_hostname, text(h)), exc(s.get_hostname), exc(s.set_sock_peer_id, text(h)))
for v in ['3.0', '99.0', 'abc', text(b'3.\xc3\xa9')]:
    out(v, exc(nss.nss_version_check, v))
for p in ['tcp', 'udp', text(b't\xc3\xa9p')]:
    out(p, exc(io.get_proto_by_name, p))
out(str(nss.DN(text(b'CN=b\xc3\xbccher,O=\xe2\x82\xac'))))
s.close()
nss.nss_shutdown()
'''

    def test_under_each_locale(self):
        shell('mkdir "$1/$(printf "$2")"', self.top, NAME_OCTAL)
        code = self.CODE % {'top': self.top}
        for locale in LOCALES:
            here = run(PYNSS, code, locale)
            self.assertEqual(here.splitlines(), run(difftest.REFERENCE, code, locale).splitlines(),
                             'LANG=%s' % locale)
        # the database was written into the directory named by those octets
        listing = subprocess.Popen(['/bin/sh', '-c', 'ls "$1/$(printf "$2")"', 'sh', self.top, NAME_OCTAL],
                                   stdout=subprocess.PIPE).communicate()[0].split()
        self.assertIn('cert9.db', listing)


@unittest.skipUnless(HAVE_CERTUTIL, 'certutil (libnss3-tools) not installed')
class NonAsciiPassword(Scratch):
    """python-nss crashes on the internal slot under Python 3 (README), so what NSS says is
    the expectation here: the right password logs in, a wrong one is refused."""
    CODE = r'''
import nss.nss as nss
nss.nss_init('sql:' + %(top)r)
slot = nss.get_internal_key_slot()
out(slot.need_login(), slot.is_logged_in())
for pw in [b'p\xc3\xa4s', b'p\xc3\xa4ss']:
    nss.set_password_callback(lambda s, retry, pw=pw: None if retry else text(pw))
    out(exc(slot.authenticate), slot.is_logged_in())
del slot
nss.nss_shutdown()
'''

    def test_under_each_locale(self):
        shell('printf "$2\\n" > "$1/pw" && certutil -N -d "sql:$1" -f "$1/pw" >/dev/null', self.top, PASSWORD_OCTAL)
        for locale in LOCALES:
            self.assertEqual(run(PYNSS, self.CODE % {'top': self.top}, locale).splitlines(),
                             ['True False', "'EXC NSPRError -8177' False", 'None True'], 'LANG=%s' % locale)


@needs_reference
class TimesUnderAGermanLocale(Scratch):
    """Validity times from NSS and the names time.strftime writes, against the reference."""
    CODE = r'''
import glob, os
import nss.nss as nss
nss.nss_init_nodb()
for path in sorted(glob.glob(os.path.join(%(certs)r, '*.der'))):
    c = nss.Certificate(nss.read_der_from_file(path))
    out(os.path.basename(path), c.valid_not_before_str, c.valid_not_after_str)
    out([l for l in str(c).splitlines() if 'UTC' in l])
del c
nss.nss_shutdown()
import datetime, time
for t in (0, 951825600, 4102444799):
    out(time.strftime('%%a %%A %%b %%B %%p %%d %%H:%%M:%%S %%Y %%c', time.gmtime(t)),
        datetime.datetime.utcfromtimestamp(t).strftime('%%a %%A %%b %%B %%p %%c'))
'''

    def test_validity_times_read_as_the_references(self):
        # a German locale made for this test (glibc's sources of it ship with the locales package)
        locales = os.path.join(self.top, 'locales')
        os.mkdir(locales)
        made = subprocess.call(['localedef', '-i', 'de_DE', '-f', 'UTF-8', os.path.join(locales, 'de_DE.UTF-8')],
                               stdout=open(os.devnull, 'w'), stderr=subprocess.STDOUT) == 0
        if not made:
            self.skipTest('cannot make a de_DE.UTF-8 locale here (localedef, locales sources)')
        os.environ['LOCPATH'] = locales
        try:
            code = self.CODE % {'certs': os.path.join(TOP, 'test-vectors', 'certs')}
            here = run(PYNSS, code, 'de_DE.UTF-8')
            self.assertIn('UTC', here)
            self.assertEqual(here.splitlines(), run(difftest.REFERENCE, code, 'de_DE.UTF-8').splitlines())
        finally:
            del os.environ['LOCPATH']


class StrftimeAsPython2(unittest.TestCase):
    """time.strftime's and datetime's %c in the C locale's form, as Python 2.7 writes it (the
    day of the month padded with a space, as asctime); the other directives were already
    Python 2's (values from CPython 2.7.18)."""

    def test_c_directive(self):
        import datetime
        import time
        for t, text in [(0, 'Thu Jan  1 00:00:00 1970'), (86400 * 3 + 3600 * 13, 'Sun Jan  4 13:00:00 1970'),
                        (951825600, 'Tue Feb 29 12:00:00 2000'), (4102444799, 'Thu Dec 31 23:59:59 2099')]:
            self.assertEqual(time.strftime('%c', time.gmtime(t)), text)
            self.assertEqual(time.strftime('<%c|%d>', time.gmtime(t)), '<%s|%s>' % (text, time.strftime('%d', time.gmtime(t))))
            self.assertEqual(datetime.datetime.utcfromtimestamp(t).strftime('%c'), text)
            self.assertEqual(time.asctime(time.gmtime(t)), text)


@unittest.skipUnless(os.path.isdir('/usr/lib/locale/C.utf8') and not os.environ.get('LOCPATH'),
                     'no C.UTF-8 locale installed (the launcher then leaves the C locale as it is)')
class CommandLineUnderTheCLocale(Scratch):
    """Under the C or POSIX locale (or none) the JVM read the command line, the environment and
    file names as ASCII; Python 2 hands a program their octets whatever the locale. The launcher
    starts the JVM under C.UTF-8 then and gives the program the user's own LC_ALL. Expected
    values are Python 2.7's (python-nss's Python 3 decodes them to text instead)."""
    CODE = r'''
import os, subprocess, sys
print repr(sys.argv[1:]), repr(os.environ.get('XV')), repr(os.path.basename(os.getcwd()))
print repr(os.environ.get('LC_ALL')), repr(os.environ.get('LANG')), 'MALLOC_ARENA_MAX' in os.environ
print repr(subprocess.check_output(['/bin/sh', '-c', 'echo "${LC_ALL-unset}|${LANG-unset}|${MALLOC_ARENA_MAX-unset}"']))
os.mkdir('x\xc3\xa9')
print repr([n for n in os.listdir('.') if n.startswith('x')]), os.path.isdir('x\xc3\xa9')
'''

    def test_octets_and_the_users_environment(self):
        script = os.path.join(self.top, 'argv.py')
        with open(script, 'w') as f:
            f.write(self.CODE)
        for env, lc_all, lang in [('LANG=C LC_ALL=C', "'C'", "'C'"), ('-u LC_ALL LANG=C', 'None', "'C'"),
                                  ('-u LC_ALL -u LANG -u LC_CTYPE', 'None', 'None'),
                                  ('LC_ALL=POSIX LANG=C.UTF-8', "'POSIX'", "'C.UTF-8'"),
                                  ('-u LC_ALL LANG=C.UTF-8', 'None', "'C.UTF-8'")]:
            p = subprocess.Popen(['/bin/sh', '-c', 'cd "$1" && mkdir "$(printf "d\\303\\251")" && cd d* && '
                                  'XV="$(printf "b\\303\\274")" exec env -u MALLOC_ARENA_MAX -u LC_CTYPE ' + env +
                                  ' "$2" "$3" "$(printf "b\\303\\274cher")" x', 'sh', self.top, PYNSS, script],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out, err = p.communicate()
            shell('rm -rf "$1"/d*', self.top)
            self.assertEqual(p.returncode, 0, err)
            shown = lambda v: 'unset' if v == 'None' else v.strip("'")
            self.assertEqual(out.splitlines(), [
                "['b\\xc3\\xbccher', 'x'] 'b\\xc3\\xbc' 'd\\xc3\\xa9'",
                '%s %s False' % (lc_all, lang),
                repr('%s|%s|unset\n' % (shown(lc_all), shown(lang))),
                "['x\\xc3\\xa9'] True"], env)


if __name__ == '__main__':
    unittest.main()
