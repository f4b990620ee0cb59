/* Driver for tx_concat_s16; the body is concat_driver.h. */
#include "s16_driver_io.h"
#include "tx_concat_s16.h"

#define DRIVER_ELEM int16_t
#define DRIVER_PARAMS tx_concat_s16_params
#define DRIVER_KERNEL tx_concat_s16
#define DRIVER_READ read_s16s
#define DRIVER_PRINT print_result_s16
#include "concat_driver.h"
