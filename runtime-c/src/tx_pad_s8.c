/* Constant padding of an int8 NHWC tensor; the specification is dev.tenax.kernels.PadS8. */
#include "tx_pad_s8.h"

/* Where output coordinate `o` of a dimension reads the input, or -1 for padding. */
static int32_t source(int32_t o, int32_t before, int32_t in_dim)
{
  const int32_t s = o - before;
  return s >= 0 && s < in_dim ? s : -1;
}

tx_status tx_pad_s8(const tx_pad_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                    int8_t *out)
{
  const int32_t *b;
  int32_t dims[4];
  int32_t od[4];
  int32_t d, n, y, x, c;
  int32_t i = 0;
  if (p == 0 || in_shape == 0 || in == 0 || out == 0 || p->pad_value < INT8_MIN
      || p->pad_value > INT8_MAX) {
    return TX_ERR_ARGUMENT;
  }
  b = p->before;
  dims[0] = in_shape->n;
  dims[1] = in_shape->h;
  dims[2] = in_shape->w;
  dims[3] = in_shape->c;
  for (d = 0; d < 4; d++) {
    if (dims[d] <= 0) {
      return TX_ERR_ARGUMENT;
    }
    /* Compared in 64 bits: absurd pads must not overflow. */
    if ((int64_t)dims[d] + b[d] + p->after[d] <= 0
        || (int64_t)dims[d] + b[d] + p->after[d] > INT32_MAX) {
      return TX_ERR_ARGUMENT;
    }
    od[d] = dims[d] + b[d] + p->after[d];
  }
  for (n = 0; n < od[0]; n++) {
    const int32_t sn = source(n, b[0], dims[0]);
    for (y = 0; y < od[1]; y++) {
      const int32_t sy = source(y, b[1], dims[1]);
      for (x = 0; x < od[2]; x++) {
        const int32_t sx = source(x, b[2], dims[2]);
        for (c = 0; c < od[3]; c++) {
          const int32_t sc = source(c, b[3], dims[3]);
          out[i++] = sn < 0 || sy < 0 || sx < 0 || sc < 0
                         ? (int8_t)p->pad_value
                         : in[((sn * dims[1] + sy) * dims[2] + sx) * dims[3] + sc];
        }
      }
    }
  }
  return TX_OK;
}

int32_t tx_pad_s8_scratch_size(const tx_pad_s8_params *p, const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}
