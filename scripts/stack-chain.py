#!/usr/bin/env python3
"""The deepest static stack of a C function: its own frame plus the deepest chain of calls below it,
from GCC's call graph (-fcallgraph-info=su writes one .ci file per object). Frames of functions
outside the file (memcpy, the EABI helpers) are not in the graph: the fit check adds an allowance
for them (dev.tenax.target.CortexMStack). Usage: stack-chain.py FUNCTION FILE.ci...
Prints the bytes; with "dynamic" after them when a function of the chain has variable-length
arrays, whose sizes the compiler mirrors per call (dev.tenax.codegen.DspKernelStack)."""
import re
import sys

NODE = re.compile(r'node: \{ title: "([^"]+)" label: "[^"]*?\\n[^"]*?\\n(\d+) bytes \(([^)]*)\)')
EDGE = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')


def short(title):
    return title.split(':')[-1]


def main():
    function, files = sys.argv[1], sys.argv[2:]
    frames, kinds, calls = {}, {}, {}
    for path in files:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for m in NODE.finditer(text):
            frames[short(m.group(1))] = int(m.group(2))
            kinds[short(m.group(1))] = m.group(3)
        for m in EDGE.finditer(text):
            calls.setdefault(short(m.group(1)), set()).add(short(m.group(2)))
    if function not in frames:
        sys.exit(f'{function} is not in {files}')

    def deepest(fn, seen):
        if fn in seen:  # recursion: the kernels have none; count the cycle once
            return 0, False
        below = [deepest(g, seen | {fn}) for g in calls.get(fn, ())]
        depth, dynamic = max(below, default=(0, False))
        return frames.get(fn, 0) + depth, dynamic or 'dynamic' in kinds.get(fn, '')

    depth, dynamic = deepest(function, frozenset())
    print(depth, 'dynamic' if dynamic else 'static')


if __name__ == '__main__':
    main()
