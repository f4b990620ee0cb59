/* Axis permutation of an int8 tensor; the specification is dev.tenax.kernels.TransposeS8. */
#include "tx_transpose_s8.h"

tx_status tx_transpose_s8(const tx_transpose_s8_params *p, const tx_shape4 *in_shape,
                          const int8_t *in, int8_t *out)
{
  int32_t dims[4];
  int32_t in_stride[4];
  int32_t od[4]; /* output dimensions */
  int32_t os[4]; /* input stride of each output dimension */
  int32_t seen = 0;
  int32_t d, a, b, c, e;
  int32_t i = 0;
  if (p == 0 || in_shape == 0 || in == 0 || out == 0) {
    return TX_ERR_ARGUMENT;
  }
  dims[0] = in_shape->n;
  dims[1] = in_shape->h;
  dims[2] = in_shape->w;
  dims[3] = in_shape->c;
  in_stride[3] = 1;
  in_stride[2] = dims[3];
  in_stride[1] = dims[3] * dims[2];
  in_stride[0] = in_stride[1] * dims[1];
  for (d = 0; d < 4; d++) {
    if (dims[d] <= 0 || p->perm[d] < 0 || p->perm[d] > 3 || (seen & (INT32_C(1) << p->perm[d]))) {
      return TX_ERR_ARGUMENT;
    }
    seen |= INT32_C(1) << p->perm[d];
    od[d] = dims[p->perm[d]];
    os[d] = in_stride[p->perm[d]];
  }
  for (a = 0; a < od[0]; a++) {
    for (b = 0; b < od[1]; b++) {
      for (c = 0; c < od[2]; c++) {
        const int8_t *src = in + a * os[0] + b * os[1] + c * os[2];
        for (e = 0; e < od[3]; e++) {
          out[i++] = src[e * os[3]];
        }
      }
    }
  }
  return TX_OK;
}

int32_t tx_transpose_s8_scratch_size(const tx_transpose_s8_params *p, const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}
