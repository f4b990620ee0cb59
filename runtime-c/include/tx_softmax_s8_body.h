/*
 * The body of tx_softmax_s8 (twin of dev.tenax.kernels.SoftmaxS8), shared by the portable kernel
 * (runtime-c/src) and the MSP430 one (runtime-c/msp430-hwmult/src), which defines
 * TX_GEMMLOWP_HIGH_MUL as its hardware-multiplier product with the same bits before including
 * it. Include it in the kernel's source only.
 *
 * Only 32-bit arithmetic: 64-bit shifts and products are loops of library calls on 16-bit cores.
 * The exponentials of a row's first TX_SOFTMAX_S8_CACHED values are kept from the sum to the
 * output pass (64 bytes of stack), so a classifier's row costs one exponential a value, not two.
 */
#ifndef TX_SOFTMAX_S8_BODY_H
#define TX_SOFTMAX_S8_BODY_H

#include "tx_gemmlowp.h"
#include "tx_kernel_args.h"
#include "tx_softmax_s8.h"

#define ACCUMULATION_INTEGER_BITS 12

/* How many exponentials of a row are kept between the two passes. */
#define TX_SOFTMAX_S8_CACHED 16

/* x / 2^exponent rounded half away from zero for exponent in [0, 62] (the reciprocal's exponent
 * reaches 34 for long rows), as the 64-bit form (mask, remainder, threshold) gives it. Beyond 31:
 * |x| <= 2^31 <= 2^(exponent - 1), so the quotient rounds to 0, except INT32_MIN / 2^32 = -1/2,
 * a tie, which rounds away from zero to -1. */
static int32_t rounding_divide_by_pot_wide(int32_t x, int32_t exponent)
{
  if (exponent <= 31) {
    return tx_rounding_divide_by_pot(x, exponent);
  }
  return exponent == 32 && x == INT32_MIN ? INT32_C(-1) : INT32_C(0);
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

/* exp(beta * input_scale * diff) in Q0.31; diff << shift wraps like the Java, here as the product
 * with 2^shift modulo 2^32 (the same bits; a variable 32-bit shift is a loop on 16-bit cores). */
static int32_t exp_of_diff(const tx_softmax_s8_params *p, uint32_t pow2_shift, int32_t diff)
{
  const int32_t shifted = tx_wrap_s32((uint32_t)diff * pow2_shift);
  return tx_exp_on_negative_values(TX_GEMMLOWP_HIGH_MUL(shifted, p->input_multiplier));
}

tx_status tx_softmax_s8(const tx_softmax_s8_params *p, const tx_shape4 *shape, const int8_t *in,
                        int8_t *out)
{
  int32_t rows;
  int32_t row_size;
  int32_t r;
  int32_t i;
  uint32_t pow2_shift;
  int32_t cached[TX_SOFTMAX_S8_CACHED];
  if (p == 0 || shape == 0 || in == 0 || out == 0 || !tx_shape4_valid(shape)
      || shape->c > TX_SOFTMAX_S8_MAX_ROW_SIZE || p->input_multiplier < (INT32_C(1) << 30)
      || p->input_left_shift < 0 || p->input_left_shift > 31 || p->diff_min > 0) {
    return TX_ERR_ARGUMENT;
  }
  pow2_shift = UINT32_C(1) << p->input_left_shift;
  rows = shape->n * shape->h * shape->w;
  row_size = shape->c;
  for (r = 0; r < rows; r++, in += row_size, out += row_size) {
    int32_t max = in[0];
    int32_t sum = 0;
    int32_t headroom;
    int32_t shifted_scale;
    int32_t bits_over_unit;
    uint32_t half;
    unsigned int low_shift;
    for (i = 1; i < row_size; i++) {
      max = in[i] > max ? in[i] : max;
    }
    for (i = 0; i < row_size; i++) {
      const int32_t diff = (int32_t)in[i] - max;
      if (diff >= p->diff_min) {
        const int32_t e = exp_of_diff(p, pow2_shift, diff);
        if (i < TX_SOFTMAX_S8_CACHED) {
          cached[i] = e;
        }
        /* at most 4095 terms of at most 2^19: no overflow */
        sum += tx_rounding_divide_by_pot(e, ACCUMULATION_INTEGER_BITS);
      }
    }
    /* sum >= 2^19 (the maximum contributes exp(0)), so headroom is in [1, 12] */
    headroom = leading_zeros(sum);
    shifted_scale = tx_one_over_one_plus_x(
        tx_wrap_s32(((uint32_t)sum << headroom) - UINT32_C(0x80000000)));
    bits_over_unit = ACCUMULATION_INTEGER_BITS - headroom + 31 - 8;
    /* The output's rounding division for scaled >= 0 and an exponent in [16, 31] (the usual row):
     * floor((scaled + 2^(exponent - 1)) / 2^exponent), since the remainder rounds up exactly when
     * it reaches half; unsigned, scaled + 2^30 < 2^32. The rounding term once a row, and the shift
     * as a word move and a 16-bit shift: a variable 32-bit shift is a loop of one-bit steps on
     * 16-bit cores. Other cases take rounding_divide_by_pot_wide. */
    half = bits_over_unit >= 16 && bits_over_unit <= 31 ? UINT32_C(1) << (bits_over_unit - 1) : 0u;
    low_shift = half != 0u ? (unsigned int)(bits_over_unit - 16) : 0u;
    /* in and out may alias: each out[i] is written after its in[i] was last read */
    for (i = 0; i < row_size; i++) {
      const int32_t diff = (int32_t)in[i] - max;
      int32_t v = -128;
      if (diff >= p->diff_min) {
        const int32_t e = i < TX_SOFTMAX_S8_CACHED ? cached[i] : exp_of_diff(p, pow2_shift, diff);
        const int32_t scaled = TX_GEMMLOWP_HIGH_MUL(shifted_scale, e);
        if (half != 0u && scaled >= 0) {
          v = (int32_t)((uint16_t)(((uint32_t)scaled + half) >> 16) >> low_shift) - 128;
        } else {
          v = rounding_divide_by_pot_wide(scaled, bits_over_unit) - 128;
        }
      }
      out[i] = (int8_t)tx_clamp_s32(v, -128, 127);
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

#endif /* TX_SOFTMAX_S8_BODY_H */
