/* float32 to int8 quantization; the specification is dev.tenax.kernels.QuantizeF32S8. */
#include "tx_quantize_f32_s8.h"

#include "tx_quantize_f32_s8_body.h"
#include "tx_math_f32.h"

/* Beyond this |rint(x / scale)| saturates whatever the zero point; clamping first keeps the
 * float-to-int conversion in range. */
#define LIMIT 0x1p20f

tx_status tx_quantize_f32_s8(const tx_quantize_f32_s8_params *p, const tx_shape4 *shape,
                               const float *in, int8_t *out)
{
  int32_t count;
  int32_t i;
  if (!tx_quantize_f32_s8_valid(p, shape, in, out)) {
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
    out[i] = (int8_t)(q < -128 ? -128 : q > 127 ? 127 : q);
  }
  return TX_OK;
}

int32_t tx_quantize_f32_s8_scratch_size(const tx_quantize_f32_s8_params *p,
                                        const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
