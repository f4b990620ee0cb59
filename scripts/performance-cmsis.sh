#!/usr/bin/env bash
# Part of scripts/performance.sh: Tenax's instructions per MAC on cortex-m4 next to CMSIS-NN's for
# the layer shapes issue 4 gives reference figures for (CMSIS-NN's int8 kernels built with -O3
# and counted the same way under QEMU). Reads the cortex-m4 bench outputs performance.sh saved
# in TMP (bench-cortex-m4-<model>.txt). Usage: scripts/performance-cmsis.sh TMP
set -euo pipefail
tmp=$1

# instr/MAC of the steps (space-separated) of one model's bench, as "a" or "a-b" over them; every
# step must be a call of the kernel given, so that a renumbered model stops the script instead of
# comparing other layers
per_mac() {
  local model=$1 kernel=$2 steps=$3 values
  values=$(awk -v steps=" $steps " -v kernel="$kernel" \
    'index(steps, " " $1 " ") > 0 && $2 == kernel && $5 ~ /^[0-9.]+$/ { print $5 }' \
    "$tmp/bench-cortex-m4-$model.txt" | sort -n)
  if [ "$(echo "$values" | grep -c .)" -ne "$(echo "$steps" | wc -w)" ]; then
    echo "performance-cmsis.sh: $model steps $steps are not all $kernel calls; update the table" >&2
    exit 1
  fi
  echo "$values" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print (lo == hi ? lo : lo "-" hi) }'
}

# (assignments, so that a failing per_mac stops the script under set -e)
pointwise=$(per_mac kws_ref_model tx_conv2d_s8 "3 5 7 9")
conv3x3=$(per_mac resnet tx_conv2d_s8 "1 2 3 6 7 10 11")
first=$(per_mac kws_ref_model tx_conv2d_s8 "1")
depthwise=$(per_mac kws_ref_model tx_depthwise_conv2d_s8 "2 4 6 8")
vww_depthwise=$(per_mac mobilenet_v1 tx_depthwise_conv2d_s8 "2 4 6 8 10 12 14 16 18 20 22 24 26")

echo "## Against CMSIS-NN on cortex-m4"
echo
echo "Instructions per MAC of the same layer shapes: CMSIS-NN's figures are the reference ones of"
echo "issue 4 (its int8 kernels at -O3, counted under QEMU as here); Tenax's come from the"
echo "cortex-m4 benches above."
echo
echo "| layer shape | CMSIS-NN | Tenax | Tenax's layers |"
echo "|---|---|---|---|"
echo "| 1x1 convolution, 64 -> 64 channels | 2.0 | $pointwise | DS-CNN KWS steps 3, 5, 7, 9 |"
echo "| 3x3 convolutions | 1.9-2.3 | $conv3x3 | ResNet-8 steps 1, 2, 3, 6, 7, 10, 11 (3 to 64 input channels) |"
echo "| DS-CNN's first layer, 10x4 stride 2 | 3.5 | $first | DS-CNN KWS step 1 |"
echo "| 3x3 depthwise, 64 channels | 8.1 | $depthwise | DS-CNN KWS steps 2, 4, 6, 8 |"
echo "| 3x3 depthwise, 8 to 256 channels, strides 1 and 2 | 8.1 at 64 channels, stride 1 | $vww_depthwise | MobileNet VWW's 13 depthwise layers |"
