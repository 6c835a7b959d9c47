/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* libgen.c: dirname() and basename(), POSIX's (<libgen.h>) and GNU's. */
#include <string.h>

/* Not including <libgen.h> or defining _GNU_SOURCE here: each header gives
 * `basename` its own assembler name, and this file defines both. */
char *dirname(char *path);
char *basename(char *path);
char *__gnu_basename(const char *path);

/* Both may modify (path) and return a pointer into it, or to a constant
 * "." or "/" (POSIX allows either). */
char *dirname(char *path)
{
    if (!path || !*path)
        return ".";
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') /* trailing slashes */
        n--;
    while (n > 0 && path[n - 1] != '/') /* the last component */
        n--;
    if (n == 0)
        return ".";
    while (n > 1 && path[n - 1] == '/') /* slashes before it */
        n--;
    path[n] = '\0';
    return path;
}

/* POSIX's: the symbol newlib's <libgen.h> names. */
char *basename(char *path)
{
    if (!path || !*path)
        return ".";
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    path[n] = '\0';
    if (n == 1 && path[0] == '/')
        return path;
    char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* GNU's (<string.h> with _GNU_SOURCE): never modifies (path); the part
 * after the last slash, empty when (path) ends with one. */
char *__gnu_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return (char *)(slash ? slash + 1 : path);
}
