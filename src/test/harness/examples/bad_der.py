"""Decodes a truncated certificate and lets the error end the script
(harness example: a traceback and exit status 1)."""
from __future__ import print_function
import sys
import nss.nss as nss

nss.nss_init_nodb()
print('decoding', len(sys.argv[1]) // 2, 'bytes')
sys.stdout.flush()
nss.Certificate(nss.SecItem(bytes(bytearray.fromhex(sys.argv[1]))))
