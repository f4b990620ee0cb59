/*
 * The entry points of tx_quantize_transpose_f32_s8 (twin of
 * dev.tenax.kernels.QuantizeTransposeF32S8) around the element loop of the target's
 * tx_quantize_f32_s8, which the including source names TX_QUANTIZE_F32_S8_LOOP (as for
 * tx_quantize_f32_s8_entry.h, with the output stride that loop takes), so both kernels give the
 * same bits on every target. Each input row is read in order and its values stored a row of the
 * output apart. Include it in a kernel's source only.
 */
#ifndef TX_QUANTIZE_TRANSPOSE_F32_S8_BODY_H
#define TX_QUANTIZE_TRANSPOSE_F32_S8_BODY_H

#include "tx_quantize_f32_s8_body.h"
#include "tx_quantize_transpose_f32_s8.h"

tx_status tx_quantize_transpose_f32_s8(const tx_quantize_transpose_f32_s8_params *p,
                                       const tx_shape4 *in_shape, const float *in, int8_t *out)
{
  tx_quantize_f32_s8_params q;
  int32_t rows;
  int32_t cols;
  int32_t r;
  if (p == 0) {
    return TX_ERR_ARGUMENT;
  }
  q.scale = p->scale;
  q.zero_point = p->zero_point;
  if (!tx_quantize_f32_s8_valid(&q, in_shape, in, out)) {
    return TX_ERR_ARGUMENT;
  }
  rows = in_shape->n * in_shape->h * in_shape->w;
  cols = in_shape->c;
  if (p->first < 0 || p->count < 1 || p->count > cols - p->first) {
    return TX_ERR_ARGUMENT;
  }
  for (r = 0; r < rows; r++) {
    TX_QUANTIZE_F32_S8_LOOP(&q, p->count, in + r * cols + p->first, out + r, rows);
  }
  return TX_OK;
}

int32_t tx_quantize_transpose_f32_s8_scratch_size(const tx_quantize_transpose_f32_s8_params *p,
                                                  const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}

#endif /* TX_QUANTIZE_TRANSPOSE_F32_S8_BODY_H */
