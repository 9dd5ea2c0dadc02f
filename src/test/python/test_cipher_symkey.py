"""PK11SymKey, cipher contexts, mechanism parameters, PBE and key wrapping
(python-nss's doc/examples/cipher_test.py scenarios and more), compared with
the reference python-nss; plus checks that hold without the reference."""
import sys
import unittest

from difftest import DiffTestCase, needs_reference

import os

import nss.error as nss_error
import nss.nss as nss

CERT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..',
                                     'test-vectors', 'certs', 'server.der'))

INIT = r'''
import nss.error as nss_error
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
slot = nss.get_internal_slot()
def hx(b):
    return nss.data_to_hex(b, separator=':')
def err(f, *a, **k):
    # the exception: class, NSPR code, and the message (argument TypeErrors differ between Python 2 and 3)
    try:
        r = f(*a, **k)
    except nss_error.NSPRError as e:
        return 'NSPRError %d' % e.error_code
    except TypeError as e:
        return 'TypeError'
    except Exception as e:
        return '%s %s' % (type(e).__name__, str(e))
    return 'OK'
def aes_key(data=b'0123456789abcdef', mech=nss.CKM_AES_CBC_PAD, op=nss.CKA_ENCRYPT):
    return nss.import_sym_key(slot, mech, nss.PK11_OriginUnwrap, op, nss.SecItem(data))
def crypt(mech, key, param, data, op):
    # digest_final() only where padding leaves output: python-nss returns uninitialised memory otherwise
    ctx = nss.create_context_by_sym_key(mech, op, key, param)
    if nss.key_mechanism_type_name(mech).endswith('_PAD'):
        return ctx.cipher_op(data) + ctx.digest_final()
    return ctx.cipher_op(data)
def lines_of(s):
    for l in s.split('\n'):
        out(l)
def s(item):
    # str() of a parameter: decoded DER, which may be a list (a TypeError on both)
    try:
        return str(item)
    except TypeError:
        return 'TypeError'
'''


def setUpModule():
    if not nss.nss_is_initialized():
        nss.nss_init_nodb()


@needs_reference
class TestSymCipherDiff(DiffTestCase):

    def test_encrypt_decrypt(self):
        # AES and DES3 CBC, padded and not, and DES CBC PAD as python-nss's cipher_test.py
        self.assertSame(INIT + r'''
cases = [
    (nss.CKM_AES_CBC_PAD, b'0123456789abcdef', b'i' * 16, b'Encrypt me!'),
    (nss.CKM_AES_CBC, b'0123456789abcdef0123456789abcdef', b'j' * 16, b'exactly 32 bytes of plain text!!'),
    (nss.CKM_DES3_CBC_PAD, b'0123456789abcdefghijklmn', b'12345678', b'some longer text to encrypt' * 5),
    (nss.CKM_DES3_CBC, b'0123456789abcdefghijklmn', b'12345678', b'eight!!!'),
    (nss.CKM_DES_CBC_PAD, nss.read_hex('e8:a7:7c:e2:05:63:6a:31'), nss.read_hex('e4:bb:3b:d3:c3:71:2e:58'),
     b'Encrypt me!'),
]
for mech, key, iv, text in cases:
    k = nss.import_sym_key(slot, mech, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT, nss.SecItem(key))
    p = nss.param_from_iv(mech, nss.SecItem(iv) if iv is not None else None)
    out(nss.key_mechanism_type_name(mech), type(p).__name__, s(p), p.len, p.type)
    ct = crypt(mech, k, p, text, nss.CKA_ENCRYPT)
    out(hx(ct))
    out(crypt(mech, k, p, ct, nss.CKA_DECRYPT) == text)
    # chunked, as the file test does
    enc = nss.create_context_by_sym_key(mech, nss.CKA_ENCRYPT, k, p)
    step = 5 if nss.get_pad_mechanism(mech) == mech else nss.get_block_size(mech)
    parts = [enc.cipher_op(text[i:i + step]) for i in range(0, len(text), step)]
    out([len(x) for x in parts])
    out(b''.join(parts) + (enc.digest_final() if nss.get_pad_mechanism(mech) == mech else b'') == ct)
''')

    def test_sym_key_members(self):
        self.assertSame(INIT + r'''
k = aes_key()
out(type(k).__name__, k.mechanism, k.key_length, k.key_data, type(k.slot).__name__, k.slot.slot_name)
lines_of(str(k))
out(k.format_lines())
out(k.format_lines(2)[:4])
lines_of(k.format(1, 2))
lines_of(k.format(level=1, indent_len=3))
g = slot.key_gen(nss.CKM_DES3_CBC, None, 0)
out(g.key_length, g.mechanism, len(g.key_data))
g = slot.key_gen(nss.CKM_AES_KEY_GEN, None, 32)
out(g.key_length, g.mechanism, len(g.key_data), nss.key_mechanism_type_name(g.mechanism))
out(len(str(g).split('\n')))
out(err(nss.PK11SymKey))
''')

    def test_module_helpers(self):
        self.assertSame(INIT + r'''
for m in (nss.CKM_AES_CBC, nss.CKM_AES_CBC_PAD, nss.CKM_AES_ECB, nss.CKM_DES3_CBC, nss.CKM_DES_CBC_PAD,
          nss.CKM_RC4, nss.CKM_SHA256, 0x12345678):
    out(m, nss.get_iv_length(m), nss.get_block_size(m), nss.get_block_size(m, None), nss.get_pad_mechanism(m),
        err(nss.mechanism_to_algtag, m))
for m in (nss.CKM_AES_CBC, nss.CKM_DES3_CBC, nss.CKM_DES_CBC):
    out(nss.mechanism_to_algtag(m), err(nss.algtag_to_mechanism, nss.mechanism_to_algtag(m)))
out(nss.get_block_size(mechanism=nss.CKM_AES_CBC, sec_param=None))
out(nss.get_block_size(nss.CKM_RC2_CBC, nss.SecItem(b'\x00' * 8)))
out(err(nss.algtag_to_mechanism, 100000), nss.algtag_to_mechanism(nss.SEC_OID_SHA256))
out(err(nss.mechanism_to_algtag, 0x12345678))
out(nss.generate_random(0), len(nss.generate_random(17)), nss.generate_random(8) != nss.generate_random(8))
out(err(nss.generate_random, -1), err(nss.generate_random, 100000))
out(nss.key_mechanism_type_name(nss.CKM_AES_CBC), nss.pk11_attribute_type_name(nss.CKA_ENCRYPT))
out(err(nss.key_mechanism_type_name, 0x12345678), err(nss.key_mechanism_type_name, -1))
out(err(nss.pk11_attribute_type_name, 0x12345678))
for name in sorted(n for n in dir(nss) if n.startswith('CKM_')):
    v = getattr(nss, name)
    out(name, v, nss.key_mechanism_type_name(v))
for name in sorted(n for n in dir(nss) if n.startswith('CKA_')):
    v = getattr(nss, name)
    out(name, v, nss.pk11_attribute_type_name(v))
for kw in (nss.get_iv_length, nss.generate_random, nss.key_mechanism_type_name, nss.mechanism_to_algtag,
           nss.algtag_to_mechanism, nss.get_pad_mechanism, nss.pk11_attribute_type_name):
    out(err(kw, mechanism=1))
''')

    def test_params(self):
        self.assertSame(INIT + r'''
for mech, iv in ((nss.CKM_AES_CBC, b'x' * 16), (nss.CKM_AES_CBC, None), (nss.CKM_AES_ECB, None),
                 (nss.CKM_AES_ECB, b'abc'), (nss.CKM_DES3_CBC_PAD, b'12345678'), (0x12345678, b'a'),
                 (nss.CKM_AES_CBC, b'\x04\x02ab' + b'x' * 12), (nss.CKM_AES_CBC, b'\x02\x01\x05' + b'\x00' * 13),
                 (nss.CKM_AES_CBC, b'\x13\x03abc' + b'z' * 11), (nss.CKM_RC2_CBC, b'12345678')):
    p = nss.param_from_iv(mech, nss.SecItem(iv) if iv is not None else None)
    out(type(p).__name__, p.len, p.type, p.data, p.format_lines())
    out(s(p))
p = nss.param_from_iv(mechanism=nss.CKM_AES_CBC, iv=nss.SecItem(b'x' * 16))
out(str(p))
out(err(nss.param_from_iv, nss.CKM_AES_CBC, b'abc'), err(nss.param_from_iv, nss.CKM_AES_CBC, 5))
for mech in (nss.CKM_AES_CBC, nss.CKM_AES_ECB, nss.CKM_DES3_CBC, 0x12345678):
    p = nss.generate_new_param(mech)
    q = nss.generate_new_param(mech, aes_key())
    out(type(p).__name__, p.len, p.type, q.len, p.len == 0 or p.data != q.data)
p = nss.generate_new_param(mechanism=nss.CKM_AES_CBC, sym_key=None)
out(p.len)
out(err(nss.param_from_algid, None))
''')

    def test_context_errors(self):
        self.assertSame(INIT + r'''
k = aes_key(mech=nss.CKM_AES_CBC)
out(err(nss.create_context_by_sym_key, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, None))
out(err(nss.create_context_by_sym_key, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, k, None))
out(err(nss.create_context_by_sym_key, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, k, nss.SecItem(b'a')))
out(err(nss.create_context_by_sym_key, mechanism=nss.CKM_AES_ECB, operation=nss.CKA_ENCRYPT, sym_key=k,
        sec_param=None))
out(err(nss.import_sym_key, slot, nss.CKM_AES_CBC, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT, nss.SecItem(b'short')))
out(err(nss.import_sym_key, slot, nss.CKM_AES_CBC, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT, nss.SecItem(b'')))
out(err(nss.import_sym_key, slot, nss.CKM_AES_CBC, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT, b'0123456789abcdef'))
out(err(nss.import_sym_key, slot, nss.CKM_AES_CBC, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT,
        nss.SecItem(b'0123456789abcdef'), 'user', 'data'))
u = nss.import_sym_key(slot, 0x12345678, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT, nss.SecItem(b'0123456789abcdef'))
out(u.mechanism, u.key_data)
ecb = nss.create_context_by_sym_key(nss.CKM_AES_ECB, nss.CKA_ENCRYPT, k, None)
out(err(ecb.cipher_op, b'abc'))
ecb = nss.create_context_by_sym_key(nss.CKM_AES_ECB, nss.CKA_ENCRYPT, k, None)
out(hx(ecb.cipher_op(b'0123456789abcdef')))
# (digest_final() of an unpadded context and cipher_op(b'') return uninitialised memory in python-nss)
out(err(ecb.cipher_op, data=b'x'))
cbc = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k,
                                    nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'i' * 16)))
big = cbc.cipher_op(b'a' * 1000000)
out(len(big), hx(nss.sha1_digest(big)), hx(cbc.digest_final()))
out(err(cbc.cipher_op, b'a' * 5))     # the operation is over
d = nss.create_digest_context(nss.SEC_OID_SHA1)
out(d.digest_key(k), err(d.digest_key, None))
out(hx(d.digest_final()))
out(err(nss.create_digest_context(nss.SEC_OID_SHA1).cipher_op, b'abc'))
out(err(nss.PK11Context().digest_key, k))
''')

    def test_contexts_after_many_finished(self):
        # finished contexts, kept, then reused after hundreds of other contexts finished
        # (pynss gives the native context of a finished one back meanwhile): same results
        self.assertSame(INIT + r'''
k = aes_key()
iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'i' * 16))
mac = aes_key(mech=nss.CKM_SHA256_HMAC, op=nss.CKA_SIGN)
def finished():
    d = nss.create_digest_context(nss.SEC_OID_SHA256)
    d.digest_begin()
    d.digest_op(b'abc')
    e = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, iv)
    ct = e.cipher_op(b'secret data') + e.digest_final()
    dec = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_DECRYPT, k, iv)
    m = nss.create_context_by_sym_key(nss.CKM_SHA256_HMAC, nss.CKA_SIGN, mac, None)
    m.digest_op(b'message')
    out(hx(d.digest_final()), hx(ct), hx(dec.cipher_op(ct) + dec.digest_final()), hx(m.digest_final()))
    return d, e, dec, m
first = [finished() for _ in range(3)]
for _ in range(700):
    c = nss.create_digest_context(nss.SEC_OID_SHA1)
    c.digest_final()
    del c
d, e, dec, m = first[0]
out(err(d.digest_op, b'x'), err(e.cipher_op, b'x' * 16), err(dec.cipher_op, b'x' * 16), err(m.digest_op, b'x'))
d, e, dec, m = first[1]
# cloning the finished digest context fails in both, but NSS's code for it is not stable: python-nss
# gives SEC_ERROR_LIBRARY_FAILURE here, SEC_ERROR_NO_MEMORY in ~1 run of 8 in this suite, and the
# same clone after other calls than these gives NO_MEMORY under pynss too: the class only
out(err(d.digest_final), err(e.digest_final), err(m.digest_final), err(d.clone_context, d).split()[0])
d, e, dec, m = first[2]
d.digest_begin()
c = d.clone_context(d)
for x in (d, c):
    x.digest_op(b'abc')
e.digest_begin()
dec.digest_begin()
m.digest_begin()
m.digest_op(b'message')
ct = e.cipher_op(b'secret data') + e.digest_final()
out(hx(d.digest_final()), hx(c.digest_final()), hx(ct), hx(dec.cipher_op(ct) + dec.digest_final()), hx(m.digest_final()))
e.finalize()
out(err(e.cipher_op, b'y' * 16))
''')

    def test_digest_contexts_dropped_and_made_again(self):
        # dropped finished digest contexts go back to pynss's idle pool and serve the next
        # create_digest_context(): each new context behaves as a fresh one (begun or not,
        # interleaved with one-call digests and clones), and NSS still shuts down
        self.assertSame(INIT + r'''
import gc
def fresh(i):
    d = nss.create_digest_context(nss.SEC_OID_SHA256)
    if i % 3:
        d.digest_begin()
    d.digest_op(b'x' * i)
    if i % 5 == 0:
        c = d.clone_context(d)
        c.digest_op(b'tail')
        return hx(d.digest_final()) + hx(c.digest_final())
    return hx(d.digest_final())
seen = []
for i in range(400):
    seen.append(fresh(i))
    if i % 7 == 0:
        seen.append(hx(nss.sha256_digest(b'y' * i)))
    if i % 100 == 0:
        gc.collect()
out(len(seen), hx(nss.sha256_digest(''.join(seen).encode('ascii'))))
# a context from the pool used first by digest_final(), clone_context() or a second digest_begin()
for first in ('final', 'clone', 'begin twice'):
    for i in range(3):
        d = nss.create_digest_context(nss.SEC_OID_SHA256)
        if first == 'final':
            out(first, hx(d.digest_final()))
        elif first == 'clone':
            c = d.clone_context(d)
            c.digest_op(b'c')
            d.digest_op(b'd')
            out(first, hx(c.digest_final()), hx(d.digest_final()))
        else:
            d.digest_begin()
            d.digest_op(b'x')
            d.digest_begin()
            d.digest_op(b'y')
            out(first, hx(d.digest_final()))
        del d
        gc.collect()
# cipher contexts too: same key and parameter object, equal plain parameters, another key
k1, k2 = aes_key(), aes_key(b'fedcba9876543210')
iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'i' * 16))
seen = []
for i in range(400):
    k = k2 if i % 3 == 0 else k1
    p = iv if i % 2 else nss.SecItem(b'j' * 16)
    e = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, p)
    if i % 4 == 0:
        e.digest_begin()
    ct = e.cipher_op(b'secret %d' % i) + e.digest_final()
    d = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_DECRYPT, k, p)
    seen.append(hx(ct) + (d.cipher_op(ct) + d.digest_final()).decode('ascii'))
    if i % 100 == 0:
        gc.collect()
out(len(seen), hx(nss.sha256_digest(''.join(seen).encode('ascii'))))
d = nss.create_digest_context(nss.SEC_OID_SHA256)
d.digest_op(b'abc')
out(hx(d.digest_final()), err(d.digest_op, b'x'))
''')

    def test_keys_and_unfinished_contexts_dropped_by_the_thousand(self):
        # keys and contexts in the middle of an operation weigh on NSS: thousands made and
        # dropped bring collections about (pynss), while kept keys, contexts in use and a
        # digest copied in the middle of its operation go on as under python-nss (an AES
        # context cannot be copied there: SEC_ERROR_NO_MEMORY)
        self.assertSame(INIT + r'''
k = nss.import_sym_key(slot, nss.CKM_AES_CBC_PAD, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT,
                       nss.SecItem(b'K' * 16))
iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'v' * 16))
running = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, iv)
first = running.cipher_op(b'a' * 40)
digest = nss.create_digest_context(nss.SEC_OID_SHA256)
digest.digest_begin()
digest.digest_op(b'part one ')
held = []
for i in range(3000):
    key = slot.key_gen(nss.CKM_AES_CBC_PAD, None, 16)     # dropped at once, or kept
    if i % 10 == 0:
        held.append((key, nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, iv)))
    c = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, iv)
    c.cipher_op(b'dropped in the middle %d' % i)
    if i == 1500:
        copy = digest.clone_context(digest)
ct = first + running.cipher_op(b'b' * 9) + running.digest_final()
digest.digest_op(b'part two')
copy.digest_op(b'part two')
out(hx(ct), hx(digest.digest_final()), hx(copy.digest_final()), len(held))
outs = set()
for key, ctx in held:
    outs.add(ctx.cipher_op(b'held context') + ctx.digest_final())
    e = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, key, iv)
    d = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_DECRYPT, key, iv)
    sealed = e.cipher_op(b'with a kept key') + e.digest_final()
    outs.add(d.cipher_op(sealed) + d.digest_final())
out(sorted(hx(o) for o in outs))
''')

    def test_contexts_made_and_not_yet_used(self):
        # a context not used since it was made waits among the idle ones and is parked once
        # hundreds more are made: used later it behaves as a new one (begun, nothing fed),
        # digest and key contexts alike, and so does one made and dropped unused
        self.assertSame(INIT + r'''
k = aes_key()
iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'i' * 16))
hk = slot.key_gen(nss.CKM_SHA256_HMAC, None, 32)
kept = [nss.create_digest_context(nss.SEC_OID_SHA256), nss.create_digest_context(nss.SEC_OID_SHA1),
        nss.create_digest_context(nss.SEC_OID_SHA256),
        nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, iv),
        nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, iv),
        nss.create_context_by_sym_key(nss.CKM_SHA256_HMAC, nss.CKA_SIGN, hk, nss.SecItem(b''))]
for i in range(1500):     # made and dropped unused, some of each kind
    if i % 3:
        nss.create_digest_context(nss.SEC_OID_SHA256 if i % 2 else nss.SEC_OID_SHA1)
    else:
        nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, iv)
d256, d1, e256, enc, enc2, mac = kept
d256.digest_op(b'abc')
out(hx(d256.digest_final()), hx(d1.digest_final()))
e256.digest_begin()
e256.digest_op(b'x' * 100)
out(hx(e256.digest_final()))
ct = enc.cipher_op(b'secret data') + enc.digest_final()
dec = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_DECRYPT, k, iv)
out(hx(ct), dec.cipher_op(ct) + dec.digest_final(), hx(enc2.digest_final()))
mac.digest_op(b'message')
out(len(mac.digest_final()))
out(err(d256.digest_op, b'after final'))
# a context whose key object the program dropped (and the collector released) before the
# context's first use, after hundreds of others: the context still holds its key
import gc
gone = nss.import_sym_key(slot, nss.CKM_AES_CBC_PAD, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT,
                          nss.SecItem(b'k' * 16))
late = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, gone, iv)
del gone
for i in range(400):
    e = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, iv)
    e.cipher_op(b'x' * 32)
    e.digest_final()
for i in range(3):     # collections, and new objects after them: what was dropped is released
    gc.collect()
    for j in range(20):
        nss.create_digest_context(nss.SEC_OID_SHA256)
out(hx(late.cipher_op(b'late secret') + late.digest_final()))
''')

    def test_idle_digest_contexts_do_not_keep_nss_busy(self):
        # in a process of its own: contexts given back to the idle pools (digest and key
        # contexts dropped after a completed operation, parked, or left by one-call digests)
        # are destroyed before nss_shutdown(), and the keys they held go with them
        import subprocess
        code = '''from __future__ import print_function
import gc
import nss.nss as nss
nss.nss_init_nodb()
slot = nss.get_best_slot(nss.CKM_AES_CBC_PAD)
key = slot.key_gen(nss.CKM_AES_CBC_PAD, None, 16)
iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'i' * 16))
for i in range(1000):
    c = nss.create_digest_context(nss.SEC_OID_SHA256 if i % 2 else nss.SEC_OID_SHA1)
    c.digest_op(b'x')
    c.digest_final()
    nss.sha256_digest(b'y')
    e = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, key, iv)
    e.cipher_op(b'z' * 64)
    e.digest_final()
del e, key, slot
keep = nss.create_digest_context(nss.SEC_OID_SHA256)
keep.digest_final()
del c, keep
gc.collect()
nss.nss_shutdown()
print(nss.nss_is_initialized())
nss.nss_init_nodb()
print(nss.data_to_hex(nss.sha256_digest(b'abc'))[:11], nss.create_digest_context(nss.SEC_OID_SHA1) is not None)
nss.nss_shutdown()
'''
        p = subprocess.Popen([sys.executable, '-c', code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = p.communicate()
        self.assertEqual((p.returncode, out.split('\n')), (0, ['False', 'ba:78:16:bf True', '']), err)

    def test_slot_methods(self):
        self.assertSame(INIT + r'''
out(slot.get_best_wrap_mechanism(), slot.get_best_key_length(0x12345678))
for m in (nss.CKM_AES_CBC, nss.CKM_DES3_CBC, nss.CKM_DES_CBC, nss.CKM_RC4):
    out(slot.get_best_key_length(m))
out(err(slot.key_gen, nss.CKM_AES_CBC, None, 3), err(slot.key_gen, nss.CKM_AES_CBC, None, 0))
out(err(slot.key_gen, 0x12345678, None, 16), err(slot.key_gen, nss.CKM_AES_CBC, None))
out(err(slot.key_gen, mechanism=nss.CKM_AES_CBC, sec_param=None, key_size=16))
out(slot.key_gen(nss.CKM_AES_CBC, None, 16, 'ud1', 2).key_length)
out(err(slot.get_best_key_length, mechanism=1), err(slot.get_best_wrap_mechanism, 1))
ks = nss.get_internal_key_slot()
out(ks.get_best_wrap_mechanism(), ks.get_best_key_length(nss.CKM_AES_CBC))
''')

    def test_pbe(self):
        self.assertSame(INIT + r'''
salt = nss.SecItem(b's' * 16)
alg = nss.create_pbev2_algorithm_id(salt=salt)
out(type(alg).__name__, alg.id_tag, alg.id_str)
pk = slot.pbe_key_gen(alg, b'password')
out(pk.mechanism, nss.key_mechanism_type_name(pk.mechanism), pk.key_length, hx(pk.key_data))
lines_of(str(pk))
mech, params = alg.get_pbe_crypto_mechanism(pk)
# the cipher's IV in the algorithm identifier is random: lengths only
out(mech, type(params).__name__, params.len, params.type)
out(alg.get_pbe_crypto_mechanism(pk, False)[0], alg.get_pbe_crypto_mechanism(pk, padded=False)[0])
out(err(alg.get_pbe_crypto_mechanism, pk, 0), err(alg.get_pbe_crypto_mechanism, None))
out(alg.get_pbe_iv(b'password').len, err(alg.get_pbe_iv, password=b'x'))
out(alg.get_pbe_iv(b'password') == params, alg.get_pbe_iv(b'other') == params)
ct = crypt(mech, pk, params, b'secret message', nss.CKA_ENCRYPT)
out(len(ct))
out(crypt(mech, pk, params, ct, nss.CKA_DECRYPT))
# a second derivation from the same password and salt gives the same key
out(slot.pbe_key_gen(alg, b'password').key_data == pk.key_data,
    slot.pbe_key_gen(alg, b'other').key_data == pk.key_data)
out(len(slot.pbe_key_gen(alg, b'').key_data), len(slot.pbe_key_gen(alg, b'pw', 'user data').key_data))
out(err(slot.pbe_key_gen, None, b'pw'))
out(err(nss.param_from_algid, alg))
for args in [(nss.SEC_OID_PKCS5_PBKDF2, nss.SEC_OID_AES_128_CBC, nss.SEC_OID_HMAC_SHA256, 16, 1000,
              nss.SecItem(b'abcdefgh')),
             ('SEC_OID_PKCS5_PBKDF2', 'aes_128_cbc', 'HMAC_SHA256', 16, 1000, nss.SecItem(b'abcdefgh')),
             (nss.SEC_OID_PKCS5_PBKDF2, nss.SEC_OID_DES_EDE3_CBC, nss.SEC_OID_HMAC_SHA1, 0, 10,
              nss.SecItem(b'abcdefgh'))]:
    a = nss.create_pbev2_algorithm_id(*args)
    out(a.id_tag, len(a.parameters))
    k = slot.pbe_key_gen(a, b'pw')
    m, p = a.get_pbe_crypto_mechanism(k)
    out(k.key_length, hx(k.key_data), m, p.len, err(nss.param_from_algid, a))
    out(crypt(m, k, p, crypt(m, k, p, b'round trip', nss.CKA_ENCRYPT), nss.CKA_DECRYPT))
out(len(nss.create_pbev2_algorithm_id().parameters))
out(nss.create_pbev2_algorithm_id().parameters != nss.create_pbev2_algorithm_id().parameters)
for bad in ('bogus', None, 1.5, 999999, nss.SEC_OID_SHA1):
    out(err(nss.create_pbev2_algorithm_id, bad))
out(err(nss.create_pbev2_algorithm_id, salt=b'x'))
out(err(nss.create_pbev2_algorithm_id, key_length=-1, salt=nss.SecItem(b'x')))
out(err(nss.create_pbev2_algorithm_id, salt=nss.SecItem(b'')))
''')

    def test_pbe_v1(self):
        # PKCS #12 and PKCS #5 v1 algorithms: the IV comes from the password pbe_key_gen() was given
        self.assertSame(INIT + r'''
for tag in (nss.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC, nss.SEC_OID_PKCS5_PBE_WITH_SHA1_AND_DES_CBC,
            nss.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_128_BIT_RC4, nss.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_40_BIT_RC2_CBC):
    a = nss.create_pbev2_algorithm_id(tag, nss.SEC_OID_AES_256_CBC, nss.SEC_OID_HMAC_SHA1, 0, 7, nss.SecItem(b'saltsalt'))
    out(a.id_tag, hx(a.parameters.data))
    for pw in (b'password', b''):
        k = slot.pbe_key_gen(a, pw)
        out(k.mechanism, k.key_length, hx(k.key_data))
        m, p = a.get_pbe_crypto_mechanism(k)
        out(m, p.len, p.type, hx(p.data), hx(a.get_pbe_iv(pw).data))
        out(hx(crypt(m, k, p, b'hello', nss.CKA_ENCRYPT)))
''')

    def test_unwrap_derive(self):
        # (wrap_sym_key() hands NSS an uninitialised output SECItem in python-nss: it fails or crashes at random,
        # so wrapping is checked in TestSymCipher, against RFC 3394 and by round trips)
        self.assertSame(INIT + r'''
k = aes_key(mech=nss.CKM_AES_CBC)
wk = aes_key(b'wrapping key 16b', mech=nss.CKM_AES_ECB)
ecb = nss.create_context_by_sym_key(nss.CKM_AES_ECB, nss.CKA_ENCRYPT, wk, None)
w = ecb.cipher_op(k.key_data)
u = wk.unwrap_sym_key(nss.CKM_AES_ECB, None, nss.SecItem(w), nss.CKM_AES_CBC, nss.CKA_DECRYPT, 16)
out(u.key_data == k.key_data, u.mechanism, u.key_length)
u = wk.unwrap_sym_key(nss.CKM_AES_ECB, None, nss.SecItem(w), nss.CKM_AES_CBC, nss.CKA_DECRYPT, 0)
out(u.key_data == k.key_data, u.mechanism, u.key_length)
out(err(wk.unwrap_sym_key, nss.CKM_AES_ECB, None, nss.SecItem(b'x' * 5), nss.CKM_AES_CBC, nss.CKA_DECRYPT, 16))
out(err(wk.unwrap_sym_key, nss.CKM_AES_ECB, None, b'x', nss.CKM_AES_CBC, nss.CKA_DECRYPT, 16))
out(err(wk.wrap_sym_key, nss.CKM_AES_ECB, None, None))
out(err(wk.derive, mechanism=1), err(wk.wrap_sym_key, mechanism=1), err(wk.unwrap_sym_key, mechanism=1))
d = wk.derive(nss.CKM_SHA256_KEY_DERIVATION, None, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, 16)
out(d.key_length, d.mechanism, hx(d.key_data))
out(wk.derive(nss.CKM_SHA256_KEY_DERIVATION, None, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, -1).key_length)
out(wk.unwrap_sym_key(nss.CKM_AES_ECB, None, nss.SecItem(b'x' * 16), nss.CKM_AES_CBC, nss.CKA_DECRYPT, -5).key_length)
out(err(slot.key_gen, nss.CKM_GENERIC_SECRET_KEY_GEN, None, -1), slot.key_gen(nss.CKM_GENERIC_SECRET_KEY_GEN, None, 100).key_length)
out(err(wk.derive, 0x12345678, None, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, 16))
out(err(wk.derive, nss.CKM_SHA256_KEY_DERIVATION, None, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, 999))
out(err(k.derive, nss.CKM_CONCATENATE_BASE_AND_DATA, nss.SecItem(b'xy'), nss.CKM_GENERIC_SECRET_KEY_GEN,
        nss.CKA_DERIVE, 0))
out(err(nss.pub_wrap_sym_key, nss.CKM_RSA_PKCS, None, k))
''')

    def test_not_pbe_algorithm(self):
        self.assertSame(INIT + r'''
import os
c = nss.Certificate(nss.read_der_from_file(%r))
alg = c.signature_algorithm
k = aes_key()
out(err(alg.get_pbe_crypto_mechanism, k), err(slot.pbe_key_gen, alg, b'pw'), err(nss.param_from_algid, alg))
try:
    alg.get_pbe_crypto_mechanism(k)
except nss_error.NSPRError as e:
    out(str(e))
''' % CERT)

    def test_converter_messages(self):
        # TypeErrors of python-nss's own converters read the same on Python 2 and 3
        self.assertSame(INIT + r'''
k = aes_key()
def msg(f, *a):
    try:
        f(*a)
    except TypeError as e:
        return str(e)
for f, a in [(nss.param_from_iv, (1, 5)), (nss.get_block_size, (1, 5)), (nss.generate_new_param, (1, 5)),
             (nss.create_context_by_sym_key, (1, 2, k, 5)), (slot.key_gen, (1, 5, 16)),
             (k.derive, (1, 5, 1, 1, 1)), (k.wrap_sym_key, (1, 5, k)), (k.unwrap_sym_key, (1, 5, nss.SecItem(b'x'), 1, 1, 1)),
             (nss.create_pbev2_algorithm_id, (None,)), (nss.create_pbev2_algorithm_id, (1.5,)),
             (nss.PK11SymKey, ())]:
    out(msg(f, *a))
''')

    def test_pub_wrap(self):
        # RSA wrapping is randomized: the wrapped length and type are compared
        import glob, os
        here = os.path.dirname(os.path.abspath(__file__))
        certs = sorted(glob.glob(os.path.join(here, '..', '..', '..', 'test-vectors', 'certs', '*.der')))
        self.assertSame(INIT + r'''
k = aes_key(mech=nss.CKM_AES_CBC)
for f in %r:
    pub = nss.Certificate(nss.read_der_from_file(f)).subject_public_key_info.public_key
    r = err(nss.pub_wrap_sym_key, nss.CKM_RSA_PKCS, pub, k)
    if r == 'OK':
        w = nss.pub_wrap_sym_key(nss.CKM_RSA_PKCS, pub, k)
        r = (type(w).__name__, w.type, w.len)
    out(f.split('/')[-1], pub.key_type, r)
''' % certs)


class TestSymCipher(unittest.TestCase):
    """Checks that hold with or without the reference."""

    def key(self):
        slot = nss.get_internal_slot()
        return nss.import_sym_key(slot, nss.CKM_AES_CBC_PAD, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT,
                                  nss.SecItem(b'0123456789abcdef'))

    def test_round_trip(self):
        k = self.key()
        p = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem(b'i' * 16))
        enc = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, k, p)
        ct = enc.cipher_op(b'hello world') + enc.digest_final()
        self.assertEqual(len(ct), 16)
        dec = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_DECRYPT, k, p)
        self.assertEqual(dec.cipher_op(ct) + dec.digest_final(), b'hello world')
        # what the reference gives for this key, IV and text (AES-128-CBC, PKCS #7 padding)
        self.assertEqual(nss.data_to_hex(ct, separator=''), '871bad3f014450dea0c0fbaf732499ae')

    def test_known_answer(self):
        # FIPS-197 appendix C.1: AES-128 ECB of 00112233...ff under 000102...0f
        slot = nss.get_internal_slot()
        k = nss.import_sym_key(slot, nss.CKM_AES_ECB, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT,
                               nss.SecItem(nss.read_hex('000102030405060708090a0b0c0d0e0f')))
        ctx = nss.create_context_by_sym_key(nss.CKM_AES_ECB, nss.CKA_ENCRYPT, k, None)
        ct = ctx.cipher_op(nss.read_hex('00112233445566778899aabbccddeeff'))
        self.assertEqual(nss.data_to_hex(ct, separator=''), '69c4e0d86a7b0430d8cdb78070b4c55a')

    def test_wrap(self):
        CKM_AES_KEY_WRAP = 0x2109      # (no constant in python-nss)
        slot = nss.get_internal_slot()
        # RFC 3394 section 4.1: 128-bit key data wrapped with a 128-bit KEK
        kek = nss.import_sym_key(slot, CKM_AES_KEY_WRAP, nss.PK11_OriginUnwrap, nss.CKA_WRAP,
                                 nss.SecItem(nss.read_hex('000102030405060708090A0B0C0D0E0F')))
        key = nss.import_sym_key(slot, nss.CKM_AES_CBC, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT,
                                 nss.SecItem(nss.read_hex('00112233445566778899AABBCCDDEEFF')))
        w = kek.wrap_sym_key(CKM_AES_KEY_WRAP, None, key)
        self.assertIsInstance(w, nss.SecItem)
        self.assertEqual(nss.data_to_hex(w.data, separator=''), '1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5')
        u = kek.unwrap_sym_key(CKM_AES_KEY_WRAP, None, w, nss.CKM_AES_CBC, nss.CKA_DECRYPT, 16)
        self.assertEqual(u.key_data, key.key_data)
        self.assertEqual(u.mechanism, nss.CKM_AES_CBC)
        # ECB and CBC-PAD wrapping round trips
        for mech, param, size in ((nss.CKM_AES_ECB, None, 16),
                                  (nss.CKM_AES_CBC_PAD, nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem('v' * 16)),
                                   32)):
            w = kek.wrap_sym_key(mech, param, key)
            self.assertEqual(w.len, size)
            u = kek.unwrap_sym_key(mech, param, w, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, 16)
            self.assertEqual(u.key_data, key.key_data)
        with self.assertRaises(nss_error.NSPRError):
            kek.wrap_sym_key(0x12345678, None, key)
        with self.assertRaises(TypeError):
            kek.wrap_sym_key(nss.CKM_AES_ECB, None, None)

    def test_pbe_iv_of_other_algorithm(self):
        # python-nss returns an uninitialised SecItem here; NSS's failure is raised instead
        alg = nss.Certificate(nss.read_der_from_file(CERT)).signature_algorithm
        with self.assertRaises(nss_error.NSPRError):
            alg.get_pbe_iv('pw')

    def test_pbe_v1_key_without_password(self):
        # python-nss crashes here (NSS reads a NULL password)
        slot = nss.get_internal_slot()
        a = nss.create_pbev2_algorithm_id(nss.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC,
                                          salt=nss.SecItem('saltsalt'))
        k = nss.import_sym_key(slot, nss.CKM_DES3_CBC, nss.PK11_OriginUnwrap, nss.CKA_ENCRYPT,
                               nss.SecItem('0123456789abcdefghijklmn'))
        with self.assertRaises(nss_error.NSPRError) as cm:
            a.get_pbe_crypto_mechanism(k)
        self.assertEqual(cm.exception.error_code, nss_error.SEC_ERROR_INVALID_ARGS)
        self.assertEqual(nss.create_pbev2_algorithm_id().get_pbe_crypto_mechanism(k)[0], nss.CKM_AES_CBC_PAD)

    def test_pointer_params_refused(self):
        # parameters that are structures with pointers: raw octets are refused (python-nss crashes)
        k = self.key()
        iv = nss.param_from_iv(nss.CKM_AES_CBC, nss.SecItem('i' * 16))
        for p in (nss.SecItem('x' * 16), iv):
            with self.assertRaises(nss_error.NSPRError) as cm:
                k.derive(nss.CKM_XOR_BASE_AND_DATA, p, nss.CKM_AES_CBC, nss.CKA_ENCRYPT, 16)
            self.assertEqual(cm.exception.error_code, nss_error.SEC_ERROR_INVALID_ARGS)
        with self.assertRaises(nss_error.NSPRError):
            nss.create_context_by_sym_key(0x1087, nss.CKA_ENCRYPT, k, nss.SecItem('\xff' * 48))
        with self.assertRaises(nss_error.NSPRError):
            nss.get_internal_slot().key_gen(nss.CKM_PBE_SHA1_DES3_EDE_CBC, nss.SecItem('\x01' * 64), 0)

    def test_names(self):
        self.assertEqual(nss.key_mechanism_type_from_name('CKM_AES_CBC'), nss.CKM_AES_CBC)
        self.assertEqual(nss.key_mechanism_type_from_name('aes_cbc'), nss.CKM_AES_CBC)
        self.assertEqual(nss.key_mechanism_type_from_name('Cast5_Cbc'), nss.CKM_CAST5_CBC)
        self.assertEqual(nss.pk11_attribute_type_from_name('CKA_ENCRYPT'), nss.CKA_ENCRYPT)
        self.assertEqual(nss.pk11_attribute_type_from_name('encrypt'), nss.CKA_ENCRYPT)
        with self.assertRaises(KeyError) as cm:
            nss.key_mechanism_type_from_name('nope')
        self.assertEqual(cm.exception.args[0], 'mechanism name not found: nope')
        with self.assertRaises(KeyError) as cm:
            nss.pk11_attribute_type_from_name('nope')
        self.assertEqual(cm.exception.args[0], 'attribute name not found: nope')
        self.assertEqual(nss.key_mechanism_type_name(nss.CKM_CAST5_CBC), 'CKM_CAST128_CBC')

    def test_null_param_str(self):
        self.assertEqual(str(nss.param_from_iv(nss.CKM_AES_ECB)), '(null)')
        self.assertEqual(str(nss.SecItem()), '')

    def test_pbe_round_trip(self):
        slot = nss.get_internal_slot()
        alg = nss.create_pbev2_algorithm_id()
        k = slot.pbe_key_gen(alg, 'secret')
        self.assertEqual(k.key_length, 32)
        mech, p = alg.get_pbe_crypto_mechanism(k)
        self.assertEqual(mech, nss.CKM_AES_CBC_PAD)
        enc = nss.create_context_by_sym_key(mech, nss.CKA_ENCRYPT, k, p)
        ct = enc.cipher_op('data') + enc.digest_final()
        dec = nss.create_context_by_sym_key(mech, nss.CKA_DECRYPT, k, p)
        self.assertEqual(dec.cipher_op(ct) + dec.digest_final(), 'data')

    def test_bad_inputs_raise(self):
        k = self.key()
        with self.assertRaises(nss_error.NSPRError):
            nss.PK11Context().cipher_op('abc')
        with self.assertRaises(TypeError):
            nss.create_context_by_sym_key(nss.CKM_AES_CBC, nss.CKA_ENCRYPT, None)
        with self.assertRaises(nss_error.NSPRError):
            nss.create_context_by_sym_key(0x12345678, nss.CKA_ENCRYPT, k)
        with self.assertRaises(nss_error.NSPRError):
            nss.create_context_by_sym_key(nss.CKM_AES_CBC, nss.CKA_ENCRYPT, k)
        with self.assertRaises(TypeError):
            nss.PK11SymKey()


if __name__ == '__main__':
    unittest.main()
