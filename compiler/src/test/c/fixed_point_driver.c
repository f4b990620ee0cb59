/*
 * Test driver for tx_fixed_point.h, run by dev.tenax.quant.FixedPointCrossCheckTest.
 *
 * Reads one vector per line from stdin, an operation letter then its integer operands, and
 * prints one result per line:
 *   H a b        tx_sat_rounding_doubling_high_mul
 *   N a b        tx_doubling_high_mul_no_sat
 *   D x e        tx_rounding_divide_by_pot
 *   R acc m s    tx_requantize
 *   L acc m s    tx_requantize_s64
 *   B acc m s zp lo hi   tx_requantize_s8
 *   W acc m s zp lo hi   tx_requantize_s16
 *   X acc m s zp lo hi   tx_requantize_s64_s16
 * Exits with status 2 on malformed input.
 */
#include <inttypes.h>
#include <stdio.h>

#include "tx_fixed_point.h"

static int read_operands(int64_t *v, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        if (scanf("%" SCNd64, &v[i]) != 1) {
            return 0;
        }
    }
    return 1;
}

static int32_t s32(int64_t v)
{
    return (int32_t)v; /* the test only sends values that fit */
}

int main(void)
{
    char op;
    int64_t v[6];
    int64_t r;

    while (scanf(" %c", &op) == 1) {
        const int n = (op == 'B' || op == 'W' || op == 'X') ? 6 : (op == 'R' || op == 'L') ? 3 : 2;
        if (!read_operands(v, n)) {
            fprintf(stderr, "malformed operands after '%c'\n", op);
            return 2;
        }
        switch (op) {
        case 'H': r = tx_sat_rounding_doubling_high_mul(s32(v[0]), s32(v[1])); break;
        case 'N': r = tx_doubling_high_mul_no_sat(s32(v[0]), s32(v[1])); break;
        case 'D': r = tx_rounding_divide_by_pot(s32(v[0]), s32(v[1])); break;
        case 'R': r = tx_requantize(s32(v[0]), s32(v[1]), s32(v[2])); break;
        case 'L': r = tx_requantize_s64(v[0], s32(v[1]), s32(v[2])); break;
        case 'B':
            r = tx_requantize_s8(s32(v[0]), s32(v[1]), s32(v[2]), s32(v[3]), s32(v[4]), s32(v[5]));
            break;
        case 'W':
            r = tx_requantize_s16(s32(v[0]), s32(v[1]), s32(v[2]), s32(v[3]), s32(v[4]), s32(v[5]));
            break;
        case 'X':
            r = tx_requantize_s64_s16(v[0], s32(v[1]), s32(v[2]), s32(v[3]), s32(v[4]), s32(v[5]));
            break;
        default:
            fprintf(stderr, "unknown operation '%c'\n", op);
            return 2;
        }
        printf("%" PRId64 "\n", r);
    }
    return 0;
}
