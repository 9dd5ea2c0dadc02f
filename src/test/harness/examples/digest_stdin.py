"""Digests its standard input (harness example: --stdin)."""
from __future__ import print_function
import sys
import nss.nss as nss

nss.nss_init_nodb()
data = getattr(sys.stdin, 'buffer', sys.stdin).read()
print(len(data), 'bytes')
print('md5:   ', nss.data_to_hex(nss.md5_digest(data), separator=':'))
print('sha256:', nss.data_to_hex(nss.sha256_digest(data), separator=''))
