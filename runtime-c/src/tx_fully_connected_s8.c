/* Portable reference: the TFLite int8 reference kernel's loops, with only defined arithmetic
 * (in tx_fully_connected_s8_body.h, shared with the optimized variants). */
#include "tx_fully_connected_s8.h"

#include "tx_fully_connected_s8_body.h"

int32_t tx_fully_connected_s8_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
    (void)in_shape;
    (void)out_shape;
    return 0;
}

tx_status tx_fully_connected_s8(const tx_fully_connected_s8_params *p, const tx_shape4 *in_shape,
                                const int8_t *in, const int8_t *weights, const int32_t *bias,
                                const tx_shape4 *out_shape, int8_t *out)
{
    if (!tx_fully_connected_s8_valid(p, in_shape, in, weights, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
    tx_fully_connected_s8_reference(p, in_shape, in, weights, bias, out_shape, out, 0, in_shape->n);
    return TX_OK;
}
