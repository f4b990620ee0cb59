/* Constant padding of an int16 NHWC tensor; the specification is dev.tenax.kernels.PadS16. */
#include "tx_pad_s16.h"

#define TX_COPY_ELEM int16_t
#define TX_COPY_MIN INT16_MIN
#define TX_COPY_MAX INT16_MAX
#include "tx_pad_body.h"

tx_status tx_pad_s16(const tx_pad_s16_params *p, const tx_shape4 *in_shape, const int16_t *in,
                     int16_t *out)
{
  return tx_pad_body(p, in_shape, in, out);
}

int32_t tx_pad_s16_scratch_size(const tx_pad_s16_params *p, const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}
