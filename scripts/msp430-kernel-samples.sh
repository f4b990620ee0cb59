#!/usr/bin/env bash
# Prints one line per kernel call of the shared models that fit the msp430fr5994, measured with
# `tenax bench` under mspdebug sim on a seeded random input: kernel, MACs, elements written, MCLK
# cycles (tab-separated; the samples scripts/measure-msp430-kernel-cycles.sh fits).
# Usage: scripts/msp430-kernel-samples.sh SHARED_DIR WORK_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$1
tmp=$2
source scripts/msp430-models.sh
for m in $msp430_models; do
  f=$(ls "$shared/models/$m/"*.onnx | head -1)
  dir="$tmp/samples-$m"
  echo "measuring $m" >&2
  # shellcheck disable=SC2086
  ./tenax quantize "$f" ${msp430_dims[$m]:-} --calib random -o "$tmp/samples-$m.onnx" > "$tmp/samples.log" 2>&1
  ./tenax compile "$tmp/samples-$m.onnx" --target msp430fr5994 -o "$dir" > "$tmp/samples.log" 2>&1
  python3 scripts/model-input.py "$dir/memory_map.json" "$tmp/samples-in.npy" random
  ./tenax bench "$dir" --input "$tmp/samples-in.npy" --json > "$tmp/samples-bench.json"
  python3 - "$dir/memory_map.json" "$tmp/samples-bench.json" <<'PY'
import json, sys
steps = json.load(open(sys.argv[1]))["steps"]
layers = json.load(open(sys.argv[2]))["layers"]
for s, l in zip(steps, layers):
    assert s["kernel"] == l["kernel"], (s, l)
    print("%s\t%d\t%d\t%d" % (s["kernel"], s["macs"], s["elements"], l["mclk_cycles"]))
PY
done
