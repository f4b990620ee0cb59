/* Constant padding of an int8 NHWC tensor. Twin of dev.tenax.kernels.PadS8. */
#ifndef TX_PAD_S8_H
#define TX_PAD_S8_H

#include <stdint.h>

#include "tx_status.h"

typedef struct {
  int32_t before[4]; /* NHWC; negative values crop */
  int32_t after[4];
  int32_t pad_value; /* quantized constant, inside int8 (tx_pad_s16: inside int16) */
} tx_pad_s8_params;

/* The output shape is in_shape + before + after, every dimension > 0. */
tx_status tx_pad_s8(const tx_pad_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                    int8_t *out);

int32_t tx_pad_s8_scratch_size(const tx_pad_s8_params *p, const tx_shape4 *in_shape);

#endif /* TX_PAD_S8_H */
