/* Constant padding of an int8 NHWC tensor; the specification is dev.tenax.kernels.PadS8. */
#include "tx_pad_s8.h"

#define TX_COPY_ELEM int8_t
#define TX_COPY_MIN INT8_MIN
#define TX_COPY_MAX INT8_MAX
#include "tx_pad_body.h"

tx_status tx_pad_s8(const tx_pad_s8_params *p, const tx_shape4 *in_shape, const int8_t *in,
                    int8_t *out)
{
  return tx_pad_body(p, in_shape, in, out);
}

int32_t tx_pad_s8_scratch_size(const tx_pad_s8_params *p, const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}
