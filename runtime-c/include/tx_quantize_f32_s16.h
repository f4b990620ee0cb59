/* float32 to int16 quantization (ONNX QuantizeLinear, per tensor). Twin of
 * dev.tenax.kernels.QuantizeF32S16. */
#ifndef TX_QUANTIZE_F32_S16_H
#define TX_QUANTIZE_F32_S16_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  float scale;          /* positive and finite */
  int32_t zero_point;   /* in [-32768, 32767] */
} tx_quantize_f32_s16_params;

/*
 * out[i] = saturate(rint(in[i] / scale) + zero_point): a float32 division, rounding half to even.
 * NaN becomes zero_point (ONNX leaves it undefined; Tenax's QuantizeLinear does the same), +-inf
 * saturates. in and out have `shape`.
 */
tx_status tx_quantize_f32_s16(const tx_quantize_f32_s16_params *p, const tx_shape4 *shape,
                               const float *in, int16_t *out);

/* No scratch memory is needed: always 0. */
int32_t tx_quantize_f32_s16_scratch_size(const tx_quantize_f32_s16_params *p,
                                         const tx_shape4 *shape);

#endif /* TX_QUANTIZE_F32_S16_H */
