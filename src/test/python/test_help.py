"""help() and pydoc document the whole API as CPython shows python-nss's: every
module, type, function, method and property, each callable under its signature,
nothing of the Java machinery visible. The API is walked from the modules
themselves; each signature is checked against its @Python declaration."""
import fnmatch
import inspect
import pydoc
import re
import types as pytypes
import unittest

from java.lang.reflect import Modifier
from org.jnss.core import Python as PythonDecl

from nss import error, io, nss, ssl

MODULES = [nss, ssl, io, error]
MODULE_CLASSES = {nss: 'org.jnss.nss.Nss', ssl: 'org.jnss.ssl.Ssl', io: 'org.jnss.io.Io', error: 'org.jnss.error.Errors'}

# what must never show in help: the binder's and Jython's Java side
MACHINERY = re.compile(r'org\.jnss|org\.python|\bjava\.|\bJFunction|\bJMethod|\bJProperty|\bJNew\b|\bNssObject|'
                       r'\bNssType|\bInvoker\b|__ensure_finalizer__|\$py|<java ')


def text(obj):
    return pydoc.plain(pydoc.render_doc(obj))


def public(m):
    for name in sorted(vars(m)):
        if not name.startswith('_'):
            yield name, getattr(m, name)


def functions(m):
    return [(n, o) for n, o in public(m) if inspect.isbuiltin(o)]


def api_types(m):
    return [(n, o) for n, o in public(m) if isinstance(o, type) and o.__module__ == m.__name__]


def constants(m):
    return [n for n, o in public(m) if isinstance(o, (int, long))]


def declarations(java_class):
    """Python name -> @Python signature, of the @Python methods and constructors a Java class declares."""
    out = {}
    for member in list(java_class.getMethods()) + list(java_class.getConstructors()):
        py = member.getAnnotation(PythonDecl)
        if py is not None:
            sig = py.value().strip()
            out.setdefault(sig.split('(')[0].strip(), sig)
    return out


_declared = {}


def module_declarations(m):
    """Python name -> signature of the module's functions, and its Python types -> their Java classes."""
    if m not in _declared:
        _declared[m] = _module_declarations(m)
    return _declared[m]


def _module_declarations(m):
    from java.lang import Class
    cls = Class.forName(MODULE_CLASSES[m])
    mod = cls.getAnnotation(PythonDecl.Module)
    funcs = {}
    for c in [cls] + list(mod.functions()):
        for member in c.getMethods():
            py = member.getAnnotation(PythonDecl)
            if py is not None and Modifier.isStatic(member.getModifiers()) and '(' in py.value():
                funcs[py.value().split('(')[0].strip()] = py.value().strip()
        for field in c.getFields():                                 # the function pairs of a name table
            lookup = field.getAnnotation(PythonDecl.Lookup)
            if lookup is not None:
                for sig in (lookup.name(), lookup.value()):
                    funcs[sig.split('(')[0].strip()] = sig.strip()
    java_types = {}
    for c in mod.types():
        t = c.getAnnotation(PythonDecl.Type)
        java_types[t.value() if t is not None and t.value() else c.getSimpleName()] = c
    return funcs, java_types


def first_line(doc):
    return (doc or '').split('\n', 1)[0]


class TestHelp(unittest.TestCase):
    def assertNoMachinery(self, s, what):
        m = MACHINERY.search(s)
        self.assertTrue(m is None, '%s shows %r: ...%s...' % (what, m and m.group(0), m and s[max(0, m.start() - 80):m.end() + 80]))

    def test_the_api_is_walked(self):
        self.assertTrue(sum(len(functions(m)) for m in MODULES) > 100)
        self.assertTrue(sum(len(api_types(m)) for m in MODULES) > 35)

    def test_modules(self):
        for m in MODULES:
            t = text(m)
            self.assertNoMachinery(t, m.__name__)
            synopsis = first_line(m.__doc__)
            self.assertTrue(synopsis and len(synopsis) <= 78, (m.__name__, synopsis))
            self.assertEqual(m.__doc__.split('\n')[1], '', m.__name__)    # pydoc's NAME line: the first line alone
            self.assertIn('%s - %s' % (m.__name__, synopsis), t)
            self.assertIn('Constants, by family', m.__doc__)

    def test_every_constant_belongs_to_a_family_the_module_doc_describes(self):
        for m in MODULES:
            words = set(w.rstrip('.') for w in re.findall(r'[\w.*]+', m.__doc__))
            patterns = [w for w in words if '*' in w and w.strip('*')]
            for name in constants(m):
                self.assertTrue(name in words or any(fnmatch.fnmatchcase(name, p) for p in patterns),
                                '%s.%s: no family in the module doc' % (m.__name__, name))

    def test_functions(self):
        for m in MODULES:
            declared, _ = module_declarations(m)
            for name, f in functions(m):
                what = '%s.%s' % (m.__name__, name)
                self.assertEqual(first_line(f.__doc__), declared[name], what)
                t = text(f)
                self.assertIn('built-in function %s' % name, t, what)
                self.assertIn('%s(...)\n    %s' % (name, declared[name]), t, what)
                self.assertNoMachinery(t, what)

    def test_types(self):
        for m in MODULES:
            _, java_types = module_declarations(m)
            for tname, t in api_types(m):
                what = '%s.%s' % (m.__name__, tname)
                body = text(t)
                self.assertTrue(body.strip(), what)
                self.assertNoMachinery(body, what)
                if tname not in java_types:
                    continue                                    # a Python class (nss.error's exceptions)
                self.assertIn('class %s(' % tname, body, what)
                declared = declarations(java_types[tname])      # Java's getMethods: inherited ones too
                self.check_members(t, body, declared, what)

    def check_members(self, t, body, declared, what):
        sections = set()
        for name in dir(t):
            d = static_attr(t, name)
            owner = getattr(d, '__objclass__', None)
            if owner is None or not getattr(owner, '__module__', '').startswith('nss.') or name == '__init__':
                continue
            where = 'defined here' if owner is t else 'inherited from %s.%s' % (owner.__module__, owner.__name__)
            if inspect.ismethoddescriptor(d):
                sections.add('Methods %s:' % where)
                if d.__name__ != name:                      # an alias (next is __next__)
                    self.assertIn('%s = %s(...)' % (name, d.__name__), body, '%s.%s' % (what, name))
                    continue
                sig = declared.get(d.__name__)
                self.assertTrue(sig, '%s.%s has no @Python declaration' % (what, name))
                self.assertEqual(first_line(d.__doc__), sig, '%s.%s' % (what, name))
                self.assertIn('%s(...)\n |      %s' % (name, sig), body, '%s.%s' % (what, name))
            elif inspect.isdatadescriptor(d) and name != '__doc__':
                sections.add('Data descriptors %s:' % where)
                self.assertTrue(re.search(r'^ \|  %s$' % re.escape(name), body, re.M), '%s.%s' % (what, name))
                if d.__doc__:
                    self.assertNoMachinery(d.__doc__, '%s.%s' % (what, name))
        for section in sections:
            self.assertIn(section, body, what)

    def test_callables_have_the_builtin_kinds(self):
        self.assertTrue(type(nss.sha256_digest) is pytypes.BuiltinFunctionType)
        self.assertEqual(type(vars(nss.Certificate)['get_extension']).__name__, 'method_descriptor')
        self.assertEqual(type(vars(nss.Certificate)['subject']).__name__, 'getset_descriptor')
        self.assertTrue(isinstance(vars(io.Socket)['poll'], staticmethod))
        sock = ssl.SSLSocket(io.PR_AF_INET)
        try:
            self.assertTrue(type(sock.send) is pytypes.BuiltinMethodType)
            t = text(sock.send)
            self.assertIn('send(...)\n    send(', t)
            self.assertNoMachinery(t, 'sock.send')
        finally:
            sock.close()

    def test_docs_are_made_at_first_reading(self):
        # reading a docstring twice gives the same text; a type's __doc__ is also its instances'
        self.assertEqual(nss.Certificate.__doc__, nss.Certificate.__doc__)
        self.assertTrue(first_line(nss.Certificate.__doc__).startswith('Certificate('))
        self.assertEqual(nss.SecItem('a').__doc__, nss.SecItem.__doc__)
        self.assertRaises(AttributeError, setattr, nss.SecItem('a'), '__doc__', 'x')


def static_attr(t, name):
    for base in t.__mro__:
        if name in vars(base):
            return vars(base)[name]
    return getattr(t, name)


if __name__ == '__main__':
    unittest.main()
