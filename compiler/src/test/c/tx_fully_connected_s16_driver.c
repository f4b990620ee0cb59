/* Driver for tx_fully_connected_s16 (dev.tenax.kernels.FullyConnectedS16CrossCheckTest). A case:
 * act_min act_max, the input and output shapes, the input (int16), the weights (int8,
 * out_features * in_features values), then the vectors bias (int64; length 0: no bias),
 * multipliers and shifts. */
#include "s16_driver_io.h"
#include "tx_fully_connected_s16.h"

#define MAX_FEATURES 1024

static int16_t in[DRIVER_MAX_ELEMENTS];
static int8_t weights[DRIVER_MAX_ELEMENTS];
static int16_t out[DRIVER_MAX_ELEMENTS];
static int64_t bias[MAX_FEATURES];
static int32_t mult[MAX_FEATURES];
static int32_t shift[MAX_FEATURES];

int main(void)
{
  tx_fully_connected_s16_params p;
  tx_shape4 in_shape;
  tx_shape4 out_shape;
  int32_t n_bias;
  int32_t n_weights;
  while (read_i32(&p.act_min)) {
    p.act_max = need_i32();
    read_shape(&in_shape);
    read_shape(&out_shape);
    read_s16s(in, shape_count(&in_shape));
    n_weights = need_i32();
    if (n_weights < 0 || n_weights > DRIVER_MAX_ELEMENTS) {
      fprintf(stderr, "bad weight count\n");
      return 2;
    }
    read_bytes(weights, n_weights);
    n_bias = read_i64_vector(bias, MAX_FEATURES);
    read_i32_vector(mult, MAX_FEATURES);
    read_i32_vector(shift, MAX_FEATURES);
    p.multipliers = mult;
    p.shifts = shift;
    if (tx_fully_connected_s16_scratch_size(&in_shape, &out_shape) != 0) {
      fprintf(stderr, "unexpected scratch size\n");
      return 4;
    }
    print_result_s16(tx_fully_connected_s16(&p, &in_shape, in, weights, n_bias > 0 ? bias : NULL,
                                            &out_shape, out),
                     out, shape_count(&out_shape));
  }
  return 0;
}
