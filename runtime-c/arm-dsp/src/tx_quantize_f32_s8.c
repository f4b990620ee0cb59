/*
 * Cortex-M variant of tx_quantize_f32_s8 (same name, signature and bits as
 * runtime-c/src/tx_quantize_f32_s8.c) for cores with a single-precision FPU (M4, M7, M33):
 * VDIV, then VCVTR, which rounds to the nearest integer, ties to even, in the FPSCR's rounding
 * mode (set to round-to-nearest for the call and restored after, whatever the firmware chose),
 * saturates to int32 and gives 0 for NaN, exactly rint(x / scale) of the reference with its NaN
 * rule; SSAT to 16 bits stands for the reference's clamp to +-2^20 (both saturate the int8
 * result whatever the zero point), then the zero point and SSAT to 8 bits. About 10 instructions
 * an element instead of 36. Without the FPU (or on the host) the portable loop runs.
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
  for (i = 0; i < count; i++) {
    float q = in[i] / scale;
    int32_t v;
    __asm__ volatile("vcvtr.s32.f32 %1, %1\n\t"
                     "vmov   %0, %1\n\t"
                     "ssat   %0, #16, %0"
                     : "=r"(v), "+t"(q));
    v += zp;
    __asm__("ssat %0, #8, %0" : "+r"(v));
    out[i] = (int8_t)v;
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
