/*
 * Scalar Cortex-M variant of tx_transpose_s8 (same name, signature and bits as
 * runtime-c/src/tx_transpose_s8.c): the arm-dsp variant's row copies
 * (include/tx_transpose_s8_rows.h), whose Thumb-2 assembly needs no DSP instruction (cortex-m3);
 * cortex-m0 takes their C fallback, a byte at a time along the input's rows.
 */
#include "tx_transpose_s8_rows.h"
