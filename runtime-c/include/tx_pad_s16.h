/* Constant padding of an int16 NHWC tensor. Twin of dev.tenax.kernels.PadS16. */
#ifndef TX_PAD_S16_H
#define TX_PAD_S16_H

#include <stdint.h>

#include "tx_pad_s8.h"
#include "tx_status.h"

/* The fields of tx_pad_s8_params; pad_value in [-32768, 32767]. */
typedef tx_pad_s8_params tx_pad_s16_params;

/* The output shape is in_shape + before + after, every dimension > 0. */
tx_status tx_pad_s16(const tx_pad_s16_params *p, const tx_shape4 *in_shape, const int16_t *in,
                     int16_t *out);

int32_t tx_pad_s16_scratch_size(const tx_pad_s16_params *p, const tx_shape4 *in_shape);

#endif /* TX_PAD_S16_H */
