/* Concatenation of int16 NHWC tensors along one axis. Twin of dev.tenax.kernels.ConcatS16. */
#ifndef TX_CONCAT_S16_H
#define TX_CONCAT_S16_H

#include <stdint.h>

#include "tx_concat_s8.h"
#include "tx_status.h"

/* The fields of tx_concat_s8_params. */
typedef tx_concat_s8_params tx_concat_s16_params;

/* in_shapes[i] and ins[i] for i < num_inputs; all inputs share one quantization and agree on
 * every dimension but axis. */
tx_status tx_concat_s16(const tx_concat_s16_params *p, const tx_shape4 *in_shapes,
                        const int16_t *const *ins, int16_t *out);

int32_t tx_concat_s16_scratch_size(const tx_concat_s16_params *p, const tx_shape4 *in_shapes);

#endif /* TX_CONCAT_S16_H */
