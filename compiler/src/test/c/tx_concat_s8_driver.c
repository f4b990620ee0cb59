/* Driver for tx_concat_s8 (dev.tenax.kernels.ConcatS8Test). A case: axis, num_inputs (at most
 * 8), then for each input its shape and its values. */
#include "kernel_driver_io.h"
#include "tx_concat_s8.h"

#define MAX_INPUTS 8

static int8_t in[MAX_INPUTS][DRIVER_MAX_ELEMENTS / MAX_INPUTS];
static int8_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_concat_s8_params p;
  tx_shape4 shapes[MAX_INPUTS];
  const int8_t *ins[MAX_INPUTS];
  int32_t k;
  int32_t total;
  while (read_i32(&p.axis)) {
    p.num_inputs = need_i32();
    if (p.num_inputs <= 0 || p.num_inputs > MAX_INPUTS) {
      fprintf(stderr, "bad number of inputs\n");
      return 2;
    }
    total = 0;
    for (k = 0; k < p.num_inputs; k++) {
      int32_t count;
      read_shape(&shapes[k]);
      count = shape_count(&shapes[k]);
      if (count > DRIVER_MAX_ELEMENTS / MAX_INPUTS) {
        fprintf(stderr, "input too large\n");
        return 2;
      }
      read_bytes(in[k], count);
      ins[k] = in[k];
      total += count;
    }
    print_result(tx_concat_s8(&p, shapes, ins, out), out, total);
  }
  return 0;
}
