"""Certificate verification against the test-vector database, compared with
the reference: verify_now / verify / verify_with_log (usages, error codes,
CertVerifyError contents, the verify log and its nodes), validity, CA status,
chains, host names, and the database lookups (nicknames, lists, e-mail, keys).
NSS is initialized once, read-only, on test-vectors/db."""
import os
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss
import nss.error as nss_error

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DB = 'sql:' + os.path.join(TOP, 'test-vectors', 'db')
NICKS = ['ca', 'server', 'client', 'ec', 'ec-ca', 'dsa', 'pss', 'pss-key', 'expired', 'notyetvalid', 'names',
         'serial']

INIT = '''
import nss.nss as nss
import nss.error as nss_error
if not nss.nss_is_initialized():
    nss.nss_init(%r)
db = nss.get_default_certdb()
NICKS = %r
USAGES = [0, nss.certificateUsageSSLServer, nss.certificateUsageSSLClient, nss.certificateUsageSSLCA,
          nss.certificateUsageEmailSigner | nss.certificateUsageEmailRecipient,
          nss.certificateUsageObjectSigner, nss.certificateUsageAnyCA, nss.certificateUsageStatusResponder,
          0xfff]
def lines_of(s):
    for l in s.split('\\n'):
        out(l)
''' % (DB, NICKS)


def setUpModule():
    nss.nss_init(DB)


@needs_reference
class TestVerifyDiff(DiffTestCase):

    def test_verify_now(self):
        self.assertSame(INIT + r'''
for n in NICKS:
    c = nss.find_cert_from_nickname(n)
    for u in USAGES:
        for sig in (True, False):
            try:
                out(n, u, sig, 'ok', c.verify_now(db, sig, u))
            except nss_error.CertVerifyError as e:
                out(n, u, sig, 'fail', e.error_code, e.usages, e.log, e.errno, e.strerror)
''')

    def test_verify_and_log(self):
        self.assertSame(INIT + r'''
for n in NICKS:
    c = nss.find_cert_from_nickname(n)
    for u in USAGES:
        try:
            out(n, u, 'ok', c.verify(db, True, u, None))
        except nss_error.CertVerifyError as e:
            out(n, u, 'fail', e.error_code, e.usages, e.log)
        try:
            usages, log = c.verify_with_log(db, True, u, None)
            out(n, u, 'ok', usages, log.count, len(log))
        except nss_error.CertVerifyError as e:
            log = e.log
            out(n, u, 'fail', e.error_code, e.usages, type(log).__name__, log.count, len(log))
        lines_of(str(log))
        out(log.format_lines(1))
        lines_of(log.format(2))
        lines_of(log.format(1, 3))
        for i in range(len(log)):
            node = log[i]
            out(node.depth, node.error, str(node.certificate.subject))
            lines_of(str(node))
            out(node.format_lines(3))
        if len(log):
            out(str(log[-1]) == str(log[len(log) - 1]))
''')

    def test_verify_times(self):
        # fixed times: before, inside and after the validity of the test vectors
        self.assertSame(INIT + r'''
for n in NICKS:
    c = nss.find_cert_from_nickname(n)
    for t in (0, 1, 10**15, 1.5e15, 1700000000 * 10**6, 1800000000 * 10**6, 2000000000 * 10**6, 2**62, None):
        out(n, t, c.check_valid_times(t), c.check_valid_times(t, True))
        try:
            out(' ', c.verify(db, False, nss.certificateUsageSSLServer | nss.certificateUsageSSLClient, t))
        except nss_error.CertVerifyError as e:
            out(' ', e.error_code, e.usages)
    out(c.check_valid_times())
    # floats NSS cannot represent: python-nss's C cast gives the 'integer indefinite' time
    for t in (float('nan'), float('inf'), -float('inf'), 1e300):
        out(n, repr(t), c.check_valid_times(t))
''')

    def test_ca_kea_nickname_chain(self):
        self.assertSame(INIT + r'''
for n in NICKS:
    c = nss.find_cert_from_nickname(n)
    out(n, c.is_ca_cert(), c.is_ca_cert(True), c.is_ca_cert(False), c.is_ca_cert(return_cert_type=True))
    out(c.find_kea_type(), c.make_ca_nickname())
    for args in ((), (None,), (None, nss.certUsageSSLServer), (None, nss.certUsageEmailSigner), (0,),
                 (2000000000 * 10**6, nss.certUsageAnyCA)):
        chain = c.get_cert_chain(*args)
        out(type(chain).__name__, [str(x.subject) for x in chain])
    out(c.has_signer_in_ca_names([]), c.has_signer_in_ca_names(()))
''')

    def test_verify_hostname(self):
        self.assertSame(INIT + r'''
names = ['server.example.com', 'www.example.com', 'WWW.EXAMPLE.COM', 'example.com', 'x.server.example.com',
         '192.0.2.10', '2001:db8::1', '192.0.2.11', '', 'webmaster@example.com', 'ec.example.com',
         'expired.example.com', '*.example.com', 'jnss Test CA']
for n in NICKS:
    c = nss.find_cert_from_nickname(n)
    out(n, [c.verify_hostname(h) for h in names])
''')

    def test_lookups(self):
        self.assertSame(INIT + r'''
for n in NICKS:
    c = nss.find_cert_from_nickname(n)
    out(n, str(c.subject), c.serial_number)
    cs = nss.find_certs_from_nickname(n)
    out(type(cs).__name__, [str(x.subject) for x in cs])
for what in (nss.SEC_CERT_NICKNAMES_ALL, nss.SEC_CERT_NICKNAMES_USER, nss.SEC_CERT_NICKNAMES_SERVER,
             nss.SEC_CERT_NICKNAMES_CA):
    names = nss.get_cert_nicknames(db, what)
    out(what, type(names).__name__, sorted(names))
for t in (nss.PK11CertListUnique, nss.PK11CertListUser, nss.PK11CertListRootUnique, nss.PK11CertListCA,
          nss.PK11CertListCAUnique, nss.PK11CertListUserUnique, nss.PK11CertListAll):
    certs = nss.list_certs(t)
    out(t, type(certs).__name__, sorted(str(x.subject) for x in certs))
for slot in (nss.get_internal_key_slot(), nss.get_internal_slot()):
    certs = slot.list_certs()
    out(type(certs).__name__, sorted(str(x.subject) for x in certs))
certs = nss.find_certs_from_email_addr('client@example.com')
out([str(x.subject) for x in certs])
for f, a in ((nss.find_cert_from_nickname, 'no such nickname'), (nss.find_certs_from_nickname, 'nope'),
             (nss.find_certs_from_email_addr, 'nobody@example.org')):
    try:
        f(a)
        out('found')
    except nss_error.NSPRError as e:
        out(type(e).__name__)
c = nss.find_cert_from_nickname('server', 'user', 'data')
out(str(c.subject))
''')

    def test_keys(self):
        self.assertSame(INIT + r'''
for n in NICKS:
    c = nss.find_cert_from_nickname(n)
    k = nss.find_key_by_any_cert(c)
    out(n, type(k).__name__, [a for a in dir(k) if not a.startswith('_')])
''')

    def test_read_der_from_file(self):
        self.assertSame(INIT + r'''
import os
certs = %r
for name in sorted(os.listdir(certs)):
    path = os.path.join(certs, name)
    pem = name.endswith('.pem')
    a = nss.read_der_from_file(path, pem)
    b = nss.read_der_from_file(open(path, 'rb'), pem)
    c = nss.read_der_from_file(file=path, ascii=pem)
    out(name, type(a).__name__, len(a), a == b, a == c, str(nss.Certificate(a).subject))
out(exc(nss.read_der_from_file, None), exc(nss.read_der_from_file, 5))
''' % os.path.join(TOP, 'test-vectors', 'certs'))

    def test_empty_objects(self):
        self.assertSame(INIT + r'''
log = nss.CertVerifyLog()
out(str(log), len(log), log.count, log.format_lines(), log.format(1), log.format(level=1, indent_len=2), exc(log.format, 0, '  '))
out(exc(lambda: log[0]))
node = nss.CertVerifyLogNode()
out(node.depth, node.error)
for f in (lambda: node.certificate, lambda: str(node)):
    try:
        f()
        out('no error')
    except nss_error.NSPRError as e:
        out(type(e).__name__)
out(type(nss.PrivateKey()).__name__)
''')

    def test_argument_errors(self):
        self.assertSame(INIT + r'''
c = nss.find_cert_from_nickname('server')
calls = [
    lambda: c.verify_now(None, True, 2),
    lambda: c.verify_now(db, 1, 2),
    lambda: c.verify_now(db, True, '2'),
    lambda: c.verify(db, True, 2),
    lambda: c.verify(db, True, 2, 'x'),
    lambda: c.verify(None, True, 2, None),
    lambda: c.verify_with_log(db, True, 2),
    lambda: c.verify_hostname(None),
    lambda: c.check_valid_times('x'),
    lambda: c.get_cert_chain('x'),
    lambda: c.has_signer_in_ca_names(None),
    lambda: c.has_signer_in_ca_names([1]),
    lambda: c.has_signer_in_ca_names([nss.SecItem(c.der_data)]),
    lambda: nss.find_cert_from_nickname(None),
    lambda: nss.get_cert_nicknames(None, 1),
    lambda: nss.find_key_by_any_cert(None),
    lambda: c.set_trust_attributes('zzz', db, nss.get_internal_key_slot()),
]
for f in calls:
    out(exc(f))
''')


class TestVerify(unittest.TestCase):
    """Facts of the test vectors, checked without the reference."""

    def cert(self, nick):
        return nss.find_cert_from_nickname(nick)

    def test_valid_server(self):
        db = nss.get_default_certdb()
        c = self.cert('server')
        self.assertEqual(c.verify_now(db, True, nss.certificateUsageSSLServer), nss.certificateUsageSSLServer)
        usages, log = c.verify_with_log(db, True, nss.certificateUsageSSLServer, None)
        self.assertEqual(log.count, 0)
        self.assertTrue(c.verify_hostname('server.example.com'))
        self.assertFalse(c.verify_hostname('other.example.org'))
        self.assertEqual(c.check_valid_times(), nss.secCertTimeValid)
        self.assertEqual([str(x.subject) for x in c.get_cert_chain()],
                         [str(c.subject), str(self.cert('ca').subject)])

    def test_failures_are_cert_verify_errors(self):
        db = nss.get_default_certdb()
        for nick, usage, code in (('expired', nss.certificateUsageSSLServer, nss_error.SEC_ERROR_EXPIRED_CERTIFICATE),
                                  ('notyetvalid', nss.certificateUsageSSLServer,
                                   nss_error.SEC_ERROR_EXPIRED_CERTIFICATE),
                                  ('client', nss.certificateUsageSSLServer, nss_error.SEC_ERROR_INADEQUATE_CERT_TYPE),
                                  ('ca', nss.certificateUsageSSLServer, nss_error.SEC_ERROR_INADEQUATE_KEY_USAGE)):
            try:
                self.cert(nick).verify_now(db, True, usage)
            except nss_error.CertVerifyError as e:
                self.assertEqual(e.error_code, code, nick)
                self.assertEqual(e.usages, 0)
                self.assertTrue(e.log is None)
            else:
                self.fail('%s verified for %#x' % (nick, usage))
        self.assertEqual(self.cert('expired').check_valid_times(), nss.secCertTimeExpired)
        self.assertEqual(self.cert('notyetvalid').check_valid_times(), nss.secCertTimeNotValidYet)

    def test_log_nodes(self):
        db = nss.get_default_certdb()
        try:
            self.cert('expired').verify_with_log(db, True, nss.certificateUsageSSLServer, None)
        except nss_error.CertVerifyError as e:
            log = e.log
        else:
            self.fail('expired certificate verified')
        self.assertEqual(len(log), 1)
        self.assertEqual(log[0].error, nss_error.SEC_ERROR_EXPIRED_CERTIFICATE)
        self.assertEqual(log[0].depth, 0)
        self.assertTrue(isinstance(log[0].certificate, nss.Certificate))
        self.assertRaises(IndexError, lambda: log[1])
        self.assertTrue('Validation Errors: 1' in str(log))
        self.assertTrue('[SEC_ERROR_EXPIRED_CERTIFICATE]' in str(log[0]))

    def test_ca(self):
        self.assertEqual(self.cert('ca').is_ca_cert(), True)
        self.assertEqual(self.cert('server').is_ca_cert(), False)
        is_ca, cert_type = self.cert('ec-ca').is_ca_cert(True)
        self.assertTrue(is_ca and cert_type & 0x04)
        self.assertEqual(self.cert('ec').find_kea_type(), nss.ssl_kea_ecdh)
        self.assertEqual(self.cert('server').find_kea_type(), nss.ssl_kea_rsa)

    def test_lookups(self):
        self.assertEqual(sorted(nss.get_cert_nicknames(nss.get_default_certdb(), nss.SEC_CERT_NICKNAMES_USER)),
                         sorted(NICKS))
        self.assertEqual(len(nss.list_certs(nss.PK11CertListAll)), len(NICKS))
        self.assertRaises(nss_error.NSPRError, nss.find_cert_from_nickname, 'no such nickname')
        self.assertTrue(isinstance(nss.find_key_by_any_cert(self.cert('server')), nss.PrivateKey))


if __name__ == '__main__':
    unittest.main()
