/*
 * The portable loop of tx_quantize_f32_s8 (twin of dev.tenax.kernels.QuantizeF32S8): the
 * reference kernel (runtime-c/src) and the fallback of the Arm variant (runtime-c/arm-dsp/src)
 * on cores without a single-precision FPU. Include it in the kernel's source only.
 */
#ifndef TX_QUANTIZE_F32_S8_PORTABLE_H
#define TX_QUANTIZE_F32_S8_PORTABLE_H

#include "tx_math_f32.h"
#include "tx_quantize_f32_s8.h"

/* Beyond this |rint(x / scale)| saturates whatever the zero point; clamping first keeps the
 * float-to-int conversion in range. */
#define TX_QUANTIZE_F32_S8_LIMIT 0x1p20f

/* count elements of in, quantized into out `stride` bytes apart (arguments already checked) */
static inline void tx_quantize_f32_s8_portable(const tx_quantize_f32_s8_params *p, int32_t count,
                                               const float *in, int8_t *out, int32_t stride)
{
  int32_t i;
  for (i = 0; i < count; i++) {
    float r = tx_rintf(in[i] / p->scale);
    int32_t q;
    if (r != r) {
      r = 0.0f;
    } else if (r > TX_QUANTIZE_F32_S8_LIMIT) {
      r = TX_QUANTIZE_F32_S8_LIMIT;
    } else if (r < -TX_QUANTIZE_F32_S8_LIMIT) {
      r = -TX_QUANTIZE_F32_S8_LIMIT;
    }
    q = (int32_t)r + p->zero_point;
    out[i * stride] = (int8_t)(q < -128 ? -128 : q > 127 ? 127 : q);
  }
}

#endif /* TX_QUANTIZE_F32_S8_PORTABLE_H */
