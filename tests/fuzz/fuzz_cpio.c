/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_cpio.c: the initrd unpacker (cpio "newc") into a fresh ramfs. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_internal.h"

/* Removes (path) and everything under it, so long runs stay small. */
static void rmtree(const char *path)
{
    struct ig_dirent e;
    char sub[IG_PATH_MAX];

    for (;;) {
        int fd = ig_vfs_open(AT_FDCWD, path, O_RDONLY | O_DIRECTORY, 0);
        int found = 0;
        if (fd < 0) {
            ig_vfs_unlink(AT_FDCWD, path, 0);
            return;
        }
        while (!found && ig_vfs_readdir(fd, &e) > 0)
            found = strcmp(e.name, ".") != 0 && strcmp(e.name, "..") != 0;
        ig_vfs_close(fd);
        if (!found)
            break;
        if (snprintf(sub, sizeof(sub), "%s/%s", path, e.name) >=
            (int)sizeof(sub))
            abort(); /* unpacking accepted a path the VFS cannot name */
        rmtree(sub);
    }
    if (ig_vfs_unlink(AT_FDCWD, path, AT_REMOVEDIR) < 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    char msg[160];

    if (!ready) {
        ig_vfs.root = ig_ramfs_new();
        ig_vfs.cwd = ig_vfs.root;
        ig_vnode_hold(ig_vfs.root);
        ready = 1;
    }
    if (ig_vfs_mkdir(AT_FDCWD, "/r", 0755) < 0)
        abort();
    int r = ig_vfs_unpack_cpio("/r", data, size, msg, sizeof(msg));
    if (r == -EINVAL && !strstr(msg, "corrupt cpio archive at byte"))
        abort(); /* every refusal says where and why */
    rmtree("/r");
    return 0;
}
