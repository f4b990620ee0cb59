/*
 * Test driver for tx_fully_connected_s8, run by dev.tenax.kernels.FullyConnectedS8CrossCheckTest.
 * One case per line (arrays are a length then the values):
 *   input_offset output_offset act_min act_max  in_shape(4) out_shape(4)
 *   input[] weights[] bias[] (length 0 = no bias) multipliers[] shifts[]
 * Prints the outputs of each case on one line, or E when the kernel returns an error.
 */
#include <stdio.h>
#include <stdlib.h>

#include "tx_fully_connected_s8.h"
#include "conv_driver_io.h"

int main(void)
{
    int32_t head[12];
    while (read_ints(head, 12, 1)) {
        tx_fully_connected_s8_params p;
        tx_shape4 in_shape;
        tx_shape4 out_shape;
        int32_t n_in;
        int32_t n_w;
        int32_t n_bias;
        int32_t n_m;
        int32_t n_s;
        int8_t *in = read_s8_array(&n_in);
        int8_t *w = read_s8_array(&n_w);
        int32_t *bias = read_s32_array(&n_bias);
        int32_t *mult = read_s32_array(&n_m);
        int32_t *shift = read_s32_array(&n_s);
        int8_t *out;
        int64_t n_out;
        tx_status st;

        p.input_offset = head[0];
        p.output_offset = head[1];
        p.act_min = head[2];
        p.act_max = head[3];
        p.multipliers = mult;
        p.shifts = shift;
        shape_from(&in_shape, head + 4);
        shape_from(&out_shape, head + 8);
        n_out = shape_size(&out_shape);
        out = (int8_t *)malloc((size_t)(n_out > 0 ? n_out : 1));
        if (out == NULL) {
            return 3;
        }
        st = tx_fully_connected_s8(&p, &in_shape, in, w, n_bias > 0 ? bias : NULL, &out_shape, out);
        print_result(st, out, n_out);
        free(in);
        free(w);
        free(bias);
        free(mult);
        free(shift);
        free(out);
    }
    return 0;
}
