#!/usr/bin/env bash
# Rewrites docs/performance.md: per-layer instructions, instructions per MAC and memory of the
# MLPerf Tiny QDQ models on cortex-m4, cortex-m7 and cortex-m0 (where they fit), measured under
# QEMU by `tenax bench`. Usage: scripts/performance.sh [SHARED_DIR]   (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
models="mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx
  mlperf-tiny-ad-autoencoder-int8-qdq/deep_autoencoder.onnx mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo "# Performance on Cortex-M"
  echo
  echo "Produced by \`scripts/performance.sh\` (rewrite this file with it; do not edit it by hand)."
  echo "Each model is compiled with \`tenax compile --target T\` and measured with \`tenax bench\`:"
  echo "QEMU runs the firmware with \`-icount shift=0\`, so virtual time counts instructions, and the"
  echo "firmware reads SysTick after every kernel call (instructions = ticks * 1e9 / clock). Memory:"
  echo "flash from the link map, split into the weights, the model's code (kernels, the generated"
  echo "invoke function and the C library routines they pull in: what a user's firmware pays) and"
  echo "the test harness and board support (main.c, start-up, semihosting), and peak SRAM: the data the"
  echo "link placed (arena, input and output tensors, runtime data) without the stack reservation,"
  echo "plus the stack the inference really used (stack painting). For reference, TFLM needs about"
  echo "22 KB of arena for DS-CNN KWS and 15.5 KB for the anomaly-detection autoencoder (MLPerf Tiny)."
  for target in cortex-m4 cortex-m7 cortex-m0; do
    echo
    echo "## $target"
    for model in $models; do
      name=$(basename "$model" .onnx)
      dir="$tmp/$target-$name"
      echo
      echo "### $model"
      echo
      if ./tenax compile "$shared/models/$model" --target "$target" -o "$dir" > "$tmp/log" 2>&1; then
        echo '```'
        ./tenax bench "$dir" 2>/dev/null
        echo '```'
      else
        echo "Not compiled for $target:"
        echo
        grep -E "error|TX0" "$tmp/log" | sed 's/^/    /'
      fi
    done
  done
} > docs/performance.md.tmp
mv docs/performance.md.tmp docs/performance.md
echo "wrote docs/performance.md"
