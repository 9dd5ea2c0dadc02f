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
try:
    _text = unicode
except NameError:
    _text = str
def _brepr(b):
    # repr() of a byte string as Python 2 writes it, on either Python
    if not isinstance(b, str):
        b = b.decode('latin-1')
    q = '"' if ("'" in b and '"' not in b) else "'"
    out = []
    for ch in b:
        o = ord(ch)
        if ch == q or ch == '\\':
            out.append('\\' + ch)
        elif ch == '\t':
            out.append('\\t')
        elif ch == '\n':
            out.append('\\n')
        elif ch == '\r':
            out.append('\\r')
        elif o < 32 or o >= 127:
            out.append('\\x%02x' % o)
        else:
            out.append(ch)
    return q + ''.join(out) + q
def _py2(v):
    # text (unicode) and binary strings both print as the repr of their UTF-8 bytes;
    # ints and longs without an L
    if isinstance(v, _text):
        return _brepr(v.encode('utf-8'))
    if isinstance(v, bytes):
        return _brepr(v)
    if isinstance(v, bool) or v is None:
        return repr(v)
    if isinstance(v, int) or type(v).__name__ == 'long':
        return str(v)
    if isinstance(v, list):
        return '[' + ', '.join(_py2(x) for x in v) + ']'
    if isinstance(v, tuple):
        return '(' + ', '.join(_py2(x) for x in v) + (',' if len(v) == 1 else '') + ')'
    if isinstance(v, dict):
        return '{' + ', '.join(_py2(k) + ': ' + _py2(v[k]) for k in sorted(v, key=repr)) + '}'
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
