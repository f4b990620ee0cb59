#!/usr/bin/env bash
# Prints the MLPerf Tiny models on cortex-m4 compiled with --io=quantized beside the float32-I/O
# builds that scripts/performance.sh benched (markdown on stdout; reads WORK_DIR/bench-cortex-m4-<name>.txt).
# Usage: scripts/performance-quantized-io.sh SHARED_DIR WORK_DIR MODELS...   (called by scripts/performance.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$1
tmp=$2
shift 2
echo "## Quantized inputs and outputs on cortex-m4"
echo
echo "The same models compiled with \`--io=quantized\` (docs/c-generation.md): an input the model"
echo "quantizes first is passed int8 and an output it dequantizes last is returned int8, as TFLM's"
echo "int8 models do, so the float32 tensors and their conversion steps are gone. Measured with"
echo "\`tenax bench\` like the float32-I/O builds above (I/O: the types of the inputs and outputs; an output the model computes in float32, such as a float32 softmax, stays float32)."
echo "MobileNet VWW's NCHW input is also measured passed channels last (\`--input-layout=nhwc\`), as a"
echo "camera gives the pixels and TFLM takes them: the move to NHWC before its first convolution is gone"
echo "(with int8 input a whole transpose step; with float32 input the quantization writes NHWC either way)."
echo
echo "| model | I/O | instructions | model code (bytes) | peak SRAM (bytes) |"
echo "|---|---|---|---|---|"
# the camera model: its NCHW input also compiled channels last, as a camera gives the pixels
camera_model=mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx
row() { # name, I/O label, bench output file
  local total code sram
  total=$(grep -o '^total: [0-9]*' "$3" | grep -o '[0-9]*$')
  code=$(grep -o 'model code [0-9]*' "$3" | grep -o '[0-9]*$')
  sram=$(grep -o '^peak SRAM: [0-9]*' "$3" | grep -o '[0-9]*$')
  echo "| $1 | $2 | $total | $code | $sram |"
}
for model in "$@"; do
  name=$(basename "$model" .onnx)
  dir="$tmp/quantized-io-$name"
  if ! ./tenax compile "$shared/models/$model" --target cortex-m4 --io=quantized -o "$dir" > "$tmp/log" 2>&1; then
    echo "| $name | refused: $(grep -m1 -o 'TX0[0-9]*.*' "$tmp/log" | cut -c1-120) | | | |"
    continue
  fi
  ins=$(grep -E "^input '" "$tmp/log" | sed -E "s/^[a-z]+ '[^']*': ([a-z0-9]+).*/\1/" | paste -sd',' -)
  outs=$(grep -E "^output '" "$tmp/log" | sed -E "s/^[a-z]+ '[^']*': ([a-z0-9]+).*/\1/" | paste -sd',' -)
  ./tenax bench "$dir" > "$tmp/bench-quantized-io-$name.txt" 2>/dev/null
  row "$name" "float32 in, float32 out" "$tmp/bench-cortex-m4-$name.txt"
  row "$name" "$ins in, $outs out" "$tmp/bench-quantized-io-$name.txt"
  if [ "$model" = "$camera_model" ]; then
    ./tenax compile "$shared/models/$model" --target cortex-m4 --io=quantized --input-layout=nhwc -o "$dir-nhwc" \
      > "$tmp/log" 2>&1
    ./tenax bench "$dir-nhwc" > "$tmp/bench-quantized-io-nhwc-$name.txt" 2>/dev/null
    row "$name" "$ins in channels last (--input-layout=nhwc), $outs out" "$tmp/bench-quantized-io-nhwc-$name.txt"
  fi
done
