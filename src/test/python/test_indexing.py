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


    def test_every_sequence_type_iterates_as_python_nss(self):
        # iteration (for, list(), in) gives the items by index up to the length, then stops
        self.assertSame(SETUP + r'''
def show(x):
    if isinstance(x, int):
        return x
    if isinstance(x, bytes):
        return 'str:' + repr(x).lstrip('b')
    return type(x).__name__ + ':' + str(x)
for name, o in objs:
    if name == 'PKCS12Decoder':
        items = list(o)
        out(name, len(items), [type(i).__name__ for i in items])
        continue
    items = [show(i) for i in o]
    out(name, len(items), items)
    out(name, [show(o[i]) for i in range(len(o))] == items, len(list(iter(o))) == len(o))
''')

    def test_iteration_ends_as_python_nss(self):
        self.assertSame(r'''
import nss.nss as nss
it = iter(nss.DN('CN=x'))
out(str(next(it)), exc(lambda: next(it)), exc(lambda: next(it)))
out([str(r) for r in nss.DN()], list(nss.SecItem(b'')))
''')


class TestIteration(unittest.TestCase):
    """Iteration of a sequence type with a length (the binder's IndexedIter)."""

    def test_follows_a_name_changed_in_the_loop(self):
        # as indexing does (python-nss's add_rdn adds an empty RDN instead, which str() cannot render)
        dn = nss.DN('CN=a,O=b')
        seen = []
        for rdn in dn:
            seen.append(str(rdn))
            if len(seen) == 1:
                dn.add_rdn(nss.RDN(nss.AVA('ou', 'added')))
        self.assertEqual(seen, ['O=b', 'CN=a', 'OU=added'])
        self.assertEqual(seen, [str(dn[i]) for i in range(len(dn))])

    def test_iterator_type_and_exhaustion(self):
        self.assertTrue(type(iter(nss.DN('CN=a'))) is type(iter(nss.SecItem('ab'))))
        self.assertEqual(type(iter(nss.DN('CN=a'))).__name__, 'sequenceiter')     # Jython's sequence iterator's
        it = iter(nss.SecItem('ab'))
        self.assertEqual(list(it), list(nss.SecItem('ab')))
        self.assertEqual(list(it), [])
        self.assertRaises(StopIteration, next, it)


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
