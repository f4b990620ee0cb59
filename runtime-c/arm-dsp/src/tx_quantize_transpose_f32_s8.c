/* Cortex-M variant of tx_quantize_transpose_f32_s8 (same name, signature and bits as
 * runtime-c/src/tx_quantize_transpose_f32_s8.c) for cores with a single-precision FPU: the
 * quantization loop of arm-dsp/src/tx_quantize_f32_s8.c (VDIV, VCVTR). */
#include "tx_quantize_f32_s8_vfp.h"

#define TX_QUANTIZE_F32_S8_LOOP tx_quantize_f32_s8_fast
#include "tx_quantize_transpose_f32_s8_body.h"
