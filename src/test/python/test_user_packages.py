"""Pure-Python packages under pynss: six without set-up (the copy Jython's
bundled pip wheel carries), the per-user site directory (site.USER_SITE,
PYTHONUSERBASE, -s) and `pynss -m pip install` into it, offline."""
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
PYNSS = os.path.join(TOP, 'scripts', 'pynss')


def pynss(args, userbase=None):
    env = dict(os.environ)
    if userbase is not None:
        env['PYTHONUSERBASE'] = userbase
    env.pop('PIP_USER', None)
    p = subprocess.Popen([PYNSS] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = p.communicate()
    return p.returncode, out, err


class TestUserPackages(unittest.TestCase):

    def setUp(self):
        self.base = tempfile.mkdtemp(prefix='pynss-userbase-')
        self.site = os.path.join(self.base, 'lib', 'jython2.7', 'site-packages')

    def tearDown(self):
        shutil.rmtree(self.base, ignore_errors=True)

    def test_six_needs_no_set_up(self):
        script = os.path.join(self.base, 'uses_six.py')
        with open(script, 'w') as f:
            f.write('import sys, site, six\nimport six.moves.http_client as http_client\n'
                    'print six.PY2, six.text_type is unicode, http_client.__name__, six.__file__\n'
                    'print site.BUNDLED == sys.path[-1], six.__file__.startswith(site.BUNDLED + "/"), '
                    '"zipfile" in sys.modules, "ensurepip" in sys.modules\n')
        rc, out, err = pynss([script], self.base)
        self.assertEqual(rc, 0, err)
        words = out.split()
        self.assertEqual(words[:3], ['True', 'True', 'httplib'])
        # the copy compiled at build time, last on the path; nothing unpacked at run time
        self.assertTrue(words[3].endswith('/pynss-bundled/six$py.class'), out)
        self.assertEqual(words[4:], ['True', 'True', 'False', 'False'], out)

    def test_user_site_is_searched_and_wins_over_the_bundled_six(self):
        os.makedirs(self.site)
        with open(os.path.join(self.site, 'six.py'), 'w') as f:
            f.write('WHERE = "user site"\n')
        rc, out, err = pynss(['-c', 'import site, sys, six; print six.WHERE, site.USER_SITE == sys.path[-2], '
                                    'site.getusersitepackages() == site.USER_SITE, site.getuserbase()'], self.base)
        self.assertEqual((rc, out.strip()), (0, 'user site True True %s' % self.base), err)
        # -s: no user site, as python -s
        rc, out, err = pynss(['-s', '-c', 'import site, sys; print site.USER_SITE in sys.path, site.ENABLE_USER_SITE'],
                             self.base)
        self.assertEqual((rc, out.strip()), (0, 'False False'), err)

    def test_imports_past_the_last_entry_load_nothing(self):
        # every import no other entry satisfies (a Java package, a missing module) reaches the
        # bundled entry last; a directory without __init__.py on the way would raise Jython's
        # ImportWarning, which imports warnings (and os, linecache: ~0.1 s)
        rc, out, err = pynss(['-c', 'import sys, site, org.jnss\n'
                                    'try:\n    import no_such_module_here\nexcept ImportError:\n    pass\n'
                                    'print "warnings" in sys.modules, "os" in sys.modules, '
                                    'site.BUNDLED == sys.path[-1]'], self.base)
        self.assertEqual((rc, out.split()), (0, ['False', 'False', 'True']), err)

    def test_pip_installs_into_the_user_site(self):
        # a local source directory (no network): pip comes from Jython's ensurepip on first use
        src = os.path.join(self.base, 'src')
        os.makedirs(os.path.join(src, 'jnss_probe_pkg'))
        with open(os.path.join(src, 'setup.py'), 'w') as f:
            f.write('from setuptools import setup\n'
                    'setup(name="jnss-probe-pkg", version="1.0", packages=["jnss_probe_pkg"])\n')
        with open(os.path.join(src, 'jnss_probe_pkg', '__init__.py'), 'w') as f:
            f.write('ANSWER = 42\n')
        rc, out, err = pynss(['-m', 'pip', 'install', '--no-index', src], self.base)
        self.assertEqual(rc, 0, out + err)
        self.assertIn('Successfully installed jnss-probe-pkg-1.0', out)
        self.assertTrue(os.path.isdir(os.path.join(self.site, 'jnss_probe_pkg')), out + err)
        rc, out, err = pynss(['-c', 'import jnss_probe_pkg; print jnss_probe_pkg.ANSWER'], self.base)
        self.assertEqual((rc, out.strip()), (0, '42'), err)


if __name__ == '__main__':
    unittest.main()
