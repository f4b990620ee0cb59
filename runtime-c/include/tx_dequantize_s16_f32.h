/* int16 to float32 dequantization (ONNX DequantizeLinear, per tensor). Twin of
 * dev.tenax.kernels.DequantizeS16F32. */
#ifndef TX_DEQUANTIZE_S16_F32_H
#define TX_DEQUANTIZE_S16_F32_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  float scale;
  int32_t zero_point;   /* in [-32768, 32767] */
} tx_dequantize_s16_f32_params;

/* out[i] = (float)(in[i] - zero_point) * scale; the difference converts exactly, so one float32
 * multiplication rounds. in and out have `shape`. */
tx_status tx_dequantize_s16_f32(const tx_dequantize_s16_f32_params *p, const tx_shape4 *shape,
                                 const int16_t *in, float *out);

/* No scratch memory is needed: always 0. */
int32_t tx_dequantize_s16_f32_scratch_size(const tx_dequantize_s16_f32_params *p,
                                            const tx_shape4 *shape);

#endif /* TX_DEQUANTIZE_S16_F32_H */
