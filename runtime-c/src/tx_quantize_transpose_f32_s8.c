/* float32 to int8 quantization into the transposed layout; the specification is
 * dev.tenax.kernels.QuantizeTransposeF32S8. */
#include "tx_quantize_f32_s8_portable.h"

#define TX_QUANTIZE_F32_S8_LOOP tx_quantize_f32_s8_portable
#include "tx_quantize_transpose_f32_s8_body.h"
