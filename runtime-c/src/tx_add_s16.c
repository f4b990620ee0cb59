/* Elementwise int16 addition; the specification is dev.tenax.kernels.AddS16. All arithmetic fits
 * int32_t: |x| << 15 <= 2^30 and both scaled inputs are at most half of that. */
#include "tx_add_s16.h"

#include "tx_fixed_point.h"
#include "tx_kernel_args.h"
#include "tx_s16_args.h"

/* x << left_shift through uint32_t: a left shift of a negative value is undefined in C99. */
static int32_t shifted(int16_t x, int32_t left_shift)
{
  return tx_wrap_s32((uint32_t)(int32_t)x << left_shift);
}

tx_status tx_add_s16(const tx_add_s16_params *p, const tx_shape4 *shape, const int16_t *in1,
                     const int16_t *in2, int16_t *out)
{
  int32_t count;
  int32_t i;
  if (p == 0 || shape == 0 || in1 == 0 || in2 == 0 || out == 0 || p->left_shift < 0
      || p->left_shift > 15 || !tx_shape4_valid(shape)
      || !tx_output_s16_valid(p->act_min, p->act_max)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
  for (i = 0; i < count; i++) {
    const int32_t a = tx_requantize(shifted(in1[i], p->left_shift), p->input1_multiplier,
                                    p->input1_shift);
    const int32_t b = tx_requantize(shifted(in2[i], p->left_shift), p->input2_multiplier,
                                    p->input2_shift);
    out[i] = tx_requantize_s16(tx_add_wrap_s32(a, b), p->output_multiplier, p->output_shift,
                               INT32_C(0), p->act_min, p->act_max);
  }
  return TX_OK;
}

int32_t tx_add_s16_scratch_size(const tx_add_s16_params *p, const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
