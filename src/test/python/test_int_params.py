"""Integer parameters at and past the edges of their C formats, compared with the
reference. python-nss parses most int parameters as C "i" (OverflowError outside
-2**31 .. 2**31 - 1), timeouts, intervals and a few counts as "I" (masked to 32
bits, never an overflow) and mechanisms, flags and version numbers as "k" (masked
to 64 bits); the Java API declares the unsigned ones with @Python.Unsigned('I') or
@Python.Unsigned. Each call is one that answers at once whatever the value (a
timeout on an unconnected socket, a lookup by number), so that a masked value
that means "no timeout" cannot hang the run. A TypeError's text differs between
Python 2 and 3, so only the class of an exception is compared. Left out: the
reference's answers to a negative indent_len (indented_format) or octets_per_line
(der_universal_secitem_fmt_lines) and nss_init_flags' repr_kind, where it raises
SystemError under Python 3 whatever the value."""
import os
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss

CERT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..',
                                    'test-vectors', 'certs', 'server.der'))

PRELUDE = r'''
import nss.nss as nss
import nss.io as io
import nss.ssl as ssl
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
VALUES = (7, 2**31, 2**32, 2**32 + 5, -1, -2**31, -2**31 - 1, 2**63, 2**64 + 3, -2**63 - 1)
def outcome(f, v):
    try:
        r = f(v)
    except Exception as e:
        return type(e).__name__
    if r is None or isinstance(r, (bool, str)) or type(r).__name__ in ('int', 'long', 'unicode'):
        return r
    return type(r).__name__
def check(cases):
    for name, f in cases:
        out(name, [outcome(f, v) for v in VALUES])
'''


def closed_port():
    return 'io.NetworkAddress(io.PR_IpAddrLoopback, 1)'   # nothing listens on port 1 here


@needs_reference
class TestIntParamsDiff(DiffTestCase):

    def test_nss_signed(self):
        self.assertSame(PRELUDE + r'''
item = nss.SecItem(b'\x02\x01\x05')
check([
    ('SecItem.to_base64', lambda v: item.to_base64(v)),
    ('SecItem.to_hex', lambda v: item.to_hex(v)),
    ('SecItem.der_to_hex', lambda v: item.der_to_hex(v)),
    ('SecItem.format_lines', lambda v: len(item.format_lines(v))),
    ('data_to_hex', lambda v: nss.data_to_hex(b'abc', v)),
    ('der_universal_secitem_fmt_lines level', lambda v: len(nss.der_universal_secitem_fmt_lines(item, v))),
    ('make_line_fmt_tuples', lambda v: nss.make_line_fmt_tuples(v, 'x')),
    ('generate_random', lambda v: len(nss.generate_random(v))),
    ('cert_usage_flags repr_kind', lambda v: nss.cert_usage_flags(0, v)),
    ('pkcs12_map_cipher key_length', lambda v: nss.pkcs12_map_cipher(nss.SEC_OID_AES_128_CBC, v)),
    ('create_pbev2_algorithm_id iterations', lambda v: nss.create_pbev2_algorithm_id(iterations=v)),
    ('create_pbev2_algorithm_id key_length', lambda v: nss.create_pbev2_algorithm_id(key_length=v)),
    ('RSAGenParams key_size', lambda v: nss.RSAGenParams(key_size=v).key_size),
])
''')

    def test_nss_unsigned(self):
        self.assertSame(PRELUDE + r'''
check([
    ('create_digest_context', lambda v: nss.create_digest_context(v)),
    ('hash_buf', lambda v: len(nss.hash_buf(v, b'abc'))),
    ('get_iv_length', nss.get_iv_length),
    ('get_block_size', nss.get_block_size),
    ('get_pad_mechanism', nss.get_pad_mechanism),
    ('mechanism_to_algtag', nss.mechanism_to_algtag),
    ('key_mechanism_type_name', nss.key_mechanism_type_name),
    ('pk11_disabled_reason_str', lambda v: nss.pk11_disabled_reason_str(v).startswith('unknown')),
    ('param_from_iv', lambda v: nss.param_from_iv(v, None)),
    ('RSAGenParams public_exponent', lambda v: nss.RSAGenParams(public_exponent=v).public_exponent),
])
prev = 60
check([('set_ocsp_timeout', nss.set_ocsp_timeout)])
nss.set_ocsp_timeout(prev)
''')

    def test_io(self):
        self.assertSame(PRELUDE + r'''
def sock():
    return io.Socket(io.PR_AF_INET)
addr = %s
check([
    ('seconds_to_interval', io.seconds_to_interval),
    ('milliseconds_to_interval', io.milliseconds_to_interval),
    ('microseconds_to_interval', io.microseconds_to_interval),
    ('interval_to_seconds', io.interval_to_seconds),
    ('interval_to_milliseconds', io.interval_to_milliseconds),
    ('interval_to_microseconds', io.interval_to_microseconds),
    ('addr_family_name', io.addr_family_name),
    ('Socket.connect timeout', lambda v: sock().connect(addr, v)),
    ('Socket.accept timeout', lambda v: sock().accept(v)),
    ('Socket.recv timeout', lambda v: sock().recv(10, v)),
    ('Socket.send timeout', lambda v: sock().send(b'x', v)),
    ('Socket.sendall timeout', lambda v: sock().sendall(b'x', v)),
    ('Socket.shutdown how', lambda v: sock().shutdown(v)),
    ('Socket.listen backlog', lambda v: sock().listen(v)),
])
''' % closed_port())

    def test_ssl(self):
        self.assertSame(PRELUDE + r'''
check([
    ('get_cipher_suite_info', lambda v: ssl.get_cipher_suite_info(v).cipher_suite),
    ('ssl_cipher_suite_name', ssl.ssl_cipher_suite_name),
    ('ssl_library_version_name', ssl.ssl_library_version_name),
    ('ssl_library_version_name AsEnum', lambda v: ssl.ssl_library_version_name(v, nss.AsEnum)),
    ('get_ssl_version_from_major_minor major', lambda v: ssl.get_ssl_version_from_major_minor(v, 1)),
    ('get_ssl_version_from_major_minor minor', lambda v: ssl.get_ssl_version_from_major_minor(3, v)),
    ('get_supported_ssl_version_range', lambda v: ssl.get_supported_ssl_version_range(v)),
    ('get_default_ssl_version_range', lambda v: ssl.get_default_ssl_version_range(v)),
    ('get_cipher_policy', ssl.get_cipher_policy),
    ('get_ssl_default_option', ssl.get_ssl_default_option),
    ('SSLSocket.force_handshake_timeout', lambda v: ssl.SSLSocket().force_handshake_timeout(v)),
    ('SSLSocket.rehandshake_timeout', lambda v: ssl.SSLSocket().rehandshake_timeout(False, v)),
])
''')


    def test_objects_read_as_c_long(self):
        # python-nss takes these as objects and reads an integer with PyLong_AsLong (tags
        # in an int, families, socket options, addresses, ports, poll flags) or
        # PyLong_AsUnsignedLong (SSL versions): past 64 bits, OverflowError or the
        # error of the -1 that the C code goes on with. (Setters and the time of
        # check_valid_times leave that OverflowError pending; test_pending_overflow.)
        self.assertSame(PRELUDE + r"""
cert = nss.Certificate(open(%r, 'rb').read())
def poll(v):
    return io.Socket.poll([(io.Socket(io.PR_AF_INET), v)], 0)
check([
    ('oid_tag', nss.oid_tag),
    ('oid_str', nss.oid_str),
    ('oid_dotted_decimal', nss.oid_dotted_decimal),
    ('oid_tag_name', nss.oid_tag_name),
    ('Certificate.get_extension', lambda v: cert.get_extension(v)),
    ('AVA', lambda v: str(nss.AVA(v, 'x'))),
    ('pkcs12_map_cipher', nss.pkcs12_map_cipher),
    ('create_pbev2_algorithm_id pbe_alg', lambda v: nss.create_pbev2_algorithm_id(pbe_alg=v)),
    ('create_pbev2_algorithm_id cipher_alg', lambda v: nss.create_pbev2_algorithm_id(cipher_alg=v)),
    ('Socket family', lambda v: io.Socket(v)),
    ('SSLSocket family', lambda v: ssl.SSLSocket(v)),
    ('set_socket_option option', lambda v: io.Socket(io.PR_AF_INET).set_socket_option(v, True)),
    ('set_socket_option value', lambda v: io.Socket(io.PR_AF_INET).set_socket_option(io.PR_SockOpt_NoDelay, v)),
    ('set_socket_option unsigned', lambda v: io.Socket(io.PR_AF_INET).set_socket_option(io.PR_SockOpt_IpTimeToLive, v)),
    ('NetworkAddress addr', lambda v: str(io.NetworkAddress(v, 0))),
    ('poll flags', poll),
    ('set_default_ssl_version_range min', lambda v: ssl.set_default_ssl_version_range(v, ssl.SSL_LIBRARY_VERSION_TLS_1_2)),
    ('set_default_ssl_version_range max', lambda v: ssl.set_default_ssl_version_range(ssl.SSL_LIBRARY_VERSION_TLS_1_2, v)),
    ('SSLSocket.set_ssl_version_range', lambda v: ssl.SSLSocket(io.PR_AF_INET).set_ssl_version_range(v, v)),
])
""" % CERT)


    def test_sizes_and_levels(self):
        # a byte count sizes python-nss's result first (negative: SystemError), NSS then
        # refuses what it cannot do; levels that wrap past 2**31 are refused before any
        # line is sized; trust_flags takes no keywords (METH_VARARGS)
        self.assertSame(r"""
import nss.nss as nss
import nss.io as io
def exc(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        return type(e).__name__ + ' ' + str(getattr(e, 'errno', ''))
    return r if isinstance(r, int) else len(r)
if nss.nss_is_initialized():
    nss.nss_shutdown()
out(exc(nss.generate_random, 0), exc(nss.generate_random, 5))
nss.nss_init_nodb()
out([exc(nss.generate_random, n) for n in (0, 5, 65536, 65537, 2**31 - 1)])
s = io.Socket(io.PR_AF_INET)
a = io.NetworkAddress(io.PR_IpAddrLoopback, 1)
for n in (-1, 0, 2**31 - 1):
    out(n, exc(s.recv, n, 0), exc(s.read, n), exc(s.recv_from, n, a, 0), exc(s.accept_read, n, 0))
item = nss.SecItem(b'\x02\x01\x05')
out(exc(item.format, 2**31 - 1), exc(item.format, level=2**31 - 1), exc(item.format, 3))
out(exc(nss.indented_format, [(2**31 - 1, 'a'), (-1, 'b')]), exc(nss.indented_format, [(1, 'a'), (2**64, 'b')]))
out(exc(nss.Certificate.trust_flags, 3), exc(nss.Certificate.trust_flags, flags=3))
""")


class TestIntParams(unittest.TestCase):

    def setUp(self):
        if not nss.nss_is_initialized():
            nss.nss_init_nodb()

    def test_signed_int_overflows(self):
        with self.assertRaises(OverflowError) as cm:
            nss.SecItem(b'x').to_base64(2**31)
        self.assertEqual(str(cm.exception), 'signed integer is greater than maximum')
        with self.assertRaises(OverflowError):
            nss.SecItem(b'x').to_hex(-2**31 - 1)

    def test_pending_overflow(self):
        # python-nss sets OverflowError and carries on with -1: Python 2 raises it at a later
        # statement, Python 3 at once or as a SystemError; pynss raises it at once
        import nss.io as io
        addr = io.NetworkAddress(io.PR_IpAddrLoopback, 0)
        for v in (2**63, -2**63 - 1, 2**64):
            with self.assertRaises(OverflowError) as cm:
                addr.port = v
            self.assertEqual(str(cm.exception), 'Python int too large to convert to C long')
            with self.assertRaises(OverflowError):
                nss.InitParameters().min_password_len = v
            with self.assertRaises(OverflowError):
                cert = nss.Certificate(open(CERT, 'rb').read())
                cert.check_valid_times(v)
        addr.port = 2**32 + 5                  # a C long kept in an int, then 16 bits
        self.assertEqual(addr.port, 5)
        with self.assertRaises(TypeError):
            addr.port = 1.5

    def test_unsigned_int_masks(self):
        import nss.io as io
        self.assertEqual(io.seconds_to_interval(2**32 + 5), io.seconds_to_interval(5))
        self.assertEqual(io.interval_to_seconds(-1), io.interval_to_seconds(2**32 - 1))
        with self.assertRaises(TypeError):
            io.seconds_to_interval(1.5)

    def test_unsigned_long_masks(self):
        self.assertEqual(nss.key_mechanism_type_name(2**64 + nss.CKM_AES_CBC), 'CKM_AES_CBC')
        with self.assertRaises(TypeError) as cm:
            nss.key_mechanism_type_name(1.5)
        self.assertIn('integer<k>', str(cm.exception))


if __name__ == '__main__':
    unittest.main()
