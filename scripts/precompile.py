# Run by Jython at build time: compiles the `nss` package and site.py under the given
# classes directory to $py.class files, so importing them costs no parse, then copies
# them to the given Python directory, the module path scripts/pynss gives Jython.
# That directory holds nothing else: on a path entry that also held the Java classes,
# the first import of a Java package (org.jnss...) finds a directory without
# __init__.py, and Jython's ImportWarning about it imports the warnings module (and
# os, linecache, types: ~0.1 s) before the filter drops it.
#
# With a third argument, Jython's Lib/ beside its jar, it compiles the modules there that the
# build changed (org.jnss.python.RuntimeLayout).
#
# It also lays out the bundled modules (BUNDLED below, site.py appends it last to
# sys.path): six, which python-nss's examples and tests import, taken from the pip wheel
# that Jython's ensurepip carries and compiled here. Read from the wheel at each import,
# `import six` cost 1-2 s (the wheel unzipped, six compiled from source).
import compileall
import io
import os
import pkgutil
import shutil
import sys
import zipfile

import ensurepip

BUNDLED = 'pynss-bundled'
# module file -> its path inside the pip wheel
BUNDLED_SOURCES = {'six.py': 'pip/_vendor/six.py'}


def lay_out_bundled(directory):
    """Writes the bundled modules' sources into directory."""
    version = dict(ensurepip._PROJECTS)['pip']
    wheel = pkgutil.get_data('ensurepip', '_bundled/pip-%s-py2.py3-none-any.whl' % version)
    members = zipfile.ZipFile(io.BytesIO(wheel))
    if os.path.isdir(directory):
        shutil.rmtree(directory)
    os.makedirs(directory)
    for name, member in sorted(BUNDLED_SOURCES.items()):
        with open(os.path.join(directory, name), 'wb') as f:
            f.write(members.read(member))


def compile_lib_changes(lib):
    """Compiles the modules of Jython's Lib/ that the build changed (RuntimeLayout lists them in
    Lib/.jnss-extracted and removed their compiled classes): readable by everyone, as the rest of
    Lib/ is."""
    ok = True
    with open(os.path.join(lib, '.jnss-extracted')) as f:
        changed = [line.strip() for line in f if line.strip()]
    for module in changed:
        source = os.path.join(lib, module)
        compiled = source[:-3] + '$py.class'
        if os.path.exists(source) and not os.path.exists(compiled):
            ok = compileall.compile_file(source, quiet=1) and ok
            if os.path.exists(compiled):
                os.chmod(compiled, 0o644)
    return ok


classes, python = sys.argv[1], sys.argv[2]
lay_out_bundled(os.path.join(classes, BUNDLED))
ok = compileall.compile_dir(classes + '/nss', quiet=1)
ok = compileall.compile_dir(os.path.join(classes, BUNDLED), quiet=1) and ok
ok = compileall.compile_file(classes + '/site.py', quiet=1) and ok
if os.path.isdir(python):
    shutil.rmtree(python)
os.makedirs(python)
for name in ('nss', BUNDLED):
    shutil.copytree(os.path.join(classes, name), os.path.join(python, name))
for suffix in ('.py', '$py.class'):
    shutil.copy2(classes + '/site' + suffix, python + '/site' + suffix)
if len(sys.argv) > 3:
    ok = compile_lib_changes(sys.argv[3]) and ok
sys.exit(0 if ok else 1)
