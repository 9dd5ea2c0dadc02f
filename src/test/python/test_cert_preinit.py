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


class TestBeforeInit(unittest.TestCase):

    def test_not_initialized(self):
        self.assertFalse(nss.nss_is_initialized())
        self.assertEqual(str(nss.DN('CN=a,O=b')), 'CN=a,O=b')
        self.assertTrue(nss.get_default_certdb() is None)


if __name__ == '__main__':
    unittest.main()
