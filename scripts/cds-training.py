# A short, representative run whose loaded classes go into the CDS archive
# that makes pynss start fast (see scripts/pynss).
import os
import sys
import nss.error
import nss.io
import nss.ssl
import nss.nss as nss

# the posix module binds libc at its first call that needs it (logging calls os.getpid() for
# every record, tempfile for its names): the binding's classes belong in the archive
os.getpid()

nss.nss_init_nodb()
nss.sha256_digest('abc')
nss.data_to_hex(nss.sha1_digest('abc'))
try:
    nss.oid_str('no such oid')
except Exception:
    pass
nss.nss_shutdown()
