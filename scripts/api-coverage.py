"""Counts how much of python-nss 1.0.1's API an implementation has.

    scripts/pynss scripts/api-coverage.py [inventory.tsv] [--missing]

The inventory (test-vectors/reference/python-nss-1.0.1-api.tsv, one row per
class, method, property, special method, function, attribute and constant with
its value) was taken from the reference python-nss. Runs under pynss or under
/usr/bin/python3 with python-nss (then it checks the reference itself).
"""
from __future__ import print_function

import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, '..', 'test-vectors', 'reference', 'python-nss-1.0.1-api.tsv')


def rows(path):
    with open(path) as f:
        lines = f.read().splitlines()
    for line in lines[1:]:
        fields = line.split('\t')
        yield fields[0], fields[1], fields[2], fields[3] if len(fields) > 3 else ''


def lookup(module, name, kind):
    """The object the row names, or raises AttributeError."""
    obj = module
    parts = name.split('.', 1) if kind in ('method', 'property', 'special', 'staticmethod') else [name]
    for part in parts:
        obj = getattr(obj, part)
    return obj


def check(path):
    """{module: [present, total]}, constants with the reference value, constants, missing rows."""
    modules, counts, missing = {}, {}, []
    const_ok = const_total = 0
    for modname, name, kind, value in rows(path):
        if modname not in modules:
            try:
                modules[modname] = importlib.import_module(modname)
            except ImportError:
                modules[modname] = None
        count = counts.setdefault(modname, [0, 0])
        count[1] += 1
        try:
            if modules[modname] is None:
                raise AttributeError(modname)
            obj = lookup(modules[modname], name, kind)
        except AttributeError:
            missing.append((modname, name, kind))
            continue
        count[0] += 1
        if kind == 'constant':
            const_total += 1
            if repr(obj).rstrip('L') == value.rstrip('L'):
                const_ok += 1
            else:
                missing.append((modname, name, 'constant value %r, reference %s' % (obj, value)))
    return counts, const_ok, const_total, missing


def main(argv):
    path = DEFAULT
    show_missing = '--missing' in argv
    args = [a for a in argv if a != '--missing']
    if args:
        path = args[0]
    counts, const_ok, const_total, missing = check(path)
    present = total = 0
    for modname in sorted(counts):
        p, t = counts[modname]
        present += p
        total += t
        print('%-10s %5d / %5d' % (modname, p, t))
    print('constants with the reference value: %d / %d' % (const_ok, const_total))
    print('names present: %d / %d' % (present, total))
    if show_missing:
        for m in missing:
            print('missing: %s %s (%s)' % m)
    return 0 if not missing else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
