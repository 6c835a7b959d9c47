/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* devfs.c: /dev/null, /dev/zero, /dev/urandom and /dev/console. */
#include <ingot/plat.h>

#include <errno.h>
#include <string.h>

#include "vfs_internal.h"

static ssize_t null_read(struct ig_vnode *vn, void *buf, size_t len, off_t o)
{
    (void)vn, (void)buf, (void)len, (void)o;
    return 0;
}

static ssize_t sink_write(struct ig_vnode *vn, const void *buf, size_t len,
                          off_t o)
{
    (void)vn, (void)buf, (void)o;
    return (ssize_t)len;
}

static ssize_t zero_read(struct ig_vnode *vn, void *buf, size_t len, off_t o)
{
    (void)vn, (void)o;
    memset(buf, 0, len);
    return (ssize_t)len;
}

static ssize_t random_read(struct ig_vnode *vn, void *buf, size_t len, off_t o)
{
    (void)vn, (void)o;
    return ig_plat_entropy(buf, len);
}

/* The console has no input yet: reads see end of file. */
static ssize_t console_write(struct ig_vnode *vn, const void *buf, size_t len,
                             off_t o)
{
    (void)vn, (void)o;
    ig_plat_console_write(buf, len);
    return (ssize_t)len;
}

static const struct ig_vnode_ops null_ops = {.read = null_read,
                                             .write = sink_write};
static const struct ig_vnode_ops zero_ops = {.read = zero_read,
                                             .write = sink_write};
static const struct ig_vnode_ops random_ops = {.read = random_read,
                                               .write = sink_write};
static const struct ig_vnode_ops console_ops = {.read = null_read,
                                                .write = console_write};

int ig_devfs_populate(struct ig_vnode *dir)
{
    static const struct {
        const char *name;
        const struct ig_vnode_ops *ops;
        unsigned flags;
    } devs[] = {
        {"null", &null_ops, 0},
        {"zero", &zero_ops, 0},
        {"urandom", &random_ops, 0},
        {"random", &random_ops, 0},
        {"console", &console_ops, IG_VNODE_TTY},
    };
    for (size_t i = 0; i < sizeof(devs) / sizeof(devs[0]); i++) {
        int err = ig_ramfs_mknod(dir, devs[i].name, devs[i].ops, devs[i].flags);
        if (err)
            return err;
    }
    return 0;
}
