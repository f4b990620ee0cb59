/* Elementwise int8 multiplication; the specification is dev.tenax.kernels.MulS8. */
#include "tx_mul_s8.h"

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

tx_status tx_mul_s8(const tx_mul_s8_params *p, const tx_shape4 *shape, const int8_t *in1,
                    const int8_t *in2, int8_t *out)
{
  int32_t count;
  int32_t i;
  if (p == 0 || shape == 0 || in1 == 0 || in2 == 0 || out == 0) {
    return TX_ERR_ARGUMENT;
  }
  count = element_count(shape);
  if (count < 0) {
    return TX_ERR_ARGUMENT;
  }
  for (i = 0; i < count; i++) {
    /* int32 operands: the product (up to 256 * 256) does not fit a 16-bit int. Unsigned
     * multiplication keeps absurd offsets defined (wrapping, as in Java). */
    const uint32_t a = (uint32_t)(p->input1_offset + (int32_t)in1[i]);
    const uint32_t b = (uint32_t)(p->input2_offset + (int32_t)in2[i]);
    out[i] = tx_requantize_s8(tx_wrap_s32(a * b), p->output_multiplier, p->output_shift,
                              p->output_offset, p->act_min, p->act_max);
  }
  return TX_OK;
}

int32_t tx_mul_s8_scratch_size(const tx_mul_s8_params *p, const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
