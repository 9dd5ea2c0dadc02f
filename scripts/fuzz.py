"""Seeded fuzzing of every decoder (Python 2 and 3: runs under pynss and under the
reference python-nss).

Targets (each decodes its input and renders what it decoded):

  cert        Certificate(der), str(), format_lines(), names, extensions
  csr         CertificateRequest(der), str(), attributes, extensions
  crl         decode_der_crl(der)
  pkcs12      PKCS12Decoder(file, right password), str(), each item's str()
  pkcs12-wrong  PKCS12Decoder(file, wrong password)
  ext         each decoded extension type (BasicConstraints, AuthKeyID,
              CRLDistributionPts, AuthorityInfoAccesses) on extension values
              taken from the test certificates, str() and their members
  der         SecItem DER helpers: der_universal_secitem_fmt_lines,
              SecItem.der_to_hex/get_integer/get_oid_sequence/format_lines,
              oid_dotted_decimal/oid_str/oid_tag of a SecItem
  pem         base64_to_binary, read_der_from_file(ascii=True), SecItem(ascii=True)
  tls         TLS records of a hostile client (mutated ClientHellos, TLS 1.2
              and 1.3) to a pynss/python-nss SSL server

Mutants (byte flips, special bytes, truncation, deletion, insertion,
duplicated chunks, corrupted DER lengths; certfuzz.py's mutations) are made
from the test vectors, reproducibly from --seed. They run in worker processes
(scripts/isolated.py): a crash or hang is attributed to one mutant and the run
goes on with the next.

  fuzz.py --target T [--count N] [--start I] [--seed S] [--python EXE] [--out FILE] [--timeout SECS] [--collect]
          [--vectors DIR]

--python is the interpreter of the workers (default: this one; scripts/fuzz
uses pynss; /usr/bin/python3 runs the reference). --collect collects garbage
after each mutant, as CPython frees objects at once (NSS answers some
certificates differently while an earlier one is alive). --out writes one line per
mutant (index, outcome); compare two with --compare OURS REFERENCE. --vectors takes
the inputs from a copy of test-vectors: the pkcs12 targets run some ten times
faster on one whose PKCS#12 files were re-encoded at few iterations
(cp -r test-vectors DIR; scripts/make-pkcs12-vectors.sh --iter 16 DIR). Exit status 1
if a mutant crashed, hung or raised a Java exception or SystemError.
"""
from __future__ import print_function

import base64
import glob
import hashlib
import os
import re
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
VECTORS = os.path.join(TOP, 'test-vectors')
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(TOP, 'src', 'test', 'python'))
import isolated
import certfuzz

TARGETS = ('cert', 'csr', 'crl', 'pkcs12', 'pkcs12-wrong', 'ext', 'der', 'pem', 'tls')


def read(*parts):
    with open(os.path.join(VECTORS, *parts), 'rb') as f:
        return f.read()


def files(pattern):
    return [read(os.path.relpath(p, VECTORS)) for p in sorted(glob.glob(os.path.join(VECTORS, pattern)))]


# extension values (the OCTET STRING contents) by extension OID contents
EXT_OIDS = {b'\x55\x1d\x13': 'BasicConstraints', b'\x55\x1d\x23': 'AuthKeyID', b'\x55\x1d\x1f': 'CRLDistributionPts',
            b'\x2b\x06\x01\x05\x05\x07\x01\x01': 'AuthorityInfoAccesses'}


def extension_values(der):
    """[(type name, value)] of the extensions of EXT_OIDS found in a certificate (a bounded DER scan)."""
    data = bytearray(der)
    out = []
    for oid, name in sorted(EXT_OIDS.items()):
        tlv = bytearray(b'\x06' + bytes(bytearray([len(oid)])) + oid)
        i = data.find(tlv)
        while i >= 0:
            j = i + len(tlv)
            if data[j:j + 3] == b'\x01\x01\xff':
                j += 3
            if j + 2 <= len(data) and data[j] == 0x04:
                ln, start = data[j + 1], j + 2
                if ln & 0x80:
                    k = ln & 0x7f
                    ln = 0
                    for b in data[start:start + k]:
                        ln = (ln << 8) | b
                    start += k
                if start + ln <= len(data):
                    out.append((name, bytes(data[start:start + ln])))
            i = data.find(tlv, i + 1)
    return out


def bases(target):
    """[(label, bytes)] the mutants of target are made from."""
    certs = files('certs/*.der')
    if target == 'cert':
        return [('', c) for c in certs]
    if target == 'csr':
        return [('', c) for c in files('csr/*.der')]
    if target == 'crl':
        return [('', c) for c in files('crl/*.der')]
    if target in ('pkcs12', 'pkcs12-wrong'):
        out = []
        with open(os.path.join(VECTORS, 'pkcs12', 'passwords.txt')) as f:
            for line in f:
                name, pw = line.rstrip('\n').split(' ', 1)
                if name != 'unicode.p12':          # a password outside ASCII: Python 2 and 3 differ
                    out.append((pw, read('pkcs12', name)))
        return out
    if target == 'ext':
        out = []
        for c in certs:
            out.extend(extension_values(c))
        return sorted(set(out))
    if target == 'der':
        items = [b'\x02\x01\x05', b'\x02\x09\x00\xff\xff\xff\xff\xff\xff\xff\xff', b'\x06\x03\x55\x04\x03',
                 b'\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b', b'\x30\x0a\x06\x03\x55\x04\x03\x06\x03\x55\x04\x0a',
                 b'\x0c\x05hello', b'\x13\x02US', b'\x03\x03\x00\xff\x01', b'\x17\x0d260101000000Z',
                 b'\x18\x0f20260101000000Z', b'\x01\x01\xff', b'\x05\x00', b'\x04\x04\x01\x02\x03\x04',
                 b'\xa0\x03\x02\x01\x02', b'\x31\x06\x30\x04\x06\x02\x2a\x03']
        return [('', i) for i in items] + [('', c) for c in certs[:3]]
    if target == 'pem':
        return [('', p) for p in files('certs/*.pem')] + [('', p) for p in files('crl/*.pem')]
    if target == 'tls':
        return [('', read('tls', 'client-hello-tls13.bin')), ('', read('tls', 'client-hello-tls12.bin'))]
    raise SystemExit('unknown target %r (one of %s)' % (target, ', '.join(TARGETS)))


def mutant(target, seed, i, base_list):
    """The i-th mutant of target for seed: (label, bytes); the same in every interpreter."""
    rng = isolated.PortableRandom('%s/%d/%d' % (target, seed, i))
    label, base = base_list[rng.randrange(len(base_list))]
    if target == 'cert':
        base = certfuzz.unique_serial(base, i)
    kind, data = certfuzz.mutate(rng, base)
    return label, data

# ---------------------------------------------------------------------------
# the worker


try:
    TEXT = unicode
    INTEGERS = (int, long)
except NameError:
    TEXT = str
    INTEGERS = (int,)


# the u prefix of a unicode string's repr inside a rendered list ("['a', u'b']"): Python 2 only
UNICODE_REPR = re.compile(r"(?<=[\[(, ])u(?=['\"])")


def canon(v):
    """Text for a value that reads the same under Python 2 and 3 (byte and text strings alike;
    the reprs of unicode strings inside rendered lists without Python 2's u prefix)."""
    if v is None or isinstance(v, bool):
        return repr(v)
    if isinstance(v, INTEGERS):
        return str(v)
    if isinstance(v, bytes):
        return UNICODE_REPR.sub('', v.decode('latin-1'))
    if isinstance(v, bytearray):
        return UNICODE_REPR.sub('', bytes(v).decode('latin-1'))
    if isinstance(v, TEXT):
        return UNICODE_REPR.sub('', v.encode('utf-8').decode('latin-1'))
    if isinstance(v, (list, tuple)):
        return '[' + ','.join(canon(x) for x in v) + ']'
    return '<%s>' % type(v).__name__


def digest(v):
    """A short fingerprint of canon(v) (integers and booleans as they are)."""
    if v is None or isinstance(v, bool) or isinstance(v, INTEGERS) and abs(v) < 2 ** 32:
        return repr(v).rstrip('L')
    return hashlib.md5(canon(v).encode('utf-8')).hexdigest()[:10]


def outcome_of_exception():
    t, e = sys.exc_info()[:2]
    name = getattr(t, '__name__', str(t))
    mod = getattr(t, '__module__', '') or ''
    if mod.startswith('java') or name.startswith('java.'):
        return 'JAVA:%s.%s' % (mod, name)
    code = getattr(e, 'errno', None) if name in ('NSPRError', 'CertVerifyError') else None
    return 'exc %s%s' % (name, '' if code is None else ' %s' % code)


def attempt(f, *a):
    try:
        return digest(f(*a))
    except Exception:
        return outcome_of_exception()
    except:                                      # Java throwables in Jython
        return outcome_of_exception()


class Decoders(object):
    def __init__(self, tmpdir):
        import nss.nss as nss
        import nss.ssl as ssl
        import nss.io as io
        self.nss, self.ssl, self.io = nss, ssl, io
        self.tmp = tmpdir
        nss.nss_init_nodb()
        self.server = None

    def cert(self, label, der):
        nss = self.nss
        c = nss.Certificate(der)
        parts = [attempt(str, c), attempt(c.format_lines, 1), attempt(lambda: str(c.subject)),
                 attempt(lambda: str(c.issuer)), attempt(lambda: c.serial_number),
                 attempt(lambda: [str(e) for e in c.extensions]),
                 attempt(lambda: [c.get_extension(t) is not None for t in (nss.SEC_OID_X509_BASIC_CONSTRAINTS,
                                                                            nss.SEC_OID_X509_SUBJECT_ALT_NAME)])]
        return ' '.join(parts)

    def csr(self, label, der):
        r = self.nss.CertificateRequest(der)
        return ' '.join([attempt(str, r), attempt(r.format_lines, 1), attempt(lambda: str(r.subject)),
                         attempt(lambda: [str(a) for a in r.attributes]),
                         attempt(lambda: [str(e) for e in r.extensions])])

    def crl(self, label, der):
        crl = self.nss.decode_der_crl(self.nss.SecItem(der))
        return 'ok %s' % type(crl).__name__

    def _p12(self, data, password):
        path = os.path.join(self.tmp, 'mutant.p12')
        with open(path, 'wb') as f:
            f.write(data)
        d = self.nss.PKCS12Decoder(path, password)
        parts = [attempt(str, d), attempt(len, d), attempt(lambda: [str(item) for item in d])]
        return ' '.join(parts)

    def pkcs12(self, label, data):
        return self._p12(data, label)

    def pkcs12_wrong(self, label, data):
        return self._p12(data, 'not ' + label)

    def ext(self, label, value):
        item = self.nss.SecItem(value)
        obj = getattr(self.nss, label)(item)
        parts = [attempt(str, obj), attempt(obj.format_lines, 1)]
        if label == 'BasicConstraints':
            parts.append(attempt(lambda: (obj.is_ca, obj.path_len)))
        elif label == 'AuthKeyID':
            parts.append(attempt(lambda: (obj.key_id, obj.serial_number, obj.get_general_names())))
        elif label == 'CRLDistributionPts':
            parts.append(attempt(lambda: [(p.get_general_names(), p.get_reasons(), p.issuer) for p in obj]))
        else:
            parts.append(attempt(lambda: [(a.method_tag, a.method_str, str(a.location)) for a in obj]))
        return ' '.join(parts)

    def der(self, label, data):
        nss = self.nss
        item = nss.SecItem(data)
        return ' '.join([attempt(nss.der_universal_secitem_fmt_lines, item), attempt(item.der_to_hex, 16),
                         attempt(item.get_integer), attempt(item.get_oid_sequence), attempt(item.format_lines, 1),
                         attempt(nss.oid_dotted_decimal, nss.SecItem(data[2:])),
                         attempt(nss.oid_str, nss.SecItem(data[2:])), attempt(nss.oid_tag, nss.SecItem(data[2:]))])

    def pem(self, label, data):
        nss = self.nss
        path = os.path.join(self.tmp, 'mutant.pem')
        with open(path, 'wb') as f:
            f.write(data)
        text = data.decode('latin-1')
        # lines split as bytes: unicode.splitlines() also breaks at \x1c-\x1e and \x85, and
        # Jython's does not do it as CPython's does
        body = b''.join(l for l in data.splitlines() if not l.startswith(b'-----')).decode('latin-1')
        return ' '.join([attempt(nss.base64_to_binary, body), attempt(lambda: nss.read_der_from_file(path, True).data),
                         attempt(lambda: nss.SecItem(text, ascii=True).data)])

    def tls(self, label, data):
        import socket
        ssl, io, nss = self.ssl, self.io, self.nss
        if self.server is None:
            nss.nss_shutdown()
            nss.nss_init('sql:' + os.path.join(VECTORS, 'db'))
            ssl.set_domestic_policy()
            ssl.config_server_session_id_cache()
            cert = nss.find_cert_from_nickname('server')
            key = nss.find_key_by_any_cert(cert)
            s = ssl.SSLSocket(io.PR_AF_INET)
            s.set_socket_option(io.PR_SockOpt_Reuseaddr, True)
            s.config_secure_server(cert, key, cert.find_kea_type())
            s.bind(io.NetworkAddress(io.PR_IpAddrLoopback, 0))
            s.listen()
            self.server = s
            self.port = s.get_sock_name().port
        # the client sends its records and goes: the server reads them, then the end of the stream
        c = socket.create_connection(('127.0.0.1', self.port))
        try:
            c.sendall(data)
        finally:
            c.close()
        conn, addr = self.server.accept(io.seconds_to_interval(10))
        try:
            return attempt(conn.recv, 100, io.seconds_to_interval(10))
        finally:
            conn.close()


def outcome(dec, target, label, data):
    """What decoding one input gives: 'ok <fingerprints>' or 'exc <class>[ <code>]'."""
    try:
        return 'ok ' + getattr(dec, target.replace('-', '_'))(label, data)
    except Exception:
        return outcome_of_exception()
    except:
        return outcome_of_exception()


def worker(target, seed, pos, outpath, indices, collect=False, vectors=None):
    global VECTORS
    VECTORS = vectors or VECTORS
    rec = isolated.Recorder(outpath)
    dec = Decoders(tempfile.mkdtemp(prefix='fuzz-'))
    base_list = bases(target)
    for i in indices[pos:]:
        label, data = mutant(target, seed, i, base_list)
        rec.start(i)
        rec.result(i, outcome(dec, target, label, data))
        if collect:
            # the previous mutant's objects go now, as under CPython's reference counting (NSS
            # answers a certificate differently while one with the same names is alive)
            import gc
            gc.collect()
    os._exit(0)

# ---------------------------------------------------------------------------
# the parent


def classify(outcome):
    if outcome.startswith('CRASH'):
        return 'CRASH'
    if outcome == 'HANG':
        return 'HANG'
    if 'JAVA:' in outcome:
        return 'java-exception'
    if 'SystemError' in outcome:
        return 'SystemError'
    return outcome.split(' ')[0]


def nul_argument_only(ours, ref):
    """Whether the outcomes differ only in TypeError (ours) against ValueError (the reference)."""
    o, r = ours.split(' '), ref.split(' ')
    diff = [(a, b) for a, b in zip(o, r) if a != b]
    return len(o) == len(r) and diff and all(d == ('TypeError', 'ValueError') for d in diff)


def compare(ours_path, ref_path):
    def load(p):
        with open(p) as f:
            return dict(line.rstrip('\n').split('\t', 1) for line in f)
    ours, ref = load(ours_path), load(ref_path)
    counts = {}
    examples = {}
    for i in sorted(set(ours) & set(ref), key=int):
        o, r = ours[i], ref[i]
        if o == r:
            k = 'same'
        elif r.startswith('CRASH') or r == 'HANG':
            k = 'reference-' + r.split(' ')[0].lower()
        elif 'UnicodeDecodeError' in r or 'SystemError' in r:
            k = 'reference-python3'              # Python 3 fails where Python 2 returns bytes
        elif nul_argument_only(o, r):
            k = 'reference-python3'              # a NUL in a C string argument: ValueError in Python 3, TypeError in 2
        else:
            k = 'different'
        counts[k] = counts.get(k, 0) + 1
        examples.setdefault(k, []).append((i, o, r))
    for k in sorted(counts):
        print('%-20s %d' % (k, counts[k]))
        if k == 'different':
            for i, o, r in examples[k][:10]:
                print('   #%s\n     ours %s\n     ref  %s' % (i, o[:200], r[:200]))
    return 0


def main(argv):
    if argv[:1] == ['--worker']:
        pos, outpath, indices, (target, seed, collect, vectors) = isolated.worker_items(argv[1:])
        worker(target, int(seed), pos, outpath, indices, collect == 'collect', vectors)
        return 0
    if argv[:1] == ['--compare']:
        return compare(argv[1], argv[2])
    import argparse
    ap = argparse.ArgumentParser(description='seeded fuzzing of the decoders')
    ap.add_argument('--target', required=True, help=', '.join(TARGETS) + ' or all')
    ap.add_argument('--count', type=int, default=1000)
    ap.add_argument('--start', type=int, default=0, help='first mutant index (to continue a run)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--python', default=None)
    ap.add_argument('--timeout', type=float, default=30.0)
    ap.add_argument('--out', default=None)
    ap.add_argument('--collect', action='store_true',
                    help='collect garbage after each mutant (for comparisons with CPython)')
    ap.add_argument('--vectors', default=VECTORS,
                    help='the test-vectors directory the mutants are made from (default: the project\'s)')
    args = ap.parse_args(argv)
    python = args.python or sys.executable
    bad = 0
    targets = TARGETS if args.target == 'all' else args.target.split(',')
    for target in targets:
        t0 = time.time()
        results = {}
        indices = list(range(args.start, args.start + args.count))
        workers = isolated.run(python, os.path.abspath(__file__), indices, args.timeout, results,
                               [target, str(args.seed), 'collect' if args.collect else '-',
                                os.path.abspath(args.vectors)])
        counts = {}
        out = open(args.out if len(targets) == 1 else '%s.%s' % (args.out, target), 'w') if args.out else None
        for i in indices:
            r = results.get(i, 'lost')
            c = classify(r)
            counts[c] = counts.get(c, 0) + 1
            if out:
                out.write('%d\t%s\n' % (i, r))
            if c in ('CRASH', 'HANG', 'java-exception', 'SystemError', 'lost'):
                print('  %s #%d: %s' % (target, i, r[:300]))
                bad += 1
        if out:
            out.close()
        print('%s: seed %d, mutants %d..%d in %.0f s, %d workers: %s' % (
            target, args.seed, args.start, args.start + args.count - 1, time.time() - t0, workers,
            ', '.join('%s %d' % kv for kv in sorted(counts.items()))))
        sys.stdout.flush()
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
