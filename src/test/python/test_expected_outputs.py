"""pynss prints, for every test-vector certificate, exactly what the reference
python-nss printed when scripts/make-expected-outputs.py saved its output in
test-vectors/expected/ (runs without the reference installed)."""
import glob
import io
import os
import unittest

import difftest
import vector_outputs

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'test-vectors'))
EXPECTED = sorted(glob.glob(os.path.join(VECTORS, 'expected', '*.txt')))


class TestExpectedOutputs(unittest.TestCase):
    maxDiff = None

    def test_every_vector_has_expected_output(self):
        certs = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(VECTORS, 'certs', '*.der')))
        saved = sorted(os.path.basename(p)[:-4] for p in EXPECTED)
        self.assertEqual(saved, certs, 'rerun scripts/make-expected-outputs.py')

    def test_outputs(self):
        self.assertTrue(EXPECTED)
        cwd = os.getcwd()
        os.chdir(VECTORS)
        try:
            for path in EXPECTED:
                name = os.path.basename(path)[:-4]
                with io.open(path, encoding='utf-8') as f:
                    expected = f.read()
                here = difftest.run_here(vector_outputs.vector_snippet(os.path.join('certs', name + '.der')))
                if isinstance(here, str):
                    here = here.decode('utf-8', 'replace')
                self.assertEqual(here.splitlines(), expected.splitlines(), 'output differs from %s' % path)
        finally:
            os.chdir(cwd)


if __name__ == '__main__':
    unittest.main()
