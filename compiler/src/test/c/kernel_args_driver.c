/*
 * Test driver for tx_kernel_args.h, run by dev.tenax.kernels.KernelArgsCrossCheckTest: the
 * 32-bit-only checks must accept exactly what Java's 64-bit ones (Shapes4) accept.
 *
 * Reads one vector per line from stdin, an operation letter then its integer operands, and
 * prints one result per line:
 *   M a b limit               tx_mul_within ("1 product" or "0"); limit as the int32 of its bits
 *   S n h w c                 tx_shape4_valid
 *   W in k stride dil pad out tx_window_valid
 *   D d n                     tx_divides
 * Exits with status 2 on malformed input.
 */
#include "kernel_driver_io.h"
#include "tx_kernel_args.h"

int main(void)
{
    char op;
    while (scanf(" %c", &op) == 1) {
        if (op == 'M') {
            const uint32_t a = (uint32_t)need_i32();
            const uint32_t b = (uint32_t)need_i32();
            const uint32_t limit = (uint32_t)need_i32();
            uint32_t product = 0u;
            if (tx_mul_within(a, b, limit, &product)) {
                printf("1 %" PRIu32 "\n", product);
            } else {
                printf("0\n");
            }
        } else if (op == 'S') {
            tx_shape4 s;
            read_shape(&s);
            printf("%d\n", tx_shape4_valid(&s));
        } else if (op == 'W') {
            const int32_t in = need_i32(), k = need_i32(), stride = need_i32();
            const int32_t dilation = need_i32(), pad = need_i32(), out = need_i32();
            printf("%d\n", tx_window_valid(in, k, stride, dilation, pad, out));
        } else if (op == 'D') {
            const int32_t d = need_i32();
            printf("%d\n", tx_divides(d, need_i32()));
        } else {
            return 2;
        }
    }
    return 0;
}
