/*
 * NVM survives a reset (BoardsTest): counts boots in .tenax_nvm and resets
 * itself with SYSRESETREQ until the third boot, which prints
 * "TENAX-OK boots=3" and exits 0. QEMU reloads the ELF's loaded sections on
 * reset; .tenax_nvm is NOLOAD, so it must keep its value, while .bss must
 * come back zeroed.
 */
#include <stdint.h>

#include "semihost.h"

#define SCB_AIRCR (*(volatile uint32_t *)0xE000ED0Cu)
#define NVM_MAGIC 0x7E4A0001u

__attribute__((section(".tenax_nvm"))) static volatile uint32_t nvm_magic;
__attribute__((section(".tenax_nvm"))) static volatile uint32_t nvm_boots;
static volatile uint32_t bss_word;

int main(void) {
  if (bss_word != 0u) {
    tx_sh_puts("TENAX-ERROR .bss kept its value across reset\n");
    return 1;
  }
  bss_word = 1u;
  if (nvm_magic != NVM_MAGIC) {
    nvm_magic = NVM_MAGIC;
    nvm_boots = 0u;
  }
  nvm_boots++;
  tx_sh_put_u32("TENAX-BOOT ", nvm_boots);
  tx_sh_puts("\n");
  if (nvm_boots < 3u) {
    __asm__ volatile("dsb" ::: "memory");
    SCB_AIRCR = 0x05FA0004u; /* VECTKEY | SYSRESETREQ */
    for (;;) {
    }
  }
  tx_sh_put_u32("TENAX-OK boots=", nvm_boots);
  tx_sh_puts("\n");
  return 0;
}
