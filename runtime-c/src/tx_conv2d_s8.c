/* Portable reference: the TFLite int8 reference convolution's loops, only defined arithmetic
 * (in tx_conv2d_s8_body.h, shared with the optimized variants). */
#include "tx_conv2d_s8.h"

#include "tx_conv2d_s8_body.h"

int32_t tx_conv2d_s8_scratch_size(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape,
                                  const tx_shape4 *filter_shape, const tx_shape4 *out_shape)
{
    (void)p;
    (void)in_shape;
    (void)filter_shape;
    (void)out_shape;
    return 0;
}

tx_status tx_conv2d_s8(const tx_conv2d_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                       const tx_shape4 *filter_shape, const int8_t *filter, const int32_t *bias,
                       const tx_shape4 *out_shape, int8_t *out)
{
    if (!tx_conv2d_s8_valid(p, in_shape, in, filter_shape, filter, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
    tx_conv2d_s8_reference(p, in_shape, in, filter_shape, filter, bias, out_shape, out);
    return TX_OK;
}
