/* Elementwise int8 sigmoid by a 256-entry lookup table (TFLite's int8 Logistic).
 * Twin of dev.tenax.kernels.SigmoidS8, which computes the table for any input and output
 * quantization. */
#ifndef TX_SIGMOID_S8_H
#define TX_SIGMOID_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  const int8_t *table; /* 256 entries: the output for input q is table[q + 128] */
} tx_sigmoid_s8_params;

/* in and out have `shape`; they may be the same buffer (in place). */
tx_status tx_sigmoid_s8(const tx_sigmoid_s8_params *p, const tx_shape4 *shape, const int8_t *in,
                     int8_t *out);

int32_t tx_sigmoid_s8_scratch_size(const tx_sigmoid_s8_params *p, const tx_shape4 *shape);

#endif /* TX_SIGMOID_S8_H */
