/* int8 softmax on the MSP430 hardware multiplier; the specification is dev.tenax.kernels.SoftmaxS8.
 * The reference body with the gemmlowp products from four 16x16 multiplications each
 * (tx_hw_sat_rounding_doubling_high_mul, same bits) instead of 64-bit products in software, which
 * cost ~29,000 cycles a value of a 10-value row. */
#include "tx_msp430_hwmult.h"

#define TX_GEMMLOWP_HIGH_MUL tx_hw_sat_rounding_doubling_high_mul
#include "tx_softmax_s8_body.h"
