/* Driver for tx_softmax_s8 (dev.tenax.kernels.SoftmaxS8Test). A case: input_multiplier,
 * input_left_shift, diff_min, the shape (n h w c), then the input. */
#include "kernel_driver_io.h"
#include "tx_softmax_s8.h"

static int8_t in[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_softmax_s8_params p;
  tx_shape4 s;
  int32_t count;
  while (read_i32(&p.input_multiplier)) {
    p.input_left_shift = need_i32();
    p.diff_min = need_i32();
    read_shape(&s);
    count = shape_count(&s);
    read_bytes(in, count);
    print_result(tx_softmax_s8(&p, &s, in, out), out, count);
  }
  return 0;
}
