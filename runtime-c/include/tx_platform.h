/*
 * tx_platform.h: the one seam between the runtime and a platform (DESIGN.md, house rule 6).
 * Kernels never call it; the intermittent-execution code does. Each platform links one
 * implementation (runtime-c/platform/<name>/); tests link their own, e.g. one that injects a
 * power failure at a chosen write.
 */
#ifndef TX_PLATFORM_H
#define TX_PLATFORM_H

#include <stdint.h>

/*
 * Stores one 16-bit word in non-volatile memory. The contract the progress commit relies on:
 * the store is atomic (after a power failure the word holds the old or the new value, never a
 * mix), and stores reach NVM in program order. 16 bits is the narrowest atomic write among the
 * supported platforms (MSP430 FRAM).
 */
void tx_nvm_write16(volatile uint16_t *dst, uint16_t value);

#endif /* TX_PLATFORM_H */
