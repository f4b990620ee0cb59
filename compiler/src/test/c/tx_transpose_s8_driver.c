/* Driver for tx_transpose_s8 (dev.tenax.kernels.TransposeS8Test). A case: perm[4], the input
 * shape, then the input. */
#include "kernel_driver_io.h"
#include "tx_transpose_s8.h"

static int8_t in[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_transpose_s8_params p;
  tx_shape4 s;
  int32_t d;
  int32_t count;
  while (read_i32(&p.perm[0])) {
    for (d = 1; d < 4; d++) {
      p.perm[d] = need_i32();
    }
    read_shape(&s);
    count = shape_count(&s);
    read_bytes(in, count);
    print_result(tx_transpose_s8(&p, &s, in, out), out, count);
  }
  return 0;
}
