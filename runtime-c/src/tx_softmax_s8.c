/* int8 softmax; the specification is dev.tenax.kernels.SoftmaxS8. The body is shared with the
 * MSP430 variant (tx_softmax_s8_body.h). */
#include "tx_softmax_s8_body.h"
