"""Snippets describing certificates through the nss.nss API, shared by the
differential tests, scripts/make-expected-outputs.py (which saves what the
reference python-nss prints for the test vectors into test-vectors/expected/)
and test_expected_outputs.py (which compares pynss with those files where the
reference is not installed). Snippets run on Python 2 and 3 with difftest's
prelude (out(), exc()); they print nothing that depends on the process
(addresses, times of the run).
"""

INIT = '''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
'''

# The decoded extension types (BasicConstraints, AuthKeyID, CRLDistributionPts,
# AuthorityInfoAccesses, GeneralName) of every extension of a certificate:
# describe_extensions(name, cert).
EXTENSIONS = INIT + r'''
KINDS = (nss.AsObject, nss.AsString, nss.AsTypeString, nss.AsTypeEnum, nss.AsLabeledString, nss.AsEnum, 99)
REASON_KINDS = (nss.AsEnum, nss.AsEnumName, nss.AsEnumDescription, nss.AsIndex, nss.AsString, 99)
def lines(s):
    for l in s.split('\n'):
        out(l)
def gname(g):
    out('  gn', len(g), repr(g), g.name, g.type_enum, g.type_name, g.type_string, repr(g[0]), repr(g[-1]),
        exc(lambda: g[1]), [repr(x) for x in g])
def names(what, f):
    for k in KINDS:
        r = exc(f, k)
        if isinstance(r, tuple) and k == nss.AsObject:
            out(what, k, len(r))
            for g in r:
                gname(g)
        else:
            out(what, k, r)
def format_all(o):
    lines(str(o))
    out(o.format_lines(), o.format_lines(2), o.format(1), o.format(level=2, indent_len=3))
def point(pt):
    out(' point', repr(pt))
    format_all(pt)
    out(' issuer', repr(pt.issuer))
    if pt.issuer is not None:
        gname(pt.issuer)
    names(' names', pt.get_general_names)
    out(' names default', pt.get_general_names())
    for k in REASON_KINDS:
        out(' reasons', k, exc(pt.get_reasons, k))
    out(' reasons default', pt.get_reasons())
def describe_extension(e):
    tag = e.oid_tag
    if tag == nss.SEC_OID_X509_BASIC_CONSTRAINTS:
        bc = nss.BasicConstraints(e.value)
        out('bc', str(bc), bc.is_ca, bc.path_len)
        format_all(bc)
    elif tag == nss.SEC_OID_X509_AUTH_KEY_ID:
        k = nss.AuthKeyID(e.value)
        out('akid', exc(repr, k), k.serial_number, k.key_id is None)
        if k.key_id is not None:
            out(' key id', k.key_id.data, k.key_id.type, exc(str, k.key_id))
        out(exc(str, k), exc(k.format_lines))
        names(' names', k.get_general_names)
        out(' names default', k.get_general_names())
    elif tag == nss.SEC_OID_X509_CRL_DIST_POINTS:
        pts = nss.CRLDistributionPts(e.value)
        out('dps', len(pts), exc(lambda: pts[len(pts)]), exc(lambda: pts[-len(pts) - 1]), exc(lambda: pts['x']))
        format_all(pts)
        for pt in pts:
            point(pt)
        out(' last', repr(pts[-1]))
    elif tag == nss.SEC_OID_X509_AUTH_INFO_ACCESS:
        for data in (e.value, e.value.data, bytearray(e.value.data)):
            aias = nss.AuthorityInfoAccesses(data)
            out('aias', len(aias), exc(lambda: aias[len(aias)]), exc(lambda: aias['x']))
            format_all(aias)
        for aia in aias:
            out(' aia', aia.method_oid.data, str(aia.method_oid), aia.method_tag, aia.method_str)
            format_all(aia)
            gname(aia.location)
        out(' last', str(aias[-1]))
def describe_extensions(name, c):
    out('=====', name)
    for e in c.extensions:
        out('--', e.name, e.critical)
        r = exc(describe_extension, e)
        if r is not None:
            out('failed', r)
'''

# A certificate as str(), format(), format_lines() and its properties show it:
# describe_certificate(cert).
CERTIFICATE = INIT + r'''
def describe_dn(label, dn):
    out(label, str(dn), len(dn), dn.common_name, dn.country_name, dn.org_name, dn.org_unit_name, dn.email_address)
    for i, rdn in enumerate(dn):
        out(' rdn', i, str(rdn), len(rdn))
        for ava in rdn:
            out('  ava', str(ava), ava.value_str, ava.oid_tag, ava.oid.data, ava.value.data)
def describe_certificate(c):
    for l in str(c).split('\n'):
        out(l)
    for t in c.format_lines(1):
        out(t)
    out(c.format(2, 3) == c.format(level=2, indent_len=3))
    out(c.version, c.serial_number, c.valid_not_before, c.valid_not_after, c.valid_not_before_str,
        c.valid_not_after_str, c.subject_common_name, c.cert_type)
    out(nss.data_to_hex(nss.md5_digest(c.der_data)), nss.data_to_hex(nss.sha1_digest(c.der_data)),
        nss.data_to_hex(nss.sha256_digest(c.der_data)))
    describe_dn('subject', c.subject)
    describe_dn('issuer', c.issuer)
    a = c.signature_algorithm
    out('signature', a.id_tag, a.id_str, str(a))
    out(str(c.signed_data))
    for e in c.extensions:
        out('extension', e.name, e.critical, e.oid_tag, e.value.data)
        out(exc(str, e))
'''


def vector_snippet(path):
    """Everything saved for one test-vector certificate (DER file at path)."""
    return (CERTIFICATE + EXTENSIONS +
            'c = nss.Certificate(nss.read_der_from_file(%r))\n'
            'describe_certificate(c)\n'
            'describe_extensions(%r, c)\n' % (path, path.replace('\\', '/').split('/')[-1]))
