/* Driver for tx_mul_s8 (dev.tenax.kernels.MulS8CrossCheckTest). A case: the 7 fields of
 * tx_mul_s8_params in order, the shape (n h w c), then input 1 and input 2. */
#include "kernel_driver_io.h"
#include "tx_mul_s8.h"

static int8_t in1[DRIVER_MAX_ELEMENTS];
static int8_t in2[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_mul_s8_params p;
  tx_shape4 s;
  int32_t count;
  while (read_i32(&p.input1_offset)) {
    p.input2_offset = need_i32();
    p.output_offset = need_i32();
    p.output_multiplier = need_i32();
    p.output_shift = need_i32();
    p.act_min = need_i32();
    p.act_max = need_i32();
    read_shape(&s);
    count = shape_count(&s);
    read_bytes(in1, count);
    read_bytes(in2, count);
    print_result(tx_mul_s8(&p, &s, in1, in2, out), out, count);
  }
  return 0;
}
