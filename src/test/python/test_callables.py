"""Every callable of the API looks and behaves as a CPython built-in does."""
import functools
import pickle
import re
import unittest

from nss import error, io, nss, ssl

MODULES = [nss, ssl, io, error]


def api():
    """(module, name, object) for every public name of the API modules."""
    for m in MODULES:
        for name in sorted(vars(m)):
            if not name.startswith('_'):
                yield m, name, getattr(m, name)


def functions():
    return [(m, n, o) for m, n, o in api() if callable(o) and not isinstance(o, type)]


def types():
    return [(m, n, o) for m, n, o in api() if isinstance(o, type) and o.__module__.startswith('nss.')]


def members(t):
    """(name, raw descriptor) for what the type itself defines."""
    for name, d in sorted(vars(t).items()):
        if not name.startswith('__'):
            yield name, d


class TestCallables(unittest.TestCase):
    def setUp(self):
        nss.nss_init_nodb()

    def test_the_api_is_walked(self):
        self.assertTrue(len(functions()) > 100, len(functions()))
        self.assertTrue(len(types()) > 30, len(types()))

    def test_module_functions(self):
        for m, name, f in functions():
            self.assertEqual(f.__name__, name, (m, name))
            self.assertEqual(f.__module__, m.__name__, (m, name))
            self.assertTrue(hasattr(f, '__call__'), name)
            self.assertTrue(callable(f.__call__), name)
            self.assertEqual(repr(f), '<built-in function %s>' % name)
            self.assertNotIn('JFunction', repr(f))
            w = functools.wraps(f)(lambda *a, **k: f(*a, **k))
            self.assertEqual((w.__name__, w.__module__, w.__doc__), (name, m.__name__, f.__doc__))

    def test_partial_calls_through(self):
        digest = functools.partial(nss.sha1_digest)
        self.assertEqual(digest('abc'), nss.sha1_digest('abc'))

    def test_pickling_a_function_is_by_name(self):
        self.assertTrue(pickle.loads(pickle.dumps(nss.sha1_digest)) is nss.sha1_digest)

    def test_methods_and_properties_of_every_type(self):
        for m, tname, t in types():
            for name, d in members(t):
                r = repr(d)
                if getattr(d, '__name__', name) != name:
                    # an alias (next is __next__): the same descriptor under both names
                    self.assertTrue(vars(t)[d.__name__] is d, (tname, name))
                    continue
                self.assertNotIn('org.jnss', r, (tname, name, r))
                if r.startswith('<method '):
                    self.assertEqual(r, "<method '%s' of '%s.%s' objects>" % (name, t.__module__, tname))
                    self.assertEqual(d.__name__, name)
                    self.assertTrue(d.__objclass__ is t, (tname, name))
                    self.assertTrue(callable(d) and hasattr(d, '__call__'))
                    functools.wraps(d)(lambda *a: None)
                    self.assertRaises(TypeError, pickle.dumps, d)
                elif r.startswith('<attribute '):
                    self.assertEqual(r, "<attribute '%s' of '%s.%s' objects>" % (name, t.__module__, tname))
                    self.assertEqual(d.__name__, name)
                    self.assertTrue(d.__objclass__ is t, (tname, name))

    def test_bound_methods(self):
        sock = ssl.SSLSocket(io.PR_AF_INET)
        cert_db = nss.get_default_certdb()
        for obj, qualified in ((sock, 'nss.ssl.SSLSocket'), (cert_db, 'nss.nss.CertDB')):
            for name, d in members(type(obj)):
                if not repr(d).startswith('<method '):
                    continue
                b = getattr(obj, name)
                self.assertEqual(b.__name__, name)
                self.assertTrue(b.__self__ is obj)
                self.assertTrue(b.__module__ is None)
                self.assertTrue(callable(b) and hasattr(b, '__call__'))
                self.assertTrue(re.match(r'<built-in method %s of %s object at 0x[0-9a-f]+>$' % (name, qualified),
                                         repr(b)), repr(b))
                wrapped = functools.wraps(b)(lambda *a: None)
                self.assertEqual(wrapped.__name__, name)
                # as CPython 2.7's pickle: a bound built-in method pickles by name, and is not found
                self.assertRaises(pickle.PicklingError, pickle.dumps, b)
        sock.close()


if __name__ == '__main__':
    unittest.main()
