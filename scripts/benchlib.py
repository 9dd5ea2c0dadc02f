"""Timing helpers shared by the benchmark scripts (they run under python-nss and pynss alike).

Every benchmark prints one line per figure: name TAB value TAB unit.
"""
from __future__ import print_function

import time

# counts(n): 0..n-1 without a list, for counted loops (a list of 100,000 ints lives through
# several young collections under the JVM and is promoted, which the reference does not pay)
try:
    counts = xrange         # Python 2 (pynss): range(n) would build a list of n ints
except NameError:
    counts = range          # Python 3: range is lazy


def rate(fn, min_seconds):
    """Calls fn repeatedly for at least min_seconds (doubling the count); returns calls per second."""
    n = 1
    while True:
        t0 = time.time()
        for _ in counts(n):
            fn()
        dt = time.time() - t0
        if dt >= min_seconds:
            return n / dt
        n *= 2


def per_call_us(fn, min_seconds):
    """Microseconds per call of fn, after one warm-up round of the same length (JIT)."""
    rate(fn, min_seconds)
    return 1e6 / rate(fn, min_seconds)


def figure(name, value, unit, fmt='%.0f'):
    print(('%s\t' + fmt + '\t%s') % (name, value, unit))


def _status(field):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(field + ':'):
                return int(line.split()[1])
    return 0


def rss_mib():
    """Resident set size of this process now, in MiB."""
    return _status('VmRSS') / 1024.0


def peak_rss_mib():
    """Largest resident set size of this process so far, in MiB."""
    return _status('VmHWM') / 1024.0


def cpu_seconds():
    """User + system CPU time of this process (all threads) so far."""
    with open('/proc/self/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100.0
