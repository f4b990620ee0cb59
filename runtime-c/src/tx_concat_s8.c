/* Concatenation of int8 NHWC tensors; the specification is dev.tenax.kernels.ConcatS8. */
#include "tx_concat_s8.h"

static void dims_of(const tx_shape4 *s, int32_t d[4])
{
  d[0] = s->n;
  d[1] = s->h;
  d[2] = s->w;
  d[3] = s->c;
}

tx_status tx_concat_s8(const tx_concat_s8_params *p, const tx_shape4 *in_shapes,
                       const int8_t *const *ins, int8_t *out)
{
  int32_t first[4];
  int32_t d[4];
  int32_t outer = 1; /* product of the dimensions before axis (equal for all inputs) */
  int32_t k, j, o, i;
  int32_t written = 0;
  if (p == 0 || in_shapes == 0 || ins == 0 || out == 0 || p->axis < 0 || p->axis > 3
      || p->num_inputs <= 0) {
    return TX_ERR_ARGUMENT;
  }
  dims_of(&in_shapes[0], first);
  for (k = 0; k < p->num_inputs; k++) {
    dims_of(&in_shapes[k], d);
    if (ins[k] == 0) {
      return TX_ERR_ARGUMENT;
    }
    for (j = 0; j < 4; j++) {
      if (d[j] <= 0 || (j != p->axis && d[j] != first[j])) {
        return TX_ERR_ARGUMENT;
      }
    }
  }
  for (j = 0; j < p->axis; j++) {
    outer *= first[j];
  }
  /* The output is, for each outer index, the inner blocks of the inputs one after another. */
  for (o = 0; o < outer; o++) {
    for (k = 0; k < p->num_inputs; k++) {
      int32_t inner = 1;
      const int8_t *src;
      dims_of(&in_shapes[k], d);
      for (j = p->axis; j < 4; j++) {
        inner *= d[j];
      }
      src = ins[k] + o * inner;
      for (i = 0; i < inner; i++) {
        out[written++] = src[i];
      }
    }
  }
  return TX_OK;
}

int32_t tx_concat_s8_scratch_size(const tx_concat_s8_params *p, const tx_shape4 *in_shapes)
{
  (void)p;
  (void)in_shapes;
  return 0;
}
