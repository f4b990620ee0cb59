/*
 * Cortex-M variant of tx_quantize_f32_s8 (same name, signature and bits as
 * runtime-c/src/tx_quantize_f32_s8.c) for cores with a single-precision FPU (M4, M7, M33):
 * VDIV, then VCVTR, which rounds to the nearest integer, ties to even, in the FPSCR's rounding
 * mode (set to round-to-nearest for the call and restored after, whatever the firmware chose),
 * saturates to int32 and gives 0 for NaN, exactly rint(x / scale) of the reference with its NaN
 * rule; QADD adds the zero point saturating at int32 (no wrap for a saturated quotient), then
 * SSAT to 8 bits: the reference's clamp to +-2^20 and its int8 saturation give the same bits.
 * Four elements a loop (one VLDM, two VMOVs of a register pair): about 6.3 instructions an
 * element (MobileNet VWW's 27,648-element input, cortex-m4: 276,640 -> 172,960 instructions; 10
 * an element before, 36 in portable C). Without the FPU (or on the host) the portable loop runs.
 */
#include "tx_quantize_f32_s8.h"

#include "tx_quantize_f32_s8_body.h"
#include "tx_quantize_f32_s8_portable.h"

#if defined(__ARM_FP) && (__ARM_FP & 4) && defined(__thumb2__)
static void quantize_vfp(const tx_quantize_f32_s8_params *p, int32_t count, const float *in,
                         int8_t *out)
{
  const float scale = p->scale;
  const int32_t zp = p->zero_point;
  uint32_t fpscr, rn;
  int32_t i;
  __asm__ volatile("vmrs %0, fpscr" : "=r"(fpscr));
  rn = fpscr & ~(UINT32_C(3) << 22); /* RMode 00: round to nearest, ties to even */
  __asm__ volatile("vmsr fpscr, %0" : : "r"(rn));
  /* four at a time: one VLDM, two VMOVs of two registers each, QADD's int32 saturation before
   * SSAT to 8 bits (the quotient saturated to int32 by VCVTR plus the zero point must not wrap) */
  for (i = count >> 2; i > 0; i--) {
    int32_t a, b, c, d;
    __asm__ volatile("vldmia  %[in]!, {s0-s3}\n\t"
                     "vdiv.f32 s0, s0, %[scale]\n\t"
                     "vdiv.f32 s1, s1, %[scale]\n\t"
                     "vdiv.f32 s2, s2, %[scale]\n\t"
                     "vdiv.f32 s3, s3, %[scale]\n\t"
                     "vcvtr.s32.f32 s0, s0\n\t"
                     "vcvtr.s32.f32 s1, s1\n\t"
                     "vcvtr.s32.f32 s2, s2\n\t"
                     "vcvtr.s32.f32 s3, s3\n\t"
                     "vmov    %[a], %[b], s0, s1\n\t"
                     "vmov    %[c], %[d], s2, s3\n\t"
                     "qadd    %[a], %[a], %[zp]\n\t"
                     "qadd    %[b], %[b], %[zp]\n\t"
                     "qadd    %[c], %[c], %[zp]\n\t"
                     "qadd    %[d], %[d], %[zp]\n\t"
                     "ssat    %[a], #8, %[a]\n\t"
                     "ssat    %[b], #8, %[b]\n\t"
                     "ssat    %[c], #8, %[c]\n\t"
                     "ssat    %[d], #8, %[d]\n\t"
                     "strb    %[a], [%[out]], #1\n\t"
                     "strb    %[b], [%[out]], #1\n\t"
                     "strb    %[c], [%[out]], #1\n\t"
                     "strb    %[d], [%[out]], #1"
                     : [in] "+r"(in), [out] "+r"(out), [a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c),
                       [d] "=&r"(d)
                     : [scale] "t"(scale), [zp] "r"(zp)
                     : "s0", "s1", "s2", "s3", "memory");
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
    *out++ = (int8_t)v;
  }
  __asm__ volatile("vmsr fpscr, %0" : : "r"(fpscr));
}
#endif

tx_status tx_quantize_f32_s8(const tx_quantize_f32_s8_params *p, const tx_shape4 *shape,
                               const float *in, int8_t *out)
{
  int32_t count;
  if (!tx_quantize_f32_s8_valid(p, shape, in, out)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
#if defined(__ARM_FP) && (__ARM_FP & 4) && defined(__thumb2__)
  quantize_vfp(p, count, in, out);
#else
  tx_quantize_f32_s8_portable(p, count, in, out);
#endif
  return TX_OK;
}

int32_t tx_quantize_f32_s8_scratch_size(const tx_quantize_f32_s8_params *p,
                                        const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
