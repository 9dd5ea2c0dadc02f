"""Every name of python-nss 1.0.1's API exists here, of the same kind, and every
constant has the reference's value (inventory: test-vectors/reference)."""
import imp
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
coverage = imp.load_source('api_coverage', os.path.join(TOP, 'scripts', 'api-coverage.py'))


class TestApiSurface(unittest.TestCase):

    def test_every_name_and_constant(self):
        counts, const_ok, const_total, missing = coverage.check(coverage.DEFAULT)
        self.assertEqual(missing, [])
        self.assertEqual(sorted(counts), ['nss.error', 'nss.io', 'nss.nss', 'nss.ssl'])
        self.assertEqual(sum(c[1] for c in counts.values()), 2052)
        self.assertEqual((const_ok, const_total), (1419, 1419))

    def test_kinds(self):
        import importlib
        wrong = []
        for modname, name, kind, value in coverage.rows(coverage.DEFAULT):
            module = importlib.import_module(modname)
            obj = coverage.lookup(module, name, kind)
            if kind == 'class':
                ok = isinstance(obj, type)
            elif kind in ('function', 'method', 'special', 'staticmethod'):
                ok = callable(obj)
            elif kind == 'property':
                ok = not callable(obj) and not isinstance(obj, type)
            else:
                ok = True
            if not ok:
                wrong.append((modname, name, kind, type(obj).__name__))
        self.assertEqual(wrong, [])


if __name__ == '__main__':
    unittest.main()
