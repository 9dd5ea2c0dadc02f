"""The name <-> value lookup pairs of nss.nss (cert_crl_reason_name/_from_name,
cert_general_name_type_*, key_mechanism_type_*, pk11_attribute_type_*,
pkcs12_cipher_*), each declared once as a NameTable: values, the unsigned "k"
reading of the value argument (masked to 32 bits for C enums, unsigned 64 for
CK_ULONGs, signed for pkcs12 ciphers) and the KeyError messages. The value-to-name
direction is compared with the reference; its name-to-value functions reject
every argument under Python 3 (str and bytes alike), so that direction is
checked here against python-nss 2's rules (any case, prefix optional)."""
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss

PAIRS = ('cert_crl_reason', 'cert_general_name_type', 'key_mechanism_type', 'pk11_attribute_type', 'pkcs12_cipher')

SNIPPET = r'''
import nss.nss as nss
def kerr(f, a):
    try:
        return f(a)
    except KeyError as e:
        return 'KeyError ' + str(e)
    except TypeError:
        return 'TypeError'
for pair in %r:
    name, from_name = getattr(nss, pair + '_name'), getattr(nss, pair + '_from_name')
    for v in (-1, 0, 1, 2, 5, 6, 0x1082, 0x180, 2**31, 2**32 + 1, 2**63, 2**64 - 1, 2**64, -2**63, True, 1.5, None, 'x'):
        out(pair, 'name', v, kerr(name, v))
''' % (PAIRS,)


@needs_reference
class TestLookupsDiff(DiffTestCase):

    def test_every_pair_answers_as_python_nss(self):
        self.assertSame(SNIPPET)


class TestLookups(unittest.TestCase):

    def test_round_trip(self):
        self.assertEqual(nss.cert_crl_reason_from_name(nss.cert_crl_reason_name(1)), 1)
        self.assertEqual(nss.key_mechanism_type_name(nss.CKM_AES_CBC), 'CKM_AES_CBC')
        self.assertEqual(nss.key_mechanism_type_from_name('aes_cbc'), nss.CKM_AES_CBC)
        self.assertEqual(nss.pkcs12_cipher_from_name('des_56'), nss.PKCS12_DES_56)

    def test_from_name_any_case_prefix_optional(self):
        for pair, names, value in (('cert_crl_reason', ('crlEntryReasonKeyCompromise', 'reasonkeycompromise'), 1),
                                   ('cert_general_name_type', ('certDNSName', 'dnsname', 'DNSNAME'), nss.certDNSName),
                                   ('key_mechanism_type', ('CKM_AES_CBC', 'aes_cbc'), nss.CKM_AES_CBC),
                                   ('pk11_attribute_type', ('CKA_VALUE', 'value'), nss.CKA_VALUE),
                                   ('pkcs12_cipher', ('PKCS12_DES_56', 'des_56'), nss.PKCS12_DES_56)):
            from_name = getattr(nss, pair + '_from_name')
            for n in names:
                self.assertEqual(from_name(n), value, (pair, n))
        with self.assertRaises(KeyError) as cm:
            nss.cert_crl_reason_from_name('nosuch')
        self.assertEqual(cm.exception.args[0], 'CRL reason name not found: nosuch')
        # the CKM/CKA messages are checked in test_cipher_symkey.test_names

    def test_value_argument_is_unsigned_k(self):
        with self.assertRaisesRegexp(TypeError, r'key_mechanism_type_name\(\) argument 1 must be integer<k>, not float'):
            nss.key_mechanism_type_name(1.5)
        with self.assertRaisesRegexp(TypeError, r'argument 1 must be integer<k>, not None'):
            nss.cert_crl_reason_name(None)

    def test_documented_with_signature(self):
        for pair in PAIRS:
            for f in (getattr(nss, pair + '_name'), getattr(nss, pair + '_from_name')):
                self.assertTrue(f.__doc__.startswith(f.__name__ + '('), f.__doc__)
                self.assertEqual(f.__module__, 'nss.nss')


if __name__ == '__main__':
    unittest.main()
