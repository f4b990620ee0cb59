/* Elementwise int8 addition (TFLite int8 Add). Twin of dev.tenax.kernels.AddS8. */
#ifndef TX_ADD_S8_H
#define TX_ADD_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  int32_t input1_offset;     /* -zero point of input 1 */
  int32_t input1_multiplier;
  int32_t input1_shift;
  int32_t input2_offset;
  int32_t input2_multiplier;
  int32_t input2_shift;
  int32_t left_shift;        /* headroom, [0, 30]; 20 for int8 */
  int32_t output_offset;     /* output zero point */
  int32_t output_multiplier;
  int32_t output_shift;
  int32_t act_min;
  int32_t act_max;
} tx_add_s8_params;

/* in1, in2 and out all have `shape` (broadcasting is expanded by the compiler). */
tx_status tx_add_s8(const tx_add_s8_params *p, const tx_shape4 *shape, const int8_t *in1,
                    const int8_t *in2, int8_t *out);

int32_t tx_add_s8_scratch_size(const tx_add_s8_params *p, const tx_shape4 *shape);

#endif /* TX_ADD_S8_H */
