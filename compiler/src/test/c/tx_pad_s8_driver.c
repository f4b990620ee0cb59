/* Driver for tx_pad_s8; the body is pad_driver.h. */
#include "kernel_driver_io.h"
#include "tx_pad_s8.h"

#define DRIVER_ELEM int8_t
#define DRIVER_PARAMS tx_pad_s8_params
#define DRIVER_KERNEL tx_pad_s8
#define DRIVER_READ read_bytes
#define DRIVER_PRINT print_result
#include "pad_driver.h"
