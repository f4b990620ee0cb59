#include "cycles.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define DEMCR (*(volatile uint32_t *)0xE000EDFCu)
#define DWT_CTRL (*(volatile uint32_t *)0xE0001000u)
#define DWT_CYCCNT (*(volatile uint32_t *)0xE0001004u)

#define SYST_RELOAD 0x00FFFFFFu

static tx_ticks_source source;
static volatile uint32_t systick_wraps;
static uint32_t dwt_last;
static uint64_t dwt_high;
static uint64_t systick_base;

static void (*volatile countdown_expired)(void);
static volatile uint64_t countdown_left;  /* ticks after the current SysTick period */
static volatile uint64_t countdown_done;  /* ticks of the periods already ended */
static volatile uint32_t countdown_period;

/* Programs the next period of at most 2^24 ticks (SysTick counts RVR..0, interrupting at 0). */
static void countdown_next(void) {
  uint64_t n = countdown_left < 0x01000000u ? countdown_left : 0x01000000u;
  countdown_left -= n;
  countdown_period = (uint32_t)n;
  SYST_CSR = 0u;
  SYST_RVR = (uint32_t)n - 1u;
  SYST_CVR = 0u;
  SYST_CSR = 7u;
}

void SysTick_Handler(void) {
  if (countdown_expired == 0) {
    systick_wraps++;
    return;
  }
  countdown_done += countdown_period;
  if (countdown_left == 0u) {
    void (*expired)(void) = countdown_expired;
    tx_countdown_stop();
    expired();
    return;
  }
  countdown_next();
}

void tx_countdown_start(uint64_t ticks, void (*expired)(void)) {
  countdown_done = 0u;
  countdown_left = ticks > 1u ? ticks : 2u; /* SysTick needs RVR >= 1 */
  countdown_expired = expired;
  countdown_next();
}

uint64_t tx_countdown_elapsed(void) {
  uint64_t done;
  uint32_t value;
  do {
    done = countdown_done;
    value = SYST_CVR;
  } while (done != countdown_done);
  return done + (value == 0u ? 0u : (uint64_t)(SYST_RVR - value));
}

void tx_countdown_stop(void) {
  SYST_CSR = 0u;
  countdown_expired = 0;
}

#if !defined(__ARM_ARCH_6M__) && !defined(__ARM_ARCH_8M_BASE__)
static int dwt_counts(void) {
  DEMCR |= 1u << 24;            /* TRCENA: powers the DWT */
  if ((DWT_CTRL & (1u << 25)) != 0u) {
    return 0;                   /* NOCYCCNT */
  }
  DWT_CYCCNT = 0u;
  DWT_CTRL |= 1u;
  uint32_t a = DWT_CYCCNT;
  for (volatile int i = 0; i < 8; i++) {
  }
  return DWT_CYCCNT != a;
}
#endif

tx_ticks_source tx_ticks_init(void) {
#if !defined(__ARM_ARCH_6M__) && !defined(__ARM_ARCH_8M_BASE__)
  if (dwt_counts()) {
    dwt_last = DWT_CYCCNT;
    dwt_high = 0u;
    source = TX_TICKS_DWT;
    return source;
  }
#endif
  SYST_CSR = 0u;
  SYST_RVR = SYST_RELOAD;
  SYST_CVR = 0u;
  systick_wraps = 0u;
  SYST_CSR = 7u; /* processor clock, wrap interrupt, enable */
  /* Writing CVR zeroes it, and the first count from 0 reloads without the
   * wrap interrupt: start counting only once the reload has happened. */
  while (SYST_CVR == 0u) {
  }
  source = TX_TICKS_SYSTICK;
  systick_base = 0u;
  systick_base = tx_ticks_read();
  return source;
}

uint64_t tx_ticks_read(void) {
  if (source == TX_TICKS_DWT) {
    /* Extends the 32-bit counter in software: correct when read at least
     * once per 2^32 cycles. */
    uint32_t now = DWT_CYCCNT;
    dwt_high += (uint32_t)(now - dwt_last);
    dwt_last = now;
    return dwt_high;
  }
  if (source == TX_TICKS_SYSTICK) {
    uint32_t wraps;
    uint32_t value;
    /* Re-read if the wrap interrupt ran between the two loads. */
    do {
      wraps = systick_wraps;
      value = SYST_CVR;
    } while (wraps != systick_wraps);
    return (uint64_t)wraps * (SYST_RELOAD + 1u) + (SYST_RELOAD - value) - systick_base;
  }
  return 0u;
}
