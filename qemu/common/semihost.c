#include "semihost.h"

#include <string.h>

enum {
  SYS_OPEN = 0x01,
  SYS_CLOSE = 0x02,
  SYS_WRITE0 = 0x04,
  SYS_WRITE = 0x05,
  SYS_READ = 0x06,
  SYS_FLEN = 0x0C,
  SYS_EXIT = 0x18,
  SYS_EXIT_EXTENDED = 0x20,
  ADP_STOPPED_APPLICATION_EXIT = 0x20026
};

/* The call number goes in r0 and the argument (usually a pointer to a
 * parameter block) in r1; the result comes back in r0. "memory" because the
 * host reads and writes through the pointers. */
static int32_t sh_call(uint32_t op, const void *arg) {
  register uint32_t r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return (int32_t)r0;
}

void tx_sh_puts(const char *s) { (void)sh_call(SYS_WRITE0, s); }

void tx_sh_put_hex(const char *prefix, uint32_t value) {
  char buf[11];
  buf[0] = '0';
  buf[1] = 'x';
  for (int i = 0; i < 8; i++) {
    buf[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xFu];
  }
  buf[10] = '\0';
  tx_sh_puts(prefix);
  tx_sh_puts(buf);
}

void tx_sh_put_u32(const char *prefix, uint32_t value) {
  char buf[11];
  int i = 10;
  buf[i] = '\0';
  do {
    buf[--i] = (char)('0' + value % 10u);
    value /= 10u;
  } while (value != 0u);
  tx_sh_puts(prefix);
  tx_sh_puts(&buf[i]);
}

/* SYS_OPEN takes an index into the fopen mode table below. */
static int mode_index(const char *mode) {
  static const char *const modes[] = {"r", "rb", "r+", "r+b", "w", "wb", "w+", "w+b",
                                      "a", "ab", "a+", "a+b"};
  for (int i = 0; i < (int)(sizeof modes / sizeof modes[0]); i++) {
    if (strcmp(mode, modes[i]) == 0) {
      return i;
    }
  }
  return -1;
}

int32_t tx_sh_open(const char *path, const char *mode) {
  int m = mode_index(mode);
  if (m < 0) {
    return -1;
  }
  uint32_t block[3] = {(uint32_t)(uintptr_t)path, (uint32_t)m, (uint32_t)strlen(path)};
  return sh_call(SYS_OPEN, block);
}

int32_t tx_sh_read(int32_t handle, void *buf, size_t len) {
  uint32_t block[3] = {(uint32_t)handle, (uint32_t)(uintptr_t)buf, (uint32_t)len};
  int32_t notRead = sh_call(SYS_READ, block);
  if (notRead < 0 || (uint32_t)notRead > len) {
    return -1;
  }
  return (int32_t)(len - (uint32_t)notRead);
}

int32_t tx_sh_write(int32_t handle, const void *buf, size_t len) {
  uint32_t block[3] = {(uint32_t)handle, (uint32_t)(uintptr_t)buf, (uint32_t)len};
  return sh_call(SYS_WRITE, block) == 0 ? 0 : -1;
}

int32_t tx_sh_flen(int32_t handle) {
  uint32_t block[1] = {(uint32_t)handle};
  return sh_call(SYS_FLEN, block);
}

int32_t tx_sh_close(int32_t handle) {
  uint32_t block[1] = {(uint32_t)handle};
  return sh_call(SYS_CLOSE, block);
}

/* The host lists its optional extensions in the magic file
 * ":semihosting-features": 4 magic bytes then feature bytes; bit 0 of the
 * first one is SH_EXT_EXIT_EXTENDED. */
static int has_exit_extended(void) {
  int32_t h = tx_sh_open(":semihosting-features", "rb");
  if (h < 0) {
    return 0;
  }
  uint8_t buf[5] = {0};
  int32_t n = tx_sh_read(h, buf, sizeof buf);
  (void)tx_sh_close(h);
  return n == 5 && buf[0] == 0x53 && buf[1] == 0x48 && buf[2] == 0x46 && buf[3] == 0x42 &&
         (buf[4] & 1u) != 0u;
}

void tx_sh_exit(int status) {
  if (has_exit_extended()) {
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    (void)sh_call(SYS_EXIT_EXTENDED, block);
  }
  /* On 32-bit ARM SYS_EXIT takes the reason itself, not a block. */
  (void)sh_call(SYS_EXIT, (const void *)(uintptr_t)(status == 0 ? ADP_STOPPED_APPLICATION_EXIT
                                                                  : 0x20024u /* RunTimeErrorUnknown */));
  for (;;) {
  }
}
