/* Int8 average pooling into another quantization, over NHWC; the specification is
 * dev.tenax.kernels.AvgPoolRequantS8 (tx_avg_pool_requant_s8_body.h). */
#include "tx_avg_pool_requant_s8.h"

#include "tx_avg_pool_requant_s8_body.h"

tx_status tx_avg_pool_requant_s8(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *out_shape, int8_t *out)
{
  if (!tx_avg_pool_requant_s8_valid(p, in_shape, in, out_shape, out)) {
    return TX_ERR_ARGUMENT;
  }
  tx_avg_pool_requant_s8_reference(p, in_shape, in, out_shape, out);
  return TX_OK;
}

int32_t tx_avg_pool_requant_s8_scratch_size(const tx_avg_pool_requant_s8_params *p,
                                            const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}
