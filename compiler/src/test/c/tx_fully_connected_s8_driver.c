/* Driver for tx_fully_connected_s8 (dev.tenax.kernels.FullyConnectedS8CrossCheckTest). A case:
 * input_offset output_offset act_min act_max, the input and output shapes, the input, then the
 * vectors weights, bias (length 0: no bias), multipliers and shifts. */
#include "kernel_driver_io.h"
#include "tx_fully_connected_s8.h"

#define MAX_FEATURES 1024

static int8_t in[DRIVER_MAX_ELEMENTS];
static int8_t weights[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];
static int32_t bias[MAX_FEATURES];
static int32_t mult[MAX_FEATURES];
static int32_t shift[MAX_FEATURES];

int main(void)
{
  tx_fully_connected_s8_params p;
  tx_shape4 in_shape;
  tx_shape4 out_shape;
  int32_t n_bias;
  while (read_i32(&p.input_offset)) {
    p.output_offset = need_i32();
    p.act_min = need_i32();
    p.act_max = need_i32();
    read_shape(&in_shape);
    read_shape(&out_shape);
    read_bytes(in, shape_count(&in_shape));
    read_bytes_vector(weights, DRIVER_MAX_ELEMENTS);
    n_bias = read_i32_vector(bias, MAX_FEATURES);
    read_i32_vector(mult, MAX_FEATURES);
    read_i32_vector(shift, MAX_FEATURES);
    p.multipliers = mult;
    p.shifts = shift;
    print_result(tx_fully_connected_s8(&p, &in_shape, in, weights, n_bias > 0 ? bias : NULL,
                                       &out_shape, out),
                 out, shape_count(&out_shape));
  }
  return 0;
}
