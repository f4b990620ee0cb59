/* float32 to int16 quantization; the specification is dev.tenax.kernels.QuantizeF32S16. */
#include "tx_quantize_f32_s16.h"

#include "tx_kernel_args.h"
#include "tx_math_f32.h"

/* Beyond this |rint(x / scale)| saturates whatever the zero point; clamping first keeps the
 * float-to-int conversion in range. */
#define LIMIT 0x1p20f

tx_status tx_quantize_f32_s16(const tx_quantize_f32_s16_params *p, const tx_shape4 *shape,
                               const float *in, int16_t *out)
{
  int32_t count;
  int32_t i;
  if (p == 0 || shape == 0 || in == 0 || out == 0 || !(p->scale > 0.0f)
      || !(p->scale <= 0x1.fffffep+127f) || p->zero_point < -32768 || p->zero_point > 32767
      || !tx_shape4_valid(shape)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
  for (i = 0; i < count; i++) {
    float r = tx_rintf(in[i] / p->scale);
    int32_t q;
    if (r != r) {
      r = 0.0f;
    } else if (r > LIMIT) {
      r = LIMIT;
    } else if (r < -LIMIT) {
      r = -LIMIT;
    }
    q = (int32_t)r + p->zero_point;
    out[i] = (int16_t)(q < -32768 ? -32768 : q > 32767 ? 32767 : q);
  }
  return TX_OK;
}

int32_t tx_quantize_f32_s16_scratch_size(const tx_quantize_f32_s16_params *p,
                                         const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
