/* Concatenation of int8 NHWC tensors along one axis. Twin of dev.tenax.kernels.ConcatS8. */
#ifndef TX_CONCAT_S8_H
#define TX_CONCAT_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  int32_t axis;       /* 0..3 = N, H, W, C */
  int32_t num_inputs;
} tx_concat_s8_params;

/* in_shapes[i] and ins[i] for i < num_inputs; all inputs share one quantization and agree on
 * every dimension but axis. */
tx_status tx_concat_s8(const tx_concat_s8_params *p, const tx_shape4 *in_shapes,
                       const int8_t *const *ins, int8_t *out);

int32_t tx_concat_s8_scratch_size(const tx_concat_s8_params *p, const tx_shape4 *in_shapes);

#endif /* TX_CONCAT_S8_H */
