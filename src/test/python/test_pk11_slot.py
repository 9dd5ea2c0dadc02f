"""PK11 slots and tokens: PK11Slot's flags, str()/format_lines(), passwords
(authenticate, check_*_passwd, logout, the password callback), key pair
generation with RSAGenParams / KEYPQGParams, and the slot module functions
(get_all_tokens, get_best_slot, find_slot_by_name, is_fips, need_pw_init,
pk11_logout_all, pk11_disabled_reason_*), compared with the reference
python-nss on nodb and on sql: databases made with certutil (with and without
a password).

Where python-nss 1.0.1 crashes the interpreter the reference cannot be asked;
those calls are checked here on their own:
  - PK11Slot.is_logged_in() (declared without arguments, then reads them),
  - PK11Slot.change_passwd(...) / init_pin(...) with any argument (a format
    unit without its converter), token_exists() without arguments,
  - dump_certificate_cache_info() before nss_init.
Where Python 2 and 3 differ (argument-error texts, a C init that sets an
exception but reports success) the Python 2 result is stated.
"""
import gc
import os
import shutil
import subprocess
import tempfile
import unittest

import difftest
from difftest import DiffTestCase, needs_reference

import nss.nss as nss
import nss.error as nss_error
from nss.error import NSPRError

HAVE_CERTUTIL = any(os.path.exists(os.path.join(d, 'certutil')) for d in os.environ.get('PATH', '').split(os.pathsep))

# A fresh sql: database made with certutil, in either interpreter; password None means an empty one.
# The password is written to a file only for certutil (never printed).
MAKE_DB = r'''
import os, subprocess, tempfile, shutil
def make_db(password=None):
    d = tempfile.mkdtemp(prefix='jnss-slot-')
    null = open(os.devnull, 'w')
    if password is None:
        subprocess.check_call(['certutil', '-N', '-d', 'sql:' + d, '--empty-password'], stdout=null, stderr=null)
    else:
        pw = os.path.join(d, 'pwfile')
        with open(pw, 'w') as f:
            f.write(password + '\n')
        subprocess.check_call(['certutil', '-N', '-d', 'sql:' + d, '-f', pw], stdout=null, stderr=null)
        os.remove(pw)
    return d
'''

NODB = r'''
import gc
import nss.nss as nss
import sys
if nss.nss_is_initialized():
    nss.nss_shutdown()
nss.nss_init_nodb()
'''

# Drop the NSS objects the snippet left in its globals (Python 2 list comprehensions leak their
# variable) and the last exception (Python 2 keeps its traceback), then shut NSS down.
END = r'''
for _k in list(globals()):
    if type(globals()[_k]).__name__ in ('PK11Slot', 'PublicKey', 'PrivateKey'):
        del globals()[_k]
if hasattr(sys, 'exc_clear'):
    sys.exc_clear()
gc.collect()
try:
    nss.nss_shutdown()
except Exception:
    pass
'''

PASSWORD = 'Secret-1'


def make_db(password=None):
    ns = {}
    exec(MAKE_DB, ns)
    return ns['make_db'](password)


def shutdown():
    gc.collect()
    if nss.nss_is_initialized():
        nss.nss_shutdown()


@needs_reference
class TestSlotsDiff(DiffTestCase):

    def test_internal_slots_nodb(self):
        self.assertSame(NODB + r'''
FLAGS = ['is_hw', 'is_present', 'is_read_only', 'is_internal', 'need_login', 'need_user_init',
         'is_friendly', 'is_removable', 'has_protected_authentication_path', 'is_disabled',
         'has_root_certs', 'get_disabled_reason']
def show(s):
    out(s.slot_name, s.token_name)
    out(str(s))
    out(s.format_lines())
    out(s.format_lines(level=2))
    out(s.format(1))
    out([getattr(s, f)() for f in FLAGS])
    out(exc(s.logout), exc(s.is_hw, 1), exc(s.need_login, x=1), exc(s.format_lines, 'x'))
    out(exc(s.authenticate), exc(s.authenticate, True), exc(s.authenticate, False, 'u1', 2))
    out(exc(s.authenticate, 'x'), exc(s.authenticate, load_certs=True), exc(s.authenticate, 1), exc(s.authenticate, None))
    out(exc(s.check_user_passwd, 'x'), exc(s.check_user_passwd, None), exc(s.check_user_passwd))
    out(exc(s.check_security_officer_passwd, 'x'), exc(s.check_security_officer_passwd, 1))
    out(exc(s.change_passwd), exc(s.init_pin), exc(s.change_passwd, 1, 2, 3), exc(s.init_pin, foo=1))
    out(exc(s.generate_key_pair), exc(s.generate_key_pair, 1, None, 0), exc(s.generate_key_pair, mechanism=1))
    out(len(s.list_certs()))
show(nss.get_internal_slot())
show(nss.get_internal_key_slot())
''' + END)

    def test_user_disable_enable(self):
        self.assertSame(NODB + r'''
for s in (nss.get_internal_slot(), nss.get_internal_key_slot()):
    out(exc(s.user_disable), s.is_disabled(), s.get_disabled_reason())
    out(exc(s.user_enable), s.is_disabled(), s.get_disabled_reason())
    out(str(s).splitlines()[11])
    out(exc(s.user_disable, 1), exc(s.user_enable, 1))
del s
''' + END)

    def test_get_all_tokens(self):
        # one call per process: python-nss loses slot references in get_all_tokens (after a few
        # calls tokens vanish from its result, then it crashes); need_rw is not handed to NSS by python-nss
        for call in ('nss.get_all_tokens()', 'nss.get_all_tokens(need_rw=True)',
                     "nss.get_all_tokens(nss.CKM_RSA_PKCS, True, True, (1, 'a'))", 'nss.get_all_tokens(0x7ffffff0)',
                     'nss.get_all_tokens(load_certs=True, pin_args=None)',
                     'nss.get_all_tokens(nss.CKM_RSA_PKCS_KEY_PAIR_GEN, False)'):
            self.assertSame(NODB + r'''
r = %s
out(type(r).__name__, [s.token_name for s in r])
del r
out(exc(nss.get_all_tokens, pin_args=1), exc(nss.get_all_tokens, pin_args=[1]), exc(nss.get_all_tokens, 'x'))
out(exc(nss.get_all_tokens, 1, 2, 3, 4, 5), exc(nss.get_all_tokens, foo=1), exc(nss.get_all_tokens, need_rw='x'))
''' % call + END)

    def test_module_functions_nodb(self):
        self.assertSame(NODB + r'''
for m in (nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.CKM_DSA_KEY_PAIR_GEN, nss.CKM_SHA256, nss.CKM_AES_CBC):
    out(nss.get_best_slot(m).token_name, nss.get_best_slot(m, 'user', 2).slot_name)
out(nss.get_best_slot(2**64 + nss.CKM_RSA_PKCS).token_name)
out(exc(nss.get_best_slot, 0x7ffffff0), exc(nss.get_best_slot, -1), exc(nss.get_best_slot))
out(exc(nss.get_best_slot, 'a'), exc(nss.get_best_slot, mechanism=1))
# python-nss frees the name before formatting its error (and before the lookup): only failures compare
out(exc(nss.find_slot_by_name, 'nope'), exc(nss.find_slot_by_name, 'NSS Internal Cryptographic Services'))
out(exc(nss.find_slot_by_name, 1), exc(nss.find_slot_by_name, name='x'), exc(nss.find_slot_by_name))
out(nss.is_fips(), nss.need_pw_init(), nss.pk11_logout_all())
out(exc(nss.is_fips, 1), exc(nss.need_pw_init, 1), exc(nss.pk11_logout_all, 1), exc(nss.token_exists, 1))
out(exc(nss.dump_certificate_cache_info, 1))
for r in list(range(0, 5)) + [True, 2**32, 2**64 + 1]:
    out(r, nss.pk11_disabled_reason_name(r), nss.pk11_disabled_reason_str(r))
out(exc(nss.pk11_disabled_reason_name, 'x'), exc(nss.pk11_disabled_reason_str), exc(nss.pk11_disabled_reason_str, reason=1))
out(nss.PK11_DIS_NONE, nss.PK11_DIS_USER_SELECTED, nss.PK11_DIS_TOKEN_NOT_PRESENT)
''' + END)

    def test_before_init(self):
        self.assertSame(r'''
import nss.nss as nss
if nss.nss_is_initialized():
    nss.nss_shutdown()
out(nss.is_fips(), nss.need_pw_init(), nss.pk11_logout_all())
out(exc(nss.get_all_tokens), exc(nss.get_best_slot, 1), exc(nss.find_slot_by_name, 'x'))
out(str(nss.RSAGenParams()), nss.pk11_disabled_reason_str(1))
''')

    def test_rsa_gen_params(self):
        self.assertSame(r'''
import nss.nss as nss
p = nss.RSAGenParams()
out(str(p), p.key_size, p.public_exponent, type(p).__name__)
for args, kw in (((2048, 3), {}), ((512,), {}), ((), {'key_size': 768}), ((512,), {'exponent': 17}),
                 ((), {'exponent': 5}), ((-1, -1), {}), ((1, 2**40), {}), ((1, 2**64 + 7), {}),
                 ((-2**31, -5), {}), ((True, False), {})):
    p = nss.RSAGenParams(*args, **kw)
    out(str(p), p.key_size, p.public_exponent)
p = nss.RSAGenParams()
p.key_size = 4096
p.public_exponent = 3
out(str(p), p.key_size, p.public_exponent)
p.key_size = 2**40 + 5
p.public_exponent = -1
out(str(p))
p.key_size = True
out(str(p))
for args, kw in ((('x',), {}), ((1, 'x'), {}), ((1, 2, 3), {}), ((), {'foo': 3}), ((2**31,), {}),
                 ((-2**31 - 1,), {}), ((1.5,), {}), ((None,), {}), ((1, None), {}), ((1, 2.0), {}),
                 ((1,), {'public_exponent': 3}), ((512,), {'exponent': 3, 'key_size': 4})):
    out(exc(nss.RSAGenParams, *args, **kw))
for name, v in (('key_size', 'x'), ('public_exponent', 'x'), ('key_size', 2.0), ('public_exponent', None)):
    out(exc(setattr, p, name, v))
out(exc(delattr, p, 'key_size'), exc(delattr, p, 'public_exponent'), exc(setattr, p, 'foo', 1))
out(str(p))
''')

    def test_keypqg_params(self):
        self.assertSame(r'''
import nss.nss as nss
d = nss.KEYPQGParams(None, None, None)
out(str(d))
out(d.format_lines())
out(d.format(1) == d.format(level=1), len(d.prime), len(d.subprime), len(d.base), d.prime.type)
out(d.prime.data == nss.KEYPQGParams(None, None, None).prime.data, type(d.prime).__name__)
p = nss.KEYPQGParams(b'\x01', b'\x02', b'\x03')
out(str(p), p.format_lines(), p.prime.data, p.base.data)
p = nss.KEYPQGParams(prime=nss.SecItem(b'\x05'), subprime=bytearray(b'\x07'), base=b'\x02')
out(str(p), nss.KEYPQGParams(b'', b'', b'').format_lines())
out(nss.KEYPQGParams(b'\x81', b'\x02', b'\x03').format_lines())
out(exc(nss.KEYPQGParams), exc(nss.KEYPQGParams, b'\x01'), exc(nss.KEYPQGParams, b'\x01', b'\x02'))
out(exc(nss.KEYPQGParams, 1, 2, 3), exc(nss.KEYPQGParams, b'\x01', 1, b'\x03'))
out(exc(nss.KEYPQGParams, b'\x01', b'\x02', b'\x03', b'\x04'), exc(nss.KEYPQGParams, base=b'\x02'))
out(exc(setattr, p, 'prime', nss.SecItem(b'\x05')))
''')

    def test_generate_key_pair(self):
        self.assertSame(NODB + r'''
def gen(slot, mech, params, *rest):
    return exc(slot.generate_key_pair, mech, params, *rest)
def kinds(r):
    return r if isinstance(r, str) else [type(x).__name__ for x in r]
for slot in (nss.get_internal_slot(), nss.get_internal_key_slot(), nss.get_best_slot(nss.CKM_RSA_PKCS_KEY_PAIR_GEN)):
    for size, e in ((1024, 65537), (2048, 3), (512, 17)):
        r = gen(slot, nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(size, e), False, False)
        if isinstance(r, str):
            out(size, e, r)
            continue
        pub, priv = r
        out(type(pub).__name__, type(priv).__name__, pub.key_type, pub.key_type_str, len(pub.rsa.modulus) * 8,
            pub.rsa.exponent.data, pub.rsa.exponent.type, pub.rsa.modulus.type)
        out(str(pub).splitlines()[:2], pub.format_lines()[:2], pub.format_lines()[-2][:2])
        out(exc(getattr, pub, 'dsa'), dir(priv) == dir(nss.PrivateKey()))
    out(kinds(gen(slot, nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(), True, True, 'user', 1)))
out(kinds(gen(slot, nss.CKM_RSA_X9_31_KEY_PAIR_GEN, nss.RSAGenParams(1024), False, False)))
dsa_slot = nss.get_best_slot(nss.CKM_DSA_KEY_PAIR_GEN)
params = nss.KEYPQGParams(None, None, None)
for slot in (dsa_slot, nss.get_internal_slot()):
    pub, priv = slot.generate_key_pair(nss.CKM_DSA_KEY_PAIR_GEN, params, False, False)
    out(pub.key_type, pub.key_type_str, str(pub.dsa.pqg_params) == str(params), pub.dsa.pqg_params.prime.type)
    out(str(pub).splitlines()[:3], exc(getattr, pub, 'rsa'))
slot = nss.get_internal_slot()
for mech, p in ((nss.CKM_RSA_PKCS_KEY_PAIR_GEN, params), (nss.CKM_RSA_PKCS_KEY_PAIR_GEN, None),
                (nss.CKM_RSA_X9_31_KEY_PAIR_GEN, 'x'), (nss.CKM_DSA_KEY_PAIR_GEN, nss.RSAGenParams()),
                (nss.CKM_DSA_KEY_PAIR_GEN, None), (nss.CKM_EC_KEY_PAIR_GEN, None),
                (nss.CKM_EC_KEY_PAIR_GEN, nss.RSAGenParams()), (nss.CKM_DH_PKCS_KEY_PAIR_GEN, None),
                (nss.CKM_AES_KEY_GEN, None), (0x7ffffff0, None), (-1, None), (2**64 + 1, nss.RSAGenParams()),
                (nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(100)),
                (nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(-1)),
                (nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(1024, 4)),
                (nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(1024, 0)),
                (nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(8200)),
                (nss.CKM_DSA_KEY_PAIR_GEN, nss.KEYPQGParams(b'\x01', b'\x02', b'\x03'))):
    out(kinds(gen(slot, mech, p, False, False)))
out(kinds(gen(slot, nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(), True, False)))
out(exc(slot.generate_key_pair, 'x', nss.RSAGenParams(), 0, 0))
out(exc(slot.generate_key_pair, nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(), 'x', 0))
out(exc(slot.generate_key_pair, nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(), 1.5, 0))
out(exc(slot.generate_key_pair, nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(), 1))
del pub, priv, slot, dsa_slot
''' + END)

    def test_shutdown_with_a_key_referenced(self):
        # a generated public key (or private key, or slot) keeps NSS busy, as in python-nss
        for keep in ('pub', 'priv', 'slot'):
            self.assertSame(NODB + r'''
def make():
    slot = nss.get_internal_slot()
    pub, priv = slot.generate_key_pair(nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(1024), False, False)
    return {'pub': pub, 'priv': priv, 'slot': slot}[%r]
kept = make()
out(exc(nss.nss_shutdown))
''' % keep + r'''
del kept
''' + END)

    def test_shutdown_after_dropping_keys(self):
        self.assertSame(NODB + r'''
def use():
    slot = nss.get_internal_key_slot()
    for m, p in ((nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(1024)),
                 (nss.CKM_DSA_KEY_PAIR_GEN, nss.KEYPQGParams(None, None, None))):
        pub, priv = slot.generate_key_pair(m, p, False, False)
        str(pub)
    str(slot)
    return [s.token_name for s in nss.get_all_tokens()], nss.get_best_slot(nss.CKM_SHA256).token_name
out(use())
gc.collect()
out(exc(nss.nss_shutdown), nss.nss_is_initialized())
''')


@needs_reference
class TestDumpCertificateCacheInfo(unittest.TestCase):
    """NSS prints the dump to the process's stdout (not sys.stdout), so both interpreters run a script."""

    def test_same_output_in_place(self):
        import sys
        code = ('import sys\nimport nss.nss as nss\nnss.nss_init_nodb()\nprint("before")\nsys.stdout.flush()\n'
                'nss.dump_certificate_cache_info()\nprint("after")\n')
        outs = []
        for exe in (difftest.REFERENCE, sys.executable):
            p = subprocess.Popen([exe, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            o, e = p.communicate()
            self.assertEqual(p.returncode, 0, e)
            outs.append(o.decode('utf-8') if not isinstance(o, str) else o)
        self.assertEqual(outs[1], outs[0])
        self.assertIn('Certificates in the cache:', outs[1])
        self.assertTrue(outs[1].startswith('before\n') and outs[1].endswith('after\n'), outs[1])


def db_snippet(password):
    return MAKE_DB + r'''
import gc
import sys
import nss.nss as nss
if nss.nss_is_initialized():
    nss.nss_shutdown()
db = make_db(%r)
nss.nss_init_read_write('sql:' + db)
''' % (password,)


DB_END = END + r'''
shutil.rmtree(db)
'''


@needs_reference
@unittest.skipUnless(HAVE_CERTUTIL, 'certutil (libnss3-tools) not installed')
class TestDatabaseDiff(DiffTestCase):

    def test_db_without_password(self):
        self.assertSame(db_snippet(None) + r'''
for s in (nss.get_internal_key_slot(), nss.get_internal_slot()):
    out(str(s))
    out(exc(s.authenticate), exc(s.logout), exc(s.check_user_passwd, ''), exc(s.check_user_passwd, 'x'))
    out(exc(s.check_security_officer_passwd, ''))
out(nss.need_pw_init())
def gen():
    slot = nss.get_internal_key_slot()
    pub, priv = slot.generate_key_pair(nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(1024), True, False)
    return pub.key_type_str, len(slot.list_certs())
out(gen())
del s
''' + DB_END)

    def test_db_with_password(self):
        self.assertSame(db_snippet(PASSWORD) + r'''
calls = []
def callback(slot, retry, *user_data):
    calls.append((slot.token_name, retry, user_data))
    if retry:
        return None
    return user_data[0] if user_data else %r
s = nss.get_internal_key_slot()
out(str(s))
out(s.need_login(), s.need_user_init(), nss.need_pw_init())
out(exc(s.authenticate))
nss.set_password_callback(callback)
out(exc(s.authenticate, False, 'wrong'), calls)
out(exc(s.check_user_passwd, %r), exc(s.check_user_passwd, 'wrong'), exc(s.check_user_passwd, u'wrong'))
out(exc(s.check_security_officer_passwd, %r), exc(s.check_security_officer_passwd, ''))
out(exc(s.logout))
del calls[:]
out(exc(s.authenticate, True, %r, 'more', 3), calls)
out(exc(s.logout), exc(s.logout))
del calls[:]
out(exc(s.authenticate, True), calls)
out(exc(nss.pk11_logout_all), exc(s.logout))
del calls[:]
def gen(*user_data):
    slot = nss.get_internal_key_slot()
    r = exc(slot.generate_key_pair, nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(1024), True, True, *user_data)
    return r if isinstance(r, str) else r[0].key_type_str
out(gen('wrong'), calls)
out(exc(s.authenticate, False), gen(), calls)
out(nss.get_best_slot(nss.CKM_RSA_PKCS_KEY_PAIR_GEN, 'b').token_name)
nss.set_password_callback(lambda slot, retry, *u: None)
out(exc(s.logout), exc(s.authenticate, False))
del s
''' % (PASSWORD, PASSWORD, PASSWORD, PASSWORD) + DB_END)


class TestPython2Results(unittest.TestCase):
    """Messages and results stated for Python 2 (the reference runs Python 3), and calls that crash python-nss."""

    def setUp(self):
        shutdown()
        nss.nss_init_nodb()

    def tearDown(self):
        shutdown()

    def assertTypeError(self, msg, f, *args, **kw):
        with self.assertRaises(TypeError) as e:
            f(*args, **kw)
        self.assertEqual(str(e.exception), msg)

    def test_rsa_gen_params_messages(self):
        self.assertTypeError('an integer is required', nss.RSAGenParams, 'x')
        self.assertTypeError('RSAGenParams() argument 2 must be integer<k>, not str', nss.RSAGenParams, 1, 'x')
        self.assertTypeError('RSAGenParams() argument 2 must be integer<k>, not None', nss.RSAGenParams, 1, None)
        self.assertTypeError("'public_exponent' is an invalid keyword argument for this function",
                             nss.RSAGenParams, public_exponent=3)
        self.assertRaisesRegexp(OverflowError, 'signed integer is greater than maximum', nss.RSAGenParams, 2**31)
        p = nss.RSAGenParams()
        self.assertTypeError('key_size must be a integer, not str', setattr, p, 'key_size', 'x')
        self.assertTypeError('public_exponent must be a integer, not float', setattr, p, 'public_exponent', 1.0)
        self.assertTypeError('Cannot delete the key_size attribute', delattr, p, 'key_size')
        # PyLong_AsLong overflows (python-nss reports success with the error set; Python 3 says SystemError)
        self.assertRaises(OverflowError, setattr, p, 'public_exponent', 2**64)
        self.assertEqual(str(nss.RSAGenParams(1, 2**64 - 1)), 'key_size=1 public_exponent=18446744073709551615')
        # python-nss's getter of public_exponent reads the key size
        self.assertEqual(nss.RSAGenParams(2048, 3).public_exponent, 2048)

    def test_keypqg_params_mix_is_a_value_error(self):
        # python-nss sets this ValueError but reports success (Python 3 turns it into SystemError)
        for args in ((b'\x01', None, b'\x03'), (None, b'\x01', None), (None, None, nss.SecItem(b'\x01'))):
            with self.assertRaises(ValueError) as e:
                nss.KEYPQGParams(*args)
            self.assertEqual(str(e.exception),
                             'prime, subprime and base must all be provided or none of them provided, not a mix')
        self.assertTypeError("Required argument 'prime' (pos 1) not found", nss.KEYPQGParams)
        self.assertTypeError('must be SecItem, buffer object or None', nss.KEYPQGParams, 1, 2, 3)
        # a Python 2 unicode is a read buffer of its UCS-4 code units
        self.assertEqual(nss.KEYPQGParams(u'A', b'\x02', b'\x03').prime.data, b'A\x00\x00\x00')
        self.assertEqual(len(nss.KEYPQGParams(None, None, None).prime), 129)

    def test_generate_key_pair_messages(self):
        slot = nss.get_internal_slot()
        self.assertTypeError('key_params for CKM_RSA_PKCS_KEY_PAIR_GEN mechanism must be nss.nss.RSAGenParams, '
                             'not NoneType', slot.generate_key_pair, nss.CKM_RSA_PKCS_KEY_PAIR_GEN, None, 0, 0)
        self.assertTypeError('key_params for CKM_DSA_KEY_PAIR_GEN mechanism must be nss.nss.KEYPQGParams, '
                             'not nss.nss.RSAGenParams', slot.generate_key_pair, nss.CKM_DSA_KEY_PAIR_GEN,
                             nss.RSAGenParams(), 0, 0)
        self.assertTypeError('generate_key_pair() argument 1 must be integer<k>, not str',
                             slot.generate_key_pair, 'x', None, 0, 0)
        self.assertTypeError('an integer is required', slot.generate_key_pair, 1, None, 'x', 0)
        self.assertTypeError('generate_key_pair() takes exactly 4 arguments (3 given)',
                             slot.generate_key_pair, 1, None, 0)
        with self.assertRaises(NSPRError) as e:
            slot.generate_key_pair(nss.CKM_EC_KEY_PAIR_GEN, None, False, False)
        self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_INVALID_ARGS)
        pub, priv = slot.generate_key_pair(nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(1024), 0, 0)
        self.assertEqual((pub.key_type, len(pub.rsa.modulus), pub.rsa.exponent.data), (nss.rsaKey, 128, b'\x01\x00\x01'))
        self.assertIsInstance(priv, nss.PrivateKey)

    def test_module_function_messages(self):
        self.assertEqual(nss.pk11_disabled_reason_name(-1), 'unknown(0xffffffff)')   # C's snprintf "%#x"
        self.assertEqual(nss.pk11_disabled_reason_str(7), 'unknown(0x7)')
        self.assertTypeError('pk11_disabled_reason_name() argument 1 must be integer<k>, not str',
                             nss.pk11_disabled_reason_name, 'x')
        self.assertTypeError('must be tuple or None, not list', nss.get_all_tokens, pin_args=[1])
        self.assertTypeError('find_slot_by_name() argument 1 must be string or unicode or text buffer, not int',
                             nss.find_slot_by_name, 1)
        # python-nss formats the name after freeing it; here it is the name asked for
        with self.assertRaises(NSPRError) as e:
            nss.find_slot_by_name('no such token')
        self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_NO_TOKEN)
        self.assertTrue(str(e.exception).startswith('could not find slot name "no such token": '), str(e.exception))
        # python-nss crashes here (no arguments reach a function that parses them)
        self.assertRaises(SystemError, nss.token_exists)
        self.assertTypeError('token_exists() takes no arguments (1 given)', nss.token_exists, nss.CKM_RSA_PKCS)
        self.assertTypeError('is_logged_in() takes no arguments (1 given)', nss.get_internal_slot().is_logged_in, 1)

    def test_shutdown_refused_while_a_slot_is_referenced(self):
        slot = nss.get_internal_key_slot()
        tokens = nss.get_all_tokens()
        with self.assertRaises(NSPRError) as e:
            nss.nss_shutdown()              # the slots keep NSS busy, as in python-nss
        self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_BUSY)
        self.assertTrue(nss.nss_is_initialized())
        self.assertEqual(slot.token_name, 'NSS Certificate DB')     # NSS stays usable here
        self.assertFalse(slot.is_hw())
        del slot, tokens
        nss.nss_shutdown()
        self.assertFalse(nss.nss_is_initialized())
        # module functions after shutdown: NSS's own answers or NSPRError, no crash
        self.assertFalse(nss.is_fips())
        self.assertRaises(NSPRError, nss.get_all_tokens)
        self.assertRaises(NSPRError, nss.get_best_slot, nss.CKM_RSA_PKCS)
        self.assertRaises(NSPRError, nss.find_slot_by_name, 'NSS Certificate DB')
        self.assertRaises(NSPRError, nss.dump_certificate_cache_info)
        nss.pk11_logout_all()
        nss.nss_init_nodb()

    def test_empty_slot(self):
        # python-nss makes a PK11Slot without a slot and crashes on its members
        s = nss.PK11Slot()
        self.assertIsInstance(s, nss.PK11Slot)
        for call in (lambda: s.slot_name, s.is_hw, s.is_logged_in, s.logout, s.format_lines, s.__str__,
                     s.list_certs, lambda: s.check_user_passwd('x'),
                     lambda: s.generate_key_pair(nss.CKM_RSA_PKCS_KEY_PAIR_GEN, nss.RSAGenParams(), 0, 0)):
            self.assertRaises(NSPRError, call)
        # python-nss parses "|O" against an empty keyword list: any argument is a TypeError
        self.assertRaises(TypeError, nss.PK11Slot, 1)
        self.assertRaises(TypeError, nss.PK11Slot, None)
        self.assertRaises(TypeError, nss.PK11Slot, 1, 2)

    def test_lookups(self):
        # python-nss frees the name before its lookup, so the reference cannot be compared here
        s = nss.find_slot_by_name('NSS Certificate DB')
        self.assertEqual(s.slot_name, 'NSS User Private Key and Certificate Services')
        self.assertEqual(nss.find_slot_by_name(u'NSS Generic Crypto Services').slot_name,
                         'NSS Internal Cryptographic Services')
        # the same tokens however often asked (python-nss loses references and tokens vanish)
        for i in range(8):
            self.assertEqual([t.token_name for t in nss.get_all_tokens()],
                             ['NSS Certificate DB', 'NSS Generic Crypto Services'])
        self.assertEqual(len(nss.get_all_tokens(need_rw=True)), 2)    # read-only tokens too, as python-nss
        self.assertEqual(len(nss.get_all_tokens(0x7ffffff0)), 2)       # the mechanism is not handed to NSS either
        self.assertEqual(nss.get_best_slot(nss.CKM_DSA_KEY_PAIR_GEN).token_name, 'NSS Certificate DB')


@unittest.skipUnless(HAVE_CERTUTIL, 'certutil (libnss3-tools) not installed')
class TestPasswordTokens(unittest.TestCase):
    """Login state and password changes on a password-protected database (python-nss crashes in
    is_logged_in(), change_passwd() and init_pin(), so these are checked on their own)."""

    def setUp(self):
        shutdown()
        self.db = make_db(PASSWORD)
        nss.nss_init_read_write('sql:' + self.db)
        self.calls = []

        def callback(slot, retry, *user_data):
            self.calls.append((slot.token_name, retry, user_data))
            return None if retry else (user_data[0] if user_data else PASSWORD)
        nss.set_password_callback(callback)

    def tearDown(self):
        nss.set_password_callback(lambda slot, retry, *u: None)
        shutdown()
        shutil.rmtree(self.db)

    def test_login_state(self):
        s = nss.get_internal_key_slot()
        self.assertTrue(s.need_login())
        self.assertFalse(s.is_logged_in())
        with self.assertRaises(NSPRError) as e:
            s.authenticate(False, 'wrong')
        self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_BAD_PASSWORD)
        self.assertEqual(self.calls, [('NSS Certificate DB', False, ('wrong',)), ('NSS Certificate DB', True, ('wrong',))])
        self.assertFalse(s.is_logged_in())
        s.authenticate()
        self.assertTrue(s.is_logged_in())
        s.logout()
        self.assertFalse(s.is_logged_in())
        s.authenticate(True, PASSWORD)
        self.assertTrue(s.is_logged_in())
        nss.pk11_logout_all()
        self.assertFalse(s.is_logged_in())

    def test_change_password(self):
        s = nss.get_internal_key_slot()
        self.assertRaises(TypeError, s.change_passwd)
        with self.assertRaises(NSPRError) as e:
            s.change_passwd(PASSWORD, 'other-2')           # not logged in
        self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_TOKEN_NOT_LOGGED_IN)
        s.authenticate()
        self.assertRaises(NSPRError, s.change_passwd, 'wrong', 'other-2')
        s.change_passwd(PASSWORD, 'other-2')
        self.assertTrue(s.check_user_passwd('other-2'))
        self.assertFalse(s.check_user_passwd(PASSWORD))
        s.authenticate(False, 'other-2')
        s.change_passwd(old_passwd='other-2', new_passwd=PASSWORD)
        self.assertTrue(s.check_user_passwd(PASSWORD))
        with self.assertRaises(TypeError) as e:
            s.change_passwd(1)
        self.assertEqual(str(e.exception), 'must be a string, not int')

    def test_init_pin_on_a_fresh_token(self):
        shutdown()
        d = make_db(None)
        try:
            nss.nss_init_read_write('sql:' + d)
            s = nss.get_internal_key_slot()
            self.assertTrue(nss.need_pw_init())
            self.assertFalse(s.need_login())
            s.change_passwd(None, 'first-1')                # set the first password
            self.assertTrue(s.need_login())
            self.assertFalse(nss.need_pw_init())
            self.assertTrue(s.check_user_passwd('first-1'))
            self.assertRaises(TypeError, s.init_pin, 1)
            self.assertRaises(TypeError, s.init_pin)
            self.assertRaises(NSPRError, s.init_pin, None, 'again')   # the user PIN is set already
            del s
        finally:
            shutdown()
            shutil.rmtree(d)
            nss.nss_init_read_write('sql:' + self.db)


if __name__ == '__main__':
    unittest.main()
