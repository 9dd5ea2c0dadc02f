"""Digest benchmark, runnable under python-nss (CPython) and pynss alike: SHA-256
of 1 MiB at once and through a context in 64 KiB and 1 MiB chunks. Prints one
line per figure: name, value, unit (scripts/bench shows them side by side).
"""
from __future__ import print_function

import sys

import nss.nss as nss

from benchlib import figure, peak_rss_mib, rate


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    nss.nss_init_nodb()
    big = b'y' * (1 << 20)
    chunk = b'y' * (1 << 16)

    def chunked(data, n):
        def run():
            ctx = nss.create_digest_context(nss.SEC_OID_SHA256)
            ctx.digest_begin()
            for _ in range(n):
                ctx.digest_op(data)
            ctx.digest_final()
        return run

    for name, fn in (('sha256 digest_op 64 KiB chunks', chunked(chunk, 256)),
                     ('sha256 digest_op 1 MiB chunks', chunked(big, 16))):
        rate(fn, seconds)       # warm-up (JIT)
        figure(name, rate(fn, seconds) * 16, 'MiB/s')
    figure('sha256_digest(1 MiB)', rate(lambda: nss.sha256_digest(big), seconds), 'MiB/s')
    figure('peak RSS (digest)', peak_rss_mib(), 'MiB')


if __name__ == '__main__':
    main()
    nss.nss_shutdown()
