/* Driver for tx_add_s16 (dev.tenax.kernels.AddS16Test). A case: the 9 fields of
 * tx_add_s16_params in order, the shape (n h w c), then input 1 and input 2 (int16). */
#include "s16_driver_io.h"
#include "tx_add_s16.h"

static int16_t in1[DRIVER_MAX_ELEMENTS];
static int16_t in2[DRIVER_MAX_ELEMENTS];
static int16_t out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_add_s16_params p;
  tx_shape4 s;
  int32_t count;
  while (read_i32(&p.input1_multiplier)) {
    p.input1_shift = need_i32();
    p.input2_multiplier = need_i32();
    p.input2_shift = need_i32();
    p.left_shift = need_i32();
    p.output_multiplier = need_i32();
    p.output_shift = need_i32();
    p.act_min = need_i32();
    p.act_max = need_i32();
    read_shape(&s);
    count = shape_count(&s);
    read_s16s(in1, count);
    read_s16s(in2, count);
    if (tx_add_s16_scratch_size(&p, &s) != 0) {
      fprintf(stderr, "unexpected scratch size\n");
      return 4;
    }
    print_result_s16(tx_add_s16(&p, &s, in1, in2, out), out, count);
  }
  return 0;
}
