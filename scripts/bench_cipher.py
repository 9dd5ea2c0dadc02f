"""Symmetric cipher and certificate benchmark, runnable under python-nss (CPython)
and pynss alike: AES-256-CBC through a PK11Context, and certificate decoding and
rendering. Prints one line per figure: name, value, unit.

    scripts/bench scripts/bench_cipher.py [seconds]
"""
from __future__ import print_function

import os
import sys

import nss.nss as nss

from benchlib import rate

HERE = os.path.dirname(os.path.abspath(__file__))




def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    nss.nss_init_nodb()
    slot = nss.get_best_slot(nss.CKM_AES_CBC_PAD)
    key = slot.key_gen(nss.CKM_AES_CBC_PAD, None, 32)
    iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'\0' * 16))
    big = b'z' * (1 << 20)
    small = b'z' * 64

    def encrypt(data):
        ctx = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, key, iv)
        ctx.cipher_op(data)
        ctx.digest_final()

    for name, data, unit, scale in (('aes-256-cbc 1 MiB', big, 'MiB/s', 1),
                                    ('aes-256-cbc context+64 B', small, 'ops/s', 1)):
        rate(lambda: encrypt(data), seconds)      # warm-up (JIT)
        print('%s\t%.0f\t%s' % (name, rate(lambda: encrypt(data), seconds) * scale, unit))

    der = nss.read_der_from_file(os.path.join(HERE, '..', 'test-vectors', 'certs', 'server.der'))
    rate(lambda: nss.Certificate(der), seconds)
    print('Certificate(der)\t%.0f\tops/s' % rate(lambda: nss.Certificate(der), seconds))
    cert = nss.Certificate(der)
    rate(lambda: str(cert), seconds)
    print('str(certificate)\t%.0f\tops/s' % rate(lambda: str(cert), seconds))


if __name__ == '__main__':
    main()
    nss.nss_shutdown()
