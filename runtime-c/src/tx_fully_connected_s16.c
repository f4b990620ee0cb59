/* Portable reference: arm_fully_connected_s16's arithmetic (int64 accumulator, 64-bit
 * requantization) in plain loops with only defined behaviour. */
#include "tx_fully_connected_s16.h"

#include "tx_fixed_point.h"
#include "tx_kernel_args.h"
#include "tx_s16_args.h"

int32_t tx_fully_connected_s16_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
    (void)in_shape;
    (void)out_shape;
    return 0;
}

tx_status tx_fully_connected_s16(const tx_fully_connected_s16_params *p,
                                 const tx_shape4 *in_shape, const int16_t *in,
                                 const int8_t *weights, const int64_t *bias,
                                 const tx_shape4 *out_shape, int16_t *out)
{
    int32_t batches;
    int32_t in_features;
    int32_t out_features;
    int32_t b;
    int32_t o;
    int32_t i;

    if (p == 0 || in_shape == 0 || in == 0 || weights == 0 || out_shape == 0 || out == 0
        || p->multipliers == 0 || p->shifts == 0) {
        return TX_ERR_ARGUMENT;
    }
    if (!tx_shape4_valid(in_shape) || out_shape->n != in_shape->n || out_shape->h != 1
        || out_shape->w != 1 || out_shape->c <= 0
        || !tx_output_s16_valid(p->act_min, p->act_max)) {
        return TX_ERR_ARGUMENT;
    }
    batches = in_shape->n;
    in_features = in_shape->h * in_shape->w * in_shape->c;
    out_features = out_shape->c;

    for (b = 0; b < batches; b++) {
        const int16_t *row = in + (int64_t)b * in_features;
        for (o = 0; o < out_features; o++) {
            const int8_t *w = weights + (int64_t)o * in_features;
            int64_t acc = bias != 0 ? bias[o] : INT64_C(0);
            for (i = 0; i < in_features; i++) {
                /* |product| <= 2^22: exact in int32_t */
                acc += (int64_t)((int32_t)row[i] * (int32_t)w[i]);
            }
            out[(int64_t)b * out_features + o] = tx_requantize_s64_s16(acc, p->multipliers[o],
                p->shifts[o], INT32_C(0), p->act_min, p->act_max);
        }
    }
    return TX_OK;
}
