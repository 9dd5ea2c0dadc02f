#!/usr/bin/env python3
"""make-expected-outputs.py: saves what the reference python-nss (python3-nss)
prints for each test-vector certificate into test-vectors/expected/NAME.txt:
str(), format(), format_lines(), names and their parts, fingerprints, validity,
extensions and their decoded types (the snippets of
src/test/python/vector_outputs.py, printed the way Python 2 prints them).
test_expected_outputs.py compares pynss with these files, so the comparison
runs where the reference is not installed. Rerun it whenever the vectors are
regenerated (scripts/make-test-vectors.sh calls it).

Usage: scripts/make-expected-outputs.py [test-vectors-dir]
Environment: PYNSS_REFERENCE_PYTHON (default /usr/bin/python3).
"""
import glob
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, 'src', 'test', 'python'))

import difftest  # noqa: E402
import vector_outputs  # noqa: E402


def main():
    vectors = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, 'test-vectors')
    if not difftest.reference_available():
        sys.stderr.write('make-expected-outputs: the reference python-nss is not installed (%s -c "import nss.nss" '
                         'fails); apt-get install python3-nss\n' % difftest.REFERENCE)
        return 1
    out_dir = os.path.join(vectors, 'expected')
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    for old in glob.glob(os.path.join(out_dir, '*.txt')):
        os.remove(old)
    certs = sorted(glob.glob(os.path.join(vectors, 'certs', '*.der')))
    for path in certs:
        name = os.path.basename(path)[:-len('.der')]
        # the snippet names the file relative to the vectors directory, so outputs do not depend on where it is
        text = difftest.run_reference('import os\nos.chdir(%r)\n' % vectors
                                      + vector_outputs.vector_snippet(os.path.join('certs', name + '.der')))
        with open(os.path.join(out_dir, name + '.txt'), 'w', encoding='utf-8') as f:
            f.write(text)
    sys.stderr.write('expected outputs of %d certificates written to %s\n' % (len(certs), out_dir))
    return 0


if __name__ == '__main__':
    sys.exit(main())
