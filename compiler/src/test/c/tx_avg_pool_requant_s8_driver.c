/* Driver for tx_avg_pool_requant_s8 (dev.tenax.kernels.AvgPoolRequantS8Test). A case: the 12
 * fields of tx_avg_pool_requant_s8_params in order, the input shape, the output shape, then the
 * input. */
#include "kernel_driver_io.h"
#include "tx_avg_pool_requant_s8.h"

static int8_t in[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_avg_pool_requant_s8_params p;
  tx_shape4 in_shape;
  tx_shape4 out_shape;
  while (read_i32(&p.filter_h)) {
    p.filter_w = need_i32();
    p.stride_h = need_i32();
    p.stride_w = need_i32();
    p.pad_top = need_i32();
    p.pad_left = need_i32();
    p.input_offset = need_i32();
    p.output_offset = need_i32();
    p.act_min = need_i32();
    p.act_max = need_i32();
    p.multiplier = need_i32();
    p.shift = need_i32();
    read_shape(&in_shape);
    read_shape(&out_shape);
    read_bytes(in, shape_count(&in_shape));
    if (tx_avg_pool_requant_s8_scratch_size(&p, &in_shape) != 0) {
      fprintf(stderr, "unexpected scratch size\n");
      return 4;
    }
    print_result(tx_avg_pool_requant_s8(&p, &in_shape, in, &out_shape, out), out,
                 shape_count(&out_shape));
  }
  return 0;
}
