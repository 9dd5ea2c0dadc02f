"""A seeded slice of the API-wide hostile-argument run (scripts/hostile.py) in all
five NSS states: no call may crash the worker, hang, or raise a Java exception
instead of a Python one. HOSTILE_SAMPLE (calls per state, default 120) and
HOSTILE_SEED (default 11) choose the slice; the full run is `scripts/hostile`
(see its docstring).

Plus differential checks of argument conversions the full run found differing
from python-nss (None and other objects for int-parsed flags, tag 0 for
pkcs12_map_cipher, nss_init_context() with its defaults).
"""
from __future__ import print_function

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(TOP, 'scripts'))

import hostile
from difftest import DiffTestCase, needs_reference

SAMPLE = int(os.environ.get('HOSTILE_SAMPLE', '120'))
SEED = int(os.environ.get('HOSTILE_SEED', '11'))


class HostileSlice(unittest.TestCase):

    def test_slice_in_every_state(self):
        inv, all_calls = hostile.calls()
        chosen = hostile.isolated.portable_sample(list(range(len(all_calls))), SAMPLE, SEED)
        bad = []
        seen = set()
        for state in hostile.STATES:
            results = {}
            hostile.run_state(sys.executable, state, chosen, 60.0, results,
                              os.path.join(hostile.VECTORS, 'db'))
            for i in chosen:
                r = results.get(i, 'lost')
                c = hostile.classify(r)
                seen.add(c)
                if c in ('CRASH', 'HANG', 'java-exception', 'lost'):
                    bad.append('%s %s: %s' % (state, hostile.describe(inv, all_calls[i]), r))
        self.assertEqual(bad, [])
        self.assertTrue('exception' in seen and 'ok' in seen, seen)     # the calls were made


@needs_reference
class ConversionsDiff(DiffTestCase):

    def test_int_parsed_flags(self):
        self.assertSame(r'''
import nss.nss as nss, nss.ssl as ssl, nss.io as io
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
c = nss.Certificate(open(%r, 'rb').read())
s = ssl.SSLSocket(io.PR_AF_INET)
calls = [('is_ca_cert', lambda v: c.is_ca_cert(v)),
         ('check_valid_times', lambda v: c.check_valid_times(0, v)),
         ('set_cipher_pref', lambda v: s.set_cipher_pref(ssl.TLS_AES_128_GCM_SHA256, v)),
         ('set_default_cipher_pref', lambda v: ssl.set_default_cipher_pref(ssl.TLS_AES_128_GCM_SHA256, v)),
         ('rehandshake', lambda v: s.rehandshake(v)),
         ('reset_handshake', lambda v: s.reset_handshake(v)),
         ('authenticate', lambda v: nss.get_internal_slot().authenticate(v))]
for name, f in calls:
    out(name, [exc(f, v) if not isinstance(exc(f, v), tuple) else 'tuple' for v in (None, 'x', 2, 1.5, True, [], 0)])
ssl.set_default_cipher_pref(ssl.TLS_AES_128_GCM_SHA256, True)
s.close()
''' % os.path.join(TOP, 'test-vectors', 'certs', 'server.der'))

    def test_pkcs12_map_cipher_tags(self):
        self.assertSame(r'''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
for kl in (0, 128):
    out([exc(nss.pkcs12_map_cipher, t, kl) for t in (0, 1, 5, 400, 123456, 2**31 - 1, 2**31, 2**40,
                                                   nss.SEC_OID_AES_256_CBC, nss.SEC_OID_DES_EDE3_CBC)])
out([exc(nss.oid_tag, t) for t in (0, 1, 400, 2**31 - 1, 2**31, 2**40)])
out([exc(nss.oid_str, t) for t in (0, 1, 400, 2**31 - 1, 2**31, 2**40)])
''')


class InitContextDefaults(unittest.TestCase):
    """nss_init_context() with no directory gives a working context, as in python-nss
    (in a process of its own: the test process keeps NSS initialised)."""

    def test_in_fresh_process(self):
        import subprocess
        code = r'''
import nss.nss as nss
c = nss.nss_init_context()
print(nss.nss_is_initialized(), len(nss.sha1_digest(b'x')), nss.get_internal_key_slot() is not None)
nss.nss_shutdown_context(c)
print(nss.nss_is_initialized())
'''
        # NSS writes its module list (pkcs11.txt) into the working directory of a context without one
        import shutil, tempfile
        cwd = tempfile.mkdtemp()
        try:
            p = subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
            out, err = p.communicate()
        finally:
            shutil.rmtree(cwd, ignore_errors=True)
        self.assertEqual(p.returncode, 0, err)
        self.assertEqual(out.split(), ['(True,', '20,', 'True)', 'False'] if out.startswith('(') else
                         ['True', '20', 'True', 'False'])


if __name__ == '__main__':
    unittest.main()
