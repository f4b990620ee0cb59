/* Elementwise int16 multiplication; the specification is dev.tenax.kernels.MulS16. */
#include "tx_mul_s16.h"

#include "tx_fixed_point.h"
#include "tx_kernel_args.h"
#include "tx_s16_args.h"

tx_status tx_mul_s16(const tx_mul_s16_params *p, const tx_shape4 *shape, const int16_t *in1,
                     const int16_t *in2, int16_t *out)
{
  int32_t count;
  int32_t i;
  if (p == 0 || shape == 0 || in1 == 0 || in2 == 0 || out == 0 || !tx_shape4_valid(shape)
      || !tx_output_s16_valid(p->act_min, p->act_max)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
  for (i = 0; i < count; i++) {
    /* |product| <= 2^30: exact in int32_t (int16_t operands would promote to a 16-bit int) */
    const int32_t product = (int32_t)in1[i] * (int32_t)in2[i];
    out[i] = tx_requantize_s16(product, p->output_multiplier, p->output_shift, INT32_C(0),
                               p->act_min, p->act_max);
  }
  return TX_OK;
}

int32_t tx_mul_s16_scratch_size(const tx_mul_s16_params *p, const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
