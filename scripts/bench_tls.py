"""TLS benchmark, runnable under python-nss (CPython) and pynss alike.

Figures (name TAB value TAB unit):
- full handshakes per second with client and server in this process (server in a thread);
- bulk transfer in 64 KiB send()s, received with recv(65536), in this process: for a
  second after a warm-up connection, and for a second after four seconds of sending;
- as a client against NSS's selfserv and as a threaded server (one thread per
  connection) under NSS's strsclnt, at 1, 2, 4, 8 concurrent connections:
  handshakes per second and this process's CPU time per handshake;
- peak RSS.
The C tools' own rate (strsclnt against selfserv) is printed by scripts/bench.

    scripts/bench scripts/bench_tls.py [seconds]
Environment: BENCH_TLS_LEVELS (default "1 2 4 8"), BENCH_TLS_HANDSHAKES (default 200).
"""
from __future__ import print_function

import os
import subprocess
import sys
import threading
import time

import nss.io as io
import nss.nss as nss
import nss.ssl as ssl
from nss.error import NSPRError

from benchlib import cpu_seconds, figure, peak_rss_mib

HERE = os.path.dirname(os.path.abspath(__file__))
DB = 'sql:' + os.path.normpath(os.path.join(HERE, '..', 'test-vectors', 'db'))
HOST = 'server.example.com'
TIMEOUT = io.seconds_to_interval(30)
REQUEST = b'GET /bench HTTP/1.0\r\n\r\n'
RESPONSE = b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nok\n'
LEVELS = [int(x) for x in os.environ.get('BENCH_TLS_LEVELS', '1 2 4 8').split()]
HANDSHAKES = int(os.environ.get('BENCH_TLS_HANDSHAKES', '200'))


def loopback(port):
    return io.NetworkAddress(io.PR_IpAddrLoopback, port)


class Server(object):
    """A threaded TLS server: one thread per connection (python-nss style); answers one HTTP request."""

    def __init__(self, sink=False):
        self.cert = nss.find_cert_from_nickname('server')
        self.key = nss.find_key_by_any_cert(self.cert)
        self.sock = ssl.SSLSocket(io.PR_AF_INET)
        self.sock.set_socket_option(io.PR_SockOpt_Reuseaddr, True)
        self.sock.config_secure_server(self.cert, self.key, self.cert.find_kea_type())
        self.sock.set_socket_option(io.PR_SockOpt_NoDelay, True)
        self.sock.bind(loopback(0))
        self.sock.listen(64)
        self.port = self.sock.get_sock_name().port
        self.sink = sink
        self.received = 0
        self.done = threading.Event()
        self.errors = []
        t = threading.Thread(target=self.serve)
        t.daemon = True
        t.start()

    def serve(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except Exception:
                return      # listening socket closed
            t = threading.Thread(target=self.sink_one if self.sink else self.answer, args=(c,))
            t.daemon = True
            t.start()

    def answer(self, c):
        try:
            buf = b''
            while b'\r\n\r\n' not in buf:
                chunk = c.recv(4096)
                if not chunk:
                    break
                buf += chunk
            c.send(RESPONSE)
        except Exception as e:
            self.errors.append(str(e))
        finally:
            c.close()

    def sink_one(self, c):
        try:
            while True:
                chunk = c.recv(65536)
                if not chunk:
                    break
                self.received += len(chunk)
        finally:
            c.close()
            self.done.set()

    # never closed: closing a socket another thread blocks in accept() on hangs python-nss;
    # the accepting thread is a daemon and ends with the process


def client_once(port):
    s = ssl.SSLSocket(io.PR_AF_INET)
    s.set_ssl_option(ssl.SSL_NO_CACHE, True)        # a full handshake every time
    s.set_socket_option(io.PR_SockOpt_NoDelay, True)
    s.set_hostname(HOST)
    s.connect(loopback(port), TIMEOUT)
    s.send(REQUEST)
    while s.recv(4096):
        pass
    s.close()


def clients(port, total, concurrency):
    """total handshakes from `concurrency` threads; returns (handshakes/s, CPU ms per handshake)."""
    per = [total // concurrency] * concurrency
    errors = []

    def run(n):
        try:
            for _ in range(n):
                client_once(port)
        except Exception as e:
            errors.append(str(e))

    threads = [threading.Thread(target=run, args=(n,)) for n in per]
    c0, t0 = cpu_seconds(), time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    dt, cpu = time.time() - t0, cpu_seconds() - c0
    if errors:
        raise RuntimeError(errors[0])
    n = sum(per)
    return n / dt, 1000.0 * cpu / n


def free_port():
    s = io.Socket(io.PR_AF_INET)        # NSPR's: Jython's own socket binds lazily and reports port 0
    s.bind(loopback(0))
    port = s.get_sock_name().port
    s.close()
    return port


def wait_listening(port, proc):
    # NSPR's own socket, as a python-nss program would use: Jython's socket module (netty)
    # would add ~30 MiB and ~0.5 s to this process, which is not what the figures measure
    for _ in range(300):
        if proc.poll() is not None:
            raise RuntimeError('server exited early')
        s = io.Socket(io.PR_AF_INET)
        try:
            s.connect(loopback(port), io.seconds_to_interval(1))
            return
        except NSPRError:
            time.sleep(0.05)
        finally:
            s.close()
    raise RuntimeError('nothing listens on port %d' % port)


def in_process(seconds):
    server = Server()
    clients(server.port, 20, 1)                         # warm-up
    hs, cpu = clients(server.port, HANDSHAKES, 1)
    figure('TLS in-process handshakes', hs, 'hs/s')
    figure('TLS in-process CPU/handshake', cpu, 'ms', '%.2f')

    bulk(seconds)                                       # warm-up
    figure('TLS bulk send/recv 64 KiB', bulk(seconds), 'MiB/s')
    figure('TLS bulk, after %g s of sending' % (4 * seconds), bulk(seconds, 4 * seconds), 'MiB/s')


def bulk(seconds, after=0.0):
    """MiB/s of 64 KiB send()s over one connection to a sink in this process, counted for
    seconds once the connection has been sending for `after` seconds (a JIT's warm-up)."""
    chunk = b'b' * 65536
    sink = Server(sink=True)
    s = ssl.SSLSocket(io.PR_AF_INET)
    s.set_hostname(HOST)
    s.connect(loopback(sink.port), TIMEOUT)
    t0 = time.time()
    while time.time() - t0 < after:
        for _ in range(16):
            s.send(chunk)
    t0 = time.time()
    sent = 0
    while time.time() - t0 < seconds:
        for _ in range(16):
            s.send(chunk)
        sent += 16 * len(chunk)
    s.close()
    sink.done.wait(30)
    return sent / (time.time() - t0) / 1048576.0


def strsclnt(port, connections, threads):
    """NSS's load client: full handshakes (-N), no Nagle delay (-D), name check overridden (-o)."""
    return ['strsclnt', '-q', '-o', '-N', '-D', '-p', str(port), '-d', DB, '-c', str(connections),
            '-t', str(threads), '-a', HOST, '127.0.0.1']


def quiet(args):
    """args run with output discarded (by the shell: Jython's subprocess copies output through threads)."""
    return ['sh', '-c', 'exec "$@" >/dev/null 2>&1', 'sh'] + args


def against_tools():
    # client role: against selfserv
    port = free_port()
    proc = subprocess.Popen(quiet(['selfserv', '-d', DB, '-n', 'server', '-p', str(port), '-t', '16']))
    try:
        wait_listening(port, proc)
        clients(port, 10, 1)
        for c in LEVELS:
            hs, cpu = clients(port, HANDSHAKES, c)
            figure('client vs selfserv, %d conn' % c, hs, 'hs/s')
            figure('client CPU/handshake, %d conn' % c, cpu, 'ms', '%.2f')
        # the C tools' own rate on this machine, for scale
        for c in LEVELS:
            t0 = time.time()
            subprocess.call(quiet(strsclnt(port, HANDSHAKES, c)))
            figure('C strsclnt vs selfserv, %d conn' % c, HANDSHAKES / (time.time() - t0), 'hs/s')
    finally:
        proc.kill()
        proc.wait()
    # server role: under strsclnt
    server = Server()
    for c in LEVELS:
        args = strsclnt(server.port, HANDSHAKES, c)
        subprocess.call(quiet(strsclnt(server.port, 10, 1)))
        c0, t0 = cpu_seconds(), time.time()
        subprocess.call(quiet(args))     # its exit status is 1 even on success
        dt, cpu = time.time() - t0, cpu_seconds() - c0
        if server.errors:
            raise RuntimeError('server: %s' % server.errors[0])
        figure('server under strsclnt, %d conn' % c, HANDSHAKES / dt, 'hs/s')
        figure('server CPU/handshake, %d conn' % c, 1000.0 * cpu / HANDSHAKES, 'ms', '%.2f')

def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    nss.nss_init(DB)
    ssl.set_domestic_policy()
    ssl.config_server_session_id_cache()
    in_process(seconds)
    against_tools()
    figure('peak RSS (tls)', peak_rss_mib(), 'MiB')
    ssl.shutdown_server_session_id_cache()


if __name__ == '__main__':
    main()
