"""Flags python-nss parses as a C int ("i") and the Java API takes as boolean
(@Python.IntFlag): int, long or bool, nonzero true; beyond the C int range an
OverflowError; float, str and None a TypeError. Compared with the reference."""
import os
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss

PEM = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..',
                                   'test-vectors', 'certs', 'ca.pem'))

SNIPPET = r'''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
P = %r
cases = [('read_der_from_file', lambda v: nss.read_der_from_file(P, v)),
         ('SecItem', lambda v: nss.SecItem(b'QUJD', 0, v)),
         ('set_use_pkix_for_validation', lambda v: nss.set_use_pkix_for_validation(v)),
         ('pkcs12_enable_cipher', lambda v: nss.pkcs12_enable_cipher(nss.PKCS12_DES_56, v)),
         ('pkcs12_set_preferred_cipher', lambda v: nss.pkcs12_set_preferred_cipher(nss.PKCS12_DES_56, v))]
prev = nss.set_use_pkix_for_validation(False)
for name, f in cases:
    for v in (0, 1, 2, True, False, 2**31 - 1, 2**31, 2**32, 2**40, -1, -2**31, -2**31 - 1, 1.5, 'x', None):
        r = exc(f, v)
        out(name, v, r if isinstance(r, (str, bool)) and (r in (True, False) or r.startswith('EXC')) else type(r).__name__)
nss.set_use_pkix_for_validation(prev)
nss.pkcs12_enable_cipher(nss.PKCS12_DES_56, True)
''' % PEM


@needs_reference
class TestIntFlagsDiff(DiffTestCase):

    def test_int_flags_as_python_nss(self):
        self.assertSame(SNIPPET)


class TestIntFlags(unittest.TestCase):

    def test_overflow_message(self):
        if not nss.nss_is_initialized():
            nss.nss_init_nodb()
        with self.assertRaises(OverflowError) as cm:
            nss.read_der_from_file(PEM, 2**31)
        self.assertEqual(str(cm.exception), 'signed integer is greater than maximum')
        self.assertEqual(nss.read_der_from_file(PEM, 2).data, nss.read_der_from_file(PEM, True).data)


if __name__ == '__main__':
    unittest.main()
