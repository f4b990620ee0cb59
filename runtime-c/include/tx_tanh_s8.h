/* Elementwise int8 tanh by a 256-entry lookup table (TFLite's int8 Tanh).
 * Twin of dev.tenax.kernels.TanhS8, which computes the table for any input and output
 * quantization. */
#ifndef TX_TANH_S8_H
#define TX_TANH_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  const int8_t *table; /* 256 entries: the output for input q is table[q + 128] */
} tx_tanh_s8_params;

/* in and out have `shape`; they may be the same buffer (in place). */
tx_status tx_tanh_s8(const tx_tanh_s8_params *p, const tx_shape4 *shape, const int8_t *in,
                     int8_t *out);

int32_t tx_tanh_s8_scratch_size(const tx_tanh_s8_params *p, const tx_shape4 *shape);

#endif /* TX_TANH_S8_H */
