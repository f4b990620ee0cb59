/* The requantizing int8 average pool on the MSP430 hardware multiplier; the specification is
 * dev.tenax.kernels.AvgPoolRequantS8. The reference body with the output stage from 16x16
 * products (tx_hw_requantize_s8, same bits) instead of tx_requantize_s8's 64-bit product in
 * software: alibaba-kws's 25x5x64 global pool takes 137,000 MCLK cycles with it, 183,000 without
 * (the depthwise convolution with unit weights that this kernel replaced: 174,000). */
#include "tx_avg_pool_requant_s8.h"
#include "tx_msp430_hwmult.h"

static int8_t hw_out(const tx_avg_pool_requant_s8_params *p, int32_t acc);

#define TX_AVG_POOL_REQUANT_S8_OUT(p, acc) hw_out((p), (acc))
#include "tx_avg_pool_requant_s8_body.h"

/* One output: a cursor over the call's single multiplier and shift, set anew for every output
 * because tx_hw_requantize_s8 steps it to the next channel's. */
static int8_t hw_out(const tx_avg_pool_requant_s8_params *p, int32_t acc)
{
  tx_hw_requant q;
  tx_hw_requant_init(&q, &p->multiplier, &p->shift, p->output_offset, p->act_min, p->act_max);
  return tx_hw_requantize_s8(&q, acc);
}
