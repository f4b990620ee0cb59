/* Elementwise int16 multiplication (CMSIS-NN arm_elementwise_mul_s16, TFLite int16 Mul).
 * Twin of dev.tenax.kernels.MulS16. */
#ifndef TX_MUL_S16_H
#define TX_MUL_S16_H

#include <stdint.h>

#include "tx_status.h"

/* Zero points are 0 on the 16x8 path, so there are no offsets. */
typedef struct {
  int32_t output_multiplier;  /* scale1 * scale2 / output scale */
  int32_t output_shift;
  int32_t act_min;            /* clamp of the outputs, inside [-32768, 32767] */
  int32_t act_max;
} tx_mul_s16_params;

/* in1, in2 and out all have `shape` (broadcasting is expanded by the compiler). */
tx_status tx_mul_s16(const tx_mul_s16_params *p, const tx_shape4 *shape, const int16_t *in1,
                     const int16_t *in2, int16_t *out);

int32_t tx_mul_s16_scratch_size(const tx_mul_s16_params *p, const tx_shape4 *shape);

#endif /* TX_MUL_S16_H */
