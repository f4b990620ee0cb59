/* Scalar Cortex-M variant of tx_quantize_transpose_f32_s8 (same name, signature and bits as
 * runtime-c/src/tx_quantize_transpose_f32_s8.c) for the cores without an FPU: the integer
 * quantization of arm-scalar/src/tx_quantize_f32_s8.c (include/tx_quantize_f32_s8_integer.h). */
#include "tx_quantize_f32_s8_integer.h"

#define TX_QUANTIZE_F32_S8_LOOP tx_quantize_f32_s8_integer
#include "tx_quantize_transpose_f32_s8_body.h"
