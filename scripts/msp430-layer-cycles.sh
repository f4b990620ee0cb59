#!/usr/bin/env bash
# MCLK cycles of each kernel call of a compiled MSP430 project (continuous build), under mspdebug
# sim: a breakpoint on every kernel the model calls and on tenax_end, the tracer's MCLK count at
# each stop, so a call's cycles run from its entry to the next call's (or to tenax_end). Prints
# one line per call with its MACs and cycles per MAC, then the total.
# Usage: scripts/msp430-layer-cycles.sh BUILD_DIR [INPUT.npy]   (input: zeros when not given)
# Build the project first (make, or 'tenax run'); other flags: make clean all CFLAGS=-Os.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -f "$1/memory_map.json" ]; then
  echo "usage: $0 BUILD_DIR [INPUT.npy]  (BUILD_DIR: a project from 'tenax compile --target msp430fr5994')" >&2
  exit 2
fi
dir=$(cd "$1" && pwd)
input=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$dir/memory_map.json")
elf="$dir/$name.elf"
if [ ! -f "$elf" ]; then
  make -s -C "$dir" "$name.elf" >&2
fi
# The input as raw float32 (the first input only), and the command script.
python3 - "$dir/memory_map.json" "$input" "$tmp" "$elf" <<'PY'
import json, struct, sys
m = json.load(open(sys.argv[1]))
shape = m["inputs"][0]["shape"]
n = 1
for d in shape:
    n *= d
if sys.argv[2]:
    raw = open(sys.argv[2], "rb").read()
    header = struct.unpack("<H", raw[8:10])[0]
    data = raw[10 + header:]
    if len(data) != 4 * n:
        sys.exit("the input has %d bytes of data, the model takes %d float32 values" % (len(data), n))
else:
    data = bytes(4 * n)
open(sys.argv[3] + "/input.bin", "wb").write(data)
kernels = sorted({s["kernel"] for s in m["steps"]})
cmds = ["simio add tracer t", "simio add hwmult m", "prog " + sys.argv[4],
        "load_raw %s/input.bin tenax_input_0" % sys.argv[3]]
cmds += ["setbreak " + k for k in kernels] + ["setbreak tenax_end"]
cmds += ["run", "simio info t"] * (len(m["steps"]) + 1)
open(sys.argv[3] + "/cmds", "w").write("\n".join(cmds) + "\n")
PY
mspdebug -q sim < "$tmp/cmds" > "$tmp/out" 2>&1 || true
python3 - "$dir/memory_map.json" "$tmp/out" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1]))
clocks = [int(x) for x in re.findall(r"^MCLK:\s+(\d+)", open(sys.argv[2]).read(), re.M)]
steps = m["steps"]
if len(clocks) < len(steps) + 1:
    sys.exit("mspdebug stopped %d times, expected %d (see the simulator's output): %s"
             % (len(clocks), len(steps) + 1, open(sys.argv[2]).read()[-2000:]))
total = 0
macs = 0
print("%-4s %-26s %10s %12s %10s  %s" % ("step", "kernel", "MACs", "MCLK cycles", "cycles/MAC", "node"))
for i, s in enumerate(steps):
    c = clocks[i + 1] - clocks[i]
    total += c
    macs += s["macs"]
    per = "%.2f" % (c / s["macs"]) if s["macs"] else "-"
    print("%-4d %-26s %10d %12d %10s  %s" % (i, s["kernel"], s["macs"], c, per, s["node"]))
print("total: %d MCLK cycles, %d MACs (from the first kernel call to tenax_end)" % (total, macs))
PY
