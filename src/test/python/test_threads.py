"""threading.Thread under the launcher: Python threads run on reused Java threads
(org.jnss.python.PooledThread), and a program sees what threads of their own give it.

Each behaviour is checked here, against pynss with the pool turned off
(-Dpynss.threadpool=false: Jython's own threads) where the output must be the same,
and against the reference python-nss where the two Pythons agree.
"""
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import java.lang

import difftest

PYNSS = sys.executable


def run_pynss(code, pooled=True, opts=''):
    """(exit status, stdout, stderr) of pynss running code in a process of its own, with JVM
    options opts added (and the pool turned off unless pooled)."""
    env = dict(os.environ)
    if not pooled:
        opts += ' -Dpynss.threadpool=false'
    if opts.strip():
        env['PYNSS_JAVA_OPTS'] = (env.get('PYNSS_JAVA_OPTS', '') + ' ' + opts).strip()
    fd, path = tempfile.mkstemp(suffix='.py')
    try:
        with os.fdopen(fd, 'w') as f:
            f.write(code)
        p = subprocess.Popen([PYNSS, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        out, err = p.communicate()
        return p.returncode, out, err.replace(path, 'SCRIPT')
    finally:
        os.remove(path)


def started(target, *args, **kw):
    t = threading.Thread(target=target, args=args, **kw)
    t.start()
    return t


class Pooling(unittest.TestCase):
    def test_python_threads_reuse_java_threads(self):
        seen = []
        for _ in range(3):
            started(lambda: seen.append(java.lang.Thread.currentThread())).join()
        self.assertTrue(seen[0] is seen[1] is seen[2], seen)

    def test_without_the_pool_each_python_thread_has_a_java_thread(self):
        code = ('import threading, java.lang\n'
                'seen = []\n'
                'for _ in range(3):\n'
                '    t = threading.Thread(target=lambda: seen.append(java.lang.Thread.currentThread()))\n'
                '    t.start(); t.join()\n'
                'print len(set(id(x) for x in seen))\n')
        self.assertEqual(run_pynss(code, pooled=False)[1].strip(), '3')
        self.assertEqual(run_pynss(code, pooled=True)[1].strip(), '1')

    def test_idle_java_threads_end_after_their_wait(self):
        # pynss.threadpool.idle=1: the pool's thread ends a second after its Python thread, and the
        # next Python thread gets a new one
        code = ('import threading, time, java.lang\n'
                'seen = []\n'
                'def note():\n'
                '    seen.append(java.lang.Thread.currentThread())\n'
                'for pause in (0, 0, 2.5, 0):\n'
                '    time.sleep(pause)\n'
                '    t = threading.Thread(target=note); t.start(); t.join()\n'
                'print seen[0] is seen[1], seen[1].isAlive(), seen[2] is seen[1], seen[2] is seen[3]\n')
        rc, out, err = run_pynss(code, opts='-Dpynss.threadpool.idle=1')
        self.assertEqual((rc, out.split()), (0, ['True', 'False', 'False', 'True']), err)

    def test_concurrent_threads_each_get_a_java_thread(self):
        # a server's threads block at the same time: none waits for another's Java thread
        barrier_count = [0]
        lock = threading.Condition()
        javas = []

        def meet():
            with lock:
                javas.append(java.lang.Thread.currentThread())
                barrier_count[0] += 1
                lock.notify_all()
                deadline = time.time() + 10
                while barrier_count[0] < 8 and time.time() < deadline:
                    lock.wait(0.5)

        ts = [started(meet) for _ in range(8)]
        for t in ts:
            t.join()
        self.assertEqual(barrier_count[0], 8)
        self.assertEqual(len(set(id(j) for j in javas)), 8)


class WhatAThreadSees(unittest.TestCase):
    def test_current_thread_and_ident(self):
        got = []
        t = threading.Thread(target=lambda: got.append((threading.current_thread(), threading.current_thread().ident,
                                                        java.lang.Thread.currentThread().getName())))
        ident = t.ident
        t.start()
        t.join()
        me, running_ident, java_name = got[0]
        self.assertTrue(me is t)
        self.assertEqual(running_ident, ident)
        import thread
        idents = []
        started(lambda: idents.append((thread.get_ident(), threading.current_thread().ident))).join()
        self.assertEqual(idents[0][0], idents[0][1])
        self.assertEqual(java_name, t.name)

    def test_idents_of_live_threads_differ(self):
        stop = threading.Event()
        ts = [started(stop.wait, 10) for _ in range(4)]
        try:
            self.assertEqual(len(set(t.ident for t in ts)), 4)
            self.assertNotIn(threading.current_thread().ident, [t.ident for t in ts])
        finally:
            stop.set()
            for t in ts:
                t.join()

    def test_names_follow_jythons_count_and_rename_the_java_thread(self):
        a = threading.Thread(target=lambda: None)
        b = threading.Thread(target=lambda: None)
        self.assertTrue(a.name.startswith('Thread-') and b.name.startswith('Thread-'))
        self.assertEqual(int(b.name[7:]), int(a.name[7:]) + 1)
        names = []

        def rename():
            threading.current_thread().name = 'renamed'
            names.append(java.lang.Thread.currentThread().getName())
        started(rename, name='given').join()
        self.assertEqual(names, ['renamed'])

    def test_thread_locals_start_empty(self):
        local = threading.local()
        local.v = 'main'
        seen = []

        def body(n):
            seen.append(getattr(local, 'v', None))
            local.v = n
        for n in range(3):
            started(body, n).join()
        self.assertEqual(seen, [None, None, None])
        self.assertEqual(local.v, 'main')

    def test_interpreter_state_starts_clean(self):
        seen = []

        def leave_state():
            sys.settrace(lambda *a: None)
            try:
                raise KeyError('left behind')
            except KeyError:
                pass
            # returns with sys.exc_info() set and a trace function installed

        def look():
            seen.append((sys.gettrace(), sys.exc_info()[0]))
        started(leave_state).join()
        started(look).join()
        self.assertEqual(seen, [(None, None)])

    def test_daemon_flag_is_inherited_from_the_python_thread(self):
        flags = []

        def make():
            flags.append(threading.Thread(target=lambda: None).daemon)
        d = threading.Thread(target=make)
        d.daemon = True
        d.start()
        d.join()
        started(make).join()
        self.assertEqual(flags, [True, False])

    def test_state_and_errors(self):
        t = threading.Thread(target=time.sleep, args=(0.3,))
        self.assertFalse(t.is_alive())
        self.assertIn('initial', repr(t))
        t.start()
        self.assertTrue(t.is_alive())
        self.assertIn('started', repr(t))
        self.assertRaises(RuntimeError, t.start)
        with self.assertRaises(RuntimeError):
            t.daemon = True
        t0 = time.time()
        t.join(0.05)
        self.assertTrue(t.is_alive())
        self.assertLess(time.time() - t0, 0.25)
        t.join()
        self.assertFalse(t.is_alive())
        self.assertIn('stopped', repr(t))
        errors = []

        def join_self():
            try:
                threading.current_thread().join()
            except RuntimeError as e:
                errors.append(str(e))
        started(join_self).join()
        self.assertEqual(errors, ['cannot join current thread'])

    def test_enumerate_lists_running_threads(self):
        stop = threading.Event()
        t = started(stop.wait, 10)
        try:
            self.assertIn(t, threading.enumerate())
            self.assertGreaterEqual(threading.active_count(), 2)
        finally:
            stop.set()
            t.join()
        self.assertNotIn(t, threading.enumerate())

    def test_nss_in_many_threads(self):
        import nss.nss as nss
        nss.nss_init_nodb()
        results = []

        def digest(n):
            results.append(nss.sha256_digest(str(n) * 100))
        for round_ in range(3):
            ts = [started(digest, n) for n in range(6)]
            for t in ts:
                t.join()
        self.assertEqual(len(results), 18)
        self.assertEqual(sorted(set(results)), sorted(set(nss.sha256_digest(str(n) * 100) for n in range(6))))


class SameAsThreadsOfTheirOwn(unittest.TestCase):
    """Output of whole programs, pooled and with Jython's own threads."""

    def assertSameBothWays(self, code):
        pooled = run_pynss(code, pooled=True)
        own = run_pynss(code, pooled=False)
        self.assertEqual(pooled, own)
        return pooled

    def test_exceptions_escaping_a_thread_are_reported_alike(self):
        code = ('import threading, java.lang\n'
                'def boom():\n'
                '    raise KeyError("x")\n'
                'def oom():\n'
                '    raise java.lang.OutOfMemoryError("pretend")\n'
                'for f, name in ((boom, "b"), (oom, "o")):\n'
                '    t = threading.Thread(target=f, name=name); t.start(); t.join()\n'
                '    print t.is_alive()\n'
                't = threading.Thread(target=lambda: None); t.start(); t.join()\n'
                'print "done"\n')
        rc, out, err = self.assertSameBothWays(code)
        self.assertEqual(out.split(), ['False', 'False', 'done'])
        self.assertIn('Exception in thread b:', err)
        self.assertIn('KeyError', err)

    def test_the_program_waits_for_non_daemon_threads_only(self):
        code = ('import threading, time\n'
                't = threading.Thread(target=time.sleep, args=(100,)); t.daemon = True; t.start()\n'
                'def late():\n'
                '    time.sleep(0.3)\n'
                '    print "late"\n'
                'threading.Thread(target=late).start()\n'
                'print "main"\n')
        t0 = time.time()
        rc, out, err = self.assertSameBothWays(code)
        self.assertLess(time.time() - t0, 60)
        self.assertEqual((rc, out.split()), (0, ['main', 'late']))

    def test_subprocess_output_threads(self):
        code = ('import subprocess\n'
                'p = subprocess.Popen(["sh", "-c", "echo out; echo err >&2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n'
                'print p.communicate()\n')
        rc, out, err = self.assertSameBothWays(code)
        self.assertEqual(out.strip(), "('out\\n', 'err\\n')")


@difftest.needs_reference
class AsTheReference(difftest.DiffTestCase):
    def test_thread_semantics(self):
        self.assertSame('''
import threading, time
import nss.nss as nss
nss.nss_init_nodb()
local = threading.local()
local.v = 1
rows = []
def body(n):
    t = threading.current_thread()
    rows.append((n, t is ts[n], t.ident == ts[n].ident, getattr(local, 'v', None), sys.exc_info()[0],
                 nss.sha1_digest(b'x' * n) == nss.sha1_digest(b'x' * n)))
    local.v = n
    try:
        raise ValueError(n)
    except ValueError:
        pass
ts = {}
for n in range(4):
    ts[n] = threading.Thread(target=body, args=(n,))
    out(ts[n].is_alive())
    ts[n].start()
    ts[n].join()
    out(ts[n].is_alive())
for r in rows:
    out(r)
t = threading.Thread(target=time.sleep, args=(0.2,))
t.start()
out(exc(t.start))
t.join(0.01)
out(t.is_alive())
t.join()
out(t.is_alive(), local.v)
def selfjoin():
    out(exc(threading.current_thread().join))
t = threading.Thread(target=selfjoin); t.start(); t.join()
''')


if __name__ == '__main__':
    unittest.main()
