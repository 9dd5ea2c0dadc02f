"""nss.error: the exceptions, the error catalogue and the constants, against python-nss 1.0.1.

Where Python 2 and 3 differ (repr of exceptions, TypeError for read-only
members, "%#x" in C format strings) the expectation is written out here,
as Python 2 python-nss behaves; everything else is compared with the
reference by difftest.
"""
import pickle
import unittest

import nss.error as error
from nss.error import NSPRError, CertVerifyError

from difftest import DiffTestCase, needs_reference

SEC_ERROR_IO = -8192
SEC_ERROR_IO_DESC = '(SEC_ERROR_IO) An I/O error occurred during security authorization.'


@needs_reference
class TestAgainstReference(DiffTestCase):
    def test_every_code_string_and_str(self):
        # all 388 codes: get_nspr_error_string() and str(NSPRError(None, code)), plus codes python-nss does not know
        self.assertSame('''
import nss.error as E
codes = sorted(set(getattr(E, n) for n in dir(E) if n[0].isupper() and isinstance(getattr(E, n), int)))
out(len(codes))
for c in codes + [0, 1, 12345, -5924, -8191, -8256, -12289, -6001, -2147483648]:
    out(c, E.get_nspr_error_string(c), str(E.NSPRError(None, c)), E.NSPRError('msg', c).strerror, str(E.NSPRError('msg', c)))
''')

    def test_constants(self):
        self.assertSame('''
import nss.error as E
names = sorted(n for n in dir(E) if n[0].isupper() and n not in ('NSPRError', 'CertVerifyError'))
out(len(names))
for n in names:
    out(n, getattr(E, n))
''')

    def test_module_doc_lists_every_error_in_code_order(self):
        self.assertSame('''
import nss.error as E
d = E.__doc__
out(d[d.index('NSPR Error Constants:'):])
''')

    def test_nsprerror_arguments_and_attributes(self):
        self.assertSame('''
import nss.error as E
def show(e):
    out(type(e).__name__, str(e), e.args, e.errno, e.error_code, e.strerror, e.error_desc, e.error_message)
show(E.NSPRError(None, -8192))
show(E.NSPRError('msg', -8192))
show(E.NSPRError(error_code=-8192))
show(E.NSPRError(error_message='m', error_code=-8192))
show(E.NSPRError('x', True))
show(E.NSPRError(u'unicode', -8192))
show(E.NSPRError(None, 0))
show(E.NSPRError(None, 12345))
show(E.NSPRError(E.CertVerifyError(error_code=-8192).error_message, E.CertVerifyError(error_code=-8192).errno))
out(E.CertVerifyError('m', -8192, 5, None).usages, E.CertVerifyError('m', -8192, 5, None).log)
out(E.CertVerifyError(usages=3, log=[1, 2]).log, E.CertVerifyError(usages=3).args)
out(E.CertVerifyError(usages=-1).usages, E.CertVerifyError(usages=2**32 + 3).usages)
for args, kw in [((1,), {}), (('a', 'b'), {}), (('a', 1, 2), {}), ((), {'foo': 1}),
                 (('a',), {'error_message': 'b'}), (('x', 1.5), {})]:
    out(args, exc(E.NSPRError, *args, **kw))
for args, kw in [((), {'usages': None}), ((), {'usages': 'x'}), ((), {'usages': 1.5}),
                 (('a', 1, 2, 3, 4), {}), ((1,), {}), ((None, 'x'), {})]:
    out(args, exc(E.CertVerifyError, *args, **kw))
''')

    def test_get_nspr_error_string_arguments(self):
        self.assertSame('''
import nss.error as E
out(exc(E.get_nspr_error_string), exc(E.get_nspr_error_string, 'x'), exc(E.get_nspr_error_string, 1, 2))
out(exc(E.get_nspr_error_string, number=-8192), exc(E.get_nspr_error_string, None))
out(E.get_nspr_error_string(-8192), E.get_nspr_error_string(True))
''')

    def test_current_error_when_code_omitted(self):
        # error_code None or -1 reads the calling thread's NSPR error
        self.assertSame('''
import nss.nss as nss, nss.error as E
try:
    nss.nss_init('/nonexistent/dir')
except E.NSPRError as e:
    out('init failed', e.errno)
out(E.NSPRError().errno, E.NSPRError(None, None).errno, E.NSPRError('m', -1).errno)
''')


class TestPython2Semantics(unittest.TestCase):
    """Behaviour of python-nss's C code under Python 2, where Python 3 differs."""

    def test_repr_is_python2_exception_repr(self):
        self.assertEqual(repr(NSPRError('msg', SEC_ERROR_IO)), "NSPRError('msg', -8192)")
        self.assertEqual(repr(NSPRError('msg')), "NSPRError('msg',)")
        self.assertEqual(repr(CertVerifyError('msg', SEC_ERROR_IO, 5)), 'CertVerifyError()')

    def test_message_attribute_is_the_str(self):
        e = NSPRError('msg', SEC_ERROR_IO)
        self.assertEqual(e.message, 'msg: ' + SEC_ERROR_IO_DESC)
        self.assertEqual(CertVerifyError('m', SEC_ERROR_IO, 5).message, 'm: ' + SEC_ERROR_IO_DESC)

    def test_members_are_read_only(self):
        e = CertVerifyError('msg', SEC_ERROR_IO, 5)
        for name in ('errno', 'error_code', 'strerror', 'error_desc', 'error_message', 'usages', 'log'):
            self.assertRaises(TypeError, setattr, e, name, 1)
            self.assertRaises(TypeError, delattr, e, name)
        e.other = 3                      # the instance dict stays writable
        self.assertEqual(e.other, 3)

    def test_cert_verify_error_str_formats_usages_as_python2_does(self):
        # python-nss 1.0.1 formats "%U usages=0x%x" (a literal 0x: no '#' flag for Python 2 to drop)
        self.assertEqual(str(CertVerifyError('m', SEC_ERROR_IO, 5)), 'm: %s usages=0x5' % SEC_ERROR_IO_DESC)
        self.assertEqual(str(CertVerifyError(error_code=0, usages=0xff)), '(SUCCESS) Success usages=0xff')

    def test_python2_argument_messages(self):
        self.assertRaisesRegexp(TypeError, r"^'foo' is an invalid keyword argument for this function$",
                                NSPRError, foo=1)
        self.assertRaisesRegexp(TypeError, r"^Argument given by name \('error_message'\) and position \(1\)$",
                                NSPRError, 'a', error_message='b')
        self.assertRaisesRegexp(TypeError, r'^NSPRError\(\) takes at most 2 arguments \(3 given\)$',
                                NSPRError, 'a', 1, 2)
        self.assertRaisesRegexp(TypeError, r'^must be a string or None, not int$', NSPRError, 1)
        self.assertRaisesRegexp(TypeError, r'^must be int or None, not str$', NSPRError, 'a', 'b')
        # python-nss reads the code with PyLong_AsLong and leaves its OverflowError pending
        self.assertRaisesRegexp(OverflowError, r'^Python int too large to convert to C long$', NSPRError, 'a', 2 ** 70)
        self.assertRaises(OverflowError, CertVerifyError, error_code=-2 ** 63 - 1)
        self.assertEqual(NSPRError('a', 2 ** 32 - 8192).errno, SEC_ERROR_IO)   # a C int, as in python-nss
        self.assertRaisesRegexp(TypeError, r'^an integer is required$', CertVerifyError, usages=None)
        self.assertRaisesRegexp(TypeError, r'^get_nspr_error_string\(\) takes no keyword arguments$',
                                error.get_nspr_error_string, number=1)
        self.assertRaisesRegexp(TypeError, r'^get_nspr_error_string\(\) takes exactly 1 argument \(0 given\)$',
                                error.get_nspr_error_string)
        self.assertRaisesRegexp(TypeError, r'^an integer is required$', error.get_nspr_error_string, 'x')


class TestExceptionBehaviour(unittest.TestCase):
    def test_hierarchy(self):
        self.assertTrue(issubclass(NSPRError, StandardError))
        self.assertTrue(issubclass(CertVerifyError, NSPRError))
        self.assertEqual(NSPRError.__module__, 'nss.error')
        self.assertEqual(CertVerifyError.__name__, 'CertVerifyError')

    def test_raise_and_catch(self):
        try:
            raise NSPRError('boom', SEC_ERROR_IO)
        except StandardError as e:
            self.assertTrue(isinstance(e, NSPRError))
            self.assertEqual(e.errno, SEC_ERROR_IO)
            self.assertEqual(str(e), 'boom: ' + SEC_ERROR_IO_DESC)
        try:
            raise CertVerifyError('v', SEC_ERROR_IO, 3)
        except NSPRError as e:
            self.assertEqual((e.usages, e.log), (3, None))

    def test_str_type_and_unicode(self):
        e = NSPRError(u'caf\xe9', SEC_ERROR_IO)
        self.assertTrue(type(str(e)) is str)
        self.assertEqual(str(e), 'caf\xc3\xa9: ' + SEC_ERROR_IO_DESC)
        self.assertTrue(type(e.strerror) is str)

    def test_pickle_round_trip(self):
        e = pickle.loads(pickle.dumps(NSPRError('msg', SEC_ERROR_IO)))
        self.assertEqual((type(e), e.errno, str(e)), (NSPRError, SEC_ERROR_IO, 'msg: ' + SEC_ERROR_IO_DESC))

    def test_python_subclass(self):
        class MyError(NSPRError):
            def extra(self):
                return 'extra'
        e = MyError('q', SEC_ERROR_IO)
        self.assertEqual((e.errno, e.args, e.extra(), str(e)), (SEC_ERROR_IO, ('q', SEC_ERROR_IO), 'extra',
                                                                'q: ' + SEC_ERROR_IO_DESC))

    def test_errors_raised_by_nss_calls_are_nsprerror(self):
        import nss.nss as nss
        try:
            nss.nss_shutdown()
        except NSPRError as e:
            self.assertEqual(e.errno, error.SEC_ERROR_NOT_INITIALIZED)
            self.assertEqual(e.args, ())
            self.assertEqual(str(e), '(SEC_ERROR_NOT_INITIALIZED) NSS is not initialized.')
        else:
            self.fail('nss_shutdown before nss_init did not raise')



@needs_reference
class TestErrorTextFromNspr(DiffTestCase):
    """NSPR's text attached to an error (a dlopen message here) precedes the description, as in python-nss."""

    def test_lookup_failure_carries_nspr_text(self):
        import os
        db = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'test-vectors', 'db')
        self.assertSame(r'''
import nss.nss as nss
from nss.error import NSPRError
if nss.nss_is_initialized():
    nss.nss_shutdown()
nss.nss_init('sql:%s')
try:
    nss.find_cert_from_nickname('no such nickname')
except NSPRError as e:
    out(e.error_code, e.error_desc.replace(%r, 'DB'), str(e).replace(%r, 'DB'))
nss.nss_shutdown()
''' % (os.path.normpath(db), os.path.normpath(db), os.path.normpath(db)))

class TestNoJavaStacks(unittest.TestCase):
    """The launcher turns Java stack capture off for every exception a Python program
    sees: nothing shows them, and raising many errors would pay for each."""

    def test_core_exceptions_capture_no_java_stack(self):
        from org.jnss.core import ArgumentError, AttributeError as JAttributeError, KeyError as JKeyError
        from org.jnss.error import NSPRError as JNSPRError
        for e in (ArgumentError('x'), JAttributeError('x'), JKeyError('x'), JNSPRError('x', -8187)):
            self.assertEqual(len(e.getStackTrace()), 0, type(e).__name__)

    def test_python_exceptions_capture_no_java_stack(self):
        from org.python.core import Py
        self.assertEqual(len(Py.TypeError('x').getStackTrace()), 0)
        self.assertEqual(len(Py.ValueError('x').getStackTrace()), 0)


if __name__ == '__main__':
    unittest.main()
