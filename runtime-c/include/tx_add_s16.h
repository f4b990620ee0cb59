/* Elementwise int16 addition (CMSIS-NN arm_elementwise_add_s16, TFLite int16 Add).
 * Twin of dev.tenax.kernels.AddS16. */
#ifndef TX_ADD_S16_H
#define TX_ADD_S16_H

#include <stdint.h>

#include "tx_status.h"

/* Zero points are 0 on the 16x8 path, so there are no offsets. */
typedef struct {
  int32_t input1_multiplier;
  int32_t input1_shift;
  int32_t input2_multiplier;
  int32_t input2_shift;
  int32_t left_shift;        /* headroom, [0, 15]; 15 for int16 */
  int32_t output_multiplier;
  int32_t output_shift;
  int32_t act_min;           /* clamp of the outputs, inside [-32768, 32767] */
  int32_t act_max;
} tx_add_s16_params;

/* in1, in2 and out all have `shape` (broadcasting is expanded by the compiler). */
tx_status tx_add_s16(const tx_add_s16_params *p, const tx_shape4 *shape, const int16_t *in1,
                     const int16_t *in2, int16_t *out);

int32_t tx_add_s16_scratch_size(const tx_add_s16_params *p, const tx_shape4 *shape);

#endif /* TX_ADD_S16_H */
