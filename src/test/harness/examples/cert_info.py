"""Prints the main fields of a PEM certificate (harness example: plain output)."""
from __future__ import print_function
import sys
import nss.nss as nss

nss.nss_init_nodb()
with open(sys.argv[1]) as f:
    cert = nss.Certificate(nss.base64_to_binary(f.read()))
print('subject:', cert.subject)
print('issuer: ', cert.issuer)
print('serial: ', cert.serial_number)
print('sha256: ', nss.data_to_hex(nss.sha256_digest(cert.der_data), separator=':'))
# bits no flag names: python-nss under Python 3 prints them differently (normalised)
print('flags:  ', nss.key_usage_flags(0x401))
