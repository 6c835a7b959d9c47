/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mode.c: file modes and owners: chmod, chown and their variants. */
#include <ingot/vfs.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/posix.h>

int chmod(const char *path, mode_t mode)
{
    return (int)ig_posix_ret(ig_vfs_chmod(AT_FDCWD, path, mode, 0));
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
    return (int)ig_posix_ret(ig_vfs_chmod(dirfd, path, mode, flags));
}

int fchmod(int fd, mode_t mode)
{
    return (int)ig_posix_ret(ig_vfs_fchmod(fd, mode));
}

int chown(const char *path, uid_t uid, gid_t gid)
{
    return (int)ig_posix_ret(ig_vfs_chown(AT_FDCWD, path, uid, gid, 0));
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
    return (int)ig_posix_ret(
        ig_vfs_chown(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW));
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
    return (int)ig_posix_ret(ig_vfs_chown(dirfd, path, uid, gid, flags));
}

int fchown(int fd, uid_t uid, gid_t gid)
{
    return (int)ig_posix_ret(ig_vfs_fchown(fd, uid, gid));
}
