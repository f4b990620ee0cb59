/* int8 softmax over the innermost axis (CMSIS-NN arm_softmax_s8 / TFLite's int8 reference with
 * gemmlowp's fixed-point exp). Twin of dev.tenax.kernels.SoftmaxS8, which computes the parameters
 * from the input scale and beta. The output quantization is fixed: scale 1/256, zero point -128. */
#ifndef TX_SOFTMAX_S8_H
#define TX_SOFTMAX_S8_H

#include <stdint.h>

#include "tx_status.h"

/* The longest row (the Q12.19 sum of exponentials must stay below 2^31). */
#define TX_SOFTMAX_S8_MAX_ROW_SIZE 4095

typedef struct {
  int32_t input_multiplier; /* Q31 multiplier of beta * input scale * 2^26, in [2^30, 2^31) */
  int32_t input_left_shift; /* its exponent, [0, 31] */
  int32_t diff_min;         /* smallest difference to the row maximum that counts, <= 0 */
} tx_softmax_s8_params;

/* Softmax along c of an NHWC tensor: n * h * w rows of c values (c <= TX_SOFTMAX_S8_MAX_ROW_SIZE).
 * in and out have `shape`; they may be the same buffer. */
tx_status tx_softmax_s8(const tx_softmax_s8_params *p, const tx_shape4 *shape, const int8_t *in,
                        int8_t *out);

int32_t tx_softmax_s8_scratch_size(const tx_softmax_s8_params *p, const tx_shape4 *shape);

#endif /* TX_SOFTMAX_S8_H */
