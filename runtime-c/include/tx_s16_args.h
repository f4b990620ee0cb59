/* Argument checks of the 16x8 kernels (int16 activations, int8 weights); twin of
 * dev.tenax.kernels.S16Args. */
#ifndef TX_S16_ARGS_H
#define TX_S16_ARGS_H

#include <stdint.h>

/* The clamp of the outputs: non-empty and inside int16, so the final conversion is exact. */
static inline int tx_output_s16_valid(int32_t act_min, int32_t act_max)
{
    return act_min >= INT32_C(-32768) && act_max <= INT32_C(32767) && act_min <= act_max;
}

#endif /* TX_S16_ARGS_H */
