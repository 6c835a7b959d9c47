/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* dlfcn.h: the dynamic-loading calls, which an image defines but cannot do. */
#ifndef INGOT_DLFCN_H
#define INGOT_DLFCN_H

/*
 * An image is one static executable: dlopen() returns NULL and dlerror()
 * names the library and the reason; dlsym() returns NULL (docs/platforms.md,
 * "Process calls").  The constants are Linux's.
 */

#ifdef __cplusplus
extern "C" {
#endif

#define RTLD_LAZY 0x00001
#define RTLD_NOW 0x00002
#define RTLD_NOLOAD 0x00004
#define RTLD_DEEPBIND 0x00008
#define RTLD_GLOBAL 0x00100
#define RTLD_LOCAL 0
#define RTLD_NODELETE 0x01000
#define RTLD_DEFAULT ((void *)0)
#define RTLD_NEXT ((void *)-1l)

typedef struct {
    const char *dli_fname;
    void *dli_fbase;
    const char *dli_sname;
    void *dli_saddr;
} Dl_info;

void *dlopen(const char *file, int mode);
void *dlsym(void *__restrict handle, const char *__restrict name);
int dlclose(void *handle);
char *dlerror(void);
int dladdr(const void *addr, Dl_info *info);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_DLFCN_H */
