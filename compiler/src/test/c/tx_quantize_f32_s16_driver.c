/* Driver for tx_quantize_f32_s16 (dev.tenax.kernels.QuantizeF32S16Test). A case: scale (bits),
 * zero point, the shape (n h w c), then the input floats (bits). */
#include "float_driver_io.h"
#include "tx_quantize_f32_s16.h"

static float in[DRIVER_MAX_ELEMENTS];
static int16_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_quantize_f32_s16_params p;
  tx_shape4 s;
  int32_t bits;
  int32_t count;
  while (read_i32(&bits)) {
    p.scale = tx_f32_from_bits((uint32_t)bits);
    p.zero_point = need_i32();
    read_shape(&s);
    count = shape_count(&s);
    read_f32s(in, count);
    print_result_s16(tx_quantize_f32_s16(&p, &s, in, out), out, count);
  }
  return 0;
}
