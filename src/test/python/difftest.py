"""Differential testing against the reference python-nss.

compare(code) runs the same snippet under the reference (python3-nss at
/usr/bin/python3) and in this process (pynss), and returns both outputs.
Snippets are written to run on Python 2 and 3: print through out(), which
renders values the way Python 2 prints them (binary data as str, no b''), so
that both sides produce comparable text.
"""
from __future__ import print_function

import os
import subprocess
import sys
import unittest

REFERENCE = os.environ.get('PYNSS_REFERENCE_PYTHON', '/usr/bin/python3')

_PRELUDE = r'''
import sys
def _text_repr(s):
    # Python 2's repr of str: \xhh escapes, no u prefix
    if sys.version_info[0] >= 3:
        return ascii(s)
    r = repr(s)
    return r[1:] if r[:1] == 'u' else r
def _py2(v):
    if isinstance(v, bytes) and not isinstance(v, str):
        return _text_repr(v.decode('latin-1'))
    if isinstance(v, str) or type(v).__name__ == 'unicode':
        return _text_repr(v)
    if isinstance(v, list):
        return '[' + ', '.join(_py2(x) for x in v) + ']'
    if isinstance(v, tuple):
        return '(' + ', '.join(_py2(x) for x in v) + (',' if len(v) == 1 else '') + ')'
    if isinstance(v, dict):
        return '{' + ', '.join(_py2(k) + ': ' + _py2(v[k]) for k in sorted(v, key=repr)) + '}'
    if isinstance(v, int) or type(v).__name__ == 'long':
        return str(v)   # no 'L': Jython's int is 32 bits, CPython 2's is 64
    return repr(v)
def out(*vals):
    sys.stdout.write(' '.join(_py2(v) for v in vals) + '\n')
def exc(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        cls = type(e).__name__
        if hasattr(e, 'error_code'):
            return 'EXC %s %s' % (cls, e.error_code)
        return 'EXC %s' % cls
    return r
'''

_available = None


def reference_available():
    global _available
    if _available is None:
        try:
            rc = subprocess.call([REFERENCE, '-c', 'import nss.nss'],
                                 stdout=open(os.devnull, 'w'), stderr=subprocess.STDOUT)
            _available = rc == 0
        except OSError:
            _available = False
    return _available


def needs_reference(cls_or_fn):
    return unittest.skipUnless(reference_available(),
                               'reference python-nss (%s) not installed' % REFERENCE)(cls_or_fn)


def run_reference(code):
    p = subprocess.Popen([REFERENCE, '-c', _PRELUDE + code], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    o, e = p.communicate()
    if p.returncode != 0:
        raise AssertionError('reference failed (%d):\n%s\n%s' % (p.returncode, code, e.decode('utf-8', 'replace')))
    return o.decode('utf-8', 'replace')


def run_here(code):
    from StringIO import StringIO
    buf = StringIO()
    saved = sys.stdout
    sys.stdout = buf
    try:
        exec(compile(_PRELUDE + code, '<difftest>', 'exec'), {'__name__': '__difftest__'})
    finally:
        sys.stdout = saved
    return buf.getvalue()


class DiffTestCase(unittest.TestCase):
    maxDiff = None
    longMessage = True      # show the differing lines, not only the snippet

    def assertSame(self, code):
        """The snippet prints the same lines under the reference and here."""
        ref = run_reference(code)
        here = run_here(code)
        if isinstance(here, str):
            here = here.decode('utf-8', 'replace')
        self.assertEqual(here.splitlines(), ref.splitlines(), 'output differs for:\n' + code)
