"""The decoded extension types of nss.nss (BasicConstraints, AuthKeyID,
CRLDistributionPts/CRLDistributionPoint, AuthorityInfoAccesses/AuthorityInfoAccess,
GeneralName) and read_der_from_file, compared with the reference python-nss on
the project's test vectors, on every Mozilla root and on hand-made DER."""
import glob
import io
import os
import unittest

from difftest import DiffTestCase, needs_reference
from vector_outputs import EXTENSIONS, INIT

import nss.nss as nss
from nss.error import NSPRError

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
VECTORS = os.path.join(TOP, 'test-vectors', 'certs')
ROOTS = '/usr/share/ca-certificates/mozilla'

DESCRIBE = EXTENSIONS


@needs_reference
class TestExtensionsDiff(DiffTestCase):
    """Every decoded extension of the test vectors and the Mozilla roots, as the reference shows it."""

    def test_vectors(self):
        files = sorted(glob.glob(os.path.join(VECTORS, '*.der')))
        self.assertTrue(files)
        self.assertSame(DESCRIBE + 'for f in %r:\n    describe_extensions(f.split("/")[-1], nss.Certificate(nss.read_der_from_file(f)))\n'
                        % files)

    def test_roots(self):
        if not glob.glob(ROOTS + '/*.crt'):
            self.skipTest('no Mozilla roots in ' + ROOTS)
        self.assertSame(DESCRIBE + 'import glob\nfor f in sorted(glob.glob(%r)):\n'
                        '    describe_extensions(f.split("/")[-1], nss.Certificate(nss.read_der_from_file(f, True)))\n'
                        % (ROOTS + '/*.crt'))

    def test_made_values(self):
        # DER made here: several names and CRL issuers, every reason bit, empty and odd values
        self.assertSame(DESCRIBE + r'''
def tlv(tag, body):
    body = bytes(bytearray(body))
    n = len(body)
    ln = bytearray([n]) if n < 0x80 else bytearray([0x82, n >> 8, n & 0xff])
    return bytes(bytearray([tag]) + ln + bytearray(body))
def seq(*a):
    return tlv(0x30, b''.join(a))
def uri(s):
    return tlv(0x86, s.encode('ascii'))
def dns(s):
    return tlv(0x82, s.encode('ascii'))
cn = seq(tlv(0x31, seq(tlv(0x06, b'\x55\x04\x03'), tlv(0x0c, b'Issuer CA'))))
dps = [
    seq(seq(tlv(0xa0, tlv(0xa0, uri('http://a') + uri('ldap://b') + dns('c.example'))),
            tlv(0xa2, dns('x.example') + dns('y.example')))),
    seq(seq(tlv(0xa0, tlv(0xa0, uri('http://a'))), tlv(0x81, b'\x07\xff\x80'))),
    seq(seq(tlv(0xa0, tlv(0xa0, uri('http://a'))), tlv(0x81, b'\x00\xff\xff\xff'))),
    seq(seq(tlv(0xa0, tlv(0xa0, uri('http://a'))), tlv(0x81, b'\x00\x01'))),
    seq(seq(tlv(0xa0, tlv(0xa1, tlv(0x30, tlv(0x06, b'\x55\x04\x03') + tlv(0x13, b'CRL7')))), tlv(0x81, b'\x06\x40'),
            tlv(0xa2, tlv(0xa4, cn)))),
    seq(seq(tlv(0xa2, uri('http://issuer-only')))),
    seq(seq(tlv(0xa0, tlv(0xa0, uri('http://a')))), seq(tlv(0xa0, tlv(0xa0, uri('http://b'))))),
    seq(), b'', b'\x30', b'garbage', seq(seq(tlv(0x81, b'\x07\x80'))),
]
for v in dps:
    out('== dp', v)
    r = exc(nss.CRLDistributionPts, nss.SecItem(v))
    if isinstance(r, str):
        out(r)
        continue
    format_all(r)
    for pt in r:
        point(pt)
akids = [
    seq(tlv(0x80, b'\x01\x02'), tlv(0xa1, dns('a.example') + tlv(0xa4, cn) + uri('http://c')), tlv(0x82, b'\x00\xff\x01')),
    seq(tlv(0x80, b'\x01'), tlv(0x82, b'\x80')),
    seq(tlv(0x82, b'\x05')),
    seq(), b'', b'garbage', seq(tlv(0x80, b'')),
]
for v in akids:
    out('== akid', v)
    k = exc(nss.AuthKeyID, nss.SecItem(v))
    if isinstance(k, str):
        out(k)
        continue
    out(exc(repr, k), k.serial_number, k.key_id is None, exc(str, k), exc(k.format_lines))
    names(' names', k.get_general_names)
bcs = [b'\x30\x00', b'\x30\x03\x01\x01\xff', b'\x30\x06\x01\x01\xff\x02\x01\x05', b'\x30\x03\x02\x01\x05',
       b'\x30\x09\x01\x01\xff\x02\x04\x7f\xff\xff\xff', b'\x30\x03\x01\x01\x00', b'', b'garbage', b'\x30\x80']
for v in bcs:
    out('== bc', v)
    bc = exc(nss.BasicConstraints, nss.SecItem(v))
    if isinstance(bc, str):
        out(bc)
        continue
    out(str(bc), bc.is_ca, bc.path_len, bc.format_lines(), bc.format(2))
aias = [
    seq(seq(tlv(0x06, b'\x2b\x06\x01\x05\x05\x07\x30\x01'), uri('http://ocsp')),
        seq(tlv(0x06, b'\x2b\x06\x01\x05\x05\x07\x30\x02'), tlv(0xa4, cn)),
        seq(tlv(0x06, b'\x2a\x03\x04'), dns('odd.example'))),
    seq(), b'', b'garbage', seq(seq(tlv(0x06, b'\x2b\x06\x01\x05\x05\x07\x30\x01'))),
]
for v in aias:
    out('== aia', v)
    a = exc(nss.AuthorityInfoAccesses, v)
    if isinstance(a, str):
        out(a)
        continue
    format_all(a)
    for x in a:
        out(x.method_oid.data, x.method_tag, x.method_str)
        gname(x.location)
''')

    def test_constructors(self):
        self.assertSame(INIT + r'''
c = nss.Certificate(nss.read_der_from_file(%r))
ext = dict((e.oid_tag, e) for e in c.extensions)
dp = ext[nss.SEC_OID_X509_CRL_DIST_POINTS].value
akid = ext[nss.SEC_OID_X509_AUTH_KEY_ID].value
bc = ext[nss.SEC_OID_X509_BASIC_CONSTRAINTS].value
aia = ext[nss.SEC_OID_X509_AUTH_INFO_ACCESS].value
out(str(nss.BasicConstraints(basic_constraints=bc)), str(nss.AuthKeyID(auth_key_id=akid)))
out(len(nss.CRLDistributionPts(crl_dist_pt_extension=dp)), len(nss.AuthorityInfoAccesses(auth_info_accesses=aia)))
for f, a in ((nss.BasicConstraints, ()), (nss.BasicConstraints, (bc.data,)), (nss.BasicConstraints, (None,)),
             (nss.AuthKeyID, ()), (nss.AuthKeyID, (akid.data,)), (nss.CRLDistributionPts, ()),
             (nss.CRLDistributionPts, (dp.data,)), (nss.AuthorityInfoAccesses, ()), (nss.AuthorityInfoAccesses, (None,)),
             (nss.AuthorityInfoAccesses, (5,)), (nss.GeneralName, ()), (nss.GeneralName, (dp,)),
             (nss.CRLDistributionPoint, ()), (nss.AuthorityInfoAccess, (1,))):
    out(f.__name__, exc(f, *a))
p = nss.CRLDistributionPoint(1)
out(str(p), p.format_lines(), p.issuer, p.get_general_names(), repr(p).startswith('<nss.nss.CRLDistributionPoint object'))
a = nss.AuthorityInfoAccess()
out(str(a), a.format_lines(), a.format(1))
''' % os.path.join(VECTORS, 'server.der'))

    def test_read_der_from_file(self):
        self.assertSame(INIT + r'''
import io
V = %r
def size(f, *a, **k):
    r = exc(f, *a, **k)
    return len(r) if not isinstance(r, str) else r
der = open(V + 'ca.der', 'rb').read()
pem = open(V + 'ca.pem', 'rb').read()
out(size(nss.read_der_from_file, V + 'ca.der'), size(nss.read_der_from_file, V + 'ca.pem'))
out(size(nss.read_der_from_file, V + 'ca.pem', True), size(nss.read_der_from_file, V + 'ca.pem', 1))
out(size(nss.read_der_from_file, file=V + 'ca.pem', ascii=True), size(nss.read_der_from_file, V + 'ca.der', True))
out(nss.read_der_from_file(V + 'ca.der').data == der, type(nss.read_der_from_file(V + 'ca.der')).__name__)
out(size(nss.read_der_from_file, open(V + 'ca.der', 'rb')), size(nss.read_der_from_file, open(V + 'ca.pem', 'rb'), True))
out(size(nss.read_der_from_file, io.BytesIO(der)), size(nss.read_der_from_file, io.BytesIO(bytes(bytearray(pem))), True))
class Reader(object):
    def read(self):
        return der
out(size(nss.read_der_from_file, Reader()))
for bad in (5, None, object(), 1.5):
    out(exc(nss.read_der_from_file, bad))
def ioerror(f, *a):
    try:
        f(*a)
    except (IOError, OSError) as e:
        return 'IOError', e.errno
out(ioerror(nss.read_der_from_file, '/nonexistent/file'), ioerror(nss.read_der_from_file, '/'))
closed = open(V + 'ca.der', 'rb')
closed.close()
out(exc(nss.read_der_from_file, closed))
out(exc(nss.read_der_from_file, type('R', (object,), {'read': lambda self: 5})()))
# (python-nss writes a NUL into the bytes it read at the PEM END: each text is a fresh copy)
for text in (b'!!!!', b'QUJD', b'QUJD\x00QUJD', b'QU\x00JDQUJD', b'', b'\x00', b'Q', b'QUJ', pem + pem,
             b'-----BEGIN CERTIFICATE-----\nQUJD\n', b'-----BEGIN X-----', b'xx-----BEGIN X-----\nQUJD-----END X-----QUJE'):
    out(text[:40])
    r = exc(nss.read_der_from_file, io.BytesIO(bytes(bytearray(text))), True)
    out(' '.join(r.split()[:2]) if isinstance(r, str) else r.data[:40])
''' % (VECTORS + '/'))


class TestExtensions(unittest.TestCase):
    """Behaviour checked without the reference."""

    def test_api_names(self):
        # every member python-nss 1.0.1 lists for these types exists
        tsv = os.path.join(TOP, 'test-vectors', 'reference', 'python-nss-1.0.1-api.tsv')
        types = ('GeneralName', 'BasicConstraints', 'AuthKeyID', 'CRLDistributionPts', 'CRLDistributionPoint',
                 'AuthorityInfoAccesses', 'AuthorityInfoAccess')
        seen = 0
        for line in io.open(tsv, encoding='utf-8'):
            fields = line.rstrip('\n').split('\t')
            if fields[0] != 'nss.nss' or fields[1].split('.')[0] not in types:
                continue
            parts = fields[1].split('.')
            obj = getattr(nss, parts[0])
            if len(parts) == 2:
                self.assertTrue(hasattr(obj, parts[1]), fields[1])
            seen += 1
        self.assertTrue(seen >= 50, seen)
        self.assertTrue(hasattr(nss, 'read_der_from_file'))

    def setUp(self):
        if not nss.nss_is_initialized():
            nss.nss_init_nodb()
        c = nss.Certificate(nss.read_der_from_file(os.path.join(VECTORS, 'server.der')))
        self.ext = dict((e.oid_tag, e.value) for e in c.extensions)

    def test_crl_distribution_points(self):
        pts = nss.CRLDistributionPts(self.ext[nss.SEC_OID_X509_CRL_DIST_POINTS])
        self.assertEqual(len(pts), 3)
        self.assertEqual(pts[0].get_general_names(), ('http://crl.example.com/ca.crl',))
        self.assertEqual(pts[1].get_reasons(), ('Key Compromise', 'CA Compromise'))
        self.assertEqual(pts[1].get_reasons(nss.AsEnum), (nss.crlEntryReasonKeyCompromise, nss.crlEntryReasonCaCompromise))
        self.assertEqual(pts[1].issuer.type_enum, nss.certDirectoryName)
        self.assertEqual(pts[1].issuer.name, 'CN=jnss Test CA,O=jnss,C=US')
        self.assertEqual(pts[2].issuer, None)
        self.assertTrue(str(pts).startswith('CRL Distribution Points: [3 total]\n    Point [1]:\n'))
        self.assertRaises(IndexError, lambda: pts[3])
        self.assertRaises(TypeError, lambda: pts['a'])
        self.assertEqual(len(list(pts)), 3)
        self.assertRaises(ValueError, nss.CRLDistributionPts, nss.SecItem('garbage'))
        self.assertRaises(ValueError, pts[1].get_reasons, nss.AsString)

    def test_authority_info_access(self):
        aias = nss.AuthorityInfoAccesses(self.ext[nss.SEC_OID_X509_AUTH_INFO_ACCESS])
        self.assertEqual(len(aias), 2)
        self.assertEqual(aias[0].method_tag, nss.SEC_OID_PKIX_OCSP)
        loc = aias[0].location
        self.assertEqual((loc.name, loc.type_enum, loc.type_name, loc.type_string),
                         ('http://ocsp.example.com', nss.certURI, 'certURI', 'URI'))
        self.assertEqual(repr(loc), 'URI: http://ocsp.example.com')
        self.assertEqual(len(loc), 1)
        self.assertEqual(repr(loc[0]), repr(loc))
        self.assertRaises(IndexError, lambda: loc[1])
        for kind, value in ((nss.AsString, 'http://ocsp.example.com'), (nss.AsTypeString, 'URI'),
                            (nss.AsTypeEnum, nss.certURI), (nss.AsLabeledString, 'URI: http://ocsp.example.com')):
            self.assertEqual(loc.get_name(kind), value)
        self.assertTrue(loc.get_name(nss.AsObject) is loc)
        self.assertEqual(loc.get_name(), 'http://ocsp.example.com')
        self.assertRaises(ValueError, loc.get_name, 99)
        self.assertRaises(NSPRError, nss.AuthorityInfoAccesses, 'garbage')
        self.assertRaises(ValueError, lambda: nss.AuthorityInfoAccess().method_str)

    def test_basic_constraints_and_auth_key_id(self):
        bc = nss.BasicConstraints(self.ext[nss.SEC_OID_X509_BASIC_CONSTRAINTS])
        self.assertEqual((bc.is_ca, bc.path_len, str(bc)), (False, 0, 'is_ca=False path_len=0'))
        self.assertEqual(str(nss.BasicConstraints(nss.SecItem('\x30\x03\x01\x01\xff'))), 'is_ca=True path_len=-2')
        self.assertRaises(NSPRError, nss.BasicConstraints, nss.SecItem('garbage'))
        self.assertRaises(TypeError, nss.BasicConstraints, '\x30\x00')
        k = nss.AuthKeyID(self.ext[nss.SEC_OID_X509_AUTH_KEY_ID])
        self.assertEqual(k.key_id.data, ''.join(chr(i) for i in range(0x11, 0x25)))
        self.assertEqual((k.serial_number, k.get_general_names()), (None, ()))
        self.assertRaises(NSPRError, nss.AuthKeyID, nss.SecItem('garbage'))

    def test_read_der_from_file_objects(self):
        path = os.path.join(VECTORS, 'ca.der')
        der = open(path, 'rb').read()
        self.assertEqual(nss.read_der_from_file(open(path, 'rb')).data, der)
        self.assertEqual(nss.read_der_from_file(io.BytesIO(der)).data, der)
        self.assertEqual(nss.read_der_from_file(path[:-4] + '.pem', True).data, der)
        self.assertRaises(TypeError, nss.read_der_from_file, 5)
        self.assertRaises(TypeError, nss.read_der_from_file, type('R', (object,), {'read': lambda self: u'x'})())
        self.assertRaises(IOError, nss.read_der_from_file, '/nonexistent/file')


if __name__ == '__main__':
    unittest.main()
