#!/usr/bin/env python3
"""Prints the group of tiles a power failure lands in, on average, in cycles (instructions on
Cortex-M): sum(g^2) / sum(g) over an intermittent build's groups, each group's cycles taken from
the plain build's measured kernel calls (`tenax bench --json`), shared among a call's tiles by
their work.

Usage: scripts/failure-weighted-group.py PLAIN_BENCH.json INTERMITTENT_DIR COMPILE_LOG
A failure at a uniformly random moment falls in a group with a probability proportional to the
group's length and, on average, halfway through it: the work it loses is half this number, which
equals half the average group only when all groups are equal. COMPILE_LOG is the intermittent
build's compile summary (tiles per call, and the groups' tile ranges; without a group table every
tile is committed alone); INTERMITTENT_DIR/memory_map.json has each tile's MACs and elements."""
import json
import re
import sys

bench = json.load(open(sys.argv[1]))["layers"]
tiles = json.load(open(sys.argv[2] + "/memory_map.json"))["steps"]
log = open(sys.argv[3]).read().splitlines()


def table(header, pattern):
    """The rows matching pattern after the first line that starts with header."""
    start = next(i for i, l in enumerate(log) if re.match(header, l)) + 1
    if log[start].startswith("group "):  # the group table's own header line
        start += 1
    rows = []
    for l in log[start:]:
        m = re.match(pattern, l)
        if not m:
            break
        rows.append(m)
    return rows


counts = [int(m.group(1)) for m in table(r"step +kernel +work +tiles", r"^\d+\s+\S+\s+\d+\s+(\d+)\s")]
assert len(counts) == len(bench) and sum(counts) == len(tiles), (len(counts), len(bench), len(tiles))
cycles = []  # each tile's share of its call's measured cycles
t = 0
for layer, n in zip(bench, counts):
    measured = layer.get("mclk_cycles", layer.get("instructions"))
    work = [max(s["macs"], s["elements"]) for s in tiles[t:t + n]]
    cycles += [measured * w / sum(work) for w in work]
    t += n
if any(l.startswith("groups (one commit each") for l in log):
    groups = []
    for m in table(r"groups \(one commit each", r"^\d+\s+(\d+)(?:-(\d+))?\s"):
        first = int(m.group(1))
        last = int(m.group(2) or first)
        groups.append(sum(cycles[first:last + 1]))
else:
    groups = cycles
print("%d" % (sum(g * g for g in groups) / sum(groups)))
