/* float32 hyperbolic tangent. Twin of dev.tenax.kernels.TanhF32. */
#ifndef TX_TANH_F32_H
#define TX_TANH_F32_H

#include <stdint.h>

#include "tx_status.h"

/* Elementwise over `shape`; computed with tx_expf (tx_math_f32.h). */
tx_status tx_tanh_f32(const tx_shape4 *shape, const float *in, float *out);

/* No scratch memory is needed: always 0. */
int32_t tx_tanh_f32_scratch_size(const tx_shape4 *shape);

#endif /* TX_TANH_F32_H */
