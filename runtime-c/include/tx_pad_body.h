/*
 * The body of tx_pad_s8 and tx_pad_s16 (twins of dev.tenax.kernels.PadS8 and PadS16), which differ
 * only in the element type: the kernel's source defines TX_COPY_ELEM (int8_t or int16_t) and its
 * range TX_COPY_MIN, TX_COPY_MAX, includes this file and calls tx_pad_body.
 */
#ifndef TX_PAD_BODY_H
#define TX_PAD_BODY_H

#include <stdint.h>

#include "tx_pad_s8.h"
#include "tx_status.h"

/* The input dimensions `dims` and the padded ones `od` (dims + before + after); 0 when a dimension
 * is not positive before or after padding or exceeds int32 (compared in 64 bits: absurd pads must
 * not overflow). */
static int tx_pad_dims(const tx_pad_s8_params *p, const tx_shape4 *in_shape, int32_t dims[4],
                       int32_t od[4])
{
  int32_t d;
  dims[0] = in_shape->n;
  dims[1] = in_shape->h;
  dims[2] = in_shape->w;
  dims[3] = in_shape->c;
  for (d = 0; d < 4; d++) {
    const int64_t padded = (int64_t)dims[d] + p->before[d] + p->after[d];
    if (dims[d] <= 0 || padded <= 0 || padded > INT32_MAX) {
      return 0;
    }
    od[d] = (int32_t)padded;
  }
  return 1;
}

/* Where output coordinate `o` of a dimension reads the input, or -1 for padding. */
static int32_t tx_pad_source(int32_t o, int32_t before, int32_t in_dim)
{
  const int32_t s = o - before;
  return s >= 0 && s < in_dim ? s : -1;
}

static tx_status tx_pad_body(const tx_pad_s8_params *p, const tx_shape4 *in_shape,
                             const TX_COPY_ELEM *in, TX_COPY_ELEM *out)
{
  int32_t dims[4];
  int32_t od[4];
  int32_t n, y, x, c;
  int32_t i = 0;
  if (p == 0 || in_shape == 0 || in == 0 || out == 0 || p->pad_value < TX_COPY_MIN
      || p->pad_value > TX_COPY_MAX || !tx_pad_dims(p, in_shape, dims, od)) {
    return TX_ERR_ARGUMENT;
  }
  for (n = 0; n < od[0]; n++) {
    const int32_t sn = tx_pad_source(n, p->before[0], dims[0]);
    for (y = 0; y < od[1]; y++) {
      const int32_t sy = tx_pad_source(y, p->before[1], dims[1]);
      for (x = 0; x < od[2]; x++) {
        const int32_t sx = tx_pad_source(x, p->before[2], dims[2]);
        for (c = 0; c < od[3]; c++) {
          const int32_t sc = tx_pad_source(c, p->before[3], dims[3]);
          out[i++] = sn < 0 || sy < 0 || sx < 0 || sc < 0
                         ? (TX_COPY_ELEM)p->pad_value
                         : in[((sn * dims[1] + sy) * dims[2] + sx) * dims[3] + sc];
        }
      }
    }
  }
  return TX_OK;
}

#endif /* TX_PAD_BODY_H */
