"""Runs numbered items in worker processes, attributing a crash or a hang to one item
(Python 2 and 3; used by hostile.py and fuzz.py).

The worker is `PYTHON SCRIPT --worker POS OUTPATH IDXFILE ARGS...`: it runs the items
listed in IDXFILE from position POS on, writing 'S <i>' to OUTPATH before item i and
'R <i> <outcome>' after it (flushed each time); it may exit early with status 3 to ask
for a fresh worker. The parent restarts a worker after the last item with a result;
the item a worker died in gets 'CRASH <status>' (with the end of the worker's output),
one during which OUTPATH stayed still for `timeout` seconds gets 'HANG'.
"""
import os
import shutil
import subprocess
import tempfile
import time


def run(python, script, indices, timeout, results, args=()):
    """Runs items `indices`; fills results {i: outcome}; returns the number of workers started."""
    if os.sep in python:
        python = os.path.abspath(python)      # the workers run in a directory of their own
    tmp = tempfile.mkdtemp(prefix='isolated-')
    try:
        idxfile = os.path.join(tmp, 'indices')
        with open(idxfile, 'w') as f:
            f.write(' '.join(str(i) for i in indices))
        outpath = os.path.join(tmp, 'out')
        logpath = os.path.join(tmp, 'worker.log')
        env = dict(os.environ)
        # a JVM's crash report goes here, not into the current directory
        env['PYNSS_JAVA_OPTS'] = (env.get('PYNSS_JAVA_OPTS', '') + ' -XX:ErrorFile=%s/hs_err_%%p.log' % tmp).strip()
        pos = 0
        workers = 0
        failures = 0
        while pos < len(indices):
            open(outpath, 'w').close()
            log = open(logpath, 'w')
            p = subprocess.Popen([python, script, '--worker', str(pos), outpath, idxfile] + list(args),
                                 stdout=log, stderr=subprocess.STDOUT, cwd=tmp, env=env)
            workers += 1
            last_size, last_change = 0, time.time()
            hung = False
            while p.poll() is None:
                time.sleep(0.05)
                size = os.path.getsize(outpath)
                if size != last_size:
                    last_size, last_change = size, time.time()
                # a worker starting up (a JVM on a loaded machine) gets more time than an item
                elif time.time() - last_change > (timeout if size else max(timeout, 180)):
                    p.kill()
                    p.wait()
                    hung = True
                    break
            log.close()
            started = None
            got = 0
            with open(outpath) as f:
                for line in f:
                    parts = line.rstrip('\n').split(' ', 2)
                    if parts[0] == 'S' and len(parts) == 2:
                        started = int(parts[1])
                    elif parts[0] == 'R' and len(parts) == 3:
                        results[int(parts[1])] = parts[2]
                        started = None
                        got += 1
            while pos < len(indices) and indices[pos] in results:
                pos += 1
            if got:
                failures = 0
            if started is not None and pos < len(indices) and indices[pos] == started:
                if hung:
                    results[started] = 'HANG'
                else:
                    with open(logpath) as lf:
                        tail = lf.read()[-300:].replace('\n', ' ').replace('\t', ' ')
                    results[started] = 'CRASH %s | %s' % (p.returncode, tail)
                pos += 1
            elif got == 0 and pos < len(indices):
                failures += 1
                if failures < 3:
                    continue                           # once more: a worker may fail to start on a loaded machine
                with open(logpath) as lf:
                    raise RuntimeError('worker failed before its first item (%s, %s):\n%s'
                                       % (p.returncode, 'hung' if hung else 'exited', lf.read()[-2000:]))
        return workers
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class Recorder(object):
    """The worker's side: records the start and the outcome of each item."""

    def __init__(self, outpath):
        self.out = open(outpath, 'a')

    def start(self, i):
        self.out.write('S %d\n' % i)
        self.out.flush()

    def result(self, i, outcome):
        self.out.write('R %d %s\n' % (i, outcome.replace('\n', ' ')))
        self.out.flush()


def worker_items(argv):
    """(position, outpath, indices, extra args) from a worker's argv after '--worker'."""
    pos, outpath, idxfile = argv[0], argv[1], argv[2]
    with open(idxfile) as f:
        indices = [int(x) for x in f.read().split()]
    return int(pos), outpath, indices, argv[3:]


class PortableRandom(object):
    """Random choices that are the same under Python 2, Jython and Python 3 for the
    same seed text (their random modules differ: seeding, randrange, and Jython's
    generator itself): a counter hashed with MD5."""

    def __init__(self, seed_text):
        self.seed = seed_text
        self.n = 0

    def random(self):
        import hashlib
        self.n += 1
        h = hashlib.md5(('%s#%d' % (self.seed, self.n)).encode('utf-8')).hexdigest()
        return int(h[:13], 16) / float(16 ** 13)

    def randrange(self, a, b=None):
        if b is None:
            a, b = 0, a
        return a + int(self.random() * (b - a))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


def portable_sample(items, n, seed):
    """n of items, the same choice in every interpreter, in their original order."""
    import hashlib
    key = lambda i: hashlib.md5(('%s/%r' % (seed, i)).encode('utf-8')).hexdigest()
    chosen = set(sorted(items, key=key)[:n])
    return [i for i in items if i in chosen]
