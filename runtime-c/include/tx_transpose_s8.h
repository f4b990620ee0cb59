/* Axis permutation of an int8 tensor of up to four dimensions. Twin of
 * dev.tenax.kernels.TransposeS8. */
#ifndef TX_TRANSPOSE_S8_H
#define TX_TRANSPOSE_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  int32_t perm[4]; /* output dimension d is input dimension perm[d] */
} tx_transpose_s8_params;

/* Lower ranks use leading dimensions of 1 that perm keeps in place. */
tx_status tx_transpose_s8(const tx_transpose_s8_params *p, const tx_shape4 *in_shape,
                          const int8_t *in, int8_t *out);

int32_t tx_transpose_s8_scratch_size(const tx_transpose_s8_params *p, const tx_shape4 *in_shape);

#endif /* TX_TRANSPOSE_S8_H */
