# Run by Jython at build time: compiles the `nss` package, site.py and pynss_bundled.py under the given
# classes directory to $py.class files, so importing them costs no parse, then copies
# them to the given Python directory, the module path scripts/pynss gives Jython.
# That directory holds nothing else: on a path entry that also held the Java classes,
# the first import of a Java package (org.jnss...) finds a directory without
# __init__.py, and Jython's ImportWarning about it imports the warnings module (and
# os, linecache, types: ~0.1 s) before the filter drops it.
import compileall
import os
import shutil
import sys

classes, python = sys.argv[1], sys.argv[2]
ok = compileall.compile_dir(classes + '/nss', quiet=1)
for name in ('site', 'pynss_bundled'):
    ok = compileall.compile_file(classes + '/' + name + '.py', quiet=1) and ok
if os.path.isdir(python):
    shutil.rmtree(python)
os.makedirs(python)
shutil.copytree(classes + '/nss', python + '/nss')
for name in ('site', 'pynss_bundled'):
    for suffix in ('.py', '$py.class'):
        shutil.copy2(classes + '/' + name + suffix, python + '/' + name + suffix)
sys.exit(0 if ok else 1)
