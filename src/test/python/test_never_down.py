"""Ways the reference python-nss (and, before the fixes, pynss) took its process
down, each run in a fresh pynss process and, where the reference survives the
same scenario, compared with it:

- a SECOidTag past NSS's built-in OID table while NSS is not initialised
  (before nss_init, after nss_shutdown): NSS's by-tag lookup read the lock of
  its never-built dynamic OID table (python-nss crashes; the reference is
  compared in the initialised state, where it answers);
- an SSL server in a process that never configured the server session cache:
  NSS divided by the cache's zero size in a TLS 1.2 handshake (SIGFPE in
  python-nss too);
- a password callback answering every retry with the same wrong password:
  NSS asked again forever (python-nss hangs);
- get_pbe_iv() of an algorithm NSS cannot make a PBE parameter from: NSS
  copies an uninitialised item (python-nss returns garbage or crashes; found
  by the hostile-argument run after get_pbe_iv(b''));
- a call failing once the process has no file descriptor left: pynss raised
  IOError, as loading nss.error's class on the way to NSPRError needed one
  (python-nss, and now pynss, import nss.error with nss.nss, nss.io and nss.ssl).
"""
from __future__ import print_function

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from difftest import reference_available, REFERENCE

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DBDIR = os.path.join(TOP, 'test-vectors', 'db')
PYNSS = sys.executable
HAVE_CERTUTIL = any(os.path.exists(os.path.join(d, 'certutil')) for d in os.environ.get('PATH', '').split(os.pathsep))


def run(exe, code, *args):
    """(exit status, stdout) of code run by exe in a process of its own, bounded in time."""
    p = subprocess.Popen([exe, '-c', code] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    if not isinstance(out, str):
        out, err = out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace')
    return p.returncode, out, err


# every call of the family the hostile-argument run found, and its neighbours
TAG_CALLS = r'''from __future__ import print_function
import nss.nss as nss
def outcome(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        return '%s %s' % (type(e).__name__, getattr(e, 'errno', ''))
    return 'ok'
calls = [
    ('algtag_to_mechanism(400)', lambda: nss.algtag_to_mechanism(400)),
    ('algtag_to_mechanism(2**31-1)', lambda: nss.algtag_to_mechanism(2**31 - 1)),
    ('create_pbev2_algorithm_id(cipher_alg=123456)', lambda: nss.create_pbev2_algorithm_id(cipher_alg=123456)),
    ('create_pbev2_algorithm_id(prf_alg=123456)', lambda: nss.create_pbev2_algorithm_id(prf_alg=123456)),
    ('AVA(400, x)', lambda: nss.AVA(400, 'x')),
    ('oid_str(400)', lambda: nss.oid_str(400)),
    ('oid_tag_name(400)', lambda: nss.oid_tag_name(400)),
    ('oid_dotted_decimal(400)', lambda: nss.oid_dotted_decimal(400)),
    ('oid_tag(400)', lambda: nss.oid_tag(400)),
    ('get_iv_length(400)', lambda: nss.get_iv_length(400)),
    ('get_block_size(400)', lambda: nss.get_block_size(400)),
    ('pkcs12_map_cipher(400)', lambda: nss.pkcs12_map_cipher(400)),
    ('pkcs12_map_cipher(123456)', lambda: nss.pkcs12_map_cipher(123456)),
]
import sys
state = sys.argv[1]
if state == 'up':
    nss.nss_init_nodb()
elif state == 'after-shutdown':
    nss.nss_init_nodb()
    nss.nss_shutdown()
for name, f in calls:
    print(name, outcome(f))
print('alive')
'''


class OidTagsWhileDown(unittest.TestCase):

    def outcomes(self, exe, state):
        rc, out, err = run(exe, TAG_CALLS, state)
        self.assertEqual(rc, 0, '%s %s: exit status %s\n%s' % (exe, state, rc, err))
        self.assertTrue(out.endswith('alive\n'), out)
        return out.splitlines()

    def test_same_answer_in_every_state(self):
        # NSS's answer does not depend on whether NSS is initialised (its OID table is built),
        # except where NSS needs more than the table (SEC_ERROR_NO_TOKEN) or pynss refuses
        # the call before init (SEC_ERROR_NOT_INITIALIZED)
        up = self.outcomes(PYNSS, 'up')
        for state in ('before-init', 'after-shutdown'):
            down = self.outcomes(PYNSS, state)
            self.assertEqual(len(down), len(up))
            for d, u in zip(down, up):
                if d != u:
                    self.assertIn(d.split(' ', 1)[1], ('NSPRError -8038', 'NSPRError -8127'), (state, d, u))
        self.assertIn('algtag_to_mechanism(400) KeyError ', up)
        self.assertIn('AVA(400, x) NSPRError -8049', up)        # SEC_ERROR_UNRECOGNIZED_OID
        self.assertIn('pkcs12_map_cipher(400) ok', up)

    @unittest.skipUnless(reference_available(), 'reference python-nss not installed')
    def test_reference_when_up(self):
        # python-nss crashes on these before init and after shutdown; initialised, it answers
        self.assertEqual(self.outcomes(PYNSS, 'up'), self.outcomes(REFERENCE, 'up'))


SERVER = r'''from __future__ import print_function
import subprocess, sys
import nss.nss as nss, nss.ssl as ssl, nss.io as io
from nss.error import NSPRError
nss.nss_init('sql:' + sys.argv[1])
ssl.set_domestic_policy()
if sys.argv[3] == 'configured-later':
    ssl.config_server_session_id_cache()
cert = nss.find_cert_from_nickname('server')
key = nss.find_key_by_any_cert(cert)
s = ssl.SSLSocket(io.PR_AF_INET)
s.config_secure_server(cert, key, cert.find_kea_type())
s.bind(io.NetworkAddress(io.PR_IpAddrLoopback, 0))
s.listen()
port = s.get_sock_name().port
# a TLS 1.2 client (session IDs are cached by the server): one that completes, one that
# refuses the server's certificate (the server then uncaches the session)
client = """
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.maximum_version = ssl.TLSVersion.TLSv1_2
if sys.argv[2] == 'accepting':
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
c = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
try:
    t = ctx.wrap_socket(c, server_hostname='server.example.com')
    t.sendall(b'hi\\n')
    t.close()
except Exception as e:
    pass
"""
for kind in ('refusing', 'accepting'):
    p = subprocess.Popen([sys.argv[2], '-c', client, str(port), kind])
    c, addr = s.accept(io.seconds_to_interval(20))
    try:
        print(kind, repr(c.readline()))
    except NSPRError as e:
        print(kind, 'NSPRError', e.errno)
    c.close()
    p.wait()
if sys.argv[3] == 'configured-later':
    print('configured', ssl.config_server_session_id_cache())
print('alive')
'''

SYSTEM_PYTHON3 = '/usr/bin/python3'


@unittest.skipUnless(os.path.exists(SYSTEM_PYTHON3), 'needs a Python 3 with the ssl module as TLS 1.2 client')
class ServerWithoutSessionCache(unittest.TestCase):

    def test_tls12_handshakes_without_configured_cache(self):
        rc, out, err = run(PYNSS, SERVER, DBDIR, SYSTEM_PYTHON3, 'never-configured')
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.splitlines(), ["refusing NSPRError -12195",      # SSL_ERROR_BAD_CERT_ALERT
                                            "accepting 'hi\\n'", 'alive'])

    def test_configured_cache_is_kept(self):
        rc, out, err = run(PYNSS, SERVER, DBDIR, SYSTEM_PYTHON3, 'configured-later')
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.splitlines()[-3:], ["accepting 'hi\\n'", 'configured None', 'alive'])


PASSWORD_LOOP = r'''from __future__ import print_function
import sys
import nss.nss as nss
nss.nss_init_read_write('sql:' + sys.argv[1])
answers = []
def same_wrong(slot, retry, *user_data):
    answers.append(retry)
    if len(answers) > 20:
        return None             # NSS kept asking: the test fails on the count below
    return sys.argv[2]
nss.set_password_callback(same_wrong)
slot = nss.get_internal_key_slot()
try:
    slot.authenticate(False)
    print('authenticated')
except Exception as e:
    print(type(e).__name__, getattr(e, 'errno', ''))
print(answers)
def right_after_wrong(slot, retry, *user_data):
    return 'secret-1' if retry else 'wrong'
nss.set_password_callback(right_after_wrong)
slot.authenticate(False)
print(slot.is_logged_in())
'''


@unittest.skipUnless(HAVE_CERTUTIL, 'certutil (libnss3-tools) not installed')
class PasswordRetries(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='jnss-pw-')
        pw = os.path.join(self.dir, 'pwfile')
        with open(pw, 'w') as f:
            f.write('secret-1\n')
        with open(os.devnull, 'w') as null:
            subprocess.check_call(['certutil', '-N', '-d', 'sql:' + self.dir, '-f', pw], stdout=null, stderr=null)
        os.remove(pw)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_same_wrong_password_ends(self):
        for wrong in ('wrong', u'caf\xe9'.encode('utf-8'), u'caf\xe9'):
            rc, out, err = run(PYNSS, PASSWORD_LOOP, self.dir, wrong)
            self.assertEqual(rc, 0, err)
            # asked once, asked again (retry) and given the same answer: the attempt ends
            self.assertEqual(out.splitlines(), ['NSPRError -8177', '[False, True]', 'True'])


PBE_IV = r'''from __future__ import print_function
import sys
import nss.nss as nss
nss.nss_init_nodb()
alg = nss.Certificate(open(sys.argv[1], 'rb').read()).signature_algorithm
for pw in (b'', b'x', b'x' * 100, b'', b'x'):
    try:
        print(alg.get_pbe_iv(pw))
    except Exception as e:
        print(type(e).__name__, getattr(e, 'errno', ''))
print(len(nss.create_pbev2_algorithm_id().get_pbe_iv(b'pw')))
'''


class HugeIndentation(unittest.TestCase):
    """format() with an indentation of 2**31-1 per level: MemoryError, as in python-nss
    (the hostile run found pynss building the text for minutes)."""

    def test_format_memory_error(self):
        import nss.nss as nss
        if not nss.nss_is_initialized():
            nss.nss_init_nodb()
        c = nss.Certificate(open(os.path.join(TOP, 'test-vectors', 'certs', 'server.der'), 'rb').read())
        self.assertRaises(MemoryError, c.format, 0, 2 ** 31 - 1)
        self.assertRaises(MemoryError, c.format, 1, 2 ** 30)
        self.assertTrue(len(c.format(0, 8)) > 1000)


class PbeIvOfOtherAlgorithms(unittest.TestCase):

    def test_signature_algorithm(self):
        rc, out, err = run(PYNSS, PBE_IV, os.path.join(TOP, 'test-vectors', 'certs', 'server.der'))
        self.assertEqual(rc, 0, err)
        self.assertEqual(out.splitlines(), ['NSPRError -8183'] * 5 + ['16'])      # SEC_ERROR_BAD_DER


# run with a low descriptor limit: import a module, use up the descriptors with open(),
# then a call that fails (io.Socket: no descriptor for it; nss_shutdown: NSS is not up)
NO_DESCRIPTORS = r'''from __future__ import print_function
import os, sys
which = sys.argv[1]
if which == 'nss.io':
    import nss.io as io
    io.Socket(io.PR_AF_INET).close()         # NSPR loaded, as in a program that ran out later
    fail = lambda: io.Socket(io.PR_AF_INET)
elif which == 'nss.ssl':
    import nss.ssl as ssl
    import nss.nss as nss
    nss.nss_init_nodb()
    fail = ssl.SSLSocket
else:
    import nss.nss as nss
    fail = nss.nss_shutdown
held = []
def fill():
    try:
        while len(held) < 100000:
            held.append(open(os.devnull))
    except (IOError, OSError):
        pass
fill()
# a descriptor the runtime held for a moment while the loop ran (a busy machine's timing) may
# be free again: take it too and try once more; a call that succeeds keeps its descriptor
for attempt in range(3):
    try:
        held.append(fail())
        outcome = 'no error'
    except Exception as e:
        outcome = '%s %s %s' % (type(e).__module__, type(e).__name__, getattr(e, 'errno', None))
        break
    fill()
print(outcome)
'''


class NoDescriptorLeft(unittest.TestCase):

    def outcome(self, exe, which):
        p = subprocess.Popen(['sh', '-c', 'ulimit -n 256 && exec "$@"', 'sh', exe, '-c', NO_DESCRIPTORS, which],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = p.communicate()
        if not isinstance(out, str):
            out, err = out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace')
        self.assertEqual(p.returncode, 0, err)
        return out.strip()

    def check(self, which, expected):
        self.assertEqual(self.outcome(PYNSS, which), expected)
        if reference_available():
            self.assertEqual(self.outcome(REFERENCE, which), expected)

    def test_socket(self):
        self.check('nss.io', 'nss.error NSPRError -5971')       # PR_PROC_DESC_TABLE_FULL_ERROR

    def test_ssl_socket(self):
        self.check('nss.ssl', 'nss.error NSPRError -5971')

    def test_nss_error(self):
        self.check('nss.nss', 'nss.error NSPRError -8038')      # SEC_ERROR_NOT_INITIALIZED


if __name__ == '__main__':
    unittest.main()
