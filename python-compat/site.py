"""Start-up of the pynss launcher (stands in for Jython's site module).

Jython's site.py imports os, which costs more than the rest of a short
python-nss script; this one sets up what scripts rely on without that:

* sys.platform / os.name answer as Linux / POSIX to user code, as under
  CPython, yet keep answering 'java' to the checks of Jython's own library;
* the exit, quit, help, copyright, credits and license built-ins;
* sys.executable is the pynss launcher, so scripts that start Python again
  start pynss;
* a per-user site directory (USER_SITE, as Python's user site: packages that
  `pynss -m pip install` puts there), searched after the standard library;
* `import six` works without set-up: when no six is on the path, the copy that
  Jython's bundled pip wheel carries is found in the last sys.path entry
  (BUNDLED), compiled at build time;
* a threading.Thread lets go of its target and arguments once its run()
  returns, as CPython's does, so that what a finished thread was given (an NSS
  context, a socket) is released with it: nss_shutdown() then succeeds where
  it does under python-nss. Jython's keeps them as long as the Thread object.
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


def _patch_os(os):
    os.name = _OSName('posix')


class _OnFirstImport(object):
    """Runs `first` (once) when one of `triggers` is first imported, before importing it.

    Patching a module at start-up would mean importing it then, which costs time:
    this hook waits until the program wants it.
    """

    def __init__(self, triggers, first):
        self.triggers = triggers
        self.first = first

    def find_module(self, fullname, path=None):
        if path is None and fullname in self.triggers:
            return self
        return None

    def load_module(self, fullname):
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        self.first()
        if fullname not in sys.modules:
            __import__(fullname)
        return sys.modules[fullname]


def _os_first():
    # Importing os at start-up would cost ~0.15 s. Jython's own start-up imports os before
    # warnings; that order matters (warnings -> linecache -> os -> a Java import that needs
    # warnings.warn), so os comes first when any of them is wanted.
    import os
    _patch_os(os)


def _plain_jython():
    # pip and ensurepip run with Jython's own platform answers (scripts/pynss sets this for
    # `-m pip`): their installers pick Jython's install schemes by os.name == 'java'
    registry = getattr(sys, 'registry', None)
    return registry is not None and registry.getProperty('pynss.plainjython') == 'true'


if sys.platform.startswith('java') and not _plain_jython():
    sys.platform = _Platform('linux2')
    if 'os' in sys.modules:
        _patch_os(sys.modules['os'])
    else:
        sys.meta_path.append(_OnFirstImport(('os', 'warnings', 'linecache'), _os_first))


def _patch_threading(threading):
    thread_class = getattr(threading, 'Thread', None)
    kept = getattr(thread_class, 'run', None)
    if kept is None or getattr(kept, '__module__', None) != 'threading':     # only Jython's own run()
        return

    def run(self):
        # CPython 2.7's Thread.run: the target and its arguments are dropped when it returns
        try:
            if self._target:
                self._target(*self._args, **self._kwargs)
        finally:
            for name in ('_target', '_args', '_kwargs'):
                self.__dict__.pop(name, None)

    run.__module__ = 'threading'
    run.__doc__ = kept.__doc__
    thread_class.run = run

    # threads from the launcher's pool of Java threads (org.jnss.python.PooledThread): starting and
    # ending a JVM thread costs ~0.2 ms of CPU, which a server starting one per connection paid each time
    new_thread = getattr(sys.modules.get('_pynss'), 'new_thread', None)
    if new_thread is not None and getattr(threading, '_newFunctionThread', None) is not None:
        threading._newFunctionThread = new_thread


if 'threading' in sys.modules:
    _patch_threading(sys.modules['threading'])
else:
    sys.meta_path.append(_OnFirstImport(('threading',), lambda: _patch_threading(__import__('threading'))))


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


def _user_base():
    # scripts/pynss passes ${PYTHONUSERBASE:-~/.local}; embedded use falls back to ~/.local
    registry = getattr(sys, 'registry', None)
    if registry is None:
        return None
    base = registry.getProperty('pynss.userbase')
    if not base:
        home = registry.getProperty('user.home')
        base = home and home + '/.local'
    if not base:
        return base
    # sys.path entries are str, as Jython's own. str() of the Java string would
    # load the codecs machinery (~0.15 s of every start); ASCII needs none of it.
    try:
        return base.encode('ascii')
    except UnicodeError:
        return base.encode('utf-8')


ENABLE_USER_SITE = not getattr(sys.flags, 'no_user_site', False)
USER_BASE = _user_base()
USER_SITE = USER_BASE and '%s/lib/jython%d.%d/site-packages' % ((USER_BASE,) + tuple(sys.version_info[:2]))


def getuserbase():
    """The base directory of the per-user installation scheme (as site.getuserbase)."""
    return USER_BASE


def getusersitepackages():
    """The per-user site-packages directory (as site.getusersitepackages)."""
    return USER_SITE


if ENABLE_USER_SITE and USER_SITE and USER_SITE not in sys.path:
    sys.path.append(USER_SITE)

# last on the path: the modules pynss provides when the user has not installed them
# (six: python-nss's examples and tests import it), laid out and compiled at build time
# in this directory beside site's own (scripts/precompile.py); inside the jar it is
# __pyclasspath__/pynss-bundled
BUNDLED = __file__.rsplit('/', 1)[0] + '/pynss-bundled' if '/' in __file__ else 'pynss-bundled'
sys.path.append(BUNDLED)
