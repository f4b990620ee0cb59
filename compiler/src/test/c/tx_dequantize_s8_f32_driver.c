/* Driver for tx_dequantize_s8_f32 (dev.tenax.kernels.DequantizeS8F32Test). A case: scale
 * (bits), zero point, the shape (n h w c), then the int8 inputs. */
#include "float_driver_io.h"
#include "tx_dequantize_s8_f32.h"

static int8_t in[DRIVER_MAX_ELEMENTS];
static float out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_dequantize_s8_f32_params p;
  tx_shape4 s;
  int32_t bits;
  int32_t count;
  while (read_i32(&bits)) {
    p.scale = tx_f32_from_bits((uint32_t)bits);
    p.zero_point = need_i32();
    read_shape(&s);
    count = shape_count(&s);
    read_bytes(in, count);
    print_result_f32(tx_dequantize_s8_f32(&p, &s, in, out), out, count);
  }
  return 0;
}
