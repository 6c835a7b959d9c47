/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* dl.c: dynamic loading, which fails with a message naming what was asked. */
#include <dlfcn.h>
#include <stdio.h>

/* dlerror() returns the last failure once, then NULL, per thread. */
static __thread char msg[256];
static __thread int have_msg;

static void fail(const char *what, const char *name)
{
    snprintf(msg, sizeof(msg),
             "%s%s%s: dynamic loading is not supported: an Ingot image is "
             "one static executable",
             what, name ? " " : "", name ? name : "");
    have_msg = 1;
}

void *dlopen(const char *file, int mode)
{
    (void)mode;
    fail(file ? file : "the main program", NULL);
    return NULL;
}

void *dlsym(void *restrict handle, const char *restrict name)
{
    (void)handle;
    fail("symbol", name);
    return NULL;
}

/* No handle was ever returned, so every handle is invalid. */
int dlclose(void *handle)
{
    (void)handle;
    fail("dlclose", "(invalid handle)");
    return -1;
}

char *dlerror(void)
{
    if (!have_msg)
        return NULL;
    have_msg = 0;
    return msg;
}

int dladdr(const void *addr, Dl_info *info)
{
    (void)addr, (void)info;
    return 0;
}
