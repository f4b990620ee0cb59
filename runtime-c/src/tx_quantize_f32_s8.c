/* float32 to int8 quantization; the specification is dev.tenax.kernels.QuantizeF32S8. */
#include "tx_quantize_f32_s8_portable.h"

#define TX_QUANTIZE_F32_S8_LOOP tx_quantize_f32_s8_portable
#include "tx_quantize_f32_s8_entry.h"
