/* float32 LogSoftmax over the innermost axis. Twin of dev.tenax.kernels.LogSoftmaxF32. */
#ifndef TX_LOG_SOFTMAX_F32_H
#define TX_LOG_SOFTMAX_F32_H

#include <stdint.h>

#include "tx_status.h"

/* Each row of shape->c values (rows = n * h * w): (x - max) - ln(sum e^(x - max)), the sum in
 * index order, tx_expf and tx_logf from tx_math_f32.h. out may be in. */
tx_status tx_log_softmax_f32(const tx_shape4 *shape, const float *in, float *out);

/* No scratch memory is needed: always 0. */
int32_t tx_log_softmax_f32_scratch_size(const tx_shape4 *shape);

#endif /* TX_LOG_SOFTMAX_F32_H */
