/*
 * The reference arithmetic of tx_add_s8 (twin of dev.tenax.kernels.AddS8), shared by the portable
 * kernel (runtime-c/src) and the optimized variants, which fall back to it for the parameters
 * their fast paths do not cover: include it in the kernel's source only.
 */
#ifndef TX_ADD_S8_BODY_H
#define TX_ADD_S8_BODY_H

#include "tx_add_s8.h"
#include "tx_fixed_point.h"

/* The element count of valid arguments, or -1 (null pointers, a left shift outside [0, 30], a
 * dimension that is not positive, or more elements than int32 counts). */
static int32_t tx_add_s8_count(const tx_add_s8_params *p, const tx_shape4 *s, const int8_t *in1,
                               const int8_t *in2, const int8_t *out)
{
  int64_t count;
  if (p == 0 || s == 0 || in1 == 0 || in2 == 0 || out == 0 || p->left_shift < 0 || p->left_shift > 30
      || s->n <= 0 || s->h <= 0 || s->w <= 0 || s->c <= 0) {
    return -1;
  }
  count = (int64_t)s->n * (int64_t)s->h;
  count = count > INT32_MAX ? -1 : count * (int64_t)s->w;
  count = count > INT32_MAX || count < 0 ? -1 : count * (int64_t)s->c;
  return count > INT32_MAX || count < 0 ? -1 : (int32_t)count;
}

/* The offset input with left_shift bits of headroom; wraps like Java's << (never in practice:
 * |value| <= 256 and left_shift is 20 for int8). */
static int32_t tx_add_s8_shifted(int32_t offset, int8_t v, int32_t left_shift)
{
  return tx_wrap_s32((uint32_t)(offset + (int32_t)v) << left_shift);
}

/* inline: a variant that covers every case without it (arm-scalar on cortex-m3) leaves it
 * unused without a warning. */
static inline void tx_add_s8_reference(const tx_add_s8_params *p, int32_t count,
                                       const int8_t *in1, const int8_t *in2, int8_t *out)
{
  int32_t i;
  for (i = 0; i < count; i++) {
    const int32_t a = tx_requantize(tx_add_s8_shifted(p->input1_offset, in1[i], p->left_shift),
                                    p->input1_multiplier, p->input1_shift);
    const int32_t b = tx_requantize(tx_add_s8_shifted(p->input2_offset, in2[i], p->left_shift),
                                    p->input2_multiplier, p->input2_shift);
    out[i] = tx_requantize_s8(tx_add_wrap_s32(a, b), p->output_multiplier, p->output_shift,
                              p->output_offset, p->act_min, p->act_max);
  }
}

#endif /* TX_ADD_S8_BODY_H */
