"""Per-call cost of small calls: a 64-byte digest and typical getters (certificate
subject and serial number, SecItem access), certificate decoding and rendering.
Runnable under python-nss (CPython) and pynss alike; prints name, value, unit.

    scripts/bench scripts/bench_calls.py [seconds]
"""
from __future__ import print_function

import os
import sys

import nss.nss as nss

from benchlib import figure, per_call_us, peak_rss_mib

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    nss.nss_init_nodb()
    small = b'x' * 64
    der = nss.read_der_from_file(os.path.join(HERE, '..', 'test-vectors', 'certs', 'server.der'))
    cert = nss.Certificate(der)
    item = nss.SecItem(b'z' * 32)

    figure('sha256_digest(64 B)', per_call_us(lambda: nss.sha256_digest(small), seconds), 'us/call', '%.3f')
    figure('cert.subject', per_call_us(lambda: cert.subject, seconds), 'us/call', '%.3f')
    figure('cert.serial_number', per_call_us(lambda: cert.serial_number, seconds), 'us/call', '%.3f')
    figure('SecItem.data', per_call_us(lambda: item.data, seconds), 'us/call', '%.3f')
    figure('len(SecItem)', per_call_us(lambda: len(item), seconds), 'us/call', '%.3f')
    figure('SecItem[0]', per_call_us(lambda: item[0], seconds), 'us/call', '%.3f')
    figure('Certificate(der)', per_call_us(lambda: nss.Certificate(der), seconds), 'us/call', '%.2f')
    figure('str(certificate)', per_call_us(lambda: str(cert), seconds), 'us/call', '%.1f')
    figure('peak RSS (calls)', peak_rss_mib(), 'MiB')


if __name__ == '__main__':
    main()
    nss.nss_shutdown()
