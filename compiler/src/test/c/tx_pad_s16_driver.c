/* Driver for tx_pad_s16; the body is pad_driver.h. */
#include "s16_driver_io.h"
#include "tx_pad_s16.h"

#define DRIVER_ELEM int16_t
#define DRIVER_PARAMS tx_pad_s16_params
#define DRIVER_KERNEL tx_pad_s16
#define DRIVER_READ read_s16s
#define DRIVER_PRINT print_result_s16
#include "pad_driver.h"
