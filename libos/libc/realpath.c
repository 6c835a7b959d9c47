/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* realpath.c: realpath(3): an absolute path without ".", ".." or links. */
#define _GNU_SOURCE 1 /* canonicalize_file_name */
#include <ingot/vfs.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ingot/posix.h>

/*
 * Walks (path) one component at a time over a buffer holding the result
 * so far and the part still to resolve; a symbolic link (volumes have
 * them) puts its target in front of the rest, at most SYMLOOP_MAX times.
 */
char *realpath(const char *path, char *resolved)
{
    char out[PATH_MAX], rest[PATH_MAX], link[PATH_MAX];
    size_t olen;
    int links = 0, err = 0;

    if (ig_posix_failed(!path                          ? -EINVAL
                        : !*path                       ? -ENOENT
                        : strlen(path) >= sizeof(rest) ? -ENAMETOOLONG
                                                       : 0))
        return NULL;
    strcpy(rest, path);
    if (rest[0] == '/') {
        olen = 0;
    } else {
        int r = ig_vfs_getcwd(out, sizeof(out));
        if (ig_posix_failed(r))
            return NULL;
        olen = strlen(out);
        if (olen == 1)
            olen = 0; /* "/" */
    }
    out[olen] = '\0';
    char *p = rest;
    while (*p) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        if (n == 0)
            break;
        if (n == 1 && p[0] == '.') {
            p += n;
            continue;
        }
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (olen > 0 && out[--olen] != '/')
                ;
            out[olen] = '\0';
            p += n;
            continue;
        }
        if (olen + 1 + n >= sizeof(out)) {
            err = -ENAMETOOLONG;
            break;
        }
        out[olen] = '/';
        memcpy(out + olen + 1, p, n);
        out[olen + 1 + n] = '\0';
        p += n;
        struct stat st;
        err = ig_vfs_lstat(AT_FDCWD, out, &st);
        if (err)
            break;
        if (S_ISLNK(st.st_mode)) {
            ssize_t k = ig_vfs_readlink(AT_FDCWD, out, link, sizeof(link));
            if (k < 0) {
                err = (int)k;
                break;
            }
            if (++links > SYMLOOP_MAX) {
                err = -ELOOP;
                break;
            }
            size_t left = strlen(p);
            if ((size_t)k + left + 1 >= sizeof(rest)) {
                err = -ENAMETOOLONG;
                break;
            }
            memmove(rest + k, p, left + 1);
            memcpy(rest, link, (size_t)k);
            p = rest;
            if (rest[0] == '/')
                olen = 0;
            out[olen] = '\0';
            continue;
        }
        if (!S_ISDIR(st.st_mode) && *p) {
            /* Only a directory may have more components after it. */
            err = -ENOTDIR;
            break;
        }
        olen += 1 + n;
    }
    if (ig_posix_failed(err))
        return NULL;
    if (olen == 0) {
        out[0] = '/';
        out[1] = '\0';
    }
    if (!resolved)
        return strdup(out);
    strcpy(resolved, out);
    return resolved;
}

/* GNU's name for realpath(path, NULL). */
char *canonicalize_file_name(const char *path)
{
    return realpath(path, NULL);
}
