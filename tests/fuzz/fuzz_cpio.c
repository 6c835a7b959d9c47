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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    static unsigned n;
    char dir[32], msg[160];

    if (!ready) {
        ig_vfs.root = ig_ramfs_new();
        ig_vfs.cwd = ig_vfs.root;
        ig_vnode_hold(ig_vfs.root);
        ready = 1;
    }
    /* A directory per input; the ramfs keeps them (memory is cheap next
     * to a fuzzer's runs, and a stale tree would hide nothing). */
    snprintf(dir, sizeof(dir), "/r%u", n++);
    if (ig_vfs_mkdir(AT_FDCWD, dir, 0755) < 0)
        abort();
    int r = ig_vfs_unpack_cpio(dir, data, size, msg, sizeof(msg));
    if (r == -EINVAL && !strstr(msg, "corrupt cpio archive at byte"))
        abort(); /* every refusal says where and why */
    ig_vfs_unlink(AT_FDCWD, dir, AT_REMOVEDIR);
    return 0;
}
