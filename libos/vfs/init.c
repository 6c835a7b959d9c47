/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* init.c: the name space at boot: ramfs root, /dev, initrd, fds 0-2. */
#include <ingot/component.h>
#include <ingot/console.h>
#include <ingot/plat.h>

#include <errno.h>
#include <fcntl.h>

#include "vfs_internal.h"

/* The archive `ingot-cc --rootfs DIR` links into the image (an object from
 * toolchain/driver/cc_rootfs.c); without it both are null. */
extern const char ig_vfs_rootfs_start[] __attribute__((weak));
extern const char ig_vfs_rootfs_end[] __attribute__((weak));

/* A corrupt archive stops the image: a service should not start without
 * its files. */
static void unpack(const char *what, const void *p, size_t len)
{
    char msg[160];

    if (ig_vfs_unpack_cpio("/", p, len, msg, sizeof(msg))) {
        ig_printk("ingot: %s: %s\n", what, msg);
        ig_plat_exit(255);
    }
}

/* Volumes are a component of their own (libingot-vol.a, volume.c), which
 * ingot-cc links only into programs that use the file API; without it a
 * vol. option lands here.  The app has no way to reach a volume anyway. */
static int no_volumes(const char *opt)
{
    ig_printk("ingot: ignoring volume option '%s': this image has no volume "
              "support (ingot-cc links it into programs that use the file "
              "API)\n",
              opt);
    return 0;
}

IG_COMPONENT(novol, .prefix = "vol.", .option = no_volumes,
             .order = IG_ORDER_FALLBACK);

/* Makes directory (path) with mode 1777 unless it exists.  mkdir()
 * applies the umask and keeps only the permission bits, so the mode is
 * set after.  Returns 0 or a negative errno. */
static int mkdir_sticky(const char *path)
{
    int err = ig_vfs_mkdir(AT_FDCWD, path, 01777);

    if (err)
        return err == -EEXIST ? 0 : err;
    int fd = ig_vfs_open(AT_FDCWD, path, O_RDONLY | O_DIRECTORY, 0);
    if (fd < 0)
        return fd;
    ig_fd_get(fd)->vn->mode = S_IFDIR | 01777;
    ig_vfs_close(fd);
    return 0;
}

int ig_vfs_init(void)
{
    struct ig_vnode *root = ig_ramfs_new(), *dev, *devroot = ig_ramfs_new();
    const void *initrd;
    size_t len;
    int err;

    if (!root || !devroot)
        return -ENOMEM;
    ig_vfs.root = root;
    ig_vfs.cwd = root;
    ig_vnode_hold(root);
    /* The embedded rootfs first, then the initrd given at run time over
     * it: a file in both comes from the initrd, directories merge.  Either
     * may bring its own /dev; the devfs is mounted over it. */
    const char *start = ig_vfs_rootfs_start, *end = ig_vfs_rootfs_end;
    if (start && end > start)
        unpack("embedded rootfs", start, (size_t)(end - start));
    if (ig_plat_initrd(&initrd, &len) == 0 && len > 0)
        unpack("initrd", initrd, len);
    /* /tmp exists in every image, writable by all (sticky), as in a
     * container; a rootfs may bring its own.  mkdir() applies the umask
     * and keeps only the permission bits, so the mode is set after. */
    err = mkdir_sticky("/tmp");
    if (err)
        return err;
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
    /* POSIX shared memory objects (shm_open) live in /dev/shm. */
    if (!err)
        err = mkdir_sticky("/dev/shm");
    if (err)
        return err;
    /* stdin, stdout, stderr: the run's own (devfs.c). */
    static const int modes[3] = {O_RDONLY, O_WRONLY, O_WRONLY};
    static const char *const paths[3] = {"/dev/stdin", "/dev/stdout",
                                         "/dev/stderr"};
    for (int i = 0; i < 3; i++) {
        err = ig_vfs_open(AT_FDCWD, paths[i], modes[i], 0);
        if (err != i)
            return err < 0 ? err : -EBUSY;
    }
    return 0;
}
