#!/usr/bin/env python3
"""Writes a float32 .npy in the shape of a project's first input: zeros, or seeded uniform values
in [-1, 1).

Usage: scripts/model-input.py PROJECT/memory_map.json OUT.npy [random]
The performance scripts use zeros (the cycles and instructions they report hardly depend on the
input's values); scripts/measure-msp430-kernel-cycles.sh uses random values, since the software
floating point of a quantize is faster on zeros."""
import json
import random
import struct
import sys

shape = json.load(open(sys.argv[1]))["inputs"][0]["shape"]
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % "".join("%d, " % d for d in shape)
header += " " * (63 - (10 + len(header)) % 64) + "\n"
n = 1
for d in shape:
    n *= d
if len(sys.argv) > 3 and sys.argv[3] == "random":
    rng = random.Random(1)
    data = struct.pack("<%df" % n, *(rng.uniform(-1.0, 1.0) for _ in range(n)))
else:
    data = bytes(4 * n)
with open(sys.argv[2], "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + data)
