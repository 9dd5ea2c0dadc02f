"""Malformed certificates never crash: seeded, bounded fuzzing of Certificate(),
str(), format_lines() and the property getters with mutated DER (certfuzz).

Every operation must end in a value or a Python exception other than
SystemError (which would be an internal error of the binding). A second test
runs a sample of the same mutants under the reference python-nss (restarting
it when it crashes, as it does on some corrupted extensions) and requires the
same descriptions, except where the reference fails for reasons of Python 3
(UnicodeDecodeError on non-UTF-8 bytes NSS returns; SystemError where its C code
returns a value with an exception set, which Python 2 lets pass) or crashes.

JNSS_FUZZ_COUNT / JNSS_FUZZ_SEED / JNSS_FUZZ_DIFF_COUNT override the defaults.
"""
import glob
import os
import struct
import subprocess
import sys
import tempfile
import time
import unittest

import certfuzz
import difftest
from difftest import needs_reference

import nss.nss as nss

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
SEED = int(os.environ.get('JNSS_FUZZ_SEED', '20240611'))
COUNT = int(os.environ.get('JNSS_FUZZ_COUNT', '3000'))
DIFF_COUNT = int(os.environ.get('JNSS_FUZZ_DIFF_COUNT', '1000'))

# Runs under the reference and here: describes mutants[start:] one block each.
DESCRIBE = r'''
import struct
import nss.nss as nss
import nss.error as nss_error
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
def load(path):
    data = open(path, 'rb').read()
    ders, p = [], 0
    while p < len(data):
        n = struct.unpack('>I', data[p:p + 4])[0]
        ders.append(data[p + 4:p + 4 + n])
        p += 4 + n
    return ders
# (no exception object outlives call(): under CPython its traceback would keep the
# previous certificate alive, and NSS refuses a second certificate with its
# issuer and serial number while it lives)
def call(f, *args):
    try:
        return f(*args)
    except Exception as e:
        if getattr(e, 'error_code', None) == nss_error.SEC_ERROR_REUSED_ISSUER_AND_SERIAL:
            return 'EXC REUSED_ISSUER_AND_SERIAL'
        return 'EXC ' + type(e).__name__
def describe_dn(dn):
    return [[(a.value_str if not a.value_str.startswith('<nss.nss.AVA object') else '<AVA>', a.oid_tag)
             for a in rdn] for rdn in dn]
OPS = [
    ('str', lambda c: str(c)),
    ('format', lambda c: c.format(1, 3)),
    ('lines', lambda c: c.format_lines(2)),
    ('subject', lambda c: str(c.subject)),
    ('issuer', lambda c: str(c.issuer)),
    ('subject parts', lambda c: describe_dn(c.subject)),
    ('issuer parts', lambda c: describe_dn(c.issuer)),
    ('names', lambda c: (c.subject.common_name, c.subject.org_name, c.issuer.country_name, c.subject.email_address,
                         c.subject.has_key('cn'), 'o' in c.issuer, len(c.subject), c.subject == c.issuer)),
    ('serial', lambda c: c.serial_number),
    ('version', lambda c: c.version),
    ('validity', lambda c: (c.valid_not_before, c.valid_not_after, c.valid_not_before_str, c.valid_not_after_str)),
    ('cn', lambda c: c.subject_common_name),
    ('misc', lambda c: (len(c.der_data), c.cert_type, c.ssl_trust_flags, c.ssl_trust_str)),
    ('algorithm', lambda c: (str(c.signature_algorithm), c.signature_algorithm.id_tag, c.signature_algorithm.id_str)),
    ('signed data', lambda c: (str(c.signed_data), c.signed_data.data.data, c.signed_data.signature.data)),
    ('extensions', lambda c: [(repr(e), e.critical, e.oid_tag, e.value.data) for e in c.extensions]),
    ('extension lines', lambda c: [call(lambda: e.format_lines()) for e in c.extensions]),
    ('extension strs', lambda c: [call(lambda: str(e.value)) for e in c.extensions]),
    ('get_extension', lambda c: [call(c.get_extension, t) for t in (nss.SEC_OID_X509_BASIC_CONSTRAINTS,
                                 nss.SEC_OID_X509_SUBJECT_ALT_NAME, 'X509_AUTH_KEY_ID', nss.SEC_OID_X509_KEY_USAGE)]),
]
def run(path, start, emit):
    ders = load(path)
    for i in range(start, len(ders)):
        emit(i, None, None)
        c = call(nss.Certificate, ders[i])
        emit(i, 'ctor', c if isinstance(c, str) else 'ok')
        if not isinstance(c, str):
            for label, op in OPS:
                emit(i, label, call(op, c))
        del c
'''

REFERENCE_MAIN = r'''
import sys
def emit(i, label, value):
    if label is None:
        out('#####', i)
    else:
        out(label, value)
    sys.stdout.flush()
run(sys.argv[1], int(sys.argv[2]), emit)
'''


def bases():
    certs = [open(f, 'rb').read() for f in sorted(glob.glob(os.path.join(TOP, 'test-vectors', 'certs', '*.der')))]
    roots = sorted(glob.glob('/usr/share/ca-certificates/mozilla/*.crt'))
    certs += [nss.read_der_from_file(f, True).data for f in roots[::7]]
    return certs


def write_mutants(count, seed):
    fd, path = tempfile.mkstemp(prefix='jnss-fuzz', suffix='.bin')
    with os.fdopen(fd, 'wb') as f:
        kinds = {}
        for i, kind, der in certfuzz.mutants(seed, bases(), count):
            f.write(struct.pack('>I', len(der)) + der)
            kinds[kind] = kinds.get(kind, 0) + 1
    return path, kinds


def setUpModule():
    if not nss.nss_is_initialized():
        nss.nss_init_nodb()


class TestFuzz(unittest.TestCase):

    def test_mutated_certificates_never_crash(self):
        path, kinds = write_mutants(COUNT, SEED)
        try:
            ns = namespace()
            stats = {'certificates': 0, 'accepted': 0, 'values': 0, 'exceptions': 0}
            errors = []
            seen = {}

            def emit(i, label, value):
                if label is None:
                    stats['certificates'] += 1
                    return
                if label == 'ctor':
                    if value == 'ok':
                        stats['accepted'] += 1
                elif isinstance(value, str) and value.startswith('EXC '):
                    stats['exceptions'] += 1
                    seen[value] = seen.get(value, 0) + 1
                else:
                    stats['values'] += 1
                if value in ('EXC SystemError',) or (isinstance(value, str) and value.startswith('EXC ')
                                                     and value[4:] not in ALLOWED):
                    errors.append((i, label, value))

            started = time.time()
            ns['run'](path, 0, emit)
            sys.stderr.write('\nfuzz: seed %d, %d mutants %r: %d accepted by NSS, %d values, %d exceptions %r (%.1fs)\n'
                             % (SEED, stats['certificates'], kinds, stats['accepted'], stats['values'],
                                stats['exceptions'], seen, time.time() - started))
            self.assertEqual(stats['certificates'], COUNT)
            self.assertTrue(stats['accepted'] > COUNT // 4, 'too few mutants accepted: %r' % stats)
            self.assertEqual(errors, [])
        finally:
            os.remove(path)


# the Python exceptions a malformed certificate may end in
ALLOWED = ('NSPRError', 'ValueError', 'TypeError', 'KeyError', 'IndexError', 'UnicodeDecodeError')


@needs_reference
class TestFuzzDiff(unittest.TestCase):

    def test_same_as_reference(self):
        path, kinds = write_mutants(DIFF_COUNT, SEED + 1)
        try:
            ref, crashes = reference_blocks(path, DIFF_COUNT)
            here = blocks(difftest.run_here(DESCRIBE + 'import sys\n' + REFERENCE_MAIN.replace(
                'run(sys.argv[1], int(sys.argv[2]), emit)', 'run(%r, 0, emit)' % path)))
            compared = same = 0
            different = []
            for i in range(DIFF_COUNT):
                r = ref.get(i)
                # skipped: the reference crashed, failed for reasons of Python 3, or refused the
                # certificate because it leaked one with the same issuer and serial number
                # (python-nss keeps a reference to a certificate whose str() failed)
                if r is None or any('UnicodeDecodeError' in l or 'SystemError' in l or 'REUSED_ISSUER' in l for l in r):
                    continue
                compared += 1
                if r == here.get(i):
                    same += 1
                else:
                    different.append(i)
            sys.stderr.write('\nfuzz vs reference: %d mutants, reference crashed on %d %r, %d compared, %d identical\n'
                             % (DIFF_COUNT, len(crashes), crashes, compared, same))
            self.assertTrue(compared > DIFF_COUNT * 0.9)
            if different:
                i = different[0]
                self.assertEqual(here.get(i), ref.get(i), '%d mutants differ, first #%d' % (len(different), i))
        finally:
            os.remove(path)


def namespace():
    ns = {'__name__': '__fuzz__'}
    exec(compile(difftest._PRELUDE + DESCRIBE, '<fuzz>', 'exec'), ns)
    return ns


def blocks(text):
    out = {}
    cur = None
    for line in text.splitlines():
        if line.startswith("'#####' "):
            cur = int(line.split(' ')[1])
            out[cur] = []
        elif cur is not None:
            out[cur].append(line)
    return out


def reference_blocks(path, count):
    """Runs the reference over all mutants, starting again after the one it crashed on."""
    code = difftest._PRELUDE + DESCRIBE + REFERENCE_MAIN
    result, crashes, start = {}, [], 0
    while start < count:
        p = subprocess.Popen([difftest.REFERENCE, '-c', code, path, str(start)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        o, e = p.communicate()
        got = blocks(o.decode('utf-8', 'replace'))
        result.update(got)
        if p.returncode == 0:
            break
        last = max(got) if got else start
        crashes.append(last)
        result.pop(last, None)
        start = last + 1
    return result, crashes


if __name__ == '__main__':
    unittest.main()
