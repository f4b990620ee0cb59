/*
 * Test driver for tx_depthwise_conv2d_s8, run by dev.tenax.kernels.DepthwiseConv2dS8CrossCheckTest.
 * One case per line (arrays are a length then the values):
 *   stride_h stride_w dilation_h dilation_w pad_top pad_left channel_multiplier
 *   input_offset output_offset act_min act_max  in_shape(4) filter_shape(4) out_shape(4)
 *   input[] filter[] bias[] (length 0 = no bias) multipliers[] shifts[]
 * Prints the outputs of each case on one line, or E when the kernel returns an error.
 */
#include <stdio.h>
#include <stdlib.h>

#include "tx_depthwise_conv2d_s8.h"
#include "conv_driver_io.h"

int main(void)
{
    int32_t head[23];
    while (read_ints(head, 23, 1)) {
        tx_depthwise_conv2d_s8_params p;
        tx_shape4 in_shape;
        tx_shape4 filter_shape;
        tx_shape4 out_shape;
        int32_t n_in;
        int32_t n_f;
        int32_t n_bias;
        int32_t n_m;
        int32_t n_s;
        int8_t *in = read_s8_array(&n_in);
        int8_t *f = read_s8_array(&n_f);
        int32_t *bias = read_s32_array(&n_bias);
        int32_t *mult = read_s32_array(&n_m);
        int32_t *shift = read_s32_array(&n_s);
        int8_t *out;
        int64_t n_out;
        tx_status st;

        p.stride_h = head[0];
        p.stride_w = head[1];
        p.dilation_h = head[2];
        p.dilation_w = head[3];
        p.pad_top = head[4];
        p.pad_left = head[5];
        p.channel_multiplier = head[6];
        p.input_offset = head[7];
        p.output_offset = head[8];
        p.act_min = head[9];
        p.act_max = head[10];
        p.multipliers = mult;
        p.shifts = shift;
        shape_from(&in_shape, head + 11);
        shape_from(&filter_shape, head + 15);
        shape_from(&out_shape, head + 19);
        n_out = shape_size(&out_shape);
        out = (int8_t *)malloc((size_t)(n_out > 0 ? n_out : 1));
        if (out == NULL) {
            return 3;
        }
        if (tx_depthwise_conv2d_s8_scratch_size(&p, &in_shape, &filter_shape, &out_shape) != 0) {
            return 4;
        }
        st = tx_depthwise_conv2d_s8(&p, &in_shape, in, &filter_shape, f, n_bias > 0 ? bias : NULL,
                          &out_shape, out);
        print_result(st, out, n_out);
        free(in);
        free(f);
        free(bias);
        free(mult);
        free(shift);
        free(out);
    }
    return 0;
}
