/* float32 tanh; the specification is dev.tenax.kernels.TanhF32. */
#include "tx_tanh_f32.h"

#include "tx_kernel_args.h"
#include "tx_math_f32.h"

/*
 * Below |x| = 0.5 the Taylor series x - x^3/3 + 2x^5/15 - ... (to x^15, truncation under 2^-26
 * relative) avoids the cancellation of 1 - e^-2|x|; above it (1 - e) / (1 + e) with
 * e = e^-2|x| <= e^-1 loses nothing and tends to 1 for large |x| (e underflows to 0, no inf / inf).
 */
static float tanh_f32(float x)
{
  const float a = x < 0.0f ? -x : x;
  float r;
  if (a < 0x1p-12f) {
    return x; /* tanh x = x (1 - x^2/3 + ...) rounds to x; keeps the sign of 0 */
  }
  if (a < 0.5f) {
    const float z = x * x;
    float t = -0x1.7da364p-10f;
    t = 0x1.d6d3d0p-9f + z * t;
    t = -0x1.226e36p-7f + z * t;
    t = 0x1.664f48p-6f + z * t;
    t = -0x1.ba1ba2p-5f + z * t;
    t = 0x1.111112p-3f + z * t;
    t = -0x1.555556p-2f + z * t;
    return x + x * (z * t);
  }
  {
    const float e = tx_expf(-2.0f * a);
    r = (1.0f - e) / (1.0f + e);
  }
  return x < 0.0f ? -r : r;
}

tx_status tx_tanh_f32(const tx_shape4 *shape, const float *in, float *out)
{
  int32_t count;
  int32_t i;
  if (shape == 0 || in == 0 || out == 0 || !tx_shape4_valid(shape)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
  for (i = 0; i < count; i++) {
    out[i] = tanh_f32(in[i]);
  }
  return TX_OK;
}

int32_t tx_tanh_f32_scratch_size(const tx_shape4 *shape)
{
  (void)shape;
  return 0;
}
