"""CRLs: decode_der_crl, import_crl, SignedCRL.delete_permanently, and the
CRL-reason / general-name name functions, compared with the reference
python-nss on the project's CRL vectors (test-vectors/crl, made by
scripts/make-crl-csr-vectors.sh). Databases are made per test with certutil."""
import os
import shutil
import subprocess
import tempfile
import unittest

import difftest
from difftest import DiffTestCase, needs_reference

import nss.nss as nss
import nss.error as nss_error
from nss.error import NSPRError

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
VECTORS = os.path.join(TOP, 'test-vectors', 'crl')


def vector(name):
    return os.path.join(VECTORS, name)


# A fresh database holding the CRL issuer (trusted) and another CA, made with
# certutil, in either interpreter.
MAKE_DB = r'''
import os, subprocess, tempfile
def make_db():
    d = tempfile.mkdtemp(prefix='jnss-crl-')
    null = open(os.devnull, 'w')
    subprocess.check_call(['certutil', '-N', '-d', 'sql:' + d, '--empty-password'], stdout=null, stderr=null)
    subprocess.check_call(['certutil', '-A', '-d', 'sql:' + d, '-n', 'ca', '-t', 'CT,C,C', '-i', %r], stdout=null, stderr=null)
    subprocess.check_call(['certutil', '-A', '-d', 'sql:' + d, '-n', 'other', '-t', 'C,,', '-i', %r], stdout=null, stderr=null)
    return d
''' % (vector('ca.der'), vector('other-ca.der'))

START = MAKE_DB + r'''
import shutil
import nss.nss as nss
if nss.nss_is_initialized():
    nss.nss_shutdown()
db = make_db()
nss.nss_init_read_write('sql:' + db)
crl_der = nss.read_der_from_file(%r)
empty_der = nss.read_der_from_file(%r)
def kind(f, *args, **kwargs):
    r = exc(f, *args, **kwargs)
    return r if isinstance(r, str) else type(r).__name__
''' % (vector('crl.der'), vector('empty.der'))

END = r'''
import gc
gc.collect()
try:
    nss.nss_shutdown()
except Exception:
    pass    # python-nss may leak a reference on an error path (SEC_ERROR_BUSY)
shutil.rmtree(db)
'''


def make_db():
    ns = {}
    exec(MAKE_DB, ns)
    return ns['make_db']()


def shutdown():
    if nss.nss_is_initialized():
        nss.nss_shutdown()


@needs_reference
class TestDecodeDiff(DiffTestCase):

    def test_decode(self):
        self.assertSame(r'''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
der = nss.read_der_from_file(%r)
c = nss.decode_der_crl(der)
out(type(c).__name__, repr(c).startswith('<nss.nss.SignedCRL object at '))
out(exc(nss.decode_der_crl, nss.SecItem(b'')), exc(nss.decode_der_crl, nss.SecItem(b'\x30\x03\x02\x01\x01')))
out(exc(nss.decode_der_crl, nss.SecItem(der.data[:100])), exc(nss.decode_der_crl, der.data))
out(exc(nss.decode_der_crl, None), exc(nss.decode_der_crl))
out(type(nss.decode_der_crl(der_crl=der)).__name__, type(nss.decode_der_crl(nss.read_der_from_file(%r))).__name__)
out(exc(c.delete_permanently))
''' % (vector('crl.der'), vector('empty.der')))

    def test_import_and_delete(self):
        self.assertSame(START + r'''
slot = nss.get_internal_key_slot()
c = nss.import_crl(slot, crl_der, 'http://crl.example.com/ca.crl', nss.SEC_CRL_TYPE,
                   nss.CRL_IMPORT_DEFAULT_OPTIONS, nss.CRL_DECODE_DEFAULT_OPTIONS)
out(type(c).__name__)
out(exc(c.delete_permanently), exc(c.delete_permanently))
c2 = nss.import_crl(slot, crl_der, 'http://crl.example.com/ca.crl', nss.SEC_CRL_TYPE, 0, 0, 'user', 'data')
out(type(c2).__name__, kind(nss.import_crl, slot, empty_der, 'u', nss.SEC_CRL_TYPE, 0, 0))
out(kind(nss.import_crl, slot, nss.SecItem(b'\x30\x00'), 'u', nss.SEC_CRL_TYPE, 0, 0))
out(kind(nss.import_crl, slot, crl_der, 'u', nss.SEC_KRL_TYPE, 0, 0))
out(kind(nss.import_crl, slot, crl_der.data, 'u', 1, 0, 0), kind(nss.import_crl, slot, crl_der, None, 1, 0, 0))
out(kind(nss.import_crl, None, crl_der, 'u', 1, 0, 0), kind(nss.import_crl, slot, crl_der, 'u', 1, 0))
out(exc(c2.delete_permanently))
del c, c2, slot
''' + END)

    def test_bypass_checks(self):
        self.assertSame(START + r'''
slot = nss.get_internal_key_slot()
c = nss.import_crl(slot, empty_der, 'u', nss.SEC_CRL_TYPE, nss.CRL_IMPORT_BYPASS_CHECKS,
                   nss.CRL_DECODE_DEFAULT_OPTIONS)
out(type(c).__name__, exc(c.delete_permanently))
c = nss.import_crl(slot, crl_der, 'u', nss.SEC_CRL_TYPE, nss.CRL_IMPORT_BYPASS_CHECKS, nss.CRL_DECODE_SKIP_ENTRIES)
out(type(c).__name__, exc(c.delete_permanently))
del c, slot
''' + END)

    def test_find_crl_by_name_and_cert(self):
        self.assertSame(START + r'''
slot = nss.get_internal_key_slot()
certdb = nss.get_default_certdb()
issuer = nss.find_cert_from_nickname('ca')
name = str(issuer.subject)
out(kind(certdb.find_crl_by_name, name), kind(certdb.find_crl_by_cert, issuer))
c = nss.import_crl(slot, crl_der, 'http://crl.example.com/ca.crl', nss.SEC_CRL_TYPE,
                   nss.CRL_IMPORT_DEFAULT_OPTIONS, nss.CRL_DECODE_DEFAULT_OPTIONS)
for args in ((name,), (name, nss.SEC_CRL_TYPE), (name, nss.SEC_KRL_TYPE), (name, 7),
             ('CN=nobody',), ('', ), ('bogus',), ('CN=',), (u'CN=jnss CRL Test CA, O=jnss, C=US',),
             (1,), (None,), (), (name, 'x'), (name, 1, 2)):
    out(args, kind(certdb.find_crl_by_name, *args))
out(kind(certdb.find_crl_by_name, name=name, type=nss.SEC_CRL_TYPE), kind(certdb.find_crl_by_name, nom=name))
for args in ((issuer,), (issuer, nss.SEC_KRL_TYPE), (nss.find_cert_from_nickname('other'),),
             (name,), (None,), (), (issuer, 1, 2)):
    out(args[1:], kind(certdb.find_crl_by_cert, *args))
found = certdb.find_crl_by_name(name)
out(exc(found.delete_permanently), kind(certdb.find_crl_by_name, name), exc(c.delete_permanently))
del c, found, slot, certdb, issuer
''' + END)

    def test_check_ocsp_status(self):
        # no responder is reachable: certificates without an OCSP location are good, the others
        # fail the same way on both sides; the default responder is a closed local port
        self.assertSame(START + r'''
certdb = nss.get_default_certdb()
ca = nss.find_cert_from_nickname('ca')
server = nss.Certificate(nss.read_der_from_file(%r))
def st(c, *a, **k):
    return kind(c.check_ocsp_status, *a, **k)
out(st(ca, certdb, None), st(ca, certdb, 0), st(ca, certdb, 1.5e15), st(ca, certdb, 2**62))
out(st(ca, certdb, 'now'), st(ca, None, None), st(ca, 'x', None), st(ca, certdb))
out(st(ca, certdb, None, 'user'), st(ca, certdb=certdb, time=None))
nss.set_ocsp_timeout(1)
out(st(server, certdb, None))
nss.enable_ocsp_checking()
out(st(server, certdb, None), st(ca, certdb, None))
nss.set_ocsp_default_responder(certdb, 'http://127.0.0.1:1/', 'ca')
nss.enable_ocsp_default_responder()
out(st(ca, certdb, None), st(server, certdb, None))
nss.disable_ocsp_default_responder()
nss.disable_ocsp_checking()
del ca, server, certdb
''' % os.path.join(TOP, 'test-vectors', 'certs', 'server.der') + END)

    def test_reason_names(self):
        self.assertSame(r'''
import nss.nss as nss
for i in list(range(-1, 12)) + [2**32 + 1, 2**64, True]:
    out(i, exc(nss.cert_crl_reason_name, i))
for i in list(range(-1, 11)) + [2**32 + 7]:
    out(i, exc(nss.cert_general_name_type_name, i))
out(exc(nss.cert_crl_reason_name, 'x'), exc(nss.cert_crl_reason_name, 1.0), exc(nss.cert_crl_reason_name))
out(exc(nss.cert_crl_reason_name, 1, 2), exc(nss.cert_crl_reason_name, reason=1))
out(exc(nss.cert_general_name_type_name, None), exc(nss.cert_general_name_type_name, type=7))
''')


class TestFromName(unittest.TestCase):
    """The *_from_name functions take a Python 2 str; python-nss 1.0.1 under Python 3 cannot be
    called at all ("must be bytes" / "must be string"), so these state the Python 2 results."""

    def test_crl_reason_from_name(self):
        for name, value in (('crlEntryReasonKeyCompromise', nss.crlEntryReasonKeyCompromise),
                            ('CRLENTRYREASONKEYCOMPROMISE', 1), ('reasonKeyCompromise', 1),
                            ('reasoncertificatedhold', nss.crlEntryReasoncertificatedHold),
                            ('ReasonAaCompromise', nss.crlEntryReasonAaCompromise),
                            ('crlEntryReasonUnspecified', 0)):
            self.assertEqual(nss.cert_crl_reason_from_name(name), value, name)
        for bad in ('keycompromise', 'bogus', '', 'crlEntry'):
            with self.assertRaises(KeyError) as e:
                nss.cert_crl_reason_from_name(bad)
            self.assertEqual(e.exception.args[0], 'CRL reason name not found: ' + bad)
        self.assertRaises(TypeError, nss.cert_crl_reason_from_name, 1)
        self.assertRaises(TypeError, nss.cert_crl_reason_from_name, name='reasonKeyCompromise')

    def test_general_name_type_from_name(self):
        for name, value in (('certURI', nss.certURI), ('uri', 7), ('URI', 7), ('dnsname', nss.certDNSName),
                            ('certOtherName', 1), ('RegisterID', nss.certRegisterID), ('ipaddress', 8)):
            self.assertEqual(nss.cert_general_name_type_from_name(name), value, name)
        with self.assertRaises(KeyError) as e:
            nss.cert_general_name_type_from_name('cert')
        self.assertEqual(e.exception.args[0], 'GeneralName type name not found: cert')
        self.assertRaises(TypeError, nss.cert_general_name_type_from_name, None)

    def test_round_trip(self):
        for v in range(11):
            if v == 7:
                continue
            self.assertEqual(nss.cert_crl_reason_from_name(nss.cert_crl_reason_name(v)), v)
        for v in range(1, 10):
            self.assertEqual(nss.cert_general_name_type_from_name(nss.cert_general_name_type_name(v)), v)


class TestSignedCRL(unittest.TestCase):

    def setUp(self):
        shutdown()
        self.db = make_db()
        nss.nss_init_read_write('sql:' + self.db)
        self.slot = nss.get_internal_key_slot()
        self.der = nss.read_der_from_file(vector('crl.der'))

    def tearDown(self):
        self.slot = None
        import gc
        gc.collect()
        shutdown()
        shutil.rmtree(self.db)

    def test_empty_signed_crl(self):
        # python-nss dereferences the missing CRL; here NSS's answer for a CRL that is in no database
        c = nss.SignedCRL()
        with self.assertRaises(NSPRError) as e:
            c.delete_permanently()
        self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_CRL_INVALID)
        self.assertRaises(TypeError, nss.SignedCRL, 1)

    def test_decode_options_keep_the_der_alive(self):
        # with DONT_COPY_DER NSS keeps pointing at the DER; ADOPT_HEAP_DER hands it over: both safe here
        for options in (nss.CRL_DECODE_DONT_COPY_DER, nss.CRL_DECODE_DONT_COPY_DER | nss.CRL_DECODE_ADOPT_HEAP_DER,
                        nss.CRL_DECODE_SKIP_ENTRIES, nss.CRL_DECODE_KEEP_BAD_CRL):
            for i in range(20):
                c = nss.decode_der_crl(self.der, nss.SEC_CRL_TYPE, options)
                self.assertIsInstance(c, nss.SignedCRL)
                del c
            import gc
            gc.collect()
        c = nss.decode_der_crl(self.der, decode_options=nss.CRL_DECODE_DONT_COPY_DER)
        self.assertRaises(NSPRError, c.delete_permanently)

    def test_type_and_options_are_used(self):
        # python-nss 1.0.1 writes type/decode_options over its own argument pointer (a crash);
        # here they are what the documentation says
        with self.assertRaises(NSPRError):
            nss.decode_der_crl(self.der, nss.SEC_KRL_TYPE)
        with self.assertRaises(NSPRError):
            nss.decode_der_crl(self.der, 99)
        self.assertIsInstance(nss.decode_der_crl(self.der, type=nss.SEC_CRL_TYPE,
                                                 decode_options=nss.CRL_DECODE_SKIP_ENTRIES), nss.SignedCRL)

    def test_imported_crl_keeps_nss_busy(self):
        c = nss.import_crl(self.slot, self.der, 'u', nss.SEC_CRL_TYPE, 0, 0)
        self.slot = None
        with self.assertRaises(NSPRError) as e:
            nss.nss_shutdown()
        self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_BUSY)
        c.delete_permanently()
        del c
        import gc
        gc.collect()
        nss.nss_shutdown()
        nss.nss_init_read_write('sql:' + self.db)
        # deleted permanently: the same CRL imports again
        c = nss.import_crl(nss.get_internal_key_slot(), self.der, 'u', nss.SEC_CRL_TYPE, 0, 0)
        c.delete_permanently()

    def test_password_callback_gets_user_data(self):
        seen = []

        def callback(slot, retry, *args):
            seen.append(args)
            return ''
        nss.set_password_callback(callback)
        c = nss.import_crl(self.slot, self.der, 'u', nss.SEC_CRL_TYPE, 0, 0, 'a', 2)
        c.delete_permanently()
        for args in seen:
            self.assertEqual(args, ('a', 2))

    def test_decoded_crl_after_shutdown(self):
        c = nss.decode_der_crl(self.der)
        self.slot = None
        import gc
        gc.collect()
        nss.nss_shutdown()
        self.assertRaises(NSPRError, c.delete_permanently)
        del c
        gc.collect()
        nss.nss_init_read_write('sql:' + self.db)

    def test_malformed_crls(self):
        data = self.der.data
        import random
        rnd = random.Random(99)
        seen = {}
        for i in range(300):
            d = bytearray(data)
            pos = rnd.randrange(len(d))
            if i % 3 == 0:
                d = d[:pos]
            elif i % 3 == 1:
                d[pos] ^= 1 << rnd.randrange(8)
            else:
                d[pos] = rnd.choice((0x00, 0x80, 0x84, 0xff))
            try:
                nss.decode_der_crl(nss.SecItem(bytes(d)))
                r = 'ok'
            except NSPRError as e:
                r = e.error_code
            seen[r] = seen.get(r, 0) + 1
        self.assertTrue(seen.get(nss_error.SEC_ERROR_BAD_DER, 0) > 50, seen)


if __name__ == '__main__':
    unittest.main()
