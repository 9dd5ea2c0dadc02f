"""Indexing of every python-nss sequence type by the binder's one set of
CPython 2 sequence-index rules (@Python.Index): negative indices counted from
the end, a long that does not fit 64 bits an IndexError, non-integers a
TypeError with the type's own wording, slices and OID keys where the type takes
them. Compared with the reference for each type; the messages (which Python 3
words differently) are checked in their Python 2 form here."""
import os
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss
import nss.io as io

VECTORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'test-vectors')

SETUP = r'''
import os
import nss.nss as nss
import nss.io as io
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
V = %r
def rd(*p):
    with open(os.path.join(V, *p), 'rb') as f:
        return f.read()
cert = nss.Certificate(rd('certs', 'names.der'))
objs = [('SecItem', nss.SecItem(b'abc')), ('DN', cert.subject), ('RDN', cert.subject[0]),
        ('AddrInfo', io.AddrInfo('127.0.0.1'))]
for e in cert.extensions:
    if e.oid_tag == nss.SEC_OID_X509_SUBJECT_ALT_NAME:
        objs.append(('GeneralName', nss.x509_alt_name(e.value, nss.AsObject)[0]))
    elif e.oid_tag == nss.SEC_OID_X509_CRL_DIST_POINTS:
        objs.append(('CRLDistributionPts', nss.CRLDistributionPts(e.value)))
    elif e.oid_tag == nss.SEC_OID_X509_AUTH_INFO_ACCESS:
        objs.append(('AuthorityInfoAccesses', nss.AuthorityInfoAccesses(e.value)))
req = nss.CertificateRequest(rd('csr', 'attrs.der'))
for a in req.attributes:
    objs.append(('CertAttribute', a))
objs.append(('PKCS12Decoder', nss.PKCS12Decoder(os.path.join(V, 'pkcs12', 'legacy.p12'), 'pk12_passwd')))
''' % os.path.abspath(VECTORS)

KEYS = '(0, 1, -1, -2, 100, -100, 2**31, 2**63 - 1, 2**63, 2**64, -2**70, True, False, 1.5, None, "x", slice(0, 1))'


@needs_reference
class TestIndexingDiff(DiffTestCase):

    def test_every_sequence_type_indexes_as_python_nss(self):
        self.assertSame(SETUP + r'''
for name, o in objs:
    for k in %s:
        r = exc(lambda: o[k])
        out(name, repr(k).rstrip('L'), r if isinstance(r, str) and r.startswith('EXC') else type(r).__name__.replace('bytes', 'str'))
''' % KEYS)


class TestIndexMessages(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        ns = {}
        exec(compile(SETUP, '<setup>', 'exec'), ns)
        cls.objs = dict(ns['objs'])

    def message(self, o, k):
        try:
            o[k]
        except (IndexError, TypeError) as e:
            return '%s: %s' % (type(e).__name__, e)
        return None

    def test_python2_messages(self):
        self.assertEqual(self.message(self.objs['AddrInfo'], 2**64),
                         "IndexError: cannot fit 'long' into an index-sized integer")
        self.assertEqual(self.message(self.objs['AddrInfo'], 1.5),
                         "TypeError: sequence index must be integer, not 'float'")
        self.assertEqual(self.message(self.objs['AddrInfo'], 5), 'IndexError: tuple index out of range')
        self.assertEqual(self.message(self.objs['SecItem'], None),
                         'TypeError: SecItem indices must be integers, not NoneType')
        self.assertEqual(self.message(self.objs['SecItem'], -4), 'IndexError: SecItem index out of range')
        self.assertEqual(self.message(self.objs['DN'], 1.5),
                         'TypeError: indices must be integers or strings, not float')
        self.assertEqual(self.message(self.objs['PKCS12Decoder'], 'x'),
                         "TypeError: sequence index must be integer, not 'str'")

    def test_negative_counts_from_the_end(self):
        item = nss.SecItem(b'abc')
        self.assertEqual(item[-1], b'c')
        self.assertEqual(item[-3], b'a')
        dn = self.objs['DN']
        self.assertEqual(str(dn[-1]), str(dn[len(dn) - 1]))


if __name__ == '__main__':
    unittest.main()
