"""A small python-nss script: runs unmodified under CPython's python-nss and under pynss."""
import sys

import nss.nss as nss
from nss.error import NSPRError

nss.nss_init_nodb()
print "NSS version:", nss.nss_get_version()
print "platform:", sys.platform

data = "The quick brown fox jumps over the lazy dog"
print "sha256:", nss.data_to_hex(nss.sha256_digest(data), separator=None)

ctx = nss.create_digest_context(nss.SEC_OID_SHA1)
ctx.digest_begin()
for word in data.split():
    ctx.digest_op(word)
print "sha1 of the words:", nss.data_to_hex(ctx.digest_final())
print "oid:", nss.oid_str(nss.SEC_OID_SHA256), nss.oid_dotted_decimal("sha256")

try:
    nss.oid_str(12345678)
except NSPRError, e:
    print "caught NSPRError:", e.errno, e.strerror

del ctx
nss.nss_shutdown()
print "initialized after shutdown:", nss.nss_is_initialized()
