/* Driver for tx_quantize_transpose_f32_s8 (dev.tenax.kernels.QuantizeTransposeF32S8Test). A case:
 * scale (bits), zero point, first, count, the input shape (n h w c: n * h * w rows of c columns),
 * then the input floats (bits); the output has count * n * h * w values. */
#include "float_driver_io.h"
#include "tx_quantize_transpose_f32_s8.h"

static float in[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_quantize_transpose_f32_s8_params p;
  tx_shape4 s;
  int32_t bits;
  while (read_i32(&bits)) {
    p.scale = tx_f32_from_bits((uint32_t)bits);
    p.zero_point = need_i32();
    p.first = need_i32();
    p.count = need_i32();
    read_shape(&s);
    read_f32s(in, shape_count(&s));
    print_result(tx_quantize_transpose_f32_s8(&p, &s, in, out), out, p.count > 0 ? p.count * s.n * s.h * s.w : 0);
  }
  return 0;
}
