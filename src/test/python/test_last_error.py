"""The thread's last error, as python-nss leaves it.

Where NSS fails without setting an error of its own, python-nss raises
NSPRError with whatever error the calling thread had before (its
set_nspr_error(NULL) path reads PR_GetError()). Each case below runs after two
different earlier failures (SEC_ERROR_INVALID_ARGS, SSL_ERROR_UNKNOWN_CIPHER_SUITE)
and must report what the reference reports: the earlier error where NSS sets
none, NSS's own where it does. Objects dropped before, and released here later
than CPython would (by the collector, or by the next object made), must not
change that answer.

The deterministic Java-side check of the release paths is NativeResourceTest;
the auth-certificate callback that raises is in test_ssl (ReferenceInterop).
"""
import os
import unittest

import nss.nss as nss

from difftest import DiffTestCase, needs_reference

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DB = 'sql:' + os.path.join(TOP, 'test-vectors', 'db')
CERTS = os.path.join(TOP, 'test-vectors', 'certs')

HEAD = '''
import gc, warnings
warnings.simplefilter('ignore')
import nss.nss as nss, nss.ssl as ssl, nss.io as io, nss.error as E
if not nss.nss_is_initialized():
    nss.nss_init(%r)
CERTS = %r
def der(name):
    return nss.read_der_from_file(CERTS + '/' + name + '.der')
def leave_invalid_args():
    try:
        ssl.get_cipher_suite_info(0xff)
    except E.NSPRError:
        pass
def leave_unknown_cipher():
    try:
        ssl.set_default_cipher_pref(0xffff, True)
    except E.NSPRError:
        pass
EARLIER = [leave_invalid_args, leave_unknown_cipher]
def code(f, *args):
    try:
        f(*args)
    except E.NSPRError as e:
        return e.error_code
    return 'ok'
def after_each_earlier_error(label, f, *args):
    codes = []
    for earlier in EARLIER:
        earlier()
        codes.append(code(f, *args))
    out(label, codes)
''' % (DB, CERTS)


def setUpModule():
    if not nss.nss_is_initialized():
        nss.nss_init(DB)


@needs_reference
class LastError(DiffTestCase):
    def test_the_probes_leave_two_different_errors(self):
        # NSPRError() without a code takes the thread's error: both probes must be seen
        self.assertSame(HEAD + '''
for earlier in EARLIER:
    earlier()
    out(E.NSPRError().error_code)
''')

    def test_lookups_that_find_nothing(self):
        # PK11_FindCert(s)FromNickname return nothing without an error of their own
        self.assertSame(HEAD + '''
after_each_earlier_error('find_cert_from_nickname', nss.find_cert_from_nickname, 'no such nickname')
after_each_earlier_error('find_certs_from_nickname', nss.find_certs_from_nickname, 'no such nickname')
after_each_earlier_error('find_certs_from_email_addr', nss.find_certs_from_email_addr, 'nobody@example.invalid')
after_each_earlier_error('find_crl_by_name', nss.get_default_certdb().find_crl_by_name, 'CN=nobody')
''')

    def test_ssl_socket_without_host_name_or_session(self):
        # SSL_RevealURL and SSL_GetSessionID give nothing, without an error, before a handshake
        self.assertSame(HEAD + '''
s = ssl.SSLSocket(io.PR_AF_INET)
after_each_earlier_error('get_hostname', s.get_hostname)
after_each_earlier_error('get_session_id', s.get_session_id)
after_each_earlier_error('invalidate_session', s.invalidate_session)
after_each_earlier_error('get_peer_name', s.get_peer_name)
s.close()
''')

    def test_base64_that_does_not_decode(self):
        # NSSBase64_DecodeBuffer fails on these without an error of its own ('' is
        # SEC_ERROR_INVALID_ARGS from NSS)
        self.assertSame(HEAD + '''
for text in ['A', '====', 'AB=C', 'AAAA====AAAA', '']:
    after_each_earlier_error(repr(text), nss.base64_to_binary, text)
''')

    def test_certificate_of_undecodable_der(self):
        # NSS sets these errors itself; which one depends on whether it holds any other
        # temporary certificate (one is held here, as on both sides in a real program)
        self.assertSame(HEAD + '''
held = nss.Certificate(der('ca'))
ca = der('ca').data
samples = [b'', b'hello', b'\\x30\\x03\\x02\\x01\\x00', ca[:40], ca[:-1], ca[:4] + b'\\xff' * 16 + ca[20:]]
for i, data in enumerate(samples):
    after_each_earlier_error('sample %d' % i, nss.Certificate, data)
del held
''')

    def test_dropped_objects_released_meanwhile(self):
        # Objects dropped before the earlier error: CPython released them at once; here they are
        # released by the collector or by the next object made (the socket and certificates
        # below), which must leave the earlier error as it was
        self.assertSame(HEAD + '''
def make_and_drop():
    objs = [nss.Certificate(der(n)) for n in ('server', 'client', 'ec', 'dsa')]
    objs += [nss.get_internal_slot().key_gen(nss.CKM_AES_KEY_GEN, None, 16) for i in range(4)]
    objs += [nss.create_digest_context(nss.SEC_OID_SHA256) for i in range(4)]
    objs += [ssl.SSLSocket(io.PR_AF_INET) for i in range(4)]
    del objs
s = ssl.SSLSocket(io.PR_AF_INET)
for earlier in EARLIER:
    for round in range(3):
        make_and_drop()
        gc.collect()
    earlier()
    fresh = [nss.create_digest_context(nss.SEC_OID_SHA1) for i in range(40)]
    out(code(nss.find_cert_from_nickname, 'no such nickname'))
    del fresh
    make_and_drop()
    gc.collect()
    earlier()
    fresh = [nss.create_digest_context(nss.SEC_OID_SHA1) for i in range(40)]
    out(code(s.get_hostname))
    del fresh
s.close()
''')


if __name__ == '__main__':
    unittest.main()
