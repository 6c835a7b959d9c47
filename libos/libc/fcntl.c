/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fcntl.c: fcntl(2) (record locks included), flock(2) and ioctl(2). */
#include <ingot/libc.h>
#include <ingot/vfs.h>

#include <fcntl.h>
#include <stdarg.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <ingot/posix.h>

/* Its own object, apart from read and write: fcntl() brings the lock
 * code (libos/vfs/lock.c) into the image, so only programs calling it
 * carry it. */
int ioctl(int fd, unsigned long req, ...)
{
    va_list ap;
    void *arg;

    va_start(ap, req);
    arg = va_arg(ap, void *);
    va_end(ap);
    int r = ig_libc_tty_ioctl(fd, req, arg);
    return (int)ig_posix_ret(r <= 0 ? r : ig_vfs_ioctl(fd, req, arg));
}

/* Record locks through struct flock (newlib's layout, Linux's rules). */
static int lock_cmd(int fd, int cmd, struct flock *fl)
{
    int ofd = cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW;
    int how = (cmd == F_GETLK || cmd == F_OFD_GETLK)     ? IG_LOCK_GET
              : (cmd == F_SETLKW || cmd == F_OFD_SETLKW) ? IG_LOCK_WAIT
                                                         : IG_LOCK_SET;
    static const int to_ig[] = {
        [F_RDLCK] = IG_LOCK_RD, [F_WRLCK] = IG_LOCK_WR, [F_UNLCK] = IG_LOCK_UN};

    if (!fl)
        return -EFAULT;
    struct ig_lock l = {.whence = fl->l_whence,
                        .start = fl->l_start,
                        .len = fl->l_len,
                        .pid = fl->l_pid};
    if (fl->l_type == F_RDLCK || fl->l_type == F_WRLCK || fl->l_type == F_UNLCK)
        l.type = to_ig[fl->l_type];
    int r = ig_vfs_lock(fd, ofd, how, &l);
    if (r == 0 && how == IG_LOCK_GET) {
        fl->l_type = l.type == IG_LOCK_RD   ? F_RDLCK
                     : l.type == IG_LOCK_WR ? F_WRLCK
                                            : F_UNLCK;
        if (l.type != IG_LOCK_UN) {
            fl->l_whence = SEEK_SET;
            fl->l_start = l.start;
            fl->l_len = l.len;
            fl->l_pid = (short)l.pid;
        }
    }
    return r;
}

int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    long arg;

    va_start(ap, cmd);
    arg = va_arg(ap, long);
    va_end(ap);
    switch (cmd) {
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
        return (int)ig_posix_ret(lock_cmd(fd, cmd, (struct flock *)arg));
    default:
        return (int)ig_posix_ret(ig_vfs_fcntl(fd, cmd, arg));
    }
}

int flock(int fd, int op)
{
    int type = op & ~LOCK_NB;

    if (type != LOCK_SH && type != LOCK_EX && type != LOCK_UN)
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(ig_vfs_flock(fd,
                                          type == LOCK_SH   ? IG_LOCK_RD
                                          : type == LOCK_EX ? IG_LOCK_WR
                                                            : IG_LOCK_UN,
                                          !(op & LOCK_NB)));
}
