"""Seeded mutations of DER certificates, for the fuzz tests (Python 2 and 3).

Mutations: byte flips, special bytes, truncation, deletion, insertion,
duplicated chunks, corrupted length octets, and (most often) bytes changed
inside an extension's value, which keeps the outer DER valid so that NSS
accepts the certificate and the formatters get corrupted extension data.
"""
import random

KINDS = ('flip', 'special', 'truncate', 'delete', 'insert', 'duplicate', 'length', 'extension', 'extension-length')


def _ext_values(data):
    """(start, end) of the contents of the OCTET STRINGs holding X.509v3 extension values."""
    spans = []
    i = 0
    n = len(data)
    while True:
        i = data.find(b'\x06\x03\x55\x1d', i)
        if i < 0 or i + 5 >= n:
            break
        j = i + 5
        if data[j:j + 3] == b'\x01\x01\xff':
            j += 3
        if j + 2 <= n and data[j] == 0x04:
            ln = data[j + 1]
            start = j + 2
            if ln & 0x80:
                k = ln & 0x7f
                if k == 0 or k > 2 or start + k > n:
                    i += 1
                    continue
                ln = 0
                for b in data[start:start + k]:
                    ln = (ln << 8) | b
                start += k
            if 0 < ln and start + ln <= n:
                spans.append((start, start + ln))
        i += 1
    return spans


def mutate(rng, base):
    """One mutant of base (bytes): (kind, bytes)."""
    data = bytearray(base)
    n = len(data)
    spans = _ext_values(data)
    r = rng.random()
    if spans and r < 0.45:
        start, end = rng.choice(spans)
        if rng.random() < 0.25 and end - start > 2:
            # a length octet inside the extension value
            pos = rng.randrange(start, min(end, start + 8))
            data[pos] = rng.choice([0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xff, (data[pos] + 1) & 0xff])
            return 'extension-length', bytes(data)
        for _ in range(rng.randrange(1, 4)):
            pos = rng.randrange(start, end)
            data[pos] = rng.randrange(256)
        return 'extension', bytes(data)
    kind = KINDS[rng.randrange(7)]
    if kind == 'flip':
        for _ in range(rng.randrange(1, 5)):
            pos = rng.randrange(n)
            data[pos] ^= rng.randrange(1, 256)
    elif kind == 'special':
        data[rng.randrange(n)] = rng.choice([0x00, 0xff, 0x80, 0x7f, 0x30, 0x31, 0x04, 0x03, 0x06])
    elif kind == 'truncate':
        data = data[:rng.randrange(n)]
    elif kind == 'delete':
        pos = rng.randrange(n)
        del data[pos:pos + rng.randrange(1, 17)]
    elif kind == 'insert':
        pos = rng.randrange(n)
        data[pos:pos] = bytearray(rng.randrange(256) for _ in range(rng.randrange(1, 17)))
    elif kind == 'duplicate':
        pos = rng.randrange(n)
        chunk = data[pos:pos + rng.randrange(1, 65)]
        at = rng.randrange(n)
        data[at:at] = chunk
    elif kind == 'length':
        candidates = [i for i in range(n - 1) if data[i] in (0x30, 0x31, 0x04, 0x03, 0x02, 0x06, 0x0c, 0x13, 0xa0, 0xa3)]
        pos = rng.choice(candidates) + 1 if candidates else rng.randrange(n)
        data[pos] = rng.choice([0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0xff,
                                (data[pos] + 1) & 0xff, (data[pos] - 1) & 0xff])
    return kind, bytes(data)


def _header(data, pos):
    """(header length, content length) of the DER TLV at pos, or None."""
    if pos + 2 > len(data):
        return None
    ln = data[pos + 1]
    if ln < 0x80:
        return 2, ln
    k = ln & 0x7f
    if k == 0 or k > 3 or pos + 2 + k > len(data):
        return None
    v = 0
    for b in data[pos + 2:pos + 2 + k]:
        v = (v << 8) | b
    return 2 + k, v


def unique_serial(der, n):
    """der with its serial number's octets replaced by ones derived from n (same length).

    NSS refuses a certificate whose issuer and serial number are those of a
    certificate it holds with other contents; giving each mutant its own serial
    number keeps the mutants independent of what earlier ones left alive.
    """
    data = bytearray(der)
    h = _header(data, 0)                     # Certificate SEQUENCE
    if not h or data[0] != 0x30:
        return der
    pos = h[0]
    h = _header(data, pos)                   # TBSCertificate SEQUENCE
    if not h or data[pos] != 0x30:
        return der
    pos += h[0]
    if data[pos:pos + 1] == b'\xa0':          # [0] version
        h = _header(data, pos)
        if not h:
            return der
        pos += h[0] + h[1]
    h = _header(data, pos)
    if not h or data[pos] != 0x02 or pos + h[0] + h[1] > len(data) or h[1] == 0:
        return der
    start, length = pos + h[0], h[1]
    value = n + 1
    for k in range(length - 1, -1, -1):
        data[start + k] = value & 0xff
        value >>= 8
    data[start] = (data[start] & 0x7f) or 0x01
    return bytes(data)


def mutants(seed, bases, count):
    """count mutants of the base certificates, reproducible from seed: (index, kind, der)."""
    rng = random.Random(seed)
    for i in range(count):
        base = unique_serial(bases[rng.randrange(len(bases))], i)
        kind, der = mutate(rng, base)
        yield i, kind, der
