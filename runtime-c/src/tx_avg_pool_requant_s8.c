/* Int8 average pooling into another quantization, over NHWC; the specification is
 * dev.tenax.kernels.AvgPoolRequantS8. The body, entry points included, is shared with the
 * optimized variants (tx_avg_pool_requant_s8_body.h). */
#include "tx_avg_pool_requant_s8_body.h"
