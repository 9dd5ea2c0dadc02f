"""OCSP and PKIX settings of nss.nss (enable/disable_ocsp_checking, the cache,
failure mode, timeout, default responder, set/get_use_pkix_for_validation),
compared with the reference python-nss on a database made with certutil."""
import os
import shutil
import subprocess
import tempfile
import unittest

import difftest
from difftest import DiffTestCase, needs_reference

import nss.nss as nss
import nss.error as nss_error
from nss.error import NSPRError

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
CA = os.path.join(TOP, 'test-vectors', 'crl', 'ca.der')

# a database holding one CA certificate, nicknamed test_ca as in python-nss's own tests
START = r'''
import os, shutil, subprocess, tempfile
import nss.nss as nss
if nss.nss_is_initialized():
    nss.nss_shutdown()
db = tempfile.mkdtemp(prefix='jnss-ocsp-')
null = open(os.devnull, 'w')
subprocess.check_call(['certutil', '-N', '-d', 'sql:' + db, '--empty-password'], stdout=null, stderr=null)
subprocess.check_call(['certutil', '-A', '-d', 'sql:' + db, '-n', 'test_ca', '-t', 'CT,C,C', '-i', %r],
                      stdout=null, stderr=null)
nss.nss_init_read_write('sql:' + db)
certdb = nss.get_default_certdb()
''' % CA

END = r'''
out('shutdown', exc(nss.nss_shutdown))
if nss.nss_is_initialized():
    nss.nss_shutdown()
shutil.rmtree(db)
'''


def shutdown():
    if nss.nss_is_initialized():
        nss.nss_shutdown()


@needs_reference
class TestOcspDiff(DiffTestCase):

    def test_checking(self):
        self.assertSame(START + r'''
out(exc(nss.disable_ocsp_checking))
out(exc(nss.enable_ocsp_checking), exc(nss.enable_ocsp_checking), exc(nss.disable_ocsp_checking))
out(exc(nss.enable_ocsp_checking, certdb), exc(nss.disable_ocsp_checking, certdb=certdb))
out(exc(nss.disable_ocsp_checking, certdb))
out(exc(nss.enable_ocsp_checking, None), exc(nss.enable_ocsp_checking, 'db'), exc(nss.enable_ocsp_checking, certdb, 1))
''' + END)

    def test_cache_failure_mode_timeout(self):
        self.assertSame(START + r'''
out(exc(nss.set_ocsp_cache_settings, 100, 10, 20), exc(nss.set_ocsp_cache_settings, -1, 0, 0))
out(exc(nss.set_ocsp_cache_settings, 0, 0, 0), exc(nss.set_ocsp_cache_settings, -2, 0, 0))
out(exc(nss.set_ocsp_cache_settings, 1, 20, 10), exc(nss.set_ocsp_cache_settings, 1, 2))
out(exc(nss.set_ocsp_cache_settings, 'a', 1, 2), exc(nss.set_ocsp_cache_settings, max_cache_entries=1))
out(exc(nss.clear_ocsp_cache), exc(nss.clear_ocsp_cache, 1))
for mode in (nss.ocspMode_FailureIsVerificationFailure, nss.ocspMode_FailureIsNotAVerificationFailure, -1, 2, 'x'):
    out(mode, exc(nss.set_ocsp_failure_mode, mode))
for t in (10, 0, 2**31, 'ten', None, 1.5):
    out(t, exc(nss.set_ocsp_timeout, t))
out(exc(nss.set_ocsp_timeout, seconds=3))
''' + END)

    def test_default_responder(self):
        self.assertSame(START + r'''
out(exc(nss.enable_ocsp_default_responder))
out(exc(nss.set_ocsp_default_responder, certdb, 'http://foo.com:80/ocsp', 'invalid'))
out(exc(nss.set_ocsp_default_responder, certdb, 'http://foo.com:80/ocsp', 'test_ca'))
out(exc(nss.set_ocsp_default_responder, certdb, u'http://foo.com:80/ocsp', u'test_ca'))
out(exc(nss.enable_ocsp_default_responder), exc(nss.disable_ocsp_default_responder))
out(exc(nss.enable_ocsp_default_responder, certdb), exc(nss.disable_ocsp_default_responder, certdb))
out(exc(nss.disable_ocsp_default_responder), exc(nss.enable_ocsp_checking), exc(nss.enable_ocsp_default_responder))
out(exc(nss.disable_ocsp_checking))
out(exc(nss.set_ocsp_default_responder, None, 'u', 'test_ca'), exc(nss.set_ocsp_default_responder, certdb, 'u'))
''' + END)

    def test_pkix(self):
        self.assertSame(r'''
import nss.nss as nss
v = nss.get_use_pkix_for_validation()
out(v, type(v).__name__)
out(nss.set_use_pkix_for_validation(not v), nss.get_use_pkix_for_validation())
out(nss.set_use_pkix_for_validation(2), nss.set_use_pkix_for_validation(0), nss.get_use_pkix_for_validation())
out(exc(nss.set_use_pkix_for_validation, 'true'), exc(nss.set_use_pkix_for_validation, None))
out(exc(nss.set_use_pkix_for_validation), exc(nss.set_use_pkix_for_validation, flag=1), exc(nss.get_use_pkix_for_validation, 1))
nss.set_use_pkix_for_validation(v)
''')

    def test_before_init(self):
        # what python-nss does cleanly before NSS_Init (the others crash it, see below)
        self.assertSame(r'''
import nss.nss as nss
if nss.nss_is_initialized():
    nss.nss_shutdown()
out(exc(nss.enable_ocsp_checking), exc(nss.disable_ocsp_checking))
out(exc(nss.enable_ocsp_default_responder), exc(nss.disable_ocsp_default_responder))
out(exc(nss.set_ocsp_timeout, 10))
out(exc(nss.set_ocsp_failure_mode, -1), exc(nss.set_ocsp_failure_mode, 2))   # an unknown mode, refused first
''')


class TestOcsp(unittest.TestCase):

    def tearDown(self):
        shutdown()

    def test_crashes_of_python_nss_before_init(self):
        # python-nss 1.0.1 crashes here before NSS is initialized; an NSPRError instead
        shutdown()
        for f, args in ((nss.set_ocsp_cache_settings, (100, 10, 20)), (nss.set_ocsp_failure_mode, (0,)),
                        (nss.clear_ocsp_cache, ())):
            with self.assertRaises(NSPRError) as e:
                f(*args)
            self.assertEqual(e.exception.error_code, nss_error.SEC_ERROR_NOT_INITIALIZED)

    def test_stale_certdb(self):
        nss.nss_init_nodb()
        certdb = nss.get_default_certdb()
        nss.enable_ocsp_checking(certdb)
        nss.disable_ocsp_checking(certdb)
        nss.nss_shutdown()
        nss.nss_init_nodb()
        # the handle of a database NSS closed is never used
        self.assertRaises(NSPRError, nss.enable_ocsp_checking, certdb)
        self.assertRaises(NSPRError, nss.set_ocsp_default_responder, certdb, 'http://x', 'test_ca')

    def test_upstream_sequence(self):
        # the calls of python-nss's test_ocsp.py, on a database with test_ca
        db = tempfile.mkdtemp(prefix='jnss-ocsp-')
        try:
            null = open(os.devnull, 'w')
            subprocess.check_call(['certutil', '-N', '-d', 'sql:' + db, '--empty-password'], stdout=null, stderr=null)
            subprocess.check_call(['certutil', '-A', '-d', 'sql:' + db, '-n', 'test_ca', '-t', 'CT,C,C', '-i', CA],
                                  stdout=null, stderr=null)
            shutdown()
            nss.nss_init_read_write('sql:' + db)
            certdb = nss.get_default_certdb()
            nss.set_ocsp_cache_settings(100, 10, 20)
            nss.clear_ocsp_cache()
            self.assertRaises(TypeError, nss.set_ocsp_timeout, 'ten')
            nss.set_ocsp_timeout(10)
            nss.set_ocsp_failure_mode(nss.ocspMode_FailureIsVerificationFailure)
            nss.set_ocsp_failure_mode(nss.ocspMode_FailureIsNotAVerificationFailure)
            self.assertRaises(NSPRError, nss.set_ocsp_failure_mode, -1)
            self.assertRaises(NSPRError, nss.set_ocsp_default_responder, certdb, "http://foo.com:80/ocsp", 'invalid')
            nss.set_ocsp_default_responder(certdb, "http://foo.com:80/ocsp", 'test_ca')
            nss.enable_ocsp_default_responder()
            nss.disable_ocsp_default_responder()
            nss.enable_ocsp_default_responder(certdb)
            nss.disable_ocsp_default_responder(certdb)
            nss.enable_ocsp_checking()
            nss.disable_ocsp_checking()
            nss.enable_ocsp_checking(certdb)
            nss.disable_ocsp_checking(certdb)
            self.assertRaises(TypeError, nss.set_use_pkix_for_validation, 'true')
            value = nss.get_use_pkix_for_validation()
            self.assertIsInstance(value, bool)
            prev = nss.set_use_pkix_for_validation(not value)
            self.assertIsInstance(prev, bool)
            self.assertEqual(value, prev)
            self.assertEqual(nss.get_use_pkix_for_validation(), not value)
            self.assertEqual(nss.set_use_pkix_for_validation(value), not value)
            nss.nss_shutdown()
        finally:
            shutil.rmtree(db)


if __name__ == '__main__':
    unittest.main()
