/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* volume.c: `vol.TAG=DIR[:ro]` and `cwd=DIR` options, applied before main. */
#include <ingot/component.h>
#include <ingot/console.h>
#include <ingot/plat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>

#include "vfs_internal.h"

/* Creates (dir) and its missing parents in the name space, then returns
 * its vnode, held, in (*out). */
static int mkdirs(char *dir, struct ig_vnode **out)
{
    for (char *p = dir + 1; dir[1]; p++) { /* "/" exists */
        if (*p != '/' && *p)
            continue;
        char c = *p;
        *p = '\0';
        int err = ig_vfs_mkdir(AT_FDCWD, dir, 0755);
        *p = c;
        if (err && err != -EEXIST)
            return err;
        if (!c)
            break;
    }
    int fd = ig_vfs_open(AT_FDCWD, dir, O_RDONLY | O_DIRECTORY, 0);
    if (fd < 0)
        return fd;
    *out = ig_fd_get(fd)->vn;
    ig_vnode_hold(*out);
    ig_vfs_close(fd);
    return 0;
}

/* Finds the host directory called (tag); returns its number or -ENODEV. */
static int find_hostdir(const char *tag, int *ro)
{
    int n = ig_plat_dev_count(IG_PLAT_DEV_HOSTDIR);

    for (int i = 0; i < n; i++) {
        struct ig_plat_hostdir_info info;
        if (ig_plat_hostdir_info(i, &info) == 0 && !strcmp(info.tag, tag)) {
            *ro = info.readonly;
            return i;
        }
    }
    return -ENODEV;
}

/* Finds the 9P channel with mount tag (tag); returns it or -ENODEV. */
static int find_9p(const char *tag)
{
    int n = ig_plat_dev_count(IG_PLAT_DEV_9P);
    char t[64];

    for (int i = 0; i < n; i++)
        if (ig_plat_9p_tag(i, t, sizeof(t)) >= 0 && !strcmp(t, tag))
            return i;
    return -ENODEV;
}

/* Returns the devfs root (held) in (*out): what "/dev" leads to now. */
static int devfs_root(struct ig_vnode **out)
{
    int fd = ig_vfs_open(AT_FDCWD, "/dev", O_RDONLY | O_DIRECTORY, 0);
    if (fd < 0)
        return fd;
    *out = ig_fd_get(fd)->vn;
    ig_vnode_hold(*out);
    ig_vfs_close(fd);
    return 0;
}

/* Mounts (root) at (dir), creating its directories.  A volume mounted at
 * "/" (direct execution shares the host's root this way) would hide the
 * devfs, so the devfs is mounted again at the new root's /dev: programs
 * keep the library OS's /dev/null and console, never the host's devices. */
static int mount_at(char *dir, struct ig_vnode *root)
{
    struct ig_vnode *at, *devfs = NULL, *dev;
    int err = 0;

    if (!strcmp(dir, "/"))
        err = devfs_root(&devfs);
    if (!err)
        err = mkdirs(dir, &at);
    if (!err) {
        err = ig_vfs_mount(at, root);
        ig_vnode_put(at);
    }
    if (!err && devfs) {
        char devdir[] = "/dev";
        err = mkdirs(devdir, &dev);
        if (!err) {
            err = ig_vfs_mount(dev, devfs);
            ig_vnode_put(dev);
        }
    }
    if (devfs)
        ig_vnode_put(devfs);
    return err;
}

static const char *why(int err)
{
    switch (err) {
    case -ENODEV:
        return "no such device";
    case -ENOTDIR:
        return "not a directory";
    case -ENOENT:
        return "no such file or directory";
    case -EACCES:
        return "permission denied";
    case -ENOMEM:
        return "out of memory";
    case -EBUSY:
        return "already a mount point";
    case -EPROTONOSUPPORT:
        return "the server does not speak 9P2000.L";
    case -EIO:
        return "input/output error";
    default:
        return "cannot mount";
    }
}

int ig_vfs_option(const char *opt)
{
    char tag[16], dir[IG_PATH_MAX];
    const char *eq;
    struct ig_vnode *root;
    int err, ro = 0, devro = 0;

    if (strncmp(opt, "vol.", 4) != 0)
        return -EINVAL;
    opt += 4;
    eq = strchr(opt, '=');
    size_t tl = eq ? (size_t)(eq - opt) : 0, dl = eq ? strlen(eq + 1) : 0;
    if (dl > 3 && !strcmp(eq + 1 + dl - 3, ":ro")) {
        ro = 1;
        dl -= 3;
    }
    if (!eq || tl == 0 || tl >= sizeof(tag) || dl == 0 || dl >= sizeof(dir) ||
        eq[1] != '/') {
        ig_printk("ingot: bad volume option 'vol.%s': expected "
                  "vol.TAG=/DIR[:ro]\n",
                  opt);
        ig_plat_exit(255);
    }
    memcpy(tag, opt, tl);
    tag[tl] = '\0';
    memcpy(dir, eq + 1, dl);
    dir[dl] = '\0';
    /* A host directory (pico) or a 9P channel (kvm) of that name. */
    int dev = find_hostdir(tag, &devro);
    err = dev;
    if (dev >= 0) {
        err = ig_rfs_new(&ig_hostfs_backend, (void *)(intptr_t)dev, ro || devro,
                         &root);
    } else if ((dev = find_9p(tag)) >= 0) {
        void *ctx;
        err = ig_p9fs_connect(dev, &ctx);
        if (!err)
            err = ig_rfs_new(&ig_p9fs_backend, ctx, ro, &root);
    }
    if (!err)
        err = mount_at(dir, root);
    if (err) {
        ig_printk("ingot: volume %s (%s): %s\n", tag, dir, why(err));
        ig_plat_exit(255);
    }
    return 0;
}

IG_COMPONENT(vol, .prefix = "vol.", .option = ig_vfs_option,
             .order = IG_ORDER_VOL);

int ig_vfs_cwd_option(const char *opt)
{
    int err;

    if (strncmp(opt, "cwd=", 4) != 0)
        return -EINVAL;
    err = opt[4] == '/' ? ig_vfs_chdir(opt + 4) : -ENOENT;
    if (err) {
        ig_printk("ingot: working directory %s: %s\n", opt + 4, why(err));
        ig_plat_exit(255);
    }
    return 0;
}

/* After the volumes: the directory usually lies in one. */
IG_COMPONENT(cwd, .prefix = "cwd=", .option = ig_vfs_cwd_option,
             .order = IG_ORDER_VOL + 1);
