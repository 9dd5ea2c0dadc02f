"""Symmetric cipher benchmark, runnable under python-nss (CPython) and pynss alike:
AES-128-CBC and AES-256-CBC through a PK11Context, cipher_op in 64 KiB and 1 MiB
chunks. Prints one line per figure: name, value, unit.

    scripts/bench scripts/bench_cipher.py [seconds]
"""
from __future__ import print_function

import sys

import nss.nss as nss

from benchlib import figure, peak_rss_mib, rate


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    nss.nss_init_nodb()
    slot = nss.get_best_slot(nss.CKM_AES_CBC_PAD)
    iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'\0' * 16))
    chunks = {'64 KiB': (b'z' * (1 << 16), 16), '1 MiB': (b'z' * (1 << 20), 1)}

    for bits, size in ((128, '64 KiB'), (256, '1 MiB')):
        key = slot.key_gen(nss.CKM_AES_CBC_PAD, None, bits // 8)
        data, per_mib = chunks[size]

        def encrypt():
            ctx = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, key, iv)
            for _ in range(per_mib * 4):
                ctx.cipher_op(data)
            ctx.digest_final()

        rate(encrypt, seconds)      # warm-up (JIT)
        figure('aes-%d-cbc cipher_op %s chunks' % (bits, size), rate(encrypt, seconds) * 4, 'MiB/s')
    figure('peak RSS (cipher)', peak_rss_mib(), 'MiB')


if __name__ == '__main__':
    main()
    nss.nss_shutdown()
