/* float32 to int8 quantization into the transposed layout: ONNX QuantizeLinear (per tensor) of a
 * [rows][cols] float32 matrix written as its [cols][rows] transpose, e.g. an NCHW image (rows:
 * channels, cols: pixels) quantized straight into the NHWC layout the int8 kernels take, so the
 * int8 image in the input's layout is never stored. Twin of
 * dev.tenax.kernels.QuantizeTransposeF32S8. */
#ifndef TX_QUANTIZE_TRANSPOSE_F32_S8_H
#define TX_QUANTIZE_TRANSPOSE_F32_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  float scale;          /* positive and finite */
  int32_t zero_point;   /* in [-128, 127] */
  int32_t first;        /* the first output row written (an input column) */
  int32_t count;        /* output rows written, at least 1: out holds count * rows values */
} tx_quantize_transpose_f32_s8_params;

/*
 * out[(j - first) * rows + r] = saturate(rint(in[r * cols + j] / scale) + zero_point) for every
 * row r and j in [first, first + count), rounded as tx_quantize_f32_s8 does. in_shape holds the
 * input matrix as n * h * w rows of c columns; in is the whole matrix, out the output rows
 * written (a tile of an intermittent build writes some of them).
 */
tx_status tx_quantize_transpose_f32_s8(const tx_quantize_transpose_f32_s8_params *p,
                                       const tx_shape4 *in_shape, const float *in, int8_t *out);

/* No scratch memory is needed: always 0. */
int32_t tx_quantize_transpose_f32_s8_scratch_size(const tx_quantize_transpose_f32_s8_params *p,
                                                  const tx_shape4 *in_shape);

#endif /* TX_QUANTIZE_TRANSPOSE_F32_S8_H */
