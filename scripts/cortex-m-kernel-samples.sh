#!/usr/bin/env bash
# Prints one line per kernel call of the shared models that fit a Cortex-M core, measured with
# `tenax bench` under QEMU (-icount shift=0) on a seeded random input: kernel, MACs, elements
# written, instructions (tab-separated; the samples scripts/measure-cortex-m-kernel-cycles.sh fits).
# bench reads SysTick, whose tick is 1e9 / clock instructions (40 on mps2-an386): each call gets one
# tick more than it read, so a call that ended just before a tick is not under-counted.
# Usage: scripts/cortex-m-kernel-samples.sh SHARED_DIR WORK_DIR CORE   (CORE: cortex-m0, cortex-m4, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$1
tmp=$2
core=$3
source scripts/msp430-models.sh
declare -A tick=([cortex-m0]=63 [cortex-m3]=40 [cortex-m4]=40 [cortex-m7]=40 [cortex-m33]=50 [cortex-m55]=32)
qdq="mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx
  mlperf-tiny-ad-autoencoder-int8-qdq/deep_autoencoder.onnx mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx"
models=""
for m in $msp430_models; do models="$models float:$m"; done
for f in $qdq; do models="$models qdq:$f"; done
for entry in $models; do
  kind=${entry%%:*}
  m=${entry#*:}
  name=$(basename "${m%%/*}")
  dir="$tmp/$core-$name"
  if [ "$kind" = float ]; then
    f=$(ls "$shared/models/$m/"*.onnx | head -1)
    # shellcheck disable=SC2086
    ./tenax quantize "$f" ${msp430_dims[$m]:-} --calib random -o "$tmp/$name.onnx" > "$tmp/samples.log" 2>&1
    f="$tmp/$name.onnx"
  else
    f="$shared/models/$m"
  fi
  if ! ./tenax compile "$f" --target "$core" -o "$dir" > "$tmp/samples.log" 2>&1; then
    grep -q TX090 "$tmp/samples.log" || { cat "$tmp/samples.log" >&2; exit 1; }
    echo "skipping $name: it does not fit $core" >&2
    continue
  fi
  echo "measuring $name on $core" >&2
  python3 scripts/model-input.py "$dir/memory_map.json" "$tmp/samples-in.npy" random
  ./tenax bench "$dir" --input "$tmp/samples-in.npy" --json > "$tmp/samples-bench.json"
  python3 - "$dir/memory_map.json" "$tmp/samples-bench.json" "${tick[$core]}" <<'PY'
import json, sys
steps = json.load(open(sys.argv[1]))["steps"]
layers = json.load(open(sys.argv[2]))["layers"]
tick = int(sys.argv[3])
for s, l in zip(steps, layers):
    assert s["kernel"] == l["kernel"], (s, l)
    print("%s\t%d\t%d\t%d" % (s["kernel"], s["macs"], s["elements"], l["instructions"] + tick))
PY
done
