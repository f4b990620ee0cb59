# The shared models that fit the msp430fr5994, as the MSP430 scripts measure them (sourced by
# scripts/performance-msp430.sh and scripts/msp430-kernel-samples.sh): their directories under
# SHARED/models and, for those with a symbolic batch dimension, the option that sets it to one.
# shellcheck disable=SC2034
msp430_models="onnx-mlir-mnist mnist-14x14-cnn-atmega deepc-asl-gesture-mlp burn-pico-sine-mlp
  tflm-hello-world-sine-mlp velardo-lesson9-mlp mlperf-tiny-open-alibaba-kws"
declare -A msp430_dims=([burn-pico-sine-mlp]="--dim unk__6=1" [tflm-hello-world-sine-mlp]="--dim N=1"
  [velardo-lesson9-mlp]="--dim N=1")
