#!/usr/bin/env python3
"""Fits, per kernel, the cheapest line call + perElement * elements + perMac * MACs (all >= 0) that
lies above every measured call, and prints it as the properties the power model reads
(dev.tenax.intermittent.KernelCycles), with 10% headroom for shapes the samples do not have.

Usage: scripts/fit-kernel-cycles.py SAMPLES.tsv [UNIT WRITER]   (lines: kernel, MACs, elements, cycles)
UNIT says what the numbers count (default: MSP430 MCLK cycles under mspdebug sim) and WRITER which
script wrote the table, both for its header.
"Cheapest": the least sum of estimate / measured over the samples, a linear program in three
variables solved exactly at the vertices of its feasible region; ties go to the smaller fixed part
(a line that charges a kernel's cost to its work over-estimates big calls, not small tiles)."""
import collections
import itertools
import math
import sys

HEADROOM = 1.10


def solve3(a, b):
    """x with a x = b for a 3x3 a, or None when singular (Cramer's rule)."""
    def det(m):
        return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
    d = det(a)
    if abs(d) < 1e-9:
        return None
    x = []
    for j in range(3):
        m = [row[:] for row in a]
        for i in range(3):
            m[i][j] = b[i]
        x.append(det(m) / d)
    return x


def fit(samples):
    # constraints: call + e * pe + m * pm >= cycles for each sample; each variable >= 0
    rows = [([1.0, float(e), float(m)], float(c)) for m, e, c in samples]
    rows += [([1.0, 0.0, 0.0], 0.0), ([0.0, 1.0, 0.0], 0.0), ([0.0, 0.0, 1.0], 0.0)]
    objective = [sum(r[j] / c for r, c in rows[:len(samples)]) for j in range(3)]
    objective = [objective[0] * (1 + 1e-6) + 1e-9, objective[1] + 1e-12, objective[2] + 1e-12]
    best = None
    for picked in itertools.combinations(rows, 3):
        x = solve3([p[0] for p in picked], [p[1] for p in picked])
        if x is None or any(v < -1e-9 for v in x):
            continue
        if any(sum(a * v for a, v in zip(r, x)) < c * (1 - 1e-9) for r, c in rows):
            continue
        value = sum(o * v for o, v in zip(objective, x))
        if best is None or value < best[0]:
            best = (value, x)
    return best[1]


def up(value, places):
    scale = 10 ** places
    return math.ceil(max(0.0, value) * HEADROOM * scale - 1e-9) / scale


samples = collections.defaultdict(list)
for line in open(sys.argv[1]):
    kernel, macs, elements, cycles = line.split("\t")
    samples[kernel].append((int(macs), int(elements), int(cycles)))
unit = sys.argv[2] if len(sys.argv) > 2 else "MCLK cycles per kernel call under mspdebug sim"
writer = sys.argv[3] if len(sys.argv) > 3 else "scripts/measure-msp430-kernel-cycles.sh"
print("# %s: call perElement perMac, fitted above the calls" % unit)
print("# of the shared models with 10%% headroom. Written by %s; do not edit." % writer)
for kernel in sorted(samples):
    call, per_element, per_mac = fit(samples[kernel])
    print("# %s: %d calls measured" % (kernel, len(samples[kernel])))
    print("%s = %d %.2f %.2f" % (kernel, up(call, 0), up(per_element, 2), up(per_mac, 2)))
