/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_rootfs.c: `ingot run --rootfs DIR`: the directory as a cpio initrd. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

int ig_run_rootfs(const char *src, char **initrd, int *is_temp, char *err,
                  size_t errlen)
{
    struct stat st;

    *initrd = NULL;
    *is_temp = 0;
    if (stat(src, &st) < 0) {
        snprintf(err, errlen, "--rootfs %s: %s", src, strerror(errno));
        return -1;
    }
    if (S_ISREG(st.st_mode)) {
        *initrd = ig_xstrdup(src); /* a cpio archive; the guest checks it */
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "--rootfs %s: not a directory or a file", src);
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    char *path =
        ig_xasprintf("%s/ingot-rootfs-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        free(path);
        return -1;
    }
    char why[512];
    int r = ig_cpio_write_tree(src, fd, why, sizeof(why));
    if (r < 0)
        snprintf(err, errlen, "--rootfs %s: %s", src, why);
    if (close(fd) < 0 && r == 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        r = -1;
    }
    if (r < 0) {
        unlink(path);
        free(path);
        return -1;
    }
    *initrd = path;
    *is_temp = 1;
    return 0;
}
