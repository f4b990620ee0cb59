/* Driver for tx_math_f32 (dev.tenax.kernels.MathF32Test). A case: a function (0 tx_expf,
 * 1 tx_logf, 2 tx_rintf), a count, then that many floats (bits); prints 0 and the results. */
#include "float_driver_io.h"

static float in[DRIVER_MAX_ELEMENTS];

int main(void)
{
  int32_t fn;
  int32_t n;
  int32_t i;
  while (read_i32(&fn)) {
    n = read_f32_vector(in, DRIVER_MAX_ELEMENTS);
    printf("0");
    for (i = 0; i < n; i++) {
      print_f32(fn == 0 ? tx_expf(in[i]) : fn == 1 ? tx_logf(in[i]) : tx_rintf(in[i]));
    }
    printf("\n");
  }
  return 0;
}
