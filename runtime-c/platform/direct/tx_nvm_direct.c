/*
 * tx_nvm_write16 for NVM that the core writes with ordinary stores: MSP430 FRAM, a retained
 * RAM region standing for MRAM/FRAM on Cortex-M (QEMU's NOLOAD section), a host buffer or file
 * mapping. The volatile store keeps the compiler from reordering or merging NVM writes.
 * TODO(issue 6): a barrier (DSB) on Cortex-M parts with a write buffer in front of real NVM, and
 * flash-emulated NVM drivers for parts without byte-writable NVM.
 */
#include "tx_platform.h"

void tx_nvm_write16(volatile uint16_t *dst, uint16_t value)
{
    *dst = value;
}
