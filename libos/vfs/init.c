/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* init.c: the name space at boot: ramfs root, /dev, initrd, fds 0-2. */
#include <ingot/console.h>
#include <ingot/plat.h>

#include <errno.h>
#include <fcntl.h>

#include "vfs_internal.h"

int ig_vfs_init(void)
{
    struct ig_vnode *root = ig_ramfs_new(), *dev, *devroot = ig_ramfs_new();
    const void *initrd;
    size_t len;
    char msg[160];
    int err;

    if (!root || !devroot)
        return -ENOMEM;
    ig_vfs.root = root;
    ig_vfs.cwd = root;
    ig_vnode_hold(root);
    /* An initrd may bring its own /dev; the devfs is mounted over it. */
    if (ig_plat_initrd(&initrd, &len) == 0 && len > 0) {
        err = ig_vfs_unpack_cpio("/", initrd, len, msg, sizeof(msg));
        if (err) {
            ig_printk("ingot: initrd: %s\n", msg);
            ig_plat_exit(255);
        }
    }
    err = ig_vfs_mkdir(AT_FDCWD, "/dev", 0755);
    if (err && err != -EEXIST)
        return err;
    err = ig_vfs_open(AT_FDCWD, "/dev", O_RDONLY | O_DIRECTORY, 0);
    if (err < 0)
        return err;
    dev = ig_fd_get(err)->vn;
    ig_vfs_close(err);
    err = ig_vfs_mount(dev, devroot);
    if (!err)
        err = ig_devfs_populate(devroot);
    if (err)
        return err;
    /* stdin, stdout, stderr. */
    static const int modes[3] = {O_RDONLY, O_WRONLY, O_WRONLY};
    for (int i = 0; i < 3; i++) {
        err = ig_vfs_open(AT_FDCWD, "/dev/console", modes[i], 0);
        if (err != i)
            return err < 0 ? err : -EBUSY;
    }
    return 0;
}
