"""Trust changes and untrusted issuers, compared with the reference, on a
temporary read-write copy of the test-vector database: set_trust_attributes
(the CA made untrusted, then trusted again), verification with an untrusted
issuer (SEC_ERROR_UNTRUSTED_ISSUER at depth 1 in the log) and with an unknown
issuer, in a second, empty database."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import difftest
from difftest import needs_reference

import nss.nss as nss
import nss.error as nss_error

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
CERTS = os.path.join(TOP, 'test-vectors', 'certs')
TMP = None
DB = None


def setUpModule():
    global TMP, DB
    TMP = tempfile.mkdtemp(prefix='jnss-verify-trust-')
    shutil.copytree(os.path.join(TOP, 'test-vectors', 'db'), os.path.join(TMP, 'db'))
    DB = 'sql:' + os.path.join(TMP, 'db')
    nss.nss_init_read_write(DB)
    nss.set_password_callback(lambda slot, retry, *args: '')


def tearDownModule():
    try:
        nss.nss_shutdown()
    except Exception:
        pass
    shutil.rmtree(TMP, True)


PRELUDE = r'''
import nss.nss as nss
import nss.error as nss_error
nss.nss_init_read_write(DB)
nss.set_password_callback(lambda slot, retry, *args: '')
db = nss.get_default_certdb()
slot = nss.get_internal_key_slot()
USAGES = [nss.certificateUsageSSLServer, nss.certificateUsageSSLClient,
          nss.certificateUsageEmailSigner | nss.certificateUsageSSLServer, nss.certificateUsageAnyCA, 0]
def lines_of(s):
    for l in s.split('\n'):
        out(l)
def verify_all(c):
    for u in USAGES:
        try:
            usages, log = c.verify_with_log(db, True, u, None)
            out('ok', u, usages)
        except nss_error.CertVerifyError as e:
            log = e.log
            out('fail', u, e.error_code, e.usages)
        lines_of(str(log))
        for node in log:
            lines_of(str(node))
        try:
            out('now', c.verify_now(db, True, u))
        except nss_error.CertVerifyError as e:
            out('now fail', e.error_code, e.usages, e.log)
'''


def run_fresh(python, code, copy_db=True):
    """Runs code under python in a new process, on its own new copy of the
    test-vector database (or of the database at copy_db, or a new empty one),
    so that neither side sees the other's NSS caches."""
    tmp = tempfile.mkdtemp(prefix='jnss-verify-trust-')
    try:
        db = os.path.join(tmp, 'db')
        if copy_db is True:
            shutil.copytree(os.path.join(TOP, 'test-vectors', 'db'), db)
        elif copy_db:
            shutil.copytree(copy_db, db)
        else:
            os.mkdir(db)
        src = difftest._PRELUDE + 'DB = %r\nCERTS = %r\n' % ('sql:' + db, CERTS) + PRELUDE + code
        p = subprocess.Popen([python, '-c', src], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        o, e = p.communicate()
        if p.returncode != 0:
            raise AssertionError('%s failed (%d):\n%s\n%s' % (python, p.returncode, code, e.decode('utf-8', 'replace')))
        return o.decode('utf-8', 'replace').splitlines()
    finally:
        shutil.rmtree(tmp, True)


@needs_reference
class TestTrustDiff(unittest.TestCase):
    maxDiff = None

    def assertSameFresh(self, code, copy_db=True):
        ref = run_fresh(difftest.REFERENCE, code, copy_db)
        here = run_fresh(sys.executable, code, copy_db)
        self.assertEqual(here, ref, 'output differs for:\n' + code)

    def test_untrusted_issuer(self):
        self.assertSameFresh(r'''
ca = nss.find_cert_from_nickname('ca')
server = nss.find_cert_from_nickname('server')
out(ca.ssl_trust_str, ca.email_trust_str, ca.signing_trust_str)
for trust in (',,', 'P,,', 'c,c,c', 'T,,', 'CT,C,C'):
    ca.set_trust_attributes(trust, db, slot)
    ca = nss.find_cert_from_nickname('ca')
    out(trust, ca.ssl_trust_flags, ca.email_trust_flags, ca.signing_trust_flags, ca.ssl_trust_str)
    verify_all(server)
    verify_all(ca)
for trust in ('zzz', 'CT,C,C,X', 'Q'):
    out(trust, exc(ca.set_trust_attributes, trust, db, slot))
out(exc(ca.set_trust_attributes, 'CT,C,C', 'db', slot))
''')

    def test_unknown_issuer(self):
        self.assertSameFresh(r'''
for name in ('server', 'client', 'ec', 'ca', 'expired'):
    c = nss.Certificate(nss.read_der_from_file(CERTS + '/' + name + '.der'))
    out(name, c.ssl_trust_flags, c.is_ca_cert(True), [str(x.subject) for x in c.get_cert_chain()])
    verify_all(c)
out(sorted(nss.get_cert_nicknames(db, nss.SEC_CERT_NICKNAMES_ALL)))
''', copy_db=False)


def make_expired_ca_db(where):
    """A database with a CA that expired a year ago (valid 36 to 24 months back)
    and a leaf it issued that is valid now; None without certutil."""
    db = os.path.join(where, 'expired-ca-db')
    os.mkdir(db)
    noise = os.path.join(where, 'noise')
    with open(noise, 'wb') as f:
        f.write(os.urandom(64))
    try:
        def certutil(args, stdin=None):
            p = subprocess.Popen(['certutil'] + args + ['-d', 'sql:' + db], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            p.communicate(stdin)
            return p.returncode
        if certutil(['-N', '--empty-password']) != 0:
            return None
        if certutil(['-S', '-n', 'oldca', '-s', 'CN=Old CA,O=jnss', '-x', '-t', 'CT,C,C', '-k', 'rsa', '-g', '2048',
                     '-w', '-36', '-v', '12', '-m', '1', '-2', '-z', noise], b'y\n-1\ny\n') != 0:
            return None
        if certutil(['-S', '-n', 'leaf', '-s', 'CN=leaf.example.com,O=jnss', '-c', 'oldca', '-t', ',,', '-k', 'rsa',
                     '-g', '2048', '-w', '-30', '-v', '60', '-m', '2', '-z', noise, '--extSAN', 'dns:leaf.example.com']) != 0:
            return None
    except OSError:
        return None
    return db


@needs_reference
class TestExpiredIssuerDiff(unittest.TestCase):
    maxDiff = None

    def test_expired_issuer(self):
        tmp = tempfile.mkdtemp(prefix='jnss-expired-ca-')
        try:
            db = make_expired_ca_db(tmp)
            if db is None:
                self.skipTest('certutil (libnss3-tools) not available')
            code = r'''
for n in ('leaf', 'oldca'):
    c = nss.find_cert_from_nickname(n)
    out(n, c.check_valid_times(), [str(x.subject) for x in c.get_cert_chain()])
    verify_all(c)
'''
            ref = run_fresh(difftest.REFERENCE, code, db)
            here = run_fresh(sys.executable, code, db)
            self.assertEqual(here, ref)
            self.assertTrue(any('SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE' in l for l in here))
        finally:
            shutil.rmtree(tmp, True)


@needs_reference
class TestTrustArgumentsDiff(difftest.DiffTestCase):
    def test_set_trust_attributes_argument_errors(self):
        # python-nss's own converters (its CertDB-or-None one names SecItem)
        self.assertSame(r'''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
c = nss.Certificate(nss.read_der_from_file(%r))
def msg(*a):
    try:
        c.set_trust_attributes(*a)
    except TypeError as e:
        return str(e)
out(msg('P,,', 5, None), msg('P,,', None, 5), msg('P,,', 'db', nss.get_internal_key_slot()))
''' % os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'test-vectors', 'certs', 'ca.der'))


class TestTrust(unittest.TestCase):

    def test_untrust_and_restore(self):
        db = nss.get_default_certdb()
        ca = nss.find_cert_from_nickname('ca')
        server = nss.find_cert_from_nickname('server')
        ca.set_trust_attributes(',,', db, nss.get_internal_key_slot())
        try:
            try:
                server.verify_with_log(db, True, nss.certificateUsageSSLServer, None)
            except nss_error.CertVerifyError as e:
                self.assertEqual(e.error_code, nss_error.SEC_ERROR_UNTRUSTED_ISSUER)
                self.assertEqual([(n.depth, n.error) for n in e.log], [(1, nss_error.SEC_ERROR_UNTRUSTED_ISSUER)])
                self.assertTrue('Issuer: CN=jnss Test CA,O=jnss,C=US' in str(e.log))
            else:
                self.fail('verified with an untrusted issuer')
        finally:
            # no certdb, no slot: the default database and the internal key slot
            # (the reference crashes on a None slot)
            ca.set_trust_attributes('CT,C,C', None, None)
        self.assertEqual(server.verify_now(db, True, nss.certificateUsageSSLServer), nss.certificateUsageSSLServer)


if __name__ == '__main__':
    unittest.main()
