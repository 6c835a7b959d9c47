/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* libdir.c: find lib/ingot relative to the running binary. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host.h>
#include <ingot/host_config.h>

char *ig_host_path(const char *dir, const char *rel)
{
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    return ig_xasprintf("%.*s/%s", (int)dl, dir, rel);
}

char *ig_host_libdir(void)
{
    const char *env = getenv("INGOT_LIBDIR");
    if (env && *env)
        return ig_xstrdup(env);

    /* realpath() so a symlink to the binary (say in ~/bin) still finds the
     * installation it belongs to. */
    char *exe = realpath("/proc/self/exe", NULL);
    if (!exe)
        return NULL;
    char *slash = strrchr(exe, '/');
    *slash = '\0';
    char *dir = ig_host_path(exe, IG_HOST_BIN_TO_LIBDIR);
    free(exe);

    /* Tidy "bin/../lib/ingot" when it resolves; keep it as is otherwise so
     * the caller can name the directory that is missing. */
    char *real = realpath(dir, NULL);
    if (real) {
        free(dir);
        return real;
    }
    return dir;
}
