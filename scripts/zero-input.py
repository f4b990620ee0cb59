#!/usr/bin/env python3
"""Writes a float32 .npy of zeros in the shape of a project's first input.

Usage: scripts/zero-input.py PROJECT/memory_map.json OUT.npy   (used by the performance scripts:
the cycles and instructions they report hardly depend on the input's values)."""
import json
import struct
import sys

shape = json.load(open(sys.argv[1]))["inputs"][0]["shape"]
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % "".join("%d, " % d for d in shape)
header += " " * (63 - (10 + len(header)) % 64) + "\n"
n = 1
for d in shape:
    n *= d
with open(sys.argv[2], "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + bytes(4 * n))
