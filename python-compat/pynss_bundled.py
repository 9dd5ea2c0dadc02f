"""Modules pynss provides when the user has not installed them.

The last entry of pynss's sys.path ('__pynss_bundled__') is served by this
finder, so an installed copy (user site, JYTHONPATH) always wins. It provides:

* ``six``: the copy that Jython's bundled pip wheel vendors
  (``ensurepip/_bundled/pip-*.whl``, ``pip/_vendor/six.py``), read from the
  wheel inside the Jython jar when first imported. python-nss's own examples
  import six; nothing needs installing for them.
"""
import sys

_SOURCES = {'six': 'pip/_vendor/six.py'}


def _pip_wheel():
    """The bytes of the pip wheel that Jython's ensurepip carries."""
    import pkgutil
    import ensurepip
    for project, version in ensurepip._PROJECTS:
        if project == 'pip':
            name = '_bundled/pip-%s-py2.py3-none-any.whl' % version
            return name, pkgutil.get_data('ensurepip', name)
    raise ImportError('Jython has no bundled pip wheel')


class Finder(object):
    """PEP 302 finder and loader for the bundled modules."""

    def find_module(self, fullname, path=None):
        return self if fullname in _SOURCES else None

    def load_module(self, fullname):
        if fullname in sys.modules:
            return sys.modules[fullname]
        import imp
        import io
        import zipfile
        wheel, data = _pip_wheel()
        member = _SOURCES[fullname]
        source = zipfile.ZipFile(io.BytesIO(data)).read(member)
        module = imp.new_module(fullname)
        module.__file__ = 'ensurepip/%s/%s' % (wheel, member)
        module.__loader__ = self
        sys.modules[fullname] = module
        try:
            exec(compile(source, module.__file__, 'exec'), module.__dict__)
        except BaseException:
            del sys.modules[fullname]
            raise
        return sys.modules[fullname]
