/* Driver for tx_depthwise_conv2d_s8 (dev.tenax.kernels.DepthwiseConv2dS8CrossCheckTest). A case: stride_h stride_w
 * dilation_h dilation_w pad_top pad_left channel_multiplier input_offset output_offset act_min act_max, the
 * input, filter and output shapes, the input, the filter, then the vectors bias (length 0: no
 * bias), multipliers and shifts. */
#include "kernel_driver_io.h"
#include "tx_depthwise_conv2d_s8.h"

#define MAX_CHANNELS 1024

static int8_t in[DRIVER_MAX_ELEMENTS];
static int8_t filter[DRIVER_MAX_ELEMENTS];
static int8_t out[DRIVER_MAX_ELEMENTS];
static int32_t bias[MAX_CHANNELS];
static int32_t mult[MAX_CHANNELS];
static int32_t shift[MAX_CHANNELS];

int main(void)
{
  tx_depthwise_conv2d_s8_params p;
  tx_shape4 in_shape;
  tx_shape4 filter_shape;
  tx_shape4 out_shape;
  int32_t n_bias;
  while (read_i32(&p.stride_h)) {
    p.stride_w = need_i32();
    p.dilation_h = need_i32();
    p.dilation_w = need_i32();
    p.pad_top = need_i32();
    p.pad_left = need_i32();
    p.channel_multiplier = need_i32();
    p.input_offset = need_i32();
    p.output_offset = need_i32();
    p.act_min = need_i32();
    p.act_max = need_i32();
    read_shape(&in_shape);
    read_shape(&filter_shape);
    read_shape(&out_shape);
    read_bytes(in, shape_count(&in_shape));
    read_bytes(filter, shape_count(&filter_shape));
    n_bias = read_i32_vector(bias, MAX_CHANNELS);
    read_i32_vector(mult, MAX_CHANNELS);
    read_i32_vector(shift, MAX_CHANNELS);
    p.multipliers = mult;
    p.shifts = shift;
    if (tx_depthwise_conv2d_s8_scratch_size(&p, &in_shape, &filter_shape, &out_shape) != 0) {
      fprintf(stderr, "unexpected scratch size\n");
      return 4;
    }
    print_result(tx_depthwise_conv2d_s8(&p, &in_shape, in, &filter_shape, filter, n_bias > 0 ? bias : NULL,
                              &out_shape, out),
                 out, shape_count(&out_shape));
  }
  return 0;
}
