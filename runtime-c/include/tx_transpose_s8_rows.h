/*
 * The Cortex-M tx_transpose_s8 (same name, signature and bits as runtime-c/src/tx_transpose_s8.c),
 * entry points included: the source of the arm-dsp variant (cortex-m4, m7, m33, m55) and of the
 * arm-scalar one (cortex-m3; cortex-m0 compiles its C fallback). Include it from those only. The reference walks the output and reads the input with the
 * stride of the output's innermost axis, an index product per element; on the NCHW -> NHWC step
 * of a model with a float NCHW input (after the compiler merges axes: shape (1, 1, C, H * W),
 * perm (0, 1, 3, 2)) each read lies H * W bytes from the last.
 *
 * Here the input is walked in rows along its innermost axis, read contiguously, each byte stored
 * with the output stride of that axis (C bytes apart above). On Thumb-2 a row is copied 8 bytes an
 * iteration: 8 LDRB with immediate offsets, 8 STRB whose register offsets s, 2s, ..., 7s come from
 * four registers (s, 3s, 5s, 7s, and s, 3s shifted left), 19 instructions; word loads would save
 * loads but need a shift per stored byte. When the input's innermost axis is the shorter of its
 * last two (an NHWC -> NCHW step with few channels, int16 data whose byte pairs stay together),
 * the rows run along axis 2 instead, strided on both sides (6 instructions a byte), so that short
 * rows do not pay the loop overhead for every few bytes. The whole row copy is assembly because
 * GCC -O2 keeps neither the post-increment nor a compact tail (the same loops in C took
 * 20 instructions per 8 bytes and about 100 more bytes of code).
 *
 * MLPerf Tiny VWW (MobileNet v1, 1x3x96x96 input) on cortex-m4 (tenax bench), step 1: 230,600
 * instructions (8.3 an element) -> 65,880 (2.38); 380 bytes of code instead of the reference's
 * 310 (model code 16,114 -> 16,182 bytes). Other shapes: 2.4-3.7 instructions an element where
 * the rows are 8 bytes or longer (the reference 7.5-8.9), 6.1 where both sides are strided (the
 * reference 5.1 on NHWC -> NCHW with 3 channels, 12 on int16 NCHW -> NHWC). Cores without
 * Thumb-2 (cortex-m0), and the host's cross-check, copy a byte at a time in C. The assembly needs
 * no DSP instruction, so cortex-m3 takes it too (VWW's input step there the same 230,600 ->
 * 65,880).
 */
#ifndef TX_TRANSPOSE_S8_ROWS_H
#define TX_TRANSPOSE_S8_ROWS_H

#include "tx_transpose_s8.h"


/* Copies k > 0 bytes from s, ss apart, to q, qs apart. */
static void copy_row(const int8_t *s, int32_t ss, uint8_t *q, int32_t qs, int32_t k)
{
#if defined(__thumb2__)
  int32_t t, t3, t5, t7;
  /* 1: eight bytes of a contiguous row; 2: one byte of any row; k counts what is left, less 8
   * while the first loop runs */
  __asm__ volatile("cmp %[ss], #1\n\t"
                   "bne 2f\n\t"
                   "subs %[k], %[k], #8\n\t"
                   "blt 4f\n\t"
                   "add %[t3], %[qs], %[qs], lsl #1\n\t"
                   "add %[t5], %[qs], %[qs], lsl #2\n\t"
                   "rsb %[t7], %[qs], %[qs], lsl #3\n"
                   "1:\n\t"
                   "ldrb %[t], [%[s], #1]\n\t"
                   "strb %[t], [%[q], %[qs]]\n\t"
                   "ldrb %[t], [%[s], #2]\n\t"
                   "strb %[t], [%[q], %[qs], lsl #1]\n\t"
                   "ldrb %[t], [%[s], #3]\n\t"
                   "strb %[t], [%[q], %[t3]]\n\t"
                   "ldrb %[t], [%[s], #4]\n\t"
                   "strb %[t], [%[q], %[qs], lsl #2]\n\t"
                   "ldrb %[t], [%[s], #5]\n\t"
                   "strb %[t], [%[q], %[t5]]\n\t"
                   "ldrb %[t], [%[s], #6]\n\t"
                   "strb %[t], [%[q], %[t3], lsl #1]\n\t"
                   "ldrb %[t], [%[s], #7]\n\t"
                   "strb %[t], [%[q], %[t7]]\n\t"
                   "ldrb %[t], [%[s]], #8\n\t"
                   "strb %[t], [%[q]]\n\t"
                   "add %[q], %[q], %[qs], lsl #3\n\t"
                   "subs %[k], %[k], #8\n\t"
                   "bge 1b\n"
                   "4:\n\t"
                   "adds %[k], %[k], #8\n\t"
                   "beq 3f\n"
                   "2:\n\t"
                   "ldrb %[t], [%[s]]\n\t"
                   "strb %[t], [%[q]]\n\t"
                   "add %[s], %[s], %[ss]\n\t"
                   "add %[q], %[q], %[qs]\n\t"
                   "subs %[k], %[k], #1\n\t"
                   "bne 2b\n"
                   "3:"
                   : [s] "+&r"(s), [q] "+&r"(q), [k] "+&r"(k), [t] "=&r"(t), [t3] "=&r"(t3),
                     [t5] "=&r"(t5), [t7] "=&r"(t7)
                   : [ss] "r"(ss), [qs] "r"(qs)
                   : "cc", "memory");
#else
  for (;;) {
    *q = (uint8_t)*s;
    if (--k == 0) {
      break;
    }
    q += qs;
    s += ss;
  }
#endif
}

tx_status tx_transpose_s8(const tx_transpose_s8_params *p, const tx_shape4 *in_shape,
                          const int8_t *in, int8_t *out)
{
  int32_t dims[4];
  int32_t step[4]; /* output stride of each input dimension */
  int32_t count[2] = {0, 0};
  int32_t seen = 0;
  int32_t stride = 1;
  int32_t d, c2 = 0, block, i2, i3;
  int32_t o = 0; /* the row's output offset */
  const int8_t *row = in;
  if (p == 0 || in_shape == 0 || in == 0 || out == 0) {
    return TX_ERR_ARGUMENT;
  }
  dims[0] = in_shape->n;
  dims[1] = in_shape->h;
  dims[2] = in_shape->w;
  dims[3] = in_shape->c;
  for (d = 3; d >= 0; d--) {
    const int32_t a = p->perm[d];
    if (a < 0 || a > 3 || dims[a] <= 0) {
      return TX_ERR_ARGUMENT;
    }
    seen |= INT32_C(1) << a;
    step[a] = stride;
    stride *= dims[a];
  }
  if (seen != 15) {
    return TX_ERR_ARGUMENT;
  }
  /* Rows along input axis 3 (input stride i3 = 1), one after the other (i2) over axis 2, or the
   * two swapped; axes 0 and 1 then step over blocks of dims[2] * dims[3] input bytes. */
  block = dims[2] * dims[3];
  i2 = dims[3];
  i3 = 1;
  if (dims[3] < dims[2]) {
    i3 = dims[3];
    i2 = 1;
    dims[3] = dims[2];
    dims[2] = i3;
    stride = step[3];
    step[3] = step[2];
    step[2] = stride;
  }
  for (;;) {
    copy_row(row, i3, (uint8_t *)out + o, step[3], dims[3]);
    o += step[2];
    row += i2;
    if (++c2 < dims[2]) {
      continue;
    }
    c2 = 0;
    o -= dims[2] * step[2];
    in += block;
    row = in;
    for (d = 1; d >= 0; d--) {
      o += step[d];
      if (++count[d] < dims[d]) {
        break;
      }
      count[d] = 0;
      o -= dims[d] * step[d];
    }
    if (d < 0) {
      break;
    }
  }
  return TX_OK;
}

int32_t tx_transpose_s8_scratch_size(const tx_transpose_s8_params *p, const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}

#endif /* TX_TRANSPOSE_S8_ROWS_H */
