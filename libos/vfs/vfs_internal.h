/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* vfs_internal.h: vnodes, filesystems and path lookup inside the VFS. */
#ifndef INGOT_VFS_INTERNAL_H
#define INGOT_VFS_INTERNAL_H

#include <ingot/vfs.h>

/*
 * A vnode is one file, directory or device in the name space.  A vnode
 * shows one parent and one name, which getcwd() and ".." use: a directory
 * has exactly one; a file with hard links (ramfs) shows one of its names.  A
 * directory with a filesystem mounted on it points at that filesystem's root
 * (mounted); the root points back (covers), so lookups cross into the mount and
 * ".." crosses back out.
 *
 * Filesystems implement struct ig_vnode_ops; ramfs is the only one so far
 * (devfs is a ramfs whose nodes carry device operations).  Vnodes are
 * freed when they are unlinked and no open file or cwd holds them.
 */
struct ig_vnode_ops {
    /* Directory operations; (name) is one component of (len) bytes. */
    int (*lookup)(struct ig_vnode *dir, const char *name, size_t len,
                  struct ig_vnode **out);
    /* As lookup, but a symbolic link (name) is returned itself (S_IFLNK),
     * not followed; filesystems without links leave it NULL. */
    int (*lookup_link)(struct ig_vnode *dir, const char *name, size_t len,
                       struct ig_vnode **out);
    int (*create)(struct ig_vnode *dir, const char *name, size_t len,
                  mode_t mode, struct ig_vnode **out);
    /* Removes entry (name) of (dir), which names (vn). */
    int (*remove)(struct ig_vnode *dir, const char *name, size_t len,
                  struct ig_vnode *vn);
    /* Moves entry (name) of (dir), which names (vn), to (newname) in
     * (newdir) (where nothing has that name, unless rename_replaces). */
    int (*rename)(struct ig_vnode *dir, const char *name, size_t len,
                  struct ig_vnode *vn, struct ig_vnode *newdir,
                  const char *newname, size_t newlen);
    /* Optional: adds entry (name) in (dir) for (vn), a non-directory of
     * the same filesystem (a hard link).  Returns 0, -EMLINK, -ENOSPC;
     * without it link(2) fails with -EPERM, as Linux on a filesystem
     * without links. */
    int (*link)(struct ig_vnode *dir, const char *name, size_t len,
                struct ig_vnode *vn);
    /* Entry number (pos) of (dir) after "." and ".."; returns 1 or 0. */
    int (*readdir)(struct ig_vnode *dir, long pos, struct ig_dirent *out);
    /* File operations. */
    ssize_t (*read)(struct ig_vnode *vn, void *buf, size_t len, off_t off);
    ssize_t (*write)(struct ig_vnode *vn, const void *buf, size_t len,
                     off_t off);
    int (*truncate)(struct ig_vnode *vn, off_t len);
    void (*free)(struct ig_vnode *vn);

    /* Optional, for filesystems whose files live elsewhere (volumes). */
    /* Called as (f) is opened on (vn) with open(2)'s (flags); may set
     * f->ops and f->priv (released by f->ops->release).  Returns 0 or a
     * negative errno. */
    int (*open)(struct ig_vnode *vn, struct ig_file *f, int flags);
    /* Fills (st) from the storage (and refreshes vn's size and mode);
     * without it stat uses the vnode's fields. */
    int (*getattr)(struct ig_vnode *vn, struct stat *st);
    /* Creates symbolic link (name) in (dir) holding (target); reads the
     * one named (name) into (buf) (returns its length, unterminated). */
    int (*symlink)(struct ig_vnode *dir, const char *name, size_t len,
                   const char *target);
    ssize_t (*readlink)(struct ig_vnode *dir, const char *name, size_t len,
                        char *buf, size_t cap);
    /* Fills (st) for (name) in (dir) without following a symbolic link
     * there; without it lstat is stat. */
    int (*lstat)(struct ig_vnode *dir, const char *name, size_t len,
                 struct stat *st);
    /* Sets the access and modification times; (ts) as utimensat(2)
     * (UTIME_NOW, UTIME_OMIT), never NULL.  Without it only mtime is kept
     * and set (ramfs). */
    int (*utimens)(struct ig_vnode *vn, const struct timespec ts[2]);
    /* Fills (out) (zeroed by the caller) for the filesystem of (vn);
     * without it only the block size and name length are known. */
    int (*statfs)(struct ig_vnode *vn, struct ig_statfs *out);
    /* Sets the permission bits (07777) of (vn) on the storage and in
     * vn->mode; without it a filesystem with getattr (its modes live
     * elsewhere) refuses chmod with -EPERM, and ramfs keeps vn->mode. */
    int (*chmod)(struct ig_vnode *vn, mode_t mode);
    /* rename replaces an existing target itself, atomically, so the VFS
     * does not remove it first; and the filesystem, not nchildren,
     * decides ENOTEMPTY. */
    int rename_replaces;
};

struct ig_vnode {
    const struct ig_vnode_ops *ops;
    mode_t mode; /* S_IF* | permissions */
    uid_t uid;   /* owner, kept for chown(); 0 (root) when created */
    gid_t gid;
    ino_t ino;
    dev_t dev; /* which filesystem */
    off_t size;
    int refs;       /* open files, cwd, and 1 per directory entry naming it */
    unsigned nlink; /* ramfs: directory entries naming it (st_nlink) */
    int nchildren;
    unsigned flags; /* IG_VNODE_* */
    struct timespec mtime;
    struct ig_vnode *parent;
    struct ig_vnode *mounted; /* root of the filesystem mounted here */
    struct ig_vnode *covers;  /* for a mounted root: its mount point */
    char *name;
    void *priv;              /* the filesystem's */
    struct ig_vfs_seg *segs; /* shared mappings of this file (shmap.c) */
};

#define IG_VNODE_TTY 1u      /* a terminal: isatty() answers 1 */
#define IG_VNODE_RDONLY 2u   /* on a read-only mount: changes fail EROFS */
#define IG_VNODE_LINKABLE 4u /* O_TMPFILE without O_EXCL: may get a name */

static inline int ig_vnode_rdonly(const struct ig_vnode *vn)
{
    return (vn->flags & IG_VNODE_RDONLY) != 0;
}

void ig_vnode_hold(struct ig_vnode *vn);
void ig_vnode_put(struct ig_vnode *vn);

/* ramfs.c: a fresh, empty ramfs; returns its root or NULL. */
struct ig_vnode *ig_ramfs_new(void);
/* Creates a character device (name) with IG_VNODE_* (flags) in ramfs
 * directory (dir), whose reads and writes go to (ops) (only read and write
 * are used).  Returns 0 or -ENOMEM. */
int ig_ramfs_mknod(struct ig_vnode *dir, const char *name,
                   const struct ig_vnode_ops *ops, unsigned flags);

/* path.c */
struct ig_vfs_root {
    struct ig_vnode *root;
    struct ig_vnode *cwd;
};
extern struct ig_vfs_root ig_vfs;

/* Mounts the filesystem rooted at (fsroot) on directory (at). */
int ig_vfs_mount(struct ig_vnode *at, struct ig_vnode *fsroot);

/* Resolves (path) from (start) (for relative paths).  On success stores in
 * (*dir) the held directory that holds the last component and in (*name,
 * *len) that component (len 0 for "/"), and in (*vn) the held vnode of the
 * whole path or NULL if the last component does not exist.  (*trailing)
 * is set if the path ends in '/'.  The caller puts both vnodes. */
struct ig_lookup {
    struct ig_vnode *dir;
    struct ig_vnode *vn;
    const char *name;
    size_t len;
    int trailing;
    int miss;    /* why (vn) is NULL: the last component's lookup error */
    char *owned; /* a link's target and the rest of the path (name's) */
};
int ig_vfs_lookup(struct ig_vnode *start, const char *path,
                  struct ig_lookup *lk);
int ig_vfs_lookup_link(struct ig_vnode *start, const char *path,
                       struct ig_lookup *lk);
void ig_lookup_done(struct ig_lookup *lk);
/* ig_vfs_lookup() of (path) from (dirfd) (see ig_vfs_start()).  Returns
 * its errors, -EFAULT for a NULL (path), -EBADF, -ENOTDIR. */
int ig_vfs_lookup_at(int dirfd, const char *path, struct ig_lookup *lk);
/* ig_vfs_lookup_at(), except that a symbolic link in the last component
 * (even one followed by slashes) is found itself, not what it points to,
 * as Linux does for the names that unlink, rmdir, rename, mkdir, symlink
 * and link act on, and for O_CREAT|O_EXCL and O_NOFOLLOW. */
int ig_vfs_lookup_link_at(int dirfd, const char *path, struct ig_lookup *lk);
int ig_lookup_is_dots(const struct ig_lookup *lk);
/* The error for a lookup that found no file: the last component's (a link
 * loop is -ELOOP, a name too long for the storage -ENAMETOOLONG), else
 * -ENOENT. */
int ig_lookup_missing(const struct ig_lookup *lk);
/* Fills (st) from (vn). */
void ig_vnode_stat(struct ig_vnode *vn, struct stat *st);
/* Fills (st) from (vn)'s filesystem (getattr) or fields.  Returns 0 or the
 * filesystem's negative errno. */
int ig_vnode_getattr(struct ig_vnode *vn, struct stat *st);
/* Writes the absolute path of (vn) to (buf); returns length+1 or -ERANGE. */
int ig_vnode_path(struct ig_vnode *vn, char *buf, size_t size);

/* fd.c */
struct ig_file *ig_file_alloc(const struct ig_file_ops *ops, int flags,
                              void *priv);
void ig_file_put(struct ig_file *f);
/* lock.c, reached only through this weak reference so that images without
 * locks do not link it: called as a descriptor of (f) goes away, with
 * (last) set when it was the last one. */
extern void (*const ig_vfs_lock_release)(struct ig_file *f, int last)
    __attribute__((weak));
/* shmap.c, reached only through these weak references so that images
 * without shared mappings do not link it: after (n) bytes of (vn) at
 * (off) were read into or written from (buf) (write set), copies them
 * out of or into the memory of its shared mappings; after (vn) was
 * truncated to (len), zeroes what its mappings hold past the end. */
extern void (*const ig_vfs_seg_io)(struct ig_vnode *vn, void *buf, size_t n,
                                   off_t off, int write) __attribute__((weak));
extern void (*const ig_vfs_seg_truncate)(struct ig_vnode *vn, off_t len)
    __attribute__((weak));
/* The base of whence (SEEK_SET, SEEK_CUR, SEEK_END) for open file (f), as
 * lseek(2) and record locks count it, in (*base).  Returns 0, -EINVAL for
 * another whence, or the filesystem's error for the size. */
int ig_file_whence_base(struct ig_file *f, int whence, off_t *base);
/* Opens a file description for vnode (vn) (held by the caller). */
int ig_vnode_open(struct ig_vnode *vn, int flags);
/* The start vnode for (dirfd) and (path): root, cwd or the fd's vnode. */
int ig_vfs_start(int dirfd, const char *path, struct ig_vnode **out);

/* rfs.c: filesystems whose files live elsewhere (host directories, 9P),
 * reached through path-based calls shaped like plat.h's hostdir calls,
 * with (ctx) passed through.  Paths are relative to the filesystem's
 * root ("." for the root itself). */
struct ig_plat_hostdir_stat;
struct ig_plat_hostdir_statfs;
struct ig_rfs_backend {
    int (*stat)(void *ctx, const char *path, struct ig_plat_hostdir_stat *st);
    int (*lstat)(void *ctx, const char *path, struct ig_plat_hostdir_stat *st);
    int (*open)(void *ctx, const char *path, unsigned flags, unsigned mode);
    int (*fstat)(void *ctx, int h, struct ig_plat_hostdir_stat *st);
    long (*pread)(void *ctx, int h, void *buf, size_t len, uint64_t off);
    long (*pwrite)(void *ctx, int h, const void *buf, size_t len, uint64_t off);
    int (*ftruncate)(void *ctx, int h, uint64_t len);
    int (*futimens)(void *ctx, int h, int64_t atime_ns, int64_t mtime_ns);
    int (*fchmod)(void *ctx, int h, unsigned mode);
    int (*fsync)(void *ctx, int h);
    int (*fstatfs)(void *ctx, int h, struct ig_plat_hostdir_statfs *out);
    int (*close)(void *ctx, int h);
    long (*readdir)(void *ctx, int h, void *buf, size_t cap);
    int (*mkdir)(void *ctx, const char *path, unsigned mode);
    int (*unlink)(void *ctx, const char *path, int dir);
    int (*rename)(void *ctx, const char *from, const char *to);
    int (*symlink)(void *ctx, const char *target, const char *path);
    long (*readlink)(void *ctx, const char *path, char *buf, size_t cap);
};

/* A new filesystem over (be) and (ctx); every vnode is IG_VNODE_RDONLY
 * when (ro).  Stores its root in (*root).  Returns 0, -ENOMEM, or the
 * backend's error for the root (-ENOTDIR if it is not a directory). */
int ig_rfs_new(const struct ig_rfs_backend *be, void *ctx, int ro,
               struct ig_vnode **root);

/* hostfs.c: the backend over plat.h's host directory (dev). */
extern const struct ig_rfs_backend ig_hostfs_backend;

/* p9fs.c: the backend over 9P2000.L channel (dev) (plat.h): connects
 * (Tversion, Tattach) and stores the client in (*ctx).  Returns 0,
 * -ENOMEM, -EPROTONOSUPPORT (the server does not speak 9P2000.L), or the
 * channel's or server's error. */
extern const struct ig_rfs_backend ig_p9fs_backend;
int ig_p9fs_connect(int dev, void **ctx);

/* volume.c: mounts `vol.TAG=DIR[:ro]` (see ig_vfs_option). */

/* devfs.c */
int ig_devfs_populate(struct ig_vnode *dir);
/* Makes (f), an open device node, a terminal for isatty() or not. */
void ig_file_set_tty(struct ig_file *f, int on);

#endif /* INGOT_VFS_INTERNAL_H */
