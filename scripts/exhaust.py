"""Resource exhaustion checks (Python 2 and 3: pynss and the reference python-nss).

Each check must end in success or a Python exception (MemoryError, NSPRError, ...),
never a crash or a wedged NSS; afterwards nss_shutdown() must behave as
documented (succeed once nothing is referenced). Each check runs in a process
of its own (scripts/isolated.py), so a crash is reported against it.

  exhaust.py [--python EXE] [--only NAME,...] [--gib N]

Checks: big-digest (sha256 of N GiB, default 1), big-cert (Certificate() of N GiB),
big-secitem (SecItem and to_hex of 256 MiB), big-base64 (base64_to_binary of 256 MiB),
objects (a million live DNs and SecItems, then a million digest contexts made
and dropped), sockets (io.Socket() until the descriptors run out, then
SSLSockets), then for each: release what was made and nss_shutdown().
"""
from __future__ import print_function

import gc
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import isolated

CHECKS = ('big-digest', 'big-cert', 'big-secitem', 'big-base64', 'objects', 'contexts', 'sockets')


def outcome(f):
    try:
        r = f()
        return 'ok %s' % (r,)
    except MemoryError:
        return 'MemoryError'
    except Exception as e:
        return '%s %s' % (type(e).__name__, getattr(e, 'errno', '') or '')


def check(name, gib):
    import nss.nss as nss
    import nss.io as io
    import nss.ssl as ssl
    nss.nss_init_nodb()
    t0 = time.time()
    held = []
    if name == 'big-digest':
        r = outcome(lambda: len(nss.sha256_digest(b'\0' * (gib << 30))))
    elif name == 'big-cert':
        r = outcome(lambda: nss.Certificate(b'\x30\x84\x40\x00\x00\x00' + b'\0' * (gib << 30)))
    elif name == 'big-secitem':
        r = outcome(lambda: len(nss.SecItem(b'\x04' * (256 << 20)).to_hex(0, None)))
    elif name == 'big-base64':
        r = outcome(lambda: len(nss.base64_to_binary('QUJD' * (64 << 20))))
    elif name == 'objects':
        def make():
            for i in range(10 ** 6):
                held.append(nss.DN('CN=x%d' % i) if i % 2 else nss.SecItem(b'x%d' % i))
            return len(held)
        r = outcome(make)
    elif name == 'contexts':
        def make():
            for i in range(10 ** 6):
                c = nss.create_digest_context(nss.SEC_OID_SHA1)
                c.digest_begin()
            return i + 1
        r = outcome(make)
    elif name == 'sockets':
        def make():
            try:
                while len(held) < 100000:
                    held.append(io.Socket(io.PR_AF_INET) if len(held) % 2 else ssl.SSLSocket(io.PR_AF_INET))
            except Exception as e:
                return 'stopped at %d: %s %s' % (len(held), type(e).__name__, getattr(e, 'errno', ''))
            return len(held)
        r = outcome(make)
        for s in held:
            s.close()
    del held[:]
    gc.collect()
    s = outcome(nss.nss_shutdown)
    return '%s; shutdown: %s; %.0f s' % (r, s, time.time() - t0)


def main(argv):
    if argv[:1] == ['--worker']:
        pos, outpath, indices, (gib,) = isolated.worker_items(argv[1:])
        rec = isolated.Recorder(outpath)
        i = indices[pos]
        rec.start(i)
        rec.result(i, check(CHECKS[i], int(gib)))
        os._exit(0)                 # one check per process
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument('--python', default=sys.executable)
    ap.add_argument('--only', default='')
    ap.add_argument('--gib', type=int, default=1)
    ap.add_argument('--timeout', type=float, default=900)
    args = ap.parse_args(argv)
    names = args.only.split(',') if args.only else list(CHECKS)
    indices = [CHECKS.index(n) for n in names]
    results = {}
    isolated.run(args.python, os.path.abspath(__file__), indices, args.timeout, results, [str(args.gib)])
    bad = 0
    for i in indices:
        r = results.get(i, 'lost')
        print('%-12s %s' % (CHECKS[i], r[:300]))
        bad += r.startswith('CRASH') or r == 'HANG' or r == 'lost'
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
