/* Int8 max pooling over NHWC; the specification is dev.tenax.kernels.MaxPoolS8. */
#include "tx_max_pool_s8.h"

#include "tx_kernel_args.h"

#define TX_POOL_ELEM int8_t
#define TX_POOL_MIN INT8_MIN
#define TX_POOL_PARAMS tx_max_pool_s8_params
#include "tx_max_pool_body.h"

tx_status tx_max_pool_s8(const tx_max_pool_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *out_shape, int8_t *out)
{
  if (p == 0 || in_shape == 0 || in == 0 || out_shape == 0 || out == 0
      || !tx_pool_args_valid(in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h,
                             p->stride_w, p->pad_top, p->pad_left)
      || !tx_output_s8_valid(0, p->act_min, p->act_max)) {
    return TX_ERR_ARGUMENT;
  }
  tx_max_pool_body(p, in_shape, in, out_shape, out);
  return TX_OK;
}

int32_t tx_max_pool_s8_scratch_size(const tx_max_pool_s8_params *p, const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}
