"""Typical API calls beyond the small calls of bench_calls.py: certificate fields and
names, verification, slots and keys, conversions, and errors raised and caught. One
figure per call, in microseconds per call after a warm-up of the same length. Runnable
under python-nss and pynss alike; opens the test vectors' database read-only.

    scripts/bench scripts/bench_api.py [seconds]
"""
from __future__ import print_function

import os
import sys

import nss.error as nss_error
import nss.nss as nss
import nss.ssl as ssl
import nss.io as io

from benchlib import figure, per_call_us

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
VECTORS = os.path.join(TOP, 'test-vectors')


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    seconds = max(0.1, seconds / 2)     # many figures: half the time of the others each
    nss.nss_init('sql:' + os.path.join(VECTORS, 'db'))
    nss.set_password_callback(lambda slot, retry: '')
    with open(os.path.join(VECTORS, 'certs', 'server.der'), 'rb') as f:
        der = f.read()
    cert = nss.Certificate(der)
    certdb = nss.get_default_certdb()
    dn = cert.subject
    item = nss.SecItem(der[:256])
    slot = nss.get_internal_key_slot()
    key = nss.get_best_slot(nss.CKM_AES_CBC_PAD).key_gen(nss.CKM_AES_CBC_PAD, None, 16)
    small = b'x' * 64
    large = b'y' * 100000
    iv = nss.SecItem(b'\0' * 16)
    rdn = dn[0]
    ava = rdn[0]
    san = cert.get_extension(nss.SEC_OID_X509_SUBJECT_ALT_NAME).value
    pem_path = os.path.join(VECTORS, 'certs', 'server.pem')
    sock = ssl.SSLSocket(io.PR_AF_INET)

    def missing_nickname():
        try:
            nss.find_cert_from_nickname('no-such-certificate')
        except nss_error.NSPRError:
            pass

    def bad_argument():
        try:
            nss.sha256_digest(1)
        except TypeError:
            pass

    calls = [
        ('cert.issuer', lambda: cert.issuer),
        ('cert.version', lambda: cert.version),
        ('cert.valid_not_before', lambda: cert.valid_not_before),
        ('cert.valid_not_after_str', lambda: cert.valid_not_after_str),
        ('cert.subject_public_key_info', lambda: cert.subject_public_key_info),
        ('cert.extensions', lambda: cert.extensions),
        ('cert.get_extension(SAN)', lambda: cert.get_extension(nss.SEC_OID_X509_SUBJECT_ALT_NAME)),
        ('cert.der_data', lambda: cert.der_data),
        ('str(cert.subject)', lambda: str(dn)),
        ('dn.common_name', lambda: dn.common_name),
        ('nss.DN(text)', lambda: nss.DN('CN=www.example.com,O=Example,C=US')),
        ('cert.check_valid_times()', lambda: cert.check_valid_times()),
        ('cert.verify_now(certdb)', lambda: cert.verify_now(certdb, True, nss.certificateUsageSSLServer)),
        ('find_cert_from_nickname', lambda: nss.find_cert_from_nickname('server')),
        ('NSPRError raised and caught', missing_nickname),
        ('TypeError for a bad argument', bad_argument),
        ('str(SecItem) (256 B)', lambda: str(item)),
        ('data_to_hex(64 B)', lambda: nss.data_to_hex(small)),
        ('oid_str(tag)', lambda: nss.oid_str(nss.SEC_OID_SHA256)),
        ('md5_digest(64 B)', lambda: nss.md5_digest(small)),
        ('get_internal_key_slot()', lambda: nss.get_internal_key_slot()),
        ('slot.token_name', lambda: slot.token_name),
        ('key.key_data', lambda: key.key_data),
        ('param_from_iv', lambda: nss.param_from_iv(nss.CKM_AES_CBC_PAD, iv)),
        ('base64_to_binary', lambda: nss.base64_to_binary('eHh4eHh4eHh4eHh4')),
        ('str(ava)', lambda: str(ava)),
        ('str(rdn)', lambda: str(rdn)),
        ('oid_str(dotted text)', lambda: nss.oid_str('2.16.840.1.101.3.4.2.1')),
        ('get_cipher_suite_info', lambda: ssl.get_cipher_suite_info(ssl.TLS_AES_128_GCM_SHA256)),
        ('SecItem(100 KB)', lambda: nss.SecItem(large)),
        ('read_der_from_file(PEM)', lambda: nss.read_der_from_file(pem_path, True)),
        ('x509_alt_name(SAN)', lambda: nss.x509_alt_name(san)),
        ('cert.valid_not_before_str', lambda: cert.valid_not_before_str),
        ('cert.is_ca_cert()', lambda: cert.is_ca_cert()),
        ('nss_version_check', lambda: nss.nss_version_check('3.0')),
        ('sock.set_hostname', lambda: sock.set_hostname('www.example.com')),
    ]
    for name, fn in calls:
        figure(name, per_call_us(fn, seconds), 'us/call', '%.3f')
    sock.close()


if __name__ == '__main__':
    main()
