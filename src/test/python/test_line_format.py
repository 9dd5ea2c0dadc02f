"""make_line_fmt_tuples, indented_format, cert_usage_flags and cert_type_flags
compared with the reference, as the python-nss examples combine them with
format_lines() results (no NSS database needed beyond nss_init_nodb)."""
import unittest

from difftest import DiffTestCase, needs_reference

import nss.nss as nss

INIT = '''
import nss.nss as nss
if not nss.nss_is_initialized():
    nss.nss_init_nodb()
'''


@needs_reference
class TestLineFormatDiff(DiffTestCase):

    def test_flags(self):
        self.assertSame(INIT + r'''
for kind in (nss.AsEnum, nss.AsEnumName, nss.AsEnumDescription):
    for flags in [0, 0xfff, 0x1003, 0xffff, 0x1c0, 0x4001, 0x8000, 0xc0ff, 1 << 20] + [1 << b for b in range(16)]:
        # only known bits: the text for unknown ones differs between Python 2 and 3
        # (%#x), and Python 3 cannot sort it with the ints of AsEnum
        out(kind, flags, nss.cert_usage_flags(flags & 0xfff, kind), nss.cert_type_flags(flags & 0xc0ff, kind))
out(nss.cert_usage_flags(0x82), nss.cert_type_flags(0x82))
out(nss.cert_usage_flags(flags=3, repr_kind=nss.AsEnumName), nss.cert_type_flags(flags=3))
for f in (nss.cert_usage_flags, nss.cert_type_flags):
    out(exc(f, 1, 99), exc(f, 'x'), exc(f, None))
''')

    def test_make_line_fmt_tuples(self):
        self.assertSame(INIT + r'''
dn = nss.DN('CN=server.example.com,O=jnss,C=US')
for obj in ('abc', ['a', 'b'], ('x',), [], (), 5, True, None, dn, [dn, 'z', 1]):
    out(nss.make_line_fmt_tuples(2, obj))
out(nss.make_line_fmt_tuples(level=1, obj='k'))
out(exc(nss.make_line_fmt_tuples, 'a', 'x'))
''')

    def test_indented_format(self):
        self.assertSame(INIT + r'''
lines = [(0, 'a:', 'b'), (0, 'cc:', 'd'), (1, 'x'), (0,), (1, 'Label:', 'v'), (1, 'Longer label:', 'w'),
         (2, 'deep'), (1, 'z:', 'q')]
for n in (0, 1, 2, 4, 8):
    for l in nss.indented_format(lines, n).split('\n'):
        out(l)
out(nss.indented_format([]))
out(nss.indented_format(lines=[(0, 'x')]) if False else nss.indented_format([(3, 'x')], indent_len=1))
msg = 'cert subject:'
tuples = nss.make_line_fmt_tuples(0, msg) + nss.make_line_fmt_tuples(1, ['SSL Server', 'Email'])
out(nss.indented_format(tuples))
for bad in (None, [1], [(1, 2, 3, 4)], [('a',)], [(0, 1)], [(0, 'a', 2)], 'abc', ((0, 'x'),), [()]):
    out(exc(nss.indented_format, bad))
''')

    def test_indented_format_deep_and_subclassed(self):
        self.assertSame(INIT + r'''
class L(list):
    pass
class T(tuple):
    pass
lines = L([T((20, 'deep')), (0, 'y'), (17, 'a:', 'b'), T((17, 'longer:', 'c')), (33,), (1, 'x' * 100, 'v')])
for n in (0, 1, 4, 7):
    for l in nss.indented_format(lines, n).split('\n'):
        out(len(l), l.strip())
out(nss.make_line_fmt_tuples(2, T(('p', 'q'))), nss.make_line_fmt_tuples(2, L(['p'])))
''')


class TestLineFormat(unittest.TestCase):

    def test_usage_names(self):
        self.assertEqual(nss.cert_usage_flags(nss.certificateUsageSSLServer | nss.certificateUsageSSLClient),
                         ['SSL Client', 'SSL Server'])
        self.assertEqual(nss.cert_type_flags(0x40), ['NS_CERT_TYPE_SSL_SERVER'])
        self.assertEqual(nss.indented_format([(0, 'a:', 'b'), (1, 'c')], 2), 'a: b\n  c')
        self.assertRaises(ValueError, nss.cert_usage_flags, 1, 99)
        self.assertRaises(TypeError, nss.indented_format, ((0, 'x'),))

    def test_texts_levels_and_sequence_kinds(self):
        # deep indentation (past the writer's block of spaces), unicode as UTF-8, str octets as they are,
        # alignment after the widest label, and list and tuple subclasses as their items
        deep = nss.indented_format([(20, 'x'), (0, 'y'), (17, 'a:', 'b'), (17, 'longer:', 'c')], 4)
        self.assertEqual(deep.split('\n'), [' ' * 80 + 'x', 'y', ' ' * 68 + 'a:      b', ' ' * 68 + 'longer: c'])
        self.assertEqual(nss.indented_format([(1, u'caf\xe9:', u'\u2014'), (1, '\xff\x00', 'v')], 1),
                         ' caf\xc3\xa9: \xe2\x80\x94\n \xff\x00     v')   # widths in octets

        class L(list):
            pass

        class T(tuple):
            pass
        self.assertEqual(nss.indented_format(L([T((0, 'a')), (1, 'b')])), 'a\n    b')
        self.assertEqual(nss.make_line_fmt_tuples(2, T(('p', 'q'))), [(2, 'p'), (2, 'q')])
        self.assertEqual(nss.make_line_fmt_tuples(2, L(['p'])), [(2, 'p')])

    def test_unknown_bits_as_python2(self):
        # Python 2 sorts numbers before strings; its PyString_FromFormat drops the '#' of %#x
        self.assertEqual(nss.cert_usage_flags(0x1003, nss.AsEnum), [1, 2, 'unknown bit flags 1000'])
        self.assertEqual(nss.cert_type_flags(0x1c0), ['NS_CERT_TYPE_SSL_CLIENT', 'NS_CERT_TYPE_SSL_SERVER',
                                                      'unknown bit flags 100'])


if __name__ == '__main__':
    unittest.main()
