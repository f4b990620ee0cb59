/* Driver for tx_tanh_s8 (dev.tenax.kernels.TanhS8Test). A case: the table as a vector (its
 * length, 256, then the entries), the shape (n h w c), then the input. */
#include "kernel_driver_io.h"
#include "tx_tanh_s8.h"

static int8_t table[256];
static int8_t in[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_tanh_s8_params p;
  tx_shape4 s;
  int32_t count;
  p.table = table;
  while (read_i32(&count)) {
    if (count != 256) {
      fprintf(stderr, "the table needs 256 entries\n");
      return 2;
    }
    read_bytes(table, count);
    read_shape(&s);
    count = shape_count(&s);
    read_bytes(in, count);
    print_result(tx_tanh_s8(&p, &s, in, out), out, count);
  }
  return 0;
}
