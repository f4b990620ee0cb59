/*
 * Test driver for tx_gemmlowp.h, run by dev.tenax.quant.GemmlowpCrossCheckTest. Reads one vector
 * per line, an operation letter then its operands, and prints one result per line:
 *   P x e   tx_sat_rounding_mul_by_pot
 *   S a b   tx_rounding_half_sum
 *   Q a     tx_exp_on_interval_neg_quarter_0
 *   E a     tx_exp_on_negative_values
 *   O a     tx_one_over_one_plus_x
 * Exits with status 2 on malformed input.
 */
#include <inttypes.h>
#include <stdio.h>

#include "tx_gemmlowp.h"

int main(void)
{
    char op;
    int32_t v[2];
    int32_t r;
    while (scanf(" %c", &op) == 1) {
        const int n = (op == 'P' || op == 'S') ? 2 : 1;
        int i;
        for (i = 0; i < n; i++) {
            if (scanf("%" SCNd32, &v[i]) != 1) {
                fprintf(stderr, "malformed operands after '%c'\n", op);
                return 2;
            }
        }
        switch (op) {
        case 'P': r = tx_sat_rounding_mul_by_pot(v[0], v[1]); break;
        case 'S': r = tx_rounding_half_sum(v[0], v[1]); break;
        case 'Q': r = tx_exp_on_interval_neg_quarter_0(v[0]); break;
        case 'E': r = tx_exp_on_negative_values(v[0]); break;
        case 'O': r = tx_one_over_one_plus_x(v[0]); break;
        default:
            fprintf(stderr, "unknown operation '%c'\n", op);
            return 2;
        }
        printf("%" PRId32 "\n", r);
    }
    return 0;
}
