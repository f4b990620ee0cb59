/* Driver for tx_fully_connected_f32 (dev.tenax.kernels.FullyConnectedF32Test). A case: act_min
 * and act_max (bits), the input shape, the output shape, the input, the weights
 * (out_features * in_features), then the bias as a vector (length 0 for none). Floats are bits. */
#include "float_driver_io.h"
#include "tx_fully_connected_f32.h"

static float in[DRIVER_MAX_ELEMENTS];
static float weights[DRIVER_MAX_ELEMENTS];
static float bias[DRIVER_MAX_ELEMENTS];
static float out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  tx_fully_connected_f32_params p;
  tx_shape4 is;
  tx_shape4 os;
  int32_t bits;
  int32_t n;
  while (read_i32(&bits)) {
    p.act_min = tx_f32_from_bits((uint32_t)bits);
    p.act_max = read_f32();
    read_shape(&is);
    read_shape(&os);
    read_f32s(in, shape_count(&is));
    n = shape_count(&is) / is.n * os.c;
    if (n > DRIVER_MAX_ELEMENTS) {
      fprintf(stderr, "too many weights\n");
      return 2;
    }
    read_f32s(weights, n);
    n = read_f32_vector(bias, DRIVER_MAX_ELEMENTS);
    print_result_f32(tx_fully_connected_f32(&p, &is, in, weights, n > 0 ? bias : 0, &os, out), out,
                     shape_count(&os));
  }
  return 0;
}
