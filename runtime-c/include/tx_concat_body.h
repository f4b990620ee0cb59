/*
 * The body of tx_concat_s8 and tx_concat_s16 (twins of dev.tenax.kernels.ConcatS8 and ConcatS16),
 * which differ only in the element type: the kernel's source defines TX_COPY_ELEM (int8_t or
 * int16_t), includes this file and calls tx_concat_body.
 */
#ifndef TX_CONCAT_BODY_H
#define TX_CONCAT_BODY_H

#include <stdint.h>

#include "tx_concat_s8.h"
#include "tx_status.h"

static void tx_concat_dims(const tx_shape4 *s, int32_t d[4])
{
  d[0] = s->n;
  d[1] = s->h;
  d[2] = s->w;
  d[3] = s->c;
}

/* Axis in [0, 3], inputs present with positive shapes that agree on every dimension but axis. */
static int tx_concat_valid(const tx_concat_s8_params *p, const tx_shape4 *in_shapes,
                           const TX_COPY_ELEM *const *ins)
{
  int32_t first[4];
  int32_t d[4];
  int32_t k, j;
  if (p == 0 || in_shapes == 0 || ins == 0 || p->axis < 0 || p->axis > 3 || p->num_inputs <= 0) {
    return 0;
  }
  tx_concat_dims(&in_shapes[0], first);
  for (k = 0; k < p->num_inputs; k++) {
    tx_concat_dims(&in_shapes[k], d);
    if (ins[k] == 0) {
      return 0;
    }
    for (j = 0; j < 4; j++) {
      if (d[j] <= 0 || (j != p->axis && d[j] != first[j])) {
        return 0;
      }
    }
  }
  return 1;
}

/* The product of the dimensions of s in [from, to). */
static int32_t tx_concat_span(const tx_shape4 *s, int32_t from, int32_t to)
{
  int32_t d[4];
  int32_t count = 1;
  int32_t j;
  tx_concat_dims(s, d);
  for (j = from; j < to; j++) {
    count *= d[j];
  }
  return count;
}

static tx_status tx_concat_body(const tx_concat_s8_params *p, const tx_shape4 *in_shapes,
                                const TX_COPY_ELEM *const *ins, TX_COPY_ELEM *out)
{
  int32_t outer, o, k, i;
  int32_t written = 0;
  if (out == 0 || !tx_concat_valid(p, in_shapes, ins)) {
    return TX_ERR_ARGUMENT;
  }
  /* The output is, for each index of the dimensions before axis (equal for all inputs), the
   * blocks of the dimensions from axis on of each input, one after another. */
  outer = tx_concat_span(&in_shapes[0], 0, p->axis);
  for (o = 0; o < outer; o++) {
    for (k = 0; k < p->num_inputs; k++) {
      const int32_t inner = tx_concat_span(&in_shapes[k], p->axis, 4);
      const TX_COPY_ELEM *src = ins[k] + o * inner;
      for (i = 0; i < inner; i++) {
        out[written++] = src[i];
      }
    }
  }
  return TX_OK;
}

#endif /* TX_CONCAT_BODY_H */
