/* float32 elementwise addition. Twin of dev.tenax.kernels.AddF32. */
#ifndef TX_ADD_F32_H
#define TX_ADD_F32_H

#include <stdint.h>

#include "tx_status.h"

/* in1, in2 and out all have `shape` (broadcasting is expanded by the compiler). */
tx_status tx_add_f32(const tx_shape4 *shape, const float *in1, const float *in2, float *out);

/* No scratch memory is needed: always 0. */
int32_t tx_add_f32_scratch_size(const tx_shape4 *shape);

#endif /* TX_ADD_F32_H */
