#!/usr/bin/env bash
# Rewrites docs/performance.md: per-layer instructions, instructions per MAC and memory of the
# MLPerf Tiny QDQ models on cortex-m4, cortex-m7, cortex-m3, cortex-m0 (where they fit) and cortex-m55, measured
# under QEMU by `tenax bench`, the MNIST example on cortex-m0, the same on cortex-m4 with --io=quantized, on cortex-m4 and m3 with --optimize=size, on cortex-m4 with --in-place=smallest, the intermittent builds on cortex-m4, and the MSP430 figures
# (scripts/performance-msp430.sh, under mspdebug sim), and the energy simulator's speed
# (scripts/performance-energy.sh). Takes about ten minutes; needs python3. Usage: scripts/performance.sh [SHARED_DIR]   (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
models="mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx
  mlperf-tiny-ad-autoencoder-int8-qdq/deep_autoencoder.onnx mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx"
tmp=$(mktemp -d)
# shellcheck source=scripts/cortex-m4-intermittent-row.sh
source scripts/cortex-m4-intermittent-row.sh
trap 'rm -rf "$tmp"' EXIT
{
  echo "# Performance"
  echo
  echo "Produced by \`scripts/performance.sh\` (rewrite this file with it; do not edit it by hand)."
  echo "Each model is compiled with \`tenax compile --target T\` and measured with \`tenax bench\`:"
  echo "QEMU runs the firmware with \`-icount shift=0\`, so virtual time counts instructions, and the"
  echo "firmware reads SysTick after every kernel call (instructions = ticks * 1e9 / clock). Memory:"
  echo "flash from the link map of the same firmware with the model compiled without the per-layer"
  echo "profiling calls, split into the weights, the model's code (kernels, the generated invoke"
  echo "function and the C library routines they pull in: what a user's firmware pays) and the test"
  echo "harness and board support (main.c, start-up, semihosting), and peak SRAM: the data the"
  echo "link placed (arena, input and output tensors, runtime data) without the stack reservation,"
  echo "plus the stack the inference really used (stack painting). For reference, TFLM needs about"
  echo "22 KB of arena for DS-CNN KWS and 15.5 KB for the anomaly-detection autoencoder (MLPerf Tiny)."
  echo "These builds take and return float32 tensors; TFLM's int8 models take int8 ones, which"
  echo "\`--io=quantized\` also gives (MobileNet VWW's float32 input alone is 110 KB): see"
  echo "[Quantized inputs and outputs on cortex-m4](#quantized-inputs-and-outputs-on-cortex-m4)."
  echo
  echo "MobileNet VWW's 3x3 depthwise layers are the multiply layers still above 1.5 instructions per"
  echo "MAC on cortex-m4 (nine MACs an output leave little room for the output stage, the store and"
  echo "the int16 planes' expansion; DS-CNN KWS's four, of one shape, take kernels fixed to it:"
  echo "runtime-c/include/tx_arm_dsp_dw_fixed.h): runtime-c/include/tx_arm_dsp_dw3x3.h and"
  echo "tx_arm_dsp_dws2.h say where their instructions go and how far the current design can get."
  echo "\`tenax bench B --functions\` splits each kernel call's instructions by function (from QEMU's"
  echo "execution log). cortex-m55 takes the Helium (MVE) convolution, depthwise, fully-connected and"
  echo "Add kernels (runtime-c/arm-mve) and the DSP ones for the rest. cortex-m3 and cortex-m0 (no DSP"
  echo "extension, no FPU) take the scalar convolution, depthwise, fully-connected and quantize kernels"
  echo "(runtime-c/arm-scalar: MLA or MULS loops over int16 columns, integer float division) and the"
  echo "reference ones for the rest. Of these four models only DS-CNN KWS fits cortex-m0's 14 KB of"
  echo "SRAM, and only with calls run in place (docs/c-generation.md: the compiler does it by itself"
  echo "when a model does not fit otherwise, with as few extra calls as fit), so"
  echo "[the MNIST example](#the-mnist-example-on-cortex-m0) stands in for the others."
  for target in cortex-m4 cortex-m7 cortex-m3 cortex-m0 cortex-m55; do
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
        ./tenax bench "$dir" 2>/dev/null | tee "$tmp/bench-$target-$name.txt"
        echo '```'
        if grep -q "^in place: [0-9]" "$tmp/log"; then
          echo
          grep "^in place: [0-9]" "$tmp/log"
        fi
      else
        echo "Not compiled for $target:"
        echo
        grep -E "error|TX0" "$tmp/log" | sed 's/^/    /'
      fi
    done
  done
  echo
  echo "## The MNIST example on cortex-m0"
  echo
  echo "examples/mnist/model.onnx quantized as the README does (\`tenax quantize --calib"
  echo "'examples/mnist/samples/digit-?.npy'\`), compiled for cortex-m0 (BBC micro:bit, 14 KB of SRAM for the firmware)."
  echo
  ./tenax quantize examples/mnist/model.onnx --calib 'examples/mnist/samples/digit-?.npy' \
    -o "$tmp/mnist.int8.onnx" > "$tmp/log" 2>&1
  ./tenax compile "$tmp/mnist.int8.onnx" --target cortex-m0 -o "$tmp/cortex-m0-mnist" > "$tmp/log" 2>&1
  echo '```'
  ./tenax bench "$tmp/cortex-m0-mnist" 2>/dev/null
  echo '```'
  echo
  bash scripts/performance-cmsis.sh "$tmp"
  echo
  # shellcheck disable=SC2086
  bash scripts/performance-quantized-io.sh "$shared" "$tmp" $models
  echo
  # shellcheck disable=SC2086
  bash scripts/performance-size.sh "$shared" "$tmp" $models
  echo
  # shellcheck disable=SC2086
  bash scripts/performance-in-place.sh "$shared" "$tmp" $models
  echo
  echo "## Intermittent builds on cortex-m4"
  echo
  echo "Each model compiled with \`--intermittent --capacitor 1mF\` (tiles sized to one 1 mF charge"
  echo "from 2.4 V to 1.8 V on the power model, docs/intermittent.md: 4.2M cycles, of which 75% for tile"
  echo "work) and run with the power failing every 4.2M instructions of on-time (one such charge) at"
  echo "32 phases (scripts/phased-failures.py: the first failure 1/32 of a period apart; failures"
  echo "and on-time are the means of the 32 runs). Convolutions split only by output rows,"
  echo "so ResNet-8's last layers need a charge this large. Plain: the continuous build's instructions"
  echo "(\`tenax bench\`); uninterrupted: the intermittent build without failures (its overhead is the"
  echo "commits and the smaller calls); with failures: the on-time over all boots. Reboots (reset,"
  echo "start-up) are not counted in the on-time."
  echo
  echo "Tiles are packed into groups of about one charge's work that share a progress commit (a failure"
  echo "re-runs the group in flight), so the re-executed work per failure compares with half the group a"
  echo "failure lands in: the time-weighted group, sum(g^2)/sum(g) over the groups' instructions as the"
  echo "plain build's kernel calls measure them (scripts/failure-weighted-group.py), which equals the"
  echo "average group only when all groups are equal."
  echo
  echo "| model | plain | tiles | groups | uninterrupted | overhead | failures | with failures | re-executed per failure | average group | time-weighted group |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for model in $models; do
    name=$(basename "$model" .onnx)
    m4_intermittent_row "$name" "$shared/models/$model" "$tmp/cortex-m4-$name" "$tmp"
  done
  echo
  bash scripts/performance-msp430.sh "$shared" "$tmp"
  echo
  bash scripts/performance-cortex-overhead.sh "$tmp"
  echo
  bash scripts/performance-energy.sh "$shared" "$tmp"
} > docs/performance.md.tmp
mv docs/performance.md.tmp docs/performance.md
echo "wrote docs/performance.md"
