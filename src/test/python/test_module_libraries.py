"""NSS's module libraries (the software token and its crypto library) stay loaded from
NSS's second initialisation on, so that starting and stopping NSS again does not load
them again (org.jnss.nss.NssRuntime.keepModules); NSS works after every cycle. A module
of its own: it needs a process whose earlier tests hold no NSS references that would keep
the libraries loaded anyway."""
import unittest

import nss.nss as nss
from org.jnss.natives import LibC


def down():
    while nss.nss_is_initialized():
        nss.nss_shutdown()


class TestModuleLibraries(unittest.TestCase):

    def test_loaded_from_the_second_initialisation(self):
        down()
        for i in range(3):
            nss.nss_init_nodb()
            self.assertEqual(nss.data_to_hex(nss.sha256_digest(b'abc'))[:8], 'ba:78:16')
            nss.nss_shutdown()
        self.assertFalse(nss.nss_is_initialized())
        # keepLoaded answers (and keeps) only a library the process has loaded
        self.assertTrue(LibC.keepLoaded('libsoftokn3.so'))
        self.assertTrue(LibC.keepLoaded('libfreeblpriv3.so'))
        self.assertFalse(LibC.keepLoaded('libno-such-library.so'))
        # and NSS starts again over them
        nss.nss_init_nodb()
        self.assertEqual(len(nss.md5_digest(b'x')), 16)
        nss.nss_shutdown()


if __name__ == '__main__':
    unittest.main()
