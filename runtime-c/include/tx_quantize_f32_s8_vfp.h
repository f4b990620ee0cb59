/*
 * The element loop of the Cortex-M tx_quantize_f32_s8 for cores with a single-precision FPU
 * (runtime-c/arm-dsp/src/tx_quantize_f32_s8.c says how it gives the reference's bits):
 * tx_quantize_f32_s8_fast, the FPU's loop where there is one and the portable loop elsewhere
 * (the host's cross-checks), storing `stride` bytes apart. Include it in a kernel's source only.
 */
#ifndef TX_QUANTIZE_F32_S8_VFP_H
#define TX_QUANTIZE_F32_S8_VFP_H

#include "tx_quantize_f32_s8_portable.h"

#if defined(__ARM_FP) && (__ARM_FP & 4) && defined(__thumb2__)
/* Four elements: one VLDM, two VMOVs of two registers each, QADD's int32 saturation before SSAT
 * to 8 bits (the quotient saturated to int32 by VCVTR plus the zero point must not wrap); the
 * stores follow. */
#define TX_QUANTIZE_F32_S8_VFP4                                                                   \
  "vldmia  %[in]!, {s0-s3}\n\t"                                                                  \
  "vdiv.f32 s0, s0, %[scale]\n\t"                                                                \
  "vdiv.f32 s1, s1, %[scale]\n\t"                                                                \
  "vdiv.f32 s2, s2, %[scale]\n\t"                                                                \
  "vdiv.f32 s3, s3, %[scale]\n\t"                                                                \
  "vcvtr.s32.f32 s0, s0\n\t"                                                                     \
  "vcvtr.s32.f32 s1, s1\n\t"                                                                     \
  "vcvtr.s32.f32 s2, s2\n\t"                                                                     \
  "vcvtr.s32.f32 s3, s3\n\t"                                                                     \
  "vmov    %[a], %[b], s0, s1\n\t"                                                               \
  "vmov    %[c], %[d], s2, s3\n\t"                                                               \
  "qadd    %[a], %[a], %[zp]\n\t"                                                                \
  "qadd    %[b], %[b], %[zp]\n\t"                                                                \
  "qadd    %[c], %[c], %[zp]\n\t"                                                                \
  "qadd    %[d], %[d], %[zp]\n\t"                                                                \
  "ssat    %[a], #8, %[a]\n\t"                                                                   \
  "ssat    %[b], #8, %[b]\n\t"                                                                   \
  "ssat    %[c], #8, %[c]\n\t"                                                                   \
  "ssat    %[d], #8, %[d]\n\t"

static void tx_quantize_f32_s8_vfp(const tx_quantize_f32_s8_params *p, int32_t count,
                                   const float *in, int8_t *out, int32_t stride)
{
  const float scale = p->scale;
  const int32_t zp = p->zero_point;
  uint32_t fpscr, rn;
  int32_t i;
  int32_t a, b, c, d;
  __asm__ volatile("vmrs %0, fpscr" : "=r"(fpscr));
  rn = fpscr & ~(UINT32_C(3) << 22); /* RMode 00: round to nearest, ties to even */
  __asm__ volatile("vmsr fpscr, %0" : : "r"(rn));
  if (stride == 1) {
    for (i = count >> 2; i > 0; i--) {
      __asm__ volatile(TX_QUANTIZE_F32_S8_VFP4 "strb    %[a], [%[out]], #1\n\t"
                       "strb    %[b], [%[out]], #1\n\t"
                       "strb    %[c], [%[out]], #1\n\t"
                       "strb    %[d], [%[out]], #1"
                       : [in] "+r"(in), [out] "+r"(out), [a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c),
                         [d] "=&r"(d)
                       : [scale] "t"(scale), [zp] "r"(zp)
                       : "s0", "s1", "s2", "s3", "memory");
    }
  } else {
    /* a row of a transposed output (tx_quantize_transpose_f32_s8): two more ADDs */
    for (i = count >> 2; i > 0; i--) {
      __asm__ volatile(TX_QUANTIZE_F32_S8_VFP4 "strb    %[a], [%[out]]\n\t"
                       "strb    %[b], [%[out], %[stride]]\n\t"
                       "add     %[out], %[out], %[stride], lsl #1\n\t"
                       "strb    %[c], [%[out]]\n\t"
                       "strb    %[d], [%[out], %[stride]]\n\t"
                       "add     %[out], %[out], %[stride], lsl #1"
                       : [in] "+r"(in), [out] "+r"(out), [a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c),
                         [d] "=&r"(d)
                       : [scale] "t"(scale), [zp] "r"(zp), [stride] "r"(stride)
                       : "s0", "s1", "s2", "s3", "memory");
    }
  }
  for (i = count & 3; i > 0; i--) {
    float q = *in++ / scale;
    int32_t v;
    __asm__ volatile("vcvtr.s32.f32 %1, %1\n\t"
                     "vmov   %0, %1\n\t"
                     "qadd   %0, %0, %2\n\t"
                     "ssat   %0, #8, %0"
                     : "=r"(v), "+t"(q)
                     : "r"(zp));
    *out = (int8_t)v;
    out += stride;
  }
  __asm__ volatile("vmsr fpscr, %0" : : "r"(fpscr));
}
#endif

static void tx_quantize_f32_s8_fast(const tx_quantize_f32_s8_params *p, int32_t count,
                                    const float *in, int8_t *out, int32_t stride)
{
#if defined(__ARM_FP) && (__ARM_FP & 4) && defined(__thumb2__)
  tx_quantize_f32_s8_vfp(p, count, in, out, stride);
#else
  tx_quantize_f32_s8_portable(p, count, in, out, stride);
#endif
}

#endif /* TX_QUANTIZE_F32_S8_VFP_H */
