"""Digest benchmark, runnable under python-nss (CPython) and pynss alike.

Prints one line per figure: name, value, unit. Use scripts/bench to run it
under both and see the figures side by side.
"""
from __future__ import print_function

import sys

import nss.nss as nss

from benchlib import rate




def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    nss.nss_init_nodb()
    small = b'x' * 64
    big = b'y' * (1 << 20)

    rate(lambda: nss.sha256_digest(small), seconds)  # warm-up (JIT)
    calls = rate(lambda: nss.sha256_digest(small), seconds)
    print('sha256_digest(64 B)\t%.0f\tcalls/s' % calls)
    print('per-call time\t%.3f\tus' % (1e6 / calls))

    def chunked():
        ctx = nss.create_digest_context(nss.SEC_OID_SHA256)
        ctx.digest_begin()
        for _ in range(16):
            ctx.digest_op(big)
        ctx.digest_final()

    rate(chunked, seconds)
    per_sec = rate(chunked, seconds)
    print('digest_op 1 MiB chunks\t%.0f\tMiB/s' % (per_sec * 16))
    print('sha256_digest(1 MiB)\t%.0f\tMiB/s' % rate(lambda: nss.sha256_digest(big), seconds))
    del chunked
    nss.nss_shutdown()


if __name__ == '__main__':
    main()
