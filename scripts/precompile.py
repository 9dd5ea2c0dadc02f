# Run by Jython at build time: compiles the `nss` package under the given
# classes directory to $py.class files, so importing it costs no parse.
import compileall
import sys

target = sys.argv[1]
ok = compileall.compile_dir(target + '/nss', quiet=1)
ok = compileall.compile_file(target + '/site.py', quiet=1) and ok
sys.exit(0 if ok else 1)
