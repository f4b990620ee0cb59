/*
 * Cortex-M variant of tx_transpose_s8 (same name, signature and bits as
 * runtime-c/src/tx_transpose_s8.c) for the cores with the DSP extension: rows copied by Thumb-2
 * assembly, include/tx_transpose_s8_rows.h (shared with arm-scalar, for cortex-m3).
 */
#include "tx_transpose_s8_rows.h"
