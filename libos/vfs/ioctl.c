/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ioctl.c: ioctl(2): the requests every descriptor takes, then the kind's. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "vfs_internal.h"

int ig_vfs_ioctl(int fd, unsigned long req, void *arg)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    switch (req) {
    case IG_FIOCLEX:
    case IG_FIONCLEX:
        return ig_vfs_fcntl(fd, F_SETFD, req == IG_FIOCLEX ? FD_CLOEXEC : 0);
    case IG_FIONBIO: {
        if (!arg)
            return -EFAULT;
        int fl = *(int *)arg ? f->flags | O_NONBLOCK : f->flags & ~O_NONBLOCK;
        return ig_vfs_fcntl(fd, F_SETFL, fl);
    }
    }
    if (!arg)
        return -EFAULT;
    if (req == IG_TIOCGWINSZ && f->ops->tty) {
        memset(arg, 0, 4 * sizeof(unsigned short));
        return 0;
    }
    if (req == IG_FIONREAD && f->vn && S_ISREG(f->vn->mode)) {
        struct stat st;
        int r = ig_vfs_fstat(fd, &st);
        if (r < 0)
            return r;
        off_t left = st.st_size > f->pos ? st.st_size - f->pos : 0;
        *(int *)arg = left > 0x7fffffff ? 0x7fffffff : (int)left;
        return 0;
    }
    if (req == IG_FIONREAD && f->vn && S_ISDIR(f->vn->mode))
        return -ENOTTY;
    return f->ops->ioctl ? f->ops->ioctl(f, req, arg) : -ENOTTY;
}
