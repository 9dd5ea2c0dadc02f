"""The generic binder (org.jnss.python) as seen from Python: argument parsing
with CPython 2's rules and messages, properties, attributes, str/repr,
types and subclasses, and that no Java exception reaches a script.
"""
import unittest

import nss.nss as nss
import nss.error as error

from difftest import DiffTestCase, needs_reference


class TestArguments(unittest.TestCase):
    def test_every_declaration_fits_its_java_member(self):
        # converters and defaults are made at a member's first call; make them all now
        import nss.io, nss.ssl
        from org.jnss.python import Binder
        self.assertTrue(Binder.prepareAll() > 600)

    def test_keywords(self):
        self.assertEqual(nss.data_to_hex(data='\x01\x02', octets_per_line=1, separator='-'), ['01-', '02'])
        self.assertEqual(nss.data_to_hex('\x01\x02', separator=None), '0102')
        self.assertEqual(nss.SecItem(data='ab', type=3).type, 3)
        self.assertEqual(nss.read_hex(separators='-', input='01-02'), '\x01\x02')

    def test_keyword_errors(self):
        # PyArg_ParseTupleAndKeywords, Python 2.7
        self.assertRaisesRegexp(TypeError, r"^'zzz' is an invalid keyword argument for this function$",
                                nss.data_to_hex, 'a', zzz=1)
        self.assertRaisesRegexp(TypeError, r"^Argument given by name \('data'\) and position \(1\)$",
                                nss.data_to_hex, 'a', data='a')
        self.assertRaisesRegexp(TypeError, r"^Required argument 'data' \(pos 1\) not found$", nss.data_to_hex)
        self.assertRaisesRegexp(TypeError, r"^Required argument 'data' \(pos 1\) not found$",
                                nss.data_to_hex, separator=':')
        self.assertRaisesRegexp(TypeError, r'^data_to_hex\(\) takes at most 3 arguments \(4 given\)$',
                                nss.data_to_hex, 'a', 1, ':', 4)
        self.assertRaisesRegexp(TypeError, r'^data_to_hex\(\) takes at most 3 arguments \(4 given\)$',
                                nss.data_to_hex, 'a', 1, ':', zzz=4)

    def test_positional_only_errors(self):
        # PyArg_ParseTuple and METH_NOARGS, Python 2.7
        self.assertRaisesRegexp(TypeError, r'^md5_digest\(\) takes no keyword arguments$', nss.md5_digest, data='a')
        self.assertRaisesRegexp(TypeError, r'^md5_digest\(\) takes exactly 1 argument \(0 given\)$', nss.md5_digest)
        self.assertRaisesRegexp(TypeError, r'^hash_buf\(\) takes exactly 2 arguments \(3 given\)$',
                                nss.hash_buf, 1, 'a', 3)
        self.assertRaisesRegexp(TypeError, r'^nss_init_nodb\(\) takes no arguments \(1 given\)$', nss.nss_init_nodb, 1)
        self.assertRaisesRegexp(TypeError, r'^nss_shutdown\(\) takes no keyword arguments$', nss.nss_shutdown, x=1)
        self.assertRaisesRegexp(TypeError, r'^set_shutdown_callback\(\) takes exactly 1 argument \(0 given\)$',
                                nss.set_shutdown_callback)
        self.assertRaisesRegexp(TypeError, r'^get_integer\(\) takes no arguments \(1 given\)$',
                                nss.SecItem('a').get_integer, 1)

    def test_type_errors(self):
        self.assertRaisesRegexp(TypeError, r'^nss_init\(\) argument 1 must be string, not int$', nss.nss_init, 1)
        self.assertRaisesRegexp(TypeError, r'^nss_init\(\) argument 1 must be string, not None$', nss.nss_init, None)
        self.assertRaisesRegexp(TypeError, r'^read_hex\(\) argument 2 must be string, not None$', nss.read_hex, '01', None)
        self.assertRaisesRegexp(TypeError, r'^nss_shutdown_context\(\) argument 1 must be nss.nss.InitContext, not None$',
                                nss.nss_shutdown_context, None)
        self.assertRaisesRegexp(TypeError, r'^nss_init_context\(\) argument 5 must be nss.nss.InitParameters, not int$',
                                nss.nss_init_context, init_params=5)
        self.assertRaisesRegexp(TypeError, r'^an integer is required$', nss.generate_random, 'a')
        # hash_alg is C's unsigned long ("k"): its own message
        self.assertRaisesRegexp(TypeError, r'^hash_buf\(\) argument 1 must be integer<k>, not str$', nss.hash_buf, 'x', 'a')
        self.assertRaisesRegexp(TypeError, r'^integer argument expected, got float$', nss.data_to_hex, 'a', 1.5)
        # C's "s" stops at a NUL, so CPython 2 refuses one (Python 3 raises ValueError)
        self.assertRaisesRegexp(TypeError, r'^base64_to_binary\(\) argument 1 must be string without null bytes, not str$',
                                nss.base64_to_binary, 'QUJD\0QUJD')
        self.assertRaisesRegexp(TypeError, r'^base64_to_binary\(\) argument 1 must be string without null bytes, not unicode$',
                                nss.base64_to_binary, u'QUJD\0')
        self.assertRaisesRegexp(TypeError, r'^md5_digest\(\) argument 1 must be string or read-only buffer, not int$',
                                nss.md5_digest, 1)
        self.assertRaisesRegexp(TypeError, r'^callback must be callable$', nss.set_password_callback, None)
        self.assertRaisesRegexp(TypeError, r'^oid must be a string, an integer, or a SecItem, not float$', nss.oid_str, 1.5)
        self.assertRaisesRegexp(OverflowError, r'^Python int too large to convert to C long$', nss.nss_init_flags, 2 ** 70)

    def test_defaults_are_evaluated_in_the_module(self):
        flags = nss.NSS_INIT_READONLY
        self.assertEqual(nss.nss_init_flags(flags), nss.nss_init_flags(flags, nss.AsEnumName))
        self.assertEqual(nss.SecItem('0\x00').get_oid_sequence(), nss.SecItem('0\x00').get_oid_sequence(nss.AsString))

    def test_varargs(self):
        nss.set_shutdown_callback(None, 1, 2, 3)     # extra arguments are the callback's user data


class TestAttributes(unittest.TestCase):
    def test_read_only_properties(self):
        s = nss.SecItem('abc')
        for name in ('data', 'len', 'type'):
            self.assertRaisesRegexp(AttributeError,
                                    r"^attribute '%s' of 'nss.nss.SecItem' objects is not writable$" % name,
                                    setattr, s, name, 1)
            self.assertRaisesRegexp(AttributeError,
                                    r"^attribute '%s' of 'nss.nss.SecItem' objects is not writable$" % name,
                                    delattr, s, name)
        self.assertEqual(s.data, 'abc')

    def test_unknown_attributes(self):
        s = nss.SecItem('abc')
        self.assertRaisesRegexp(AttributeError, r"^'nss.nss.SecItem' object has no attribute 'foo'$", getattr, s, 'foo')
        self.assertRaisesRegexp(AttributeError, r"^'nss.nss.SecItem' object has no attribute 'foo'$", setattr, s, 'foo', 1)
        self.assertRaisesRegexp(AttributeError, r"^'nss.nss.SecItem' object has no attribute 'foo'$", delattr, s, 'foo')
        self.assertFalse(hasattr(s, 'foo'))
        self.assertRaises(AttributeError, getattr, nss, 'no_such_function')

    def test_writable_properties(self):
        p = nss.InitParameters()
        p.password_required = 'yes'
        p.min_password_len = 4
        p.manufacturer_id = u'caf\xe9'
        self.assertEqual((p.password_required, p.min_password_len, p.manufacturer_id), (True, 4, 'caf\xc3\xa9'))
        # Java text back as UTF-8 str: ASCII (taken as it is), Latin-1 above (encoded), beyond Latin-1
        for text, utf8 in [(u'plain ascii text', 'plain ascii text'), (u'\xe9t\xe9', '\xc3\xa9t\xc3\xa9'),
                           (u'a\u2014b', 'a\xe2\x80\x94b'), (u'x', 'x'), (u'', '')]:
            p.manufacturer_id = text
            self.assertEqual(p.manufacturer_id, utf8)
            self.assertTrue(type(p.manufacturer_id) is str)
        self.assertRaisesRegexp(TypeError, r'^Cannot delete the password_required attribute$', delattr, p,
                                'password_required')
        self.assertRaisesRegexp(TypeError, r'^The min_password_len attribute value must be an integer$', setattr, p,
                                'min_password_len', '4')

    def test_descriptors_on_the_type(self):
        self.assertEqual(nss.SecItem.data.__name__, 'data')
        self.assertTrue(nss.SecItem.data.__objclass__ is nss.SecItem)
        self.assertTrue(nss.Certificate.extensions.__doc__)              # a property's Javadoc
        self.assertEqual(nss.SecItem.to_hex.__name__, 'to_hex')
        self.assertEqual(nss.SecItem.to_hex(nss.SecItem('\x01')), '01')        # unbound call
        self.assertRaisesRegexp(TypeError, r"requires a 'nss.nss.SecItem' object but received a 'str'",
                                nss.SecItem.to_hex, 'x')
        self.assertEqual(nss.md5_digest.__name__, 'md5_digest')
        self.assertTrue(nss.md5_digest.__doc__.startswith('md5_digest('))


class TestStrReprAndTypes(unittest.TestCase):
    def test_str_and_repr_are_str(self):
        for obj in [nss.SecItem('abc'), nss.InitParameters(), nss.PK11Context(), nss.base64_to_binary('AQID')]:
            self.assertTrue(type(str(obj)) is str, type(obj))
            self.assertTrue(type(repr(obj)) is str, type(obj))
            self.assertTrue(repr(obj).startswith('<nss.nss.%s object at 0x' % type(obj).__name__), repr(obj))
        self.assertEqual('%s' % nss.SecItem('\x01'), '01')
        # str() of a str is that str (as CPython), of a str subclass or unicode a new str
        class Sub(str):
            pass
        text = 'some text'
        self.assertTrue(str(text) is text)
        self.assertTrue(type(str(Sub('abc'))) is str)
        self.assertEqual(str(Sub('abc')), 'abc')
        self.assertTrue(type(Sub(nss.SecItem('\x01'))) is Sub)
        self.assertEqual(Sub(nss.SecItem('\x01\x02')), '01:02')
        self.assertTrue(type(str(u'abc')) is str)
        self.assertRaises(UnicodeEncodeError, str, u'\xe9')
        self.assertEqual(unicode(nss.SecItem('\x01')), u'01')

    def test_types(self):
        s = nss.SecItem('a')
        self.assertTrue(type(s) is nss.SecItem)
        self.assertTrue(isinstance(s, nss.SecItem))
        self.assertFalse(isinstance(s, nss.PK11Context))
        self.assertEqual((nss.SecItem.__name__, nss.SecItem.__module__), ('SecItem', 'nss.nss'))
        self.assertTrue(isinstance(nss.SecItem, type))

    def test_shared_formatting_members_are_on_every_type(self):
        # format_lines/format/__str__ come from one Java interface (default methods): the binder
        # defines them on each implementing type, native-handle owners included, as python-nss has them
        for t in (nss.Certificate, nss.PK11Slot, nss.PK11SymKey, nss.PKCS12Decoder, nss.AlgorithmID,
                  nss.BasicConstraints):
            for name in ('format_lines', 'format', '__str__'):
                self.assertTrue(name in t.__dict__, (t.__name__, name))
        self.assertEqual(nss.Certificate.format.__name__, 'format')
        self.assertTrue(type(nss.PK11Slot.format) is type(nss.SecItem.to_hex))

    def test_cannot_create(self):
        self.assertRaisesRegexp(TypeError, r"^cannot create 'nss.nss.InitContext' instances$", nss.InitContext)

    def test_exposed_types_are_extension_types(self):
        # what CPython 2 says of python-nss's C types (Python 3 words the messages differently)
        import nss.ssl as ssl
        import pickle
        self.assertEqual((repr(nss.SecItem), repr(ssl.SSLSocket)), ("<type 'nss.nss.SecItem'>", "<type 'nss.ssl.SSLSocket'>"))
        self.assertEqual(nss.Certificate.__mro__, (nss.Certificate, object))
        self.assertEqual(nss.SecItem.__flags__ & (1 << 9), 0)       # not Py_TPFLAGS_HEAPTYPE
        cant = r"^can't set attributes of built-in/extension type 'nss.nss.SecItem'$"
        for name in ('__len__', 'data', 'to_hex', 'anything', '__doc__'):
            self.assertRaisesRegexp(TypeError, cant, setattr, nss.SecItem, name, 1)
            self.assertRaisesRegexp(TypeError, cant, delattr, nss.SecItem, name)
        self.assertEqual(len(nss.SecItem('abc')), 3)     # nothing changed
        s = nss.SecItem('abc')
        self.assertRaisesRegexp(TypeError, r'^__class__ assignment: only for heap types$', setattr, s, '__class__', nss.SecItem)
        self.assertRaisesRegexp(TypeError, r'^can\'t pickle SecItem objects$', pickle.dumps, s)
        self.assertRaisesRegexp(TypeError, r"^unsupported operand type\(s\) for \+: 'nss.nss.SecItem' and 'int'$",
                                lambda: s + 1)
        self.assertTrue(repr(s.to_hex).startswith('<built-in method to_hex of nss.nss.SecItem object at 0x'))

        class Mine(nss.SecItem):    # a script's subclass is an ordinary class
            pass
        Mine.extra = 5
        m = Mine('ab')
        self.assertEqual((m.extra, repr(Mine), Mine.__module__), (5, "<class '%s.Mine'>" % __name__, __name__))
        self.assertTrue(repr(m.to_hex).startswith('<built-in method to_hex of Mine object at 0x'))
        Mine.__len__ = lambda self: 7
        self.assertEqual((len(m), len(nss.SecItem('ab'))), (7, 2))


class TestSubclasses(unittest.TestCase):
    def test_subclass_with_init_and_overrides(self):
        class Tagged(nss.SecItem):
            kind = 'tagged'

            def __init__(self, data, tag):
                nss.SecItem.__init__(self, data)
                self.tag = tag

            def __str__(self):
                return '%s<%s>' % (self.tag, nss.SecItem.__str__(self))

            def __len__(self):
                return 100 + nss.SecItem.__len__(self)

        t = Tagged('\x01\x02', 'x')
        self.assertEqual((t.data, t.tag, t.kind, str(t), len(t)), ('\x01\x02', 'x', 'tagged', 'x<01:02>', 102))
        self.assertTrue(isinstance(t, nss.SecItem) and type(t) is Tagged)
        self.assertEqual(t.to_hex(), '01:02')
        self.assertEqual(nss.data_to_hex(t), '01:02')       # accepted where a SecItem is
        self.assertTrue(t == nss.SecItem('\x01\x02'))
        t.more = 1
        self.assertEqual(t.__dict__, {'tag': 'x', 'more': 1})

    def test_subclass_without_init_call(self):
        class Empty(nss.SecItem):
            def __init__(self):
                pass
        self.assertEqual((Empty().data, len(Empty())), ('', 0))

    def test_subclass_of_writable_type(self):
        class Params(nss.InitParameters):
            pass
        p = Params(min_password_len=2)
        p.manufacturer_id = 'm'
        self.assertEqual((p.min_password_len, p.manufacturer_id), (2, 'm'))
        self.assertTrue(str(p).startswith('password_required=False, min_password_len=2, manufacturer_id=m'))


class TestIdentity(unittest.TestCase):
    """The same core object always comes back as the same Python object."""

    def test_same_object_from_two_lookups(self):
        import nss.io as io
        ai = io.AddrInfo('localhost')
        self.assertTrue(ai[0] is ai[0])

    def test_subclass_instance_comes_back_with_its_attributes(self):
        import nss.io as io

        class MySocket(io.Socket):
            pass

        s = MySocket()
        s.tag = 'mine'
        back = s.makefile()
        self.assertTrue(back is s)
        self.assertEqual(back.tag, 'mine')
        self.assertTrue(isinstance(back, MySocket))
        s.close()
        back.close()

    def test_distinct_equal_objects_stay_distinct(self):
        a, b = nss.SecItem('abc'), nss.SecItem('abc')
        self.assertFalse(a is b)
        self.assertEqual(a, b)


class TestNoJavaExceptions(unittest.TestCase):
    """Whatever a script passes, it gets a Python exception."""

    def test_odd_arguments(self):
        import java.lang
        odd = [None, object(), [], {}, (), 1.5, 2 ** 80, -1, u'\u20ac', '\x00', nss.SecItem(), nss.PK11Context(), len,
               java.lang.Object()]
        functions = [nss.md5_digest, nss.data_to_hex, nss.read_hex, nss.base64_to_binary, nss.oid_str, nss.oid_tag,
                     nss.oid_tag_name, nss.oid_dotted_decimal, nss.nss_init_flags, nss.nss_version_check,
                     nss.SecItem, nss.InitParameters, error.get_nspr_error_string, nss.nss_shutdown_context,
                     nss.SecItem('abc').__getitem__, nss.SecItem('abc').to_base64, nss.SecItem('abc').get_oid_sequence,
                     nss.PK11Context().digest_op]
        for f in functions:
            for a in odd:
                try:
                    f(a)
                except (StandardError, error.NSPRError) as e:
                    self.assertFalse(type(e).__module__.startswith('java'), '%s(%r): %r' % (f.__name__, a, e))
                except Exception as e:
                    self.fail('%s(%r) raised %r' % (getattr(f, '__name__', f), a, e))


@needs_reference
class TestAgainstReference(DiffTestCase):
    def test_calls_and_errors(self):
        self.assertSame('''
import nss.nss as nss
s = nss.SecItem(b'abc')
out(exc(setattr, s, 'data', b'x'), exc(setattr, s, 'foo', 1), exc(getattr, s, 'foo'), exc(delattr, s, 'len'))
out(type(nss.SecItem).__name__, isinstance(s, nss.SecItem), type(s).__name__, nss.SecItem.__module__)
out(nss.data_to_hex(b'ab', separator='-'), exc(nss.data_to_hex, b'a', zzz=1), exc(nss.md5_digest, data=b'a'))
out(exc(nss.nss_init_nodb, 1), exc(nss.InitContext), nss.SecItem(data=b'x').data)
''')

    def test_types_are_extension_types_that_allow_subclasses(self):
        # Py_TPFLAGS_BASETYPE (1 << 10) and Py_TPFLAGS_HEAPTYPE (1 << 9) mean the same on both
        # Pythons; setting an attribute of the type fails on both (the messages differ)
        self.assertSame('''
import nss.nss as nss, nss.ssl as ssl, nss.io as io
for mod in (nss, ssl, io):
    for name in sorted(dir(mod)):
        t = getattr(mod, name)
        if isinstance(t, type) and t.__module__ == mod.__name__ and not issubclass(t, BaseException):
            out(mod.__name__, name, bool(t.__flags__ & (1 << 10)), bool(t.__flags__ & (1 << 9)),
                exc(setattr, t, 'extra', 1), hasattr(t, 'extra'))
''')


if __name__ == '__main__':
    unittest.main()
