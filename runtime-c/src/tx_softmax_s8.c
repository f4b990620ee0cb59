/* int8 softmax; the specification is dev.tenax.kernels.SoftmaxS8. */
#include "tx_softmax_s8.h"

#include "tx_gemmlowp.h"
#include "tx_kernel_args.h"

#define ACCUMULATION_INTEGER_BITS 12

/* x / 2^exponent rounded half away from zero for exponent in [0, 62] (the reciprocal's exponent
 * reaches 34 for long rows). */
static int32_t rounding_divide_by_pot_wide(int32_t x, int32_t exponent)
{
  const int64_t mask = (int64_t)((UINT64_C(1) << exponent) - UINT64_C(1));
  const int64_t remainder = (int64_t)x & mask;
  const int64_t threshold = (mask >> 1) + (x < 0 ? INT64_C(1) : INT64_C(0));
  return (int32_t)(tx_asr_s64((int64_t)x, exponent) + (remainder > threshold ? 1 : 0));
}

/* Leading zero bits of a positive value. */
static int32_t leading_zeros(int32_t v)
{
  int32_t n = 0;
  uint32_t u = (uint32_t)v;
  while ((u & UINT32_C(0x80000000)) == 0) {
    u <<= 1;
    n++;
  }
  return n;
}

/* exp(beta * input_scale * diff) in Q0.31; diff << shift wraps like the Java. */
static int32_t exp_of_diff(const tx_softmax_s8_params *p, int32_t diff)
{
  const int32_t shifted = tx_wrap_s32((uint32_t)diff << p->input_left_shift);
  return tx_exp_on_negative_values(tx_sat_rounding_doubling_high_mul(shifted, p->input_multiplier));
}

tx_status tx_softmax_s8(const tx_softmax_s8_params *p, const tx_shape4 *shape, const int8_t *in,
                        int8_t *out)
{
  int32_t rows;
  int32_t row_size;
  int32_t r;
  int32_t i;
  if (p == 0 || shape == 0 || in == 0 || out == 0 || !tx_shape4_valid(shape)
      || shape->c > TX_SOFTMAX_S8_MAX_ROW_SIZE || p->input_multiplier < (INT32_C(1) << 30)
      || p->input_left_shift < 0 || p->input_left_shift > 31 || p->diff_min > 0) {
    return TX_ERR_ARGUMENT;
  }
  rows = shape->n * shape->h * shape->w;
  row_size = shape->c;
  for (r = 0; r < rows; r++) {
    const int8_t *x = in + r * row_size;
    int8_t *y = out + r * row_size;
    int32_t max = x[0];
    int32_t sum = 0;
    int32_t headroom;
    int32_t shifted_scale;
    int32_t bits_over_unit;
    for (i = 1; i < row_size; i++) {
      max = x[i] > max ? x[i] : max;
    }
    for (i = 0; i < row_size; i++) {
      const int32_t diff = (int32_t)x[i] - max;
      if (diff >= p->diff_min) {
        /* at most 4095 terms of at most 2^19: no overflow */
        sum += rounding_divide_by_pot_wide(exp_of_diff(p, diff), ACCUMULATION_INTEGER_BITS);
      }
    }
    /* sum >= 2^19 (the maximum contributes exp(0)), so headroom is in [1, 12] */
    headroom = leading_zeros(sum);
    shifted_scale = tx_one_over_one_plus_x(
        tx_wrap_s32(((uint32_t)sum << headroom) - UINT32_C(0x80000000)));
    bits_over_unit = ACCUMULATION_INTEGER_BITS - headroom + 31 - 8;
    /* in and out may alias: each y[i] is written after its x[i] was last read */
    for (i = 0; i < row_size; i++) {
      const int32_t diff = (int32_t)x[i] - max;
      int32_t v = -128;
      if (diff >= p->diff_min) {
        const int32_t scaled = tx_sat_rounding_doubling_high_mul(shifted_scale, exp_of_diff(p, diff));
        v = rounding_divide_by_pot_wide(scaled, bits_over_unit) - 128;
      }
      y[i] = (int8_t)tx_clamp_s32(v, -128, 127);
    }
  }
  return TX_OK;
}

int32_t tx_softmax_s8_scratch_size(const tx_softmax_s8_params *p, const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
