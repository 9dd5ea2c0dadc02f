"""API-wide hostile-argument run (Python 2 and 3: runs under pynss and under the
reference python-nss).

Every entry point of python-nss 1.0.1's inventory (module functions,
constructors, methods, special methods and property setters; the inventory is
test-vectors/reference/python-nss-1.0.1-api.tsv, which test_api_surface.py
checks against what the binder exposes) is called with a battery of hostile
values (integers at C's limits, NaN, 1 MiB strings, NULs, wrong types, objects
of other nss types, closed objects) in one of five states:

  preinit       NSS never initialised, no objects
  preinit-objs  NSS never initialised, objects made without NSS
  nodb          nss_init_nodb(), objects
  db            nss_init() on a copy of the test database, objects
  shutdown      nss_init_nodb(), objects made, nss_shutdown()

The calls run in worker processes (scripts/isolated.py): a crash or hang is
attributed to one call, and the run goes on in a new worker from the next call. A call that changes NSS's state (nss_shutdown(),
nss_init*()) is followed by restoring the state (in a new worker if needed).

  hostile.py [--python EXE] [--states S,S] [--sample N --seed S] [--out FILE] [--timeout SECS]

--python is the interpreter of the workers (default: this one; give the
reference's /usr/bin/python3 to run python-nss). --sample N calls a seeded
random sample of N calls per state instead of all. --out writes one line per
call: state, call id, description, outcome. The summary (stdout) counts
outcomes by class and lists crashes, hangs, SystemErrors and non-Python
exceptions. Exit status 1 if there was a crash, a hang or a Java exception.

Outcomes: 'ok <value summary>', 'exc <class>[ <NSPRError code>]', 'CRASH <status>',
'HANG'. Compare two --out files with scripts/hostile-compare.py.
"""
from __future__ import print_function

import gc
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import isolated

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
INVENTORY = os.path.join(TOP, 'test-vectors', 'reference', 'python-nss-1.0.1-api.tsv')
VECTORS = os.path.join(TOP, 'test-vectors')
STATES = ('preinit', 'preinit-objs', 'nodb', 'db', 'shutdown')
UP_STATES = ('nodb', 'db')

try:
    text_type = unicode
    long_type = long
except NameError:
    text_type = str
    long_type = int

# ---------------------------------------------------------------------------
# the inventory and the calls (the same list, in the same order, everywhere)


def read_inventory():
    """[(module, name, kind, signature)] of the callable entries, sorted."""
    rows = []
    with open(INVENTORY) as f:
        next(f)
        for line in f:
            cols = line.rstrip('\n').split('\t')
            while len(cols) < 5:
                cols.append('')
            module, name, kind, _, sig = cols[:5]
            if kind in ('function', 'class', 'method', 'staticmethod', 'special', 'property'):
                if kind == 'special' and name.split('.')[-1] in ('__hash__', '__repr__', '__str__', '__iter__',
                                                                  '__next__', '__len__'):
                    kind = 'special0'
                rows.append((module, name, kind, sig))
    rows.sort()
    return rows


def param_names(sig):
    """Keyword names of a docstring signature 'f(a, b=1, *user_data)'."""
    if '(' not in sig:
        return []
    inner = sig[sig.index('(') + 1:]
    depth = 1
    out = ''
    for ch in inner:
        if ch in '([{':
            depth += 1
        elif ch in ')]}':
            depth -= 1
            if depth == 0:
                break
        out += ch if depth == 1 else ''
    names = []
    for p in out.split(','):
        p = p.strip().split('=')[0].strip()
        if p and p[0].isalpha() and p.replace('_', 'a').isalnum():
            names.append(p)
    return names[:6]


VALUE_NAMES = ('0', '-1', '2**31-1', '2**31', '2**32', '2**63', '2**64', '-2**63-1', 'True', 'None', 'nan', 'inf',
               "b''", "b'x'", "b'\\0abc'", "b'A'*2**20", "u'\\u20ac\\0'", "u'x'*2**20", '[]', '()', '{}', '[1, 2]',
               'object()', 'callable', 'DN', 'SecItem', 'Certificate', 'closed-socket')


def calls():
    """[(entry index, shape)] where shape is ('args', value indices) or ('kw', name, value index)."""
    inv = read_inventory()
    out = []
    nv = len(VALUE_NAMES)
    for ei, (module, name, kind, sig) in enumerate(inv):
        if kind == 'property':
            for v in range(nv):
                out.append((ei, ('set', v)))
            continue
        if kind == 'special0':
            out.append((ei, ('args', ())))
            continue
        out.append((ei, ('args', ())))
        for v in range(nv):
            out.append((ei, ('args', (v,))))
            out.append((ei, ('args', (v, v))))
            out.append((ei, ('args', (0, v))))
            out.append((ei, ('args', (v, v, v))))
        for p in param_names(sig):
            for v in range(nv):
                out.append((ei, ('kw', p, v)))
    return inv, out


def describe(inv, call):
    module, name, kind, sig = inv[call[0]]
    shape = call[1]
    if shape[0] == 'set':
        return '%s.%s = %s' % (module, name, VALUE_NAMES[shape[1]])
    if shape[0] == 'kw':
        return '%s.%s(%s=%s)' % (module, name, shape[1], VALUE_NAMES[shape[2]])
    return '%s.%s(%s)' % (module, name, ', '.join(VALUE_NAMES[v] for v in shape[1]))

# ---------------------------------------------------------------------------
# the worker


def read_vector(*parts):
    with open(os.path.join(VECTORS, *parts), 'rb') as f:
        return f.read()


class World(object):
    """The modules, the objects of each type and the hostile values of one state."""

    def __init__(self, state, dbdir):
        import nss.nss as nss
        import nss.ssl as ssl
        import nss.io as io
        import nss.error as error
        self.nss, self.ssl, self.io, self.error = nss, ssl, io, error
        self.modules = {'nss.nss': nss, 'nss.ssl': ssl, 'nss.io': io, 'nss.error': error}
        self.state = state
        self.dbdir = dbdir
        self.objects = {}
        self.factories = {}
        self.values = None
        self.last = None
        self.establish()

    def expected_up(self):
        return self.state in UP_STATES

    def establish(self):
        nss = self.nss
        if self.state in ('nodb', 'shutdown'):
            nss.nss_init_nodb()
        elif self.state == 'db':
            nss.nss_init('sql:' + self.dbdir)
        if self.state != 'preinit':
            self.make_objects()
        if self.state == 'shutdown':
            self.drop_native_objects()
            nss.nss_shutdown()
        self.make_values()

    def restore(self):
        """After a call changed NSS's state: back to this state's, or False."""
        nss = self.nss
        last, self.last = self.last, None
        self.objects = {}
        self.factories = {}       # their closures hold the old objects
        self.values = None
        gc.collect()
        try:
            if isinstance(last, nss.InitContext):
                nss.nss_shutdown_context(last)      # the call made a context: end it
            del last
            while nss.nss_is_initialized():
                nss.nss_shutdown()
        except Exception:
            return False
        try:
            self.establish()
        except Exception:
            return False
        return nss.nss_is_initialized() == self.expected_up()

    # objects whose methods change their state (close, connect, digest_final, setters...): each
    # entry point of these types gets a fresh one, so that an outcome depends on the call
    # alone and not on which calls the same worker made before (workers restart at crashes)
    MUTABLE = ('Socket', 'SSLSocket', 'PK11Context', 'InitParameters', 'NetworkAddress', 'RSAGenParams',
               'KEYPQGParams', 'PKCS12Decoder')

    def make(self, name, f):
        self.factories[name] = f
        try:
            self.objects[name] = f()
        except Exception:
            pass

    def refresh(self, name):
        """A fresh object of a MUTABLE type, where this state can make one."""
        f = self.factories.get(name)
        if name not in self.MUTABLE or f is None or self.state == 'shutdown' and name in self.NATIVE:
            return
        self.objects.pop(name, None)
        self.make(name, f)

    def make_objects(self):
        nss, io, ssl = self.nss, self.io, self.ssl
        o = self.objects
        S = nss.SecItem
        self.make('AVA', lambda: nss.AVA('cn', 'x'))
        self.make('DN', lambda: nss.DN('CN=x,O=y'))
        self.make('RDN', lambda: nss.RDN(nss.AVA('cn', 'x')))
        self.make('SecItem', lambda: S(b'\x30\x03\x02\x01\x05'))
        self.make('BasicConstraints', lambda: nss.BasicConstraints(S(b'\x30\x03\x01\x01\xff')))
        self.make('AuthKeyID', lambda: nss.AuthKeyID(S(b'\x30\x06\x80\x04\x01\x02\x03\x04')))
        aia = bytes(bytearray.fromhex('3025302306082b060105050730018617687474703a2f2f6f6373702e6578616d706c652e636f6d'))
        dp = bytes(bytearray.fromhex('30243022a020a01e861c687474703a2f2f63726c2e6578616d706c652e636f6d2f782e63726c'))
        self.make('AuthorityInfoAccesses', lambda: nss.AuthorityInfoAccesses(S(aia)))
        self.make('AuthorityInfoAccess', lambda: o['AuthorityInfoAccesses'][0])
        self.make('GeneralName', lambda: o['AuthorityInfoAccess'].location)
        self.make('CRLDistributionPts', lambda: nss.CRLDistributionPts(S(dp)))
        self.make('CRLDistributionPoint', lambda: o['CRLDistributionPts'][0])
        self.make('RSAGenParams', lambda: nss.RSAGenParams())
        self.make('KEYPQGParams', lambda: nss.KEYPQGParams())
        self.make('InitParameters', lambda: nss.InitParameters())
        self.make('NetworkAddress', lambda: io.NetworkAddress())
        self.make('Socket', lambda: io.Socket(io.PR_AF_INET))
        self.make('SSLSocket', lambda: ssl.SSLSocket(io.PR_AF_INET))
        self.make('NSPRError', lambda: self.error.NSPRError(-8049))
        if not nss.nss_is_initialized():
            return                                  # python-nss crashes making the others
        # these need NSS
        self.make('Certificate', lambda: nss.Certificate(read_vector('certs', 'server.der')))
        self.make('CertificateRequest', lambda: nss.CertificateRequest(read_vector('csr', 'attrs.der')))
        self.make('CertAttribute', lambda: o['CertificateRequest'].attributes[0])
        self.make('SignedCRL', lambda: nss.decode_der_crl(read_vector('crl', 'crl.der')))
        self.make('CertificateExtension', lambda: o['Certificate'].extensions[0])
        self.make('AlgorithmID', lambda: o['Certificate'].signature_algorithm)
        self.make('SignedData', lambda: o['Certificate'].signed_data)
        self.make('SubjectPublicKeyInfo', lambda: o['Certificate'].subject_public_key_info)
        self.make('PublicKey', lambda: o['SubjectPublicKeyInfo'].public_key)
        self.make('PyRSAPublicKey', lambda: o['PublicKey'].rsa)
        self.make('PK11Slot', lambda: nss.get_internal_slot())
        self.make('PK11SymKey', lambda: o['PK11Slot'].key_gen(nss.CKM_AES_KEY_GEN, None, 16))
        self.make('PK11Context', lambda: nss.create_digest_context(nss.SEC_OID_SHA256))
        self.make('CertDB', lambda: nss.get_default_certdb())
        self.make('SSLCipherSuiteInfo', lambda: ssl.get_cipher_suite_info(ssl.TLS_AES_128_GCM_SHA256))
        if self.state == 'db':
            self.make('PrivateKey', lambda: nss.find_key_by_any_cert(nss.find_cert_from_nickname('server')))
            self.make('PKCS12Decoder', lambda: nss.PKCS12Decoder(os.path.join(VECTORS, 'pkcs12', 'server.p12'),
                                                                 'pk12_passwd'))
            self.make('PKCS12DecodeItem', lambda: o['PKCS12Decoder'][0])

    NATIVE = ('Certificate', 'CertificateRequest', 'CertAttribute', 'SignedCRL', 'CertificateExtension',
              'AlgorithmID', 'SignedData', 'SubjectPublicKeyInfo', 'PublicKey', 'PyRSAPublicKey', 'PK11Slot',
              'PK11SymKey', 'PK11Context', 'CertDB', 'PrivateKey', 'PKCS12Decoder', 'PKCS12DecodeItem')

    def drop_native_objects(self):
        for k in self.NATIVE:
            self.objects.pop(k, None)
        gc.collect()

    def make_values(self):
        big = b'A' * (1 << 20)
        closed = None
        try:
            closed = self.io.Socket(self.io.PR_AF_INET)
            closed.close()
        except Exception:
            pass
        self.values = [0, -1, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 63, 2 ** 64, -2 ** 63 - 1, True, None,
                       float('nan'), float('inf'), b'', b'x', b'\x00abc', big, u'\u20ac\x00', u'x' * (1 << 20),
                       [], (), {}, [1, 2], object(), (lambda *a, **k: None),
                       self.objects.get('DN'), self.objects.get('SecItem'), self.objects.get('Certificate'), closed]
        assert len(self.values) == len(VALUE_NAMES)

    def target(self, module, name, kind):
        """(callable or (object, attribute) for setters), or None if no object of the type exists here."""
        m = self.modules[module]
        parts = name.split('.')
        if kind in ('function', 'class'):
            return getattr(m, name)
        tname, attr = parts
        if kind == 'staticmethod':
            return getattr(getattr(m, tname), attr)
        obj = self.objects.get(tname)
        if obj is None:
            return None
        if kind == 'property':
            return (obj, attr)
        return getattr(obj, attr)


def summary(v, depth=0):
    """A comparable text for a result: values of simple types, the type name of others."""
    if v is None or isinstance(v, bool):
        return repr(v)
    if isinstance(v, (int, long_type)):
        return str(v)
    if isinstance(v, float):
        return 'float'
    if isinstance(v, bytes):
        return 'str[%d]' % len(v)
    if isinstance(v, text_type):
        return 'str[%d]' % len(v.encode('utf-8'))
    if isinstance(v, (list, tuple)) and depth < 2:
        return '%s(%s)' % (type(v).__name__, ','.join(summary(x, depth + 1) for x in v[:8]))
    return type(v).__name__


def outcome_of_exception():
    t, e = sys.exc_info()[:2]
    name = getattr(t, '__name__', str(t))
    mod = getattr(t, '__module__', '') or ''
    if mod.startswith('java') or name.startswith('java.'):
        return 'exc JAVA:%s.%s' % (mod, name)
    code = getattr(e, 'errno', None) if name in ('NSPRError', 'CertVerifyError') else None
    return 'exc %s%s' % (name, '' if code is None else ' %s' % code)


def worker(state, start, dbdir, outpath, indices):
    inv, all_calls = calls()
    world = World(state, dbdir)
    rec = isolated.Recorder(outpath)
    previous = None
    for i in indices[start:]:
        ei, shape = all_calls[i]
        module, name, kind, sig = inv[ei]
        if ei != previous:
            if kind in ('method', 'property', 'special', 'special0'):
                world.refresh(name.split('.')[0])
            previous = ei
        rec.start(i)
        try:
            t = world.target(module, name, kind)
            world.last = None
            if t is None:
                res = 'skip'
            elif shape[0] == 'set':
                setattr(t[0], t[1], world.values[shape[1]])
                res = 'ok None'
            elif shape[0] == 'kw':
                world.last = t(**{shape[1]: world.values[shape[2]]})
                res = 'ok ' + summary(world.last)
            else:
                world.last = t(*[world.values[v] for v in shape[1]])
                res = 'ok ' + summary(world.last)
        except BaseException:
            if sys.exc_info()[0] in (KeyboardInterrupt, SystemExit):
                res = 'exc ' + sys.exc_info()[0].__name__
            else:
                res = outcome_of_exception()
        except:                                          # Java throwables in Jython
            res = outcome_of_exception()
        rec.result(i, res)
        if world.nss.nss_is_initialized() != world.expected_up() or kind == 'class' and name == 'InitContext':
            if not world.restore():
                os._exit(3)                              # a fresh worker establishes the state
    os._exit(0)

# ---------------------------------------------------------------------------
# the parent


def run_state(python, state, indices, timeout, results, dbsrc):
    """Runs the calls of indices in workers of one state; fills results {i: outcome}; returns the workers started."""
    tmp = tempfile.mkdtemp(prefix='hostile-')
    try:
        dbdir = os.path.join(tmp, 'db')
        shutil.copytree(dbsrc, dbdir)
        return isolated.run(python, os.path.abspath(__file__), indices, timeout, results, [state, dbdir])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def classify(outcome):
    if outcome.startswith('CRASH'):
        return 'CRASH'
    if outcome == 'HANG':
        return 'HANG'
    if outcome.startswith('exc JAVA:'):
        return 'java-exception'
    if outcome.startswith('exc SystemError'):
        return 'SystemError'
    if outcome.startswith('exc'):
        return 'exception'
    return outcome.split(' ')[0]


def main(argv):
    if argv[:1] == ['--worker']:
        pos, outpath, indices, (state, dbdir) = isolated.worker_items(argv[1:])
        worker(state, pos, dbdir, outpath, indices)
        return 0
    import argparse
    ap = argparse.ArgumentParser(description='API-wide hostile-argument run')
    ap.add_argument('--python', default=None, help='interpreter of the workers (default: pynss, or this one)')
    ap.add_argument('--states', default=','.join(STATES))
    ap.add_argument('--sample', type=int, default=0, help='a seeded sample of N calls per state (0: all)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--entries', default='', help='only entries whose name contains one of these (comma-separated)')
    ap.add_argument('--timeout', type=float, default=30.0, help='seconds without progress that count as a hang')
    ap.add_argument('--out', default=None)
    args = ap.parse_args(argv)
    python = args.python or sys.executable
    inv, all_calls = calls()
    chosen = list(range(len(all_calls)))
    if args.entries:
        keys = args.entries.split(',')
        chosen = [i for i in chosen if any(k in inv[all_calls[i][0]][1] for k in keys)]
    if args.sample and args.sample < len(chosen):
        chosen = isolated.portable_sample(chosen, args.sample, args.seed)
    out = open(args.out, 'w') if args.out else None
    bad = 0
    t0 = time.time()
    for state in args.states.split(','):
        results = {}
        ts = time.time()
        restarts = run_state(python, state, chosen, args.timeout, results, os.path.join(VECTORS, 'db'))
        counts = {}
        for i in chosen:
            r = results.get(i, 'lost')
            c = classify(r)
            counts[c] = counts.get(c, 0) + 1
            if out:
                out.write('%s\t%d\t%s\t%s\n' % (state, i, describe(inv, all_calls[i]), r))
            if c in ('CRASH', 'HANG', 'java-exception', 'SystemError', 'lost'):
                print('  %s %s: %s' % (state, describe(inv, all_calls[i]), r[:300]))
            if c in ('CRASH', 'HANG', 'java-exception', 'lost'):
                bad += 1
        print('%s: %d calls in %.0f s, %d workers: %s' % (state, len(chosen), time.time() - ts, restarts,
              ', '.join('%s %d' % kv for kv in sorted(counts.items()))))
        sys.stdout.flush()
    if out:
        out.close()
    print('total %.0f s; crashes, hangs, Java exceptions and lost calls: %d' % (time.time() - t0, bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
