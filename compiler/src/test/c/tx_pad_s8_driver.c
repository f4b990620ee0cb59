/* Driver for tx_pad_s8 (dev.tenax.kernels.PadS8Test). A case: before[4], after[4], pad_value,
 * the input shape, then the input. */
#include "kernel_driver_io.h"
#include "tx_pad_s8.h"

static int8_t in[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_pad_s8_params p;
  tx_shape4 s;
  tx_shape4 o;
  int32_t d;
  while (read_i32(&p.before[0])) {
    for (d = 1; d < 4; d++) {
      p.before[d] = need_i32();
    }
    for (d = 0; d < 4; d++) {
      p.after[d] = need_i32();
    }
    p.pad_value = need_i32();
    read_shape(&s);
    read_bytes(in, shape_count(&s));
    o.n = s.n + p.before[0] + p.after[0];
    o.h = s.h + p.before[1] + p.after[1];
    o.w = s.w + p.before[2] + p.after[2];
    o.c = s.c + p.before[3] + p.after[3];
    print_result(tx_pad_s8(&p, &s, in, out), out, shape_count(&o));
  }
  return 0;
}
