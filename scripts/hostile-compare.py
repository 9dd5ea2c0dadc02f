"""Compares two --out files of scripts/hostile.py (pynss's and the reference's):
counts of each class of difference, and the entry points behind each class.

  hostile-compare.py OURS REFERENCE [--list CLASS] [--top N]

Classes: same; reference-crash / reference-hang (python-nss died, pynss answered);
ours-raises (pynss raises, python-nss returns), ours-returns (the reverse);
exception-class (both raise, different classes); nspr-code (both NSPRError,
different codes); value (both return, different values). Calls whose
arguments include a byte string and where python-nss (Python 3) raises
TypeError, or that differ only in how Python 2 and 3 treat text, are counted
apart as py3-text: the target is python-nss under Python 2.
"""
from __future__ import print_function

import sys


def load(path):
    d = {}
    with open(path) as f:
        for line in f:
            state, i, desc, out = line.rstrip('\n').split('\t', 3)
            d[(state, int(i))] = (desc, out)
    return d


def entry(desc):
    return desc.split('(')[0].split(' = ')[0]


def klass(ours, ref, desc):
    if ours == ref:
        return 'same'
    if ref.startswith('CRASH'):
        return 'reference-crash'
    if ref == 'HANG':
        return 'reference-hang'
    if ours.startswith('CRASH') or ours == 'HANG':
        return 'ours-' + ours.split(' ')[0].lower()
    if ours == 'skip' or ref == 'skip':
        return 'object-missing'
    texty = "b'" in desc or "u'" in desc
    if texty and (ref.startswith('exc TypeError') or ours.startswith('exc TypeError')
                  or ref.startswith('exc UnicodeDecodeError')):
        return 'py3-text'
    if ours.startswith('exc') and ref.startswith('ok'):
        return 'ours-raises'
    if ours.startswith('ok') and ref.startswith('exc'):
        return 'ours-returns'
    if ours.startswith('exc') and ref.startswith('exc'):
        if ours.split(' ')[1] != ref.split(' ')[1]:
            return 'exception-class'
        return 'nspr-code'
    return 'value'


def main(argv):
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument('ours')
    ap.add_argument('reference')
    ap.add_argument('--list', default=None, help='print the calls of this class')
    ap.add_argument('--top', type=int, default=15)
    args = ap.parse_args(argv)
    ours, ref = load(args.ours), load(args.reference)
    counts = {}
    per_entry = {}
    for key in sorted(set(ours) & set(ref)):
        desc, o = ours[key]
        r = ref[key][1]
        k = klass(o, r, desc)
        counts[k] = counts.get(k, 0) + 1
        per_entry.setdefault(k, {}).setdefault(entry(desc), []).append((key[0], desc, o, r))
        if args.list == k:
            print('%s\t%s\tours: %s\treference: %s' % (key[0], desc, o, r[:200]))
    if args.list:
        return 0
    print('calls compared: %d' % sum(counts.values()))
    for k in sorted(counts, key=lambda k: -counts[k]):
        entries = per_entry[k]
        print('%-16s %7d calls, %4d entry points' % (k, counts[k], len(entries)))
        if k in ('same',):
            continue
        for e in sorted(entries, key=lambda e: -len(entries[e]))[:args.top]:
            state, desc, o, r = entries[e][0]
            print('    %5d %-50s e.g. [%s] %s: ours %s / ref %s' % (len(entries[e]), e, state, desc[:60], o[:50], r[:50]))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
