"""Timing helper shared by the benchmark scripts (runs under python-nss and pynss)."""
import time


def rate(fn, min_seconds):
    """Calls fn repeatedly for at least min_seconds (doubling the count); returns calls per second."""
    n = 1
    while True:
        t0 = time.time()
        for _ in range(n):
            fn()
        dt = time.time() - t0
        if dt >= min_seconds:
            return n / dt
        n *= 2
