"""Context churn: a digest or cipher context created, used once and dropped without
close() (the python-nss idiom), 100,000 times in a row. Reports the rate of the
first and of a later 100,000 (a growing number of contexts still open in NSS would
show as a falling rate) and the peak RSS. Also objects NSS holds until they are
released: a cipher context dropped in the middle of its operation (no digest_final()),
and a generated key dropped at once, each after a first round. Runnable under
python-nss and pynss alike.

    scripts/bench scripts/bench_churn.py [seconds]
"""
from __future__ import print_function

import sys
import time

import nss.nss as nss

from benchlib import counts, figure, peak_rss_mib

N = 100000


def timed(fn, n):
    t0 = time.time()
    for _ in counts(n):
        fn()
    return n / (time.time() - t0)


def main():
    nss.nss_init_nodb()
    data = b'x' * 64
    slot = nss.get_best_slot(nss.CKM_AES_CBC_PAD)
    key = slot.key_gen(nss.CKM_AES_CBC_PAD, None, 16)
    iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'\0' * 16))

    def digest():
        ctx = nss.create_digest_context(nss.SEC_OID_SHA256)
        ctx.digest_begin()
        ctx.digest_op(data)
        ctx.digest_final()

    def cipher():
        ctx = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, key, iv)
        ctx.cipher_op(data)
        ctx.digest_final()

    def unfinished():
        ctx = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, key, iv)
        ctx.cipher_op(data)

    def key_gen():
        slot.key_gen(nss.CKM_AES_CBC_PAD, None, 16)

    for name, fn in (('digest', digest), ('cipher', cipher)):
        first = timed(fn, N)
        timed(fn, N)
        later = timed(fn, N)
        figure('churn %s ctx, 1st 100k' % name, first, 'ops/s')
        figure('churn %s ctx, 3rd 100k' % name, later, 'ops/s')
    for name, fn, n in (('cipher ctx unfinished', unfinished, N), ('sym key (key_gen)', key_gen, N // 2)):
        timed(fn, n)
        figure('churn %s, 2nd %dk' % (name, n // 1000), timed(fn, n), 'ops/s')
    figure('peak RSS (churn)', peak_rss_mib(), 'MiB')


if __name__ == '__main__':
    main()
    nss.nss_shutdown()
