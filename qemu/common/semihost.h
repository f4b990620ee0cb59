/*
 * ARM semihosting (BKPT 0xAB) as QEMU implements it with
 * -semihosting-config enable=on,target=native: console output, host files in
 * QEMU's current directory, and exit with a status code. Works on every
 * Cortex-M core, including ARMv6-M.
 */
#ifndef TENAX_SEMIHOST_H
#define TENAX_SEMIHOST_H

#include <stddef.h>
#include <stdint.h>

/* Exit status used by the default fault handlers (startup.c). */
#define TENAX_EXIT_FAULT 134

/* Writes a NUL-terminated string to the host console. */
void tx_sh_puts(const char *s);

/* Writes "<prefix>0x<8 hex digits>" without needing printf. */
void tx_sh_put_hex(const char *prefix, uint32_t value);

/* Writes "<prefix><decimal>" without needing printf. */
void tx_sh_put_u32(const char *prefix, uint32_t value);

/* Opens a host file; mode is an fopen mode ("rb", "wb", "ab"). Returns a
 * handle >= 0, or -1 on failure. */
int32_t tx_sh_open(const char *path, const char *mode);

/* Reads up to len bytes; returns the number read, or -1 on failure. */
int32_t tx_sh_read(int32_t handle, void *buf, size_t len);

/* Writes len bytes; returns 0 when all were written, -1 otherwise. */
int32_t tx_sh_write(int32_t handle, const void *buf, size_t len);

/* Returns the file's length in bytes, or -1. */
int32_t tx_sh_flen(int32_t handle);

int32_t tx_sh_close(int32_t handle);

/* Ends the emulation; QEMU exits with this status (0..255). Uses
 * SYS_EXIT_EXTENDED when the host reports it, else SYS_EXIT, which can only
 * say 0 (status 0) or 1 (anything else). */
void tx_sh_exit(int status) __attribute__((noreturn));

#endif
