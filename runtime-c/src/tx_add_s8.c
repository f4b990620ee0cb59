/* Elementwise int8 addition; the specification is dev.tenax.kernels.AddS8. */
#include "tx_add_s8.h"

#include "tx_fixed_point.h"

/* n * h * w * c, or -1 when a dimension is not positive or the product exceeds int32. */
static int32_t element_count(const tx_shape4 *s)
{
  int64_t count;
  if (s->n <= 0 || s->h <= 0 || s->w <= 0 || s->c <= 0) {
    return -1;
  }
  count = (int64_t)s->n * (int64_t)s->h;
  count = count > INT32_MAX ? -1 : count * (int64_t)s->w;
  count = count > INT32_MAX || count < 0 ? -1 : count * (int64_t)s->c;
  return count > INT32_MAX || count < 0 ? -1 : (int32_t)count;
}

/* The offset input with left_shift bits of headroom; wraps like Java's << (never in practice:
 * |value| <= 256 and left_shift is 20 for int8). */
static int32_t shifted(int32_t offset, int8_t v, int32_t left_shift)
{
  return tx_wrap_s32((uint32_t)(offset + (int32_t)v) << left_shift);
}

tx_status tx_add_s8(const tx_add_s8_params *p, const tx_shape4 *shape, const int8_t *in1,
                    const int8_t *in2, int8_t *out)
{
  int32_t count;
  int32_t i;
  if (p == 0 || shape == 0 || in1 == 0 || in2 == 0 || out == 0 || p->left_shift < 0
      || p->left_shift > 30) {
    return TX_ERR_ARGUMENT;
  }
  count = element_count(shape);
  if (count < 0) {
    return TX_ERR_ARGUMENT;
  }
  for (i = 0; i < count; i++) {
    const int32_t a = tx_requantize(shifted(p->input1_offset, in1[i], p->left_shift),
                                    p->input1_multiplier, p->input1_shift);
    const int32_t b = tx_requantize(shifted(p->input2_offset, in2[i], p->left_shift),
                                    p->input2_multiplier, p->input2_shift);
    out[i] = tx_requantize_s8(tx_add_wrap_s32(a, b), p->output_multiplier, p->output_shift,
                              p->output_offset, p->act_min, p->act_max);
  }
  return TX_OK;
}

int32_t tx_add_s8_scratch_size(const tx_add_s8_params *p, const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
