/* Driver for tx_resize_nearest_s8 (dev.tenax.kernels.ResizeNearestS8Test). A case: the input
 * shape, the output shape, src_y and src_x as vectors (length then entries), then the input. */
#include "kernel_driver_io.h"
#include "tx_resize_nearest_s8.h"

#define MAX_TABLE 4096

static int8_t in[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];
static int32_t src_y[MAX_TABLE];
static int32_t src_x[MAX_TABLE];

int main(void)
{
  tx_resize_nearest_s8_params p;
  tx_shape4 is;
  tx_shape4 os;
  p.src_y = src_y;
  p.src_x = src_x;
  while (read_i32(&is.n)) {
    is.h = need_i32();
    is.w = need_i32();
    is.c = need_i32();
    read_shape(&os);
    if (read_i32_vector(src_y, MAX_TABLE) != os.h || read_i32_vector(src_x, MAX_TABLE) != os.w) {
      fprintf(stderr, "index tables do not match the output shape\n");
      return 2;
    }
    read_bytes(in, shape_count(&is));
    print_result(tx_resize_nearest_s8(&p, &is, in, &os, out), out, shape_count(&os));
  }
  return 0;
}
