#include "tx_bridge.h"

#include <dlfcn.h>
#include <string.h>

static void tx_bridge_set_error(char *err, size_t err_size, const char *text) {
  if (err == NULL || err_size == 0) {
    return;
  }
  if (text == NULL) {
    text = "unknown dynamic loader error";
  }
  strncpy(err, text, err_size - 1);
  err[err_size - 1] = '\0';
}

void *tx_bridge_open(const char *path, char *err, size_t err_size) {
  void *handle;
  dlerror();
  handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    tx_bridge_set_error(err, err_size, dlerror());
  }
  return handle;
}

void *tx_bridge_symbol(void *handle, const char *name, char *err, size_t err_size) {
  void *sym;
  const char *why;
  dlerror();
  sym = dlsym(handle, name);
  why = dlerror();
  /* A symbol may legitimately have address 0 only for absolute symbols; a model's
     entry point never does, so NULL is treated as "absent" even without an error. */
  if (why != NULL || sym == NULL) {
    tx_bridge_set_error(err, err_size, why != NULL ? why : "symbol resolves to NULL");
    return NULL;
  }
  return sym;
}

int32_t tx_bridge_call_model(void *fn, void **inputs, void **outputs, void *arena) {
  /* ISO C forbids converting void* to a function pointer; POSIX (dlsym) guarantees it
     works, and going through memcpy keeps -Wpedantic quiet in both C and C++. */
  tx_bridge_model_fn model;
  memcpy(&model, &fn, sizeof model);
  return model((const void *const *) inputs, (void *const *) outputs, arena);
}

int tx_bridge_close(void *handle, char *err, size_t err_size) {
  dlerror();
  if (dlclose(handle) != 0) {
    tx_bridge_set_error(err, err_size, dlerror());
    return -1;
  }
  return 0;
}
