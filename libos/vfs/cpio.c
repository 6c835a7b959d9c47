/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cpio.c: unpacks a cpio "newc" archive (the initrd) into the VFS. */
#include <ingot/console.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "vfs_internal.h"

/*
 * newc: each entry is a 110-byte ASCII header ("070701" or "070702", then
 * 13 fields of 8 hex digits: ino, mode, uid, gid, nlink, mtime, filesize,
 * devmajor, devminor, rdevmajor, rdevminor, namesize, check), the name
 * (namesize bytes with its NUL), padding to a multiple of 4, the data and
 * padding again.  The entry named "TRAILER!!!" ends the archive.
 */
#define HDR_LEN 110
#define F_MODE 1
#define F_FILESIZE 6
#define F_NAMESIZE 11

static int hex8(const char *s, unsigned long *out)
{
    unsigned long v = 0;

    for (int i = 0; i < 8; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v << 4 | (unsigned long)d;
    }
    *out = v;
    return 0;
}

static size_t pad4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

static int bad(char *msg, size_t msglen, size_t off, const char *why)
{
    ig_snprintk(msg, msglen, "corrupt cpio archive at byte %zu: %s", off, why);
    return -EINVAL;
}

static int put_file(int dirfd, const char *name, mode_t mode, const char *data,
                    size_t size)
{
    if (S_ISDIR(mode)) {
        int err = ig_vfs_mkdir(dirfd, name, mode & 07777);
        return err == -EEXIST ? 0 : err;
    }
    if (!S_ISREG(mode))
        return 0;
    int fd =
        ig_vfs_open(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
    if (fd < 0)
        return fd;
    ssize_t n = ig_vfs_write(fd, data, size);
    ig_vfs_close(fd);
    return n < 0 ? (int)n : 0;
}

/* Walks the archive; creates its files only when (dirfd) >= 0, so a first
 * pass can reject a corrupt archive before anything is created. */
static int walk(int dirfd, const char *a, size_t len, char *msg, size_t msglen)
{
    size_t off = 0;

    for (;;) {
        unsigned long f[13];
        if (len - off < HDR_LEN)
            return bad(msg, msglen, off, "truncated header (no trailer)");
        if (memcmp(a + off, "070701", 6) && memcmp(a + off, "070702", 6))
            return bad(msg, msglen, off, "bad magic (not cpio newc)");
        for (int i = 0; i < 13; i++)
            if (hex8(a + off + 6 + 8 * i, &f[i]))
                return bad(msg, msglen, off, "header field is not hex");
        size_t nsz = f[F_NAMESIZE], fsz = f[F_FILESIZE];
        size_t name_off = off + HDR_LEN;
        if (nsz == 0 || nsz > IG_PATH_MAX || nsz > len - name_off)
            return bad(msg, msglen, off, "name runs past the end");
        const char *name = a + name_off;
        if (name[nsz - 1] != '\0' || strlen(name) != nsz - 1)
            return bad(msg, msglen, off, "name is not NUL-terminated");
        size_t data_off = pad4(name_off + nsz);
        if (data_off > len || fsz > len - data_off)
            return bad(msg, msglen, off, "file data runs past the end");
        if (!strcmp(name, "TRAILER!!!"))
            return 0;
        while (name[0] == '.' && name[1] == '/')
            name += 2;
        while (name[0] == '/')
            name++;
        if (dirfd >= 0 && name[0] && strcmp(name, ".")) {
            int err =
                put_file(dirfd, name, (mode_t)f[F_MODE], a + data_off, fsz);
            if (err) {
                ig_snprintk(msg, msglen, "cannot create %s: error %d", name,
                            -err);
                return err;
            }
        }
        off = pad4(data_off + fsz);
        if (off > len)
            off = len;
    }
}

int ig_vfs_unpack_cpio(const char *dir, const void *p, size_t len, char *msg,
                       size_t msglen)
{
    int err = walk(-1, p, len, msg, msglen);

    if (err)
        return err;
    mode_t old = ig_vfs_umask(0);
    int dirfd = ig_vfs_open(AT_FDCWD, dir, O_RDONLY | O_DIRECTORY, 0);
    if (dirfd < 0) {
        ig_snprintk(msg, msglen, "cannot open %s: error %d", dir, -dirfd);
        err = dirfd;
    } else {
        err = walk(dirfd, p, len, msg, msglen);
        ig_vfs_close(dirfd);
    }
    ig_vfs_umask(old);
    return err;
}
