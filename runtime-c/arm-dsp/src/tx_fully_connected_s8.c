/*
 * Cortex-M DSP-extension variant of tx_fully_connected_s8 (same name, signature and bits as
 * runtime-c/src/tx_fully_connected_s8.c): two output features at a time share each load of four
 * inputs, multiplied with SMLAD (see tx_arm_dsp.h for why the result is bit-exact). Without
 * __ARM_FEATURE_DSP it is the reference loop.
 */
#include "tx_fully_connected_s8.h"

#include "tx_arm_dsp.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

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
    int32_t batches;
    int32_t in_features;
    int32_t out_features;
    int32_t b;
    int32_t o = 0;
#if defined(__ARM_FEATURE_DSP)
    int32_t off2;
#else
    int32_t i;
#endif

    if (p == 0 || in_shape == 0 || in == 0 || weights == 0 || out_shape == 0 || out == 0
        || p->multipliers == 0 || p->shifts == 0) {
        return TX_ERR_ARGUMENT;
    }
    if (!tx_shape4_valid(in_shape) || out_shape->n != in_shape->n || out_shape->h != 1
        || out_shape->w != 1 || out_shape->c <= 0
        || !tx_output_s8_valid(p->output_offset, p->act_min, p->act_max)) {
        return TX_ERR_ARGUMENT;
    }
    batches = in_shape->n;
    in_features = in_shape->h * in_shape->w * in_shape->c;
    out_features = out_shape->c;
#if defined(__ARM_FEATURE_DSP)
    off2 = tx_dsp_dup16(p->input_offset);
#endif

    for (b = 0; b < batches; b++) {
        const int8_t *row = in + (int64_t)b * in_features;
        int8_t *dst = out + (int64_t)b * out_features;
        o = 0;
#if defined(__ARM_FEATURE_DSP)
        for (; o + 1 < out_features; o += 2) {
            const int8_t *w0 = weights + (int64_t)o * in_features;
            int32_t acc0 = bias != 0 ? bias[o] : INT32_C(0);
            int32_t acc1 = bias != 0 ? bias[o + 1] : INT32_C(0);
            tx_dsp_dot2_s8(row, w0, w0 + in_features, in_features, p->input_offset, off2, &acc0,
                           &acc1);
            dst[o] = tx_requantize_s8(acc0, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
            dst[o + 1] = tx_requantize_s8(acc1, p->multipliers[o + 1], p->shifts[o + 1],
                                          p->output_offset, p->act_min, p->act_max);
        }
        if (o < out_features) {
            int32_t acc = bias != 0 ? bias[o] : INT32_C(0);
            acc = tx_dsp_dot1_s8(row, weights + (int64_t)o * in_features, in_features,
                                 p->input_offset, off2, acc);
            dst[o] = tx_requantize_s8(acc, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
        }
#else
        for (; o < out_features; o++) {
            const int8_t *w = weights + (int64_t)o * in_features;
            int32_t acc = bias != 0 ? bias[o] : INT32_C(0);
            for (i = 0; i < in_features; i++) {
                const int32_t x = (int32_t)row[i] + p->input_offset;
                acc = tx_add_wrap_s32(acc, x * (int32_t)w[i]);
            }
            dst[o] = tx_requantize_s8(acc, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
        }
#endif
    }
    return TX_OK;
}
