/* float32 Softmax over the innermost axis. Twin of dev.tenax.kernels.SoftmaxF32. */
#ifndef TX_SOFTMAX_F32_H
#define TX_SOFTMAX_F32_H

#include <stdint.h>

#include "tx_status.h"

/* Each row of shape->c values (rows = n * h * w): e^(x - max) / sum, the sum in index order and
 * e^ from tx_expf (tx_math_f32.h). out may be in. */
tx_status tx_softmax_f32(const tx_shape4 *shape, const float *in, float *out);

/* No scratch memory is needed: always 0. */
int32_t tx_softmax_f32_scratch_size(const tx_shape4 *shape);

#endif /* TX_SOFTMAX_F32_H */
