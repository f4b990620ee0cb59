/* Driver for tx_concat_s8; the body is concat_driver.h. */
#include "kernel_driver_io.h"
#include "tx_concat_s8.h"

#define DRIVER_ELEM int8_t
#define DRIVER_PARAMS tx_concat_s8_params
#define DRIVER_KERNEL tx_concat_s8
#define DRIVER_READ read_bytes
#define DRIVER_PRINT print_result
#include "concat_driver.h"
