"""Names work before NSS is initialized, as in python-nss (NSS's name functions
need no database); Certificate() fails as python-nss's does. This module never
initializes NSS (its own process)."""
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss


@needs_reference
class TestBeforeInitDiff(DiffTestCase):

    def test_names_before_init(self):
        self.assertSame(r'''
import nss.nss as nss
out(nss.nss_is_initialized())
for e in ["nss.DN('CN=x,O=y+OU=z,C=US')", "nss.AVA('cn','x')", "nss.AVA('2.5.4.3','x')",
          "nss.AVA(nss.SEC_OID_AVA_COMMON_NAME,'x')", "nss.AVA('c','USA')", "nss.AVA('1.2.3.4','x')",
          "nss.RDN()", "nss.DN()", "nss.DN('CN=x,O=y+OU=z,C=US')['ou']", "nss.DN('CN=x')['2.5.4.3']",
          "nss.DN('CN=x').common_name", "nss.DN('CN=x,E=a@b').email_address", "nss.DN('CN=x') == nss.DN('cn=X')",
          "nss.DN('CN=x') < nss.DN('CN=y')", "nss.AVA('cn','a') == nss.AVA('cn','A')", "nss.AVA('cn','x').oid_tag",
          "str(nss.AVA('cn','x').oid)", "str(nss.AVA('cn','x').value)", "nss.DN('garbage')",
          "[str(r) for r in nss.DN('CN=a,CN=b')]", "nss.DN('CN=x').has_key('SHA256')",
          "nss.get_default_certdb()", "nss.Certificate(b'x')"]:
    r = exc(lambda: eval(e))
    out(e, str(r) if isinstance(r, (nss.DN, nss.RDN, nss.AVA)) else [str(x) for x in r] if isinstance(r, list) else r)
out(nss.nss_is_initialized())
''')

    def test_extension_types_before_init(self):
        # NSS's extension decoders and OID table need no initialization either
        self.assertSame(r'''
import nss.nss as nss
S = nss.SecItem
aia = S(bytes(bytearray.fromhex('3025302306082b060105050730018617687474703a2f2f6f6373702e6578616d706c652e636f6d')))
dp = S(bytes(bytearray.fromhex('30243022a020a01e861c687474703a2f2f63726c2e6578616d706c652e636f6d2f782e63726c')))
bc = S(b'\x30\x03\x01\x01\xff')
akid = S(b'\x30\x06\x80\x04\x01\x02\x03\x04')
for e in ["str(nss.BasicConstraints(bc))", "str(nss.AuthKeyID(akid))",
          "str(nss.AuthorityInfoAccesses(aia))", "nss.AuthorityInfoAccesses(aia)[0].method_tag",
          "repr(nss.AuthorityInfoAccesses(aia)[0].location)", "str(nss.CRLDistributionPts(dp))",
          "nss.BasicConstraints(S(b'x'))"]:
    out(e, exc(lambda: eval(e)))
out(nss.nss_is_initialized())
''')


class TestBeforeInit(unittest.TestCase):

    def test_not_initialized(self):
        self.assertFalse(nss.nss_is_initialized())
        self.assertEqual(str(nss.DN('CN=a,O=b')), 'CN=a,O=b')
        self.assertTrue(nss.get_default_certdb() is None)


if __name__ == '__main__':
    unittest.main()
