/*
 * Host bridge: the few C functions Java needs to run a compiled model in-process.
 *
 * JavaCPP compiles this header and tx_bridge.c into the JNI library of
 * dev.tenax.hostrun.TxBridge (one translation unit, built as C++ by JavaCPP), so the
 * code is written in the common subset of C99 and C++.
 *
 * Errors are returned as text in a caller-owned buffer instead of being read back
 * with a second dlerror() call from Java: dlerror() state belongs to the calling thread
 * and any other dl* call in between (the JVM makes them too) would overwrite it.
 */
#ifndef TX_BRIDGE_H
#define TX_BRIDGE_H

#include <stddef.h>
#include <stdint.h>

/* The entry point every compiled model exports (see docs/host-bridge.md). */
typedef int32_t (*tx_bridge_model_fn)(const void *const *inputs, void *const *outputs, void *arena);

/* dlopen(path, RTLD_NOW | RTLD_LOCAL); NULL and the dlerror() text in err on failure. */
void *tx_bridge_open(const char *path, char *err, size_t err_size);

/* dlsym(handle, name); NULL and an explanation in err when the symbol is absent. */
void *tx_bridge_symbol(void *handle, const char *name, char *err, size_t err_size);

/* Calls fn as a model entry point and returns its status. */
int32_t tx_bridge_call_model(void *fn, void **inputs, void **outputs, void *arena);

/* dlclose(handle); 0 on success, else -1 with the dlerror() text in err. */
int tx_bridge_close(void *handle, char *err, size_t err_size);

#endif
