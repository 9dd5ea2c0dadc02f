"""Start-up of the pynss launcher (stands in for Jython's site module).

Jython's site.py imports os, which costs more than the rest of a short
python-nss script; this one sets up what scripts rely on without that:

* sys.platform / os.name answer as Linux / POSIX to user code, as under
  CPython, yet keep answering 'java' to the checks of Jython's own library;
* the exit, quit, help, copyright, credits and license built-ins;
* sys.executable is the pynss launcher, so scripts that start Python again
  start pynss.
"""
import sys
import __builtin__


class _Platform(str):
    """'linux2', which still starts with 'java' for Jython's library."""

    def startswith(self, prefix, *args):
        if isinstance(prefix, tuple):
            for p in prefix:
                if self.startswith(p, *args):
                    return True
            return False
        if not args and prefix == 'java':
            return True
        return str.startswith(self, prefix, *args)

    def __getslice__(self, i, j):
        if i == 0 and j == 4:
            return 'java'
        return str.__getslice__(self, i, j)


class _OSName(str):
    """'posix', which still compares equal to 'java' for Jython's library."""

    def __eq__(self, other):
        return other == 'java' or str.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return str.__hash__(self)


class _PatchOsOnImport(object):
    """Sets os.name when os is first imported (importing it now would cost ~0.15 s).

    Jython's warnings module imports os through linecache, and os imports
    warnings: that cycle only resolves when os comes first (Jython's own
    start-up imports os early). So a first import of warnings imports os
    before it.
    """

    def find_module(self, fullname, path=None):
        if fullname in ('os', 'warnings'):
            return self
        return None

    def load_module(self, fullname):
        sys.meta_path.remove(self)
        import os
        os.name = _OSName('posix')
        if fullname == 'warnings':
            import warnings
            return warnings
        return os


if sys.platform.startswith('java'):
    sys.platform = _Platform('linux2')
    if 'os' in sys.modules:
        sys.modules['os'].name = _OSName('posix')
    else:
        sys.meta_path.append(_PatchOsOnImport())


class _Quitter(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Use %s() or Ctrl-D (i.e. EOF) to exit' % self.name

    def __call__(self, code=None):
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


class _Helper(object):
    def __repr__(self):
        return 'Type help() for interactive help, or help(object) for help about object.'

    def __call__(self, *args, **kwds):
        import pydoc
        return pydoc.help(*args, **kwds)


class _Text(object):
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text

    def __call__(self):
        print(self.text)


__builtin__.exit = _Quitter('exit')
__builtin__.quit = _Quitter('quit')
__builtin__.help = _Helper()
__builtin__.copyright = _Text(getattr(sys, 'copyright', ''))
__builtin__.credits = _Text('Jython is maintained by the Jython developers (www.jython.org).')
__builtin__.license = _Text('See https://www.jython.org/license.html')
