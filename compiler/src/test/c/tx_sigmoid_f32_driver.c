/* Driver for tx_sigmoid_f32. A case: the shape (n h w c), then the input floats (bits). */
#include "float_driver_io.h"
#include "tx_sigmoid_f32.h"

static float in[DRIVER_MAX_ELEMENTS];
static float out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_shape4 s;
  int32_t count;
  while (read_i32(&s.n)) {
    s.h = need_i32();
    s.w = need_i32();
    s.c = need_i32();
    count = shape_count(&s);
    read_f32s(in, count);
    print_result_f32(tx_sigmoid_f32(&s, in, out), out, count);
  }
  return 0;
}
