/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* vfs.h: file descriptors, path names and filesystems of the library OS. */
#ifndef INGOT_VFS_H
#define INGOT_VFS_H

/*
 * Lifecycle.  ig_vfs_init() runs once at boot, after the heap and before
 * constructors: it mounts an empty ramfs as "/", a devfs at "/dev", unpacks
 * the platform's initrd (ig_plat_initrd(), a cpio "newc" archive) into the
 * root and opens descriptors 0, 1 and 2 on /dev/console.  From then on the
 * calls below may be made in any order; the libc glue (libos/libc) wraps each
 * in its POSIX name.
 *
 * Every call returns 0 or a count on success and a negative errno on
 * failure; none of them halts the image.  (dirfd) is a directory descriptor
 * or AT_FDCWD and only matters for relative paths.  There are no permission
 * checks: ramfs keeps modes and owners, which stat reports, but nothing
 * checks them.  ramfs files may have several names (hard links).  Read-only
 * mounts (volumes with :ro) refuse every change with -EROFS.
 *
 * One descriptor table serves files, devices, pipes and (later) sockets: a
 * descriptor names a struct ig_file, whose operations vector (struct
 * ig_file_ops) says what read, write and friends do.  A component with its
 * own kind of descriptor fills an ig_file_ops and calls ig_fd_install().
 */

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Linux's values, as libos/libc's <sys/stat.h> gives apps (newlib defines
 * them only for Cygwin). */
#ifndef UTIME_NOW
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#endif
/* O_TMPFILE as libos/libc's <fcntl.h> gives it to programs (newlib
 * defines it only for Cygwin); includes O_DIRECTORY, as on Linux. */
#include <fcntl.h>
#ifndef O_TMPFILE
#define O_TMPFILE (0x800000 | O_DIRECTORY)
#endif

/* The descriptor table grows as descriptors are opened.  Like Linux, a
 * descriptor at or above the RLIMIT_NOFILE soft limit (IG_FD_SOFT at
 * boot) cannot be opened (-EMFILE), and the hard limit may be raised up
 * to IG_FD_HARD (Linux's nr_open); memory is the only other bound. */
#define IG_FD_SOFT 1024
#define IG_FD_HARD (1 << 20)
/* The longest path name (with its NUL) and component the VFS accepts. */
#define IG_PATH_MAX 4096
#define IG_NAME_MAX 255
/* One read or write moves at most this many bytes (Linux's MAX_RW_COUNT);
 * longer requests are cut short, as on Linux. */
#define IG_RW_MAX 0x7ffff000

struct ig_file;
struct ig_vnode;
struct ig_dirent;

/* What one kind of open file does.  Any member may be NULL: the call then
 * fails with the errno POSIX gives for that kind (-EINVAL, -ESPIPE ...).
 * (off) is NULL for stream reads and writes (pipes, devices, sockets). */
struct iovec; /* <sys/uio.h> */

struct ig_file_ops {
    ssize_t (*read)(struct ig_file *f, void *buf, size_t len, off_t *off);
    ssize_t (*write)(struct ig_file *f, const void *buf, size_t len,
                     off_t *off);
    int (*stat)(struct ig_file *f, struct stat *st);
    /* Called once, when the last descriptor naming (f) is closed. */
    void (*release)(struct ig_file *f);
    /* fsync(2); NULL: nothing to flush (0).  readdir: the next entry
     * after "." and ".." (1, 0 at the end); NULL: the vnode's readdir. */
    int (*fsync)(struct ig_file *f);
    /* ftruncate(2) of a regular file open for writing (the VFS checked);
     * NULL: the vnode's truncate. */
    int (*truncate)(struct ig_file *f, off_t len);
    int (*readdir)(struct ig_file *f, struct ig_dirent *out);
    /* Readiness for poll(), select() and epoll: the IG_POLL_* bits that
     * hold now.  NULL means always readable and writable (files). */
    unsigned (*poll)(struct ig_file *f);
    /* ioctl(2) requests of this kind (FIONREAD ...), after the VFS has
     * handled the generic ones; NULL: -ENOTTY for all others. */
    int (*ioctl)(struct ig_file *f, unsigned long req, void *arg);
    /* readv(2)/writev(2) of (n) segments taken whole, as sockets must (one
     * TCP send, one datagram or record); NULL: each segment in turn
     * through read/write (files, pipes). */
    ssize_t (*readv)(struct ig_file *f, const struct iovec *iov, int n);
    ssize_t (*writev)(struct ig_file *f, const struct iovec *iov, int n);
    /* When the file's readiness last changed, as a number from
     * ig_file_event() (0: not yet); epoll reports ready files in that
     * order, as Linux's ready list does.  NULL: when epoll sees it. */
    uint64_t (*event)(struct ig_file *f);
    int seekable; /* lseek/pread/pwrite allowed */
    int tty;      /* isatty() answers 1 */
};

/* An open file description: shared by dup()ed descriptors. */
struct ig_file {
    const struct ig_file_ops *ops;
    int flags;           /* O_ACCMODE | O_APPEND | O_NONBLOCK as opened */
    int refs;            /* descriptors naming this file */
    off_t pos;           /* for seekable files */
    struct ig_vnode *vn; /* NULL for files outside the name space */
    void *priv;          /* the owner's */
};

/* Readiness bits, the same values as poll(2)'s POLL* constants. */
#define IG_POLL_IN 0x001u
#define IG_POLL_OUT 0x004u
#define IG_POLL_ERR 0x008u
#define IG_POLL_HUP 0x010u
#define IG_POLL_RDHUP 0x2000u

/* Every kind of file calls ig_file_notify() when its readiness may have
 * changed; it calls (ig_file_notify_hook), which the poll implementation
 * sets to wake its waiters (NULL until then: nothing waits). */
extern void (*ig_file_notify_hook)(void);
void ig_file_notify(void);
/* The next number of one sequence that orders readiness events across all
 * files (1, 2, ...; see ig_file_ops.event). */
uint64_t ig_file_event(void);
/* How many times ig_file_notify() was called: a readiness change of some
 * file happened when it moved (epoll's edge-triggered items use it). */
extern unsigned long ig_file_notify_seq;

/* Called with each file description just before it is freed (after its
 * release op), so epoll can forget it; NULL until epoll is used. */
extern void (*ig_file_gone_hook)(struct ig_file *f);

/* Returns the IG_POLL_* bits that hold now for (f) (ops->poll, or IN|OUT
 * when the kind has none). */
unsigned ig_file_poll(struct ig_file *f);

/* Allocates a file with operations (ops), open flags (flags) and private
 * data (priv), and installs it at the lowest free descriptor.  Returns the
 * descriptor, -ENOMEM, or -EMFILE when the table is full (the file is then
 * released). */
int ig_fd_install(const struct ig_file_ops *ops, int flags, void *priv);

/* Installs open file (f) at the lowest free descriptor >= (min), giving
 * it one reference the caller held, close-on-exec if (cloexec).  Returns
 * the descriptor, -EMFILE or -ENOMEM (the reference stays the caller's). */
int ig_fd_alloc(struct ig_file *f, int min, int cloexec);
/* Drops one reference to (f), freeing it with the last. */
void ig_file_put(struct ig_file *f);

/* ig_file_hold takes a reference to (f) that is not a descriptor (a file
 * in flight over a socket, a shared mapping's segment); ig_file_drop gives
 * it back.  Dropping such a reference is not a close of the process's:
 * its record locks stay, unless it was the last reference, which frees
 * (f) as ig_file_put() does. */
void ig_file_hold(struct ig_file *f);
void ig_file_drop(struct ig_file *f);

/* Returns the file behind (fd), or NULL if (fd) is not open. */
struct ig_file *ig_fd_get(int fd);

/*
 * Shared file mappings (mmap(2) MAP_SHARED of a file; shmap.c).  Without
 * paging, the pages of a mapping are memory of their own: one segment per
 * range of a file, which every mapping of that range shares, which read()
 * and write() of the file see and change (the VFS copies through it), and
 * which goes back to the file on ig_vfs_seg_sync() and when the last
 * mapping goes.  ig_vfs_seg_get() and ig_vfs_seg_put() pair up.
 *
 * ig_vfs_seg_get: the segment holding bytes [off, off + len) of the file
 * open at (fd) ((off) and (len) multiples of 4096, checked by the caller,
 * as are the access rights), created and filled from the file when no
 * segment holds them (bytes past the end read as zero); (writable) when
 * the mapping may write, so the segment may write back through this open
 * file.  Stores the segment in (*seg) and the address of byte (off) in
 * (*addr).  Returns 0, -EBADF, -ENODEV (not a regular file, or the range
 * overlaps part of another segment of the file: mappings of one file
 * must be of the same range, or inside one another), -ENOMEM, or the
 * file's read error.
 * ig_vfs_seg_sync: writes the bytes of (seg) in [addr, addr + len), up to
 * the file's end, back to the file.  Returns 0 or the file's error.
 * ig_vfs_seg_resize: for a segment that one mapping alone uses, moves it
 * to new memory of (len) bytes (the file's bytes beyond the old end read
 * in); stores the new address in (*addr).  Returns 0, -ENOMEM (another
 * segment holds part of the new range, or no memory) or the read error.
 * ig_vfs_seg_put: one mapping fewer; the last writes the segment back and
 * frees it. */
struct ig_vfs_seg;
int ig_vfs_seg_get(int fd, off_t off, size_t len, int writable,
                   struct ig_vfs_seg **seg, void **addr);
int ig_vfs_seg_sync(struct ig_vfs_seg *seg, const void *addr, size_t len);
int ig_vfs_seg_resize(struct ig_vfs_seg *seg, size_t len, void **addr);
void ig_vfs_seg_put(struct ig_vfs_seg *seg);

/* Mounts the root and /dev, unpacks the initrd and opens fds 0-2.  Returns
 * 0 or -ENOMEM.  A corrupt or truncated initrd (or one that does not fit in
 * memory) ends the image with status 255 after one line on the console,
 * "ingot: initrd: corrupt cpio archive at byte N: <why>": a service should
 * not start without its files. */
int ig_vfs_init(void);

/* Unpacks the cpio "newc" archive (p, len) into the directory (dir),
 * creating directories and regular files (other kinds are skipped).
 * Returns 0; -EINVAL for a corrupt or truncated archive, with one line in
 * (msg) (of (msglen) bytes) saying at which byte offset and why; or the
 * error of the first file that could not be created (also in msg).  The
 * whole archive is checked before the first file is created. */
int ig_vfs_unpack_cpio(const char *dir, const void *p, size_t len, char *msg,
                       size_t msglen);

/* Opens (path) with open(2)'s (flags) and (mode).  Returns the descriptor;
 * -ENOENT (a component or, without O_CREAT, the file is missing), -EEXIST
 * (O_CREAT|O_EXCL and it exists), -ENOTDIR (a component is not a directory,
 * or O_DIRECTORY on a non-directory), -EISDIR (a directory opened for
 * writing), -ENAMETOOLONG, -EMFILE, -ENOMEM or -ENOSPC. */
int ig_vfs_open(int dirfd, const char *path, int flags, mode_t mode);

/* Closes (fd).  Returns 0 or -EBADF. */
int ig_vfs_close(int fd);

/* read/write at the file position (advancing it) or, for pread/pwrite, at
 * (off) (leaving it).  Return the count (0 at end of file); -EBADF if (fd)
 * is not open or not open for that direction, -EISDIR for a directory,
 * -ESPIPE for pread/pwrite on a pipe or device, -EINVAL for an offset
 * below 0 or one where (off + len) overflows off_t, -EFBIG or -ENOSPC for
 * a file that cannot grow that far, -EAGAIN when a pipe is empty or full,
 * -EPIPE when a pipe has no reader. */
ssize_t ig_vfs_read(int fd, void *buf, size_t len);
ssize_t ig_vfs_write(int fd, const void *buf, size_t len);
/* readv (wr 0) or writev (wr 1) of (n) segments of (iov) on a file that
 * takes them whole (ig_file_ops.readv/writev): the count, or the errors of
 * ig_vfs_read/ig_vfs_write and the socket calls.  -ENOSYS when the file
 * takes them one segment at a time: the caller reads or writes each. */
ssize_t ig_vfs_rwv(int fd, const struct iovec *iov, int n, int wr);
ssize_t ig_vfs_pread(int fd, void *buf, size_t len, off_t off);
ssize_t ig_vfs_pwrite(int fd, const void *buf, size_t len, off_t off);

/* Moves the position of (fd) as lseek(2).  Returns the new position,
 * -EBADF, -ESPIPE (pipe, device) or -EINVAL (bad whence, a negative
 * result or one that overflows off_t). */
off_t ig_vfs_lseek(int fd, off_t off, int whence);

/* Fill (st) for (fd) or (path).  Return 0, -EBADF, -ENOENT, -ENOTDIR. */
int ig_vfs_fstat(int fd, struct stat *st);
int ig_vfs_stat(int dirfd, const char *path, struct stat *st);

/* access(2): returns 0 if (path) exists; -ENOENT, -ENOTDIR, -EINVAL for a
 * bad (amode). */
int ig_vfs_access(int dirfd, const char *path, int amode);

/* Creates directory (path) with (mode & ~umask).  Returns 0, -EEXIST,
 * -ENOENT, -ENOTDIR, -ENOMEM. */
int ig_vfs_mkdir(int dirfd, const char *path, mode_t mode);

/* Removes (path): a directory if (flags) has AT_REMOVEDIR, else a
 * non-directory.  Returns 0, -ENOENT, -ENOTDIR, -EISDIR (unlink of a
 * directory), -ENOTEMPTY, -EBUSY (a mount point or the root), -EINVAL
 * (a last component of "."). */
int ig_vfs_unlink(int dirfd, const char *path, int flags);

/* Renames (old) to (new), replacing (new) as rename(2).  Returns 0,
 * -ENOENT, -ENOTDIR, -EISDIR, -ENOTEMPTY, -EINVAL (a directory into
 * itself), -EXDEV (across mounts), -EBUSY. */
int ig_vfs_rename(int olddirfd, const char *old, int newdirfd, const char *new);

/* Set the size of (path) or (fd).  Return 0, -EISDIR, -EINVAL (len < 0 or
 * not a regular file), -EBADF (fd not open for writing), -ENOSPC. */
int ig_vfs_truncate(const char *path, off_t len);
int ig_vfs_ftruncate(int fd, off_t len);

/* Flushes (fd) to its storage (a volume: the host's disk).  Returns 0,
 * -EBADF, -EIO, or -EINVAL for a pipe; ramfs has nothing to flush. */
int ig_vfs_fsync(int fd);

/* lstat(2): as ig_vfs_stat(), but a symbolic link in the last component
 * (on a volume) is described itself (S_IFLNK, its length as size), even
 * when it leads nowhere or out of the volume. */
int ig_vfs_lstat(int dirfd, const char *path, struct stat *st);

/* symlink(2) and readlink(2): a symbolic link (path) holding (target),
 * which is stored as it is (volumes follow links on the host while they
 * stay inside the volume; one leading out of it, an absolute target say,
 * the VFS follows in the image's name space, as Linux in the process's).
 * Return 0 or the length read; -EEXIST, -ENOENT, -ENOTDIR, -EROFS, -EPERM
 * (a filesystem without links, such as ramfs), -EINVAL (not a link). */
int ig_vfs_symlink(const char *target, int dirfd, const char *path);
ssize_t ig_vfs_readlink(int dirfd, const char *path, char *buf, size_t cap);

/* linkat(2): gives the file (old) (from (olddirfd)) the new name (new)
 * (from (newdirfd)); (flags) may hold AT_SYMLINK_FOLLOW (the VFS never
 * follows a link anyway) and AT_EMPTY_PATH (an empty (old) names the file
 * open at (olddirfd)).  Hard links exist on ramfs only.  Returns 0;
 * -ENOENT (old missing, a missing directory of new, new ending in '/', or
 * a file without names that was not opened O_TMPFILE without O_EXCL),
 * -EEXIST (new exists), -EROFS, -EXDEV (another filesystem, or a pipe or
 * socket), -EPERM (a directory, or a filesystem without links: volumes),
 * -EMLINK, -ENOTDIR, -EBADF, -EINVAL (other flags), -EFAULT, -ENOSPC. */
int ig_vfs_link(int olddirfd, const char *old, int newdirfd, const char *new,
                int flags);

/* utimensat(2) and futimens(2): set the access and modification times of
 * (path) or (fd) to (ts) (NULL: both now; UTIME_NOW and UTIME_OMIT as in
 * POSIX).  ramfs keeps only the modification time.  Return 0, -ENOENT,
 * -ENOTDIR, -EBADF, -EINVAL (a bad nanosecond value or flag), -EROFS. */
struct timespec;
int ig_vfs_utimens(int dirfd, const char *path, const struct timespec *ts,
                   int flags);
int ig_vfs_futimens(int fd, const struct timespec *ts);

/* statvfs(3) and fstatvfs(3): sizes of the filesystem holding (path) or
 * (fd): a volume reports its host filesystem's; ramfs only its block size
 * (4096) and name length (255), the counts 0.  (rdonly) says whether it is
 * mounted read-only.  Return 0, -ENOENT, -ENOTDIR, -EBADF, -EINVAL (a
 * descriptor outside the name space). */
struct ig_statfs {
    uint64_t bsize, blocks, bfree, bavail, files, ffree;
    unsigned long namemax;
    unsigned long type; /* statfs(2)'s f_type: one of IG_STATFS_* */
    int rdonly;
};
#define IG_STATFS_RAMFS 0x858458f6ul /* Linux's RAMFS_MAGIC */
#define IG_STATFS_V9FS 0x01021997ul  /* V9FS_MAGIC: volumes */
int ig_vfs_statfs(const char *path, struct ig_statfs *out);
int ig_vfs_fstatfs(int fd, struct ig_statfs *out);

/* The option handler of the "vol" component (libingot-vol.a,
 * <ingot/component.h>): "vol.TAG=GUESTDIR[:ro]" mounts volume TAG (a host
 * directory or 9P device of that name) at GUESTDIR, creating its
 * directories; a malformed option or a missing device ends the image with
 * 255 after one line, e.g. "ingot: volume TAG (GUESTDIR): no such
 * device".  A volume at "/" keeps the library OS's /dev (the devfs is
 * mounted again at the volume's /dev).  Returns 0, or -EINVAL if (opt)
 * does not start with "vol.". */
int ig_vfs_option(const char *opt);

/* The option handler of "cwd=/DIR" (in the vol component, after the
 * volumes): makes DIR the working directory, as `ingot exec` asks; a
 * missing one ends the image with 255 after "ingot: working directory
 * DIR: no such file or directory".  Returns 0, or -EINVAL if (opt) does
 * not start with "cwd=". */
int ig_vfs_cwd_option(const char *opt);

struct ig_dirent {
    ino_t ino;
    unsigned char type; /* DT_* value: ig_vfs_dtype() */
    char name[IG_NAME_MAX + 1];
};

/* The DT_* value of a file of (mode): its S_IFMT bits shifted down, which
 * is how Linux numbers them (DT_DIR 4, DT_REG 8, DT_CHR 2, DT_LNK 10). */
static inline unsigned char ig_vfs_dtype(mode_t mode)
{
    return (unsigned char)((mode & S_IFMT) >> 12);
}

/* Reads the next entry of directory (fd) into (out), "." and ".." first.
 * Returns 1, 0 at the end, -EBADF or -ENOTDIR. */
int ig_vfs_readdir(int fd, struct ig_dirent *out);

/* chdir(2) and getcwd(3).  ig_vfs_getcwd returns the length of the path
 * written to (buf) (with its NUL), -ERANGE if (size) is too small. */
int ig_vfs_chdir(const char *path);
int ig_vfs_getcwd(char *buf, size_t size);

/* dup(2), dup2(2), pipe2(2), fcntl(2) (F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD,
 * F_SETFD, F_GETFL, F_SETFL (O_APPEND and O_NONBLOCK only)) and isatty(3).
 * Return the descriptor or value; -EBADF, -EMFILE, -EINVAL; isatty returns
 * 1, or -ENOTTY / -EBADF. */
int ig_vfs_dup(int fd, int min, int cloexec);
int ig_vfs_dup2(int fd, int newfd);
int ig_vfs_pipe(int fds[2], int flags);
int ig_vfs_fcntl(int fd, int cmd, long arg);
int ig_vfs_isatty(int fd);

/* Makes standard stream n (0 stdin, 1 stdout, 2 stderr: the devfs nodes
 * and descriptors 0-2 while they are still those nodes) a terminal for
 * isatty() when bit n of (mask) is set, and not one otherwise.  The libos
 * option tty= (`ingot run`: which host streams are terminals, all three
 * with -t) calls it before main. */
void ig_vfs_stdio_tty(unsigned mask);

/* Creates socket node (path) (for bind(2) of an AF_UNIX socket) with
 * (mode & ~umask).  Returns 0, -EEXIST, -ENOENT, -ENOTDIR, -EROFS,
 * -EOPNOTSUPP on a volume, -ENOMEM. */
int ig_vfs_mksock(const char *path, mode_t mode);

/* eventfd(2): a descriptor holding a counter that starts at (initval);
 * (flags) may hold O_NONBLOCK and O_CLOEXEC, (semaphore) makes each read
 * take 1.  Returns the descriptor, -EMFILE or -ENOMEM. */
int ig_vfs_eventfd(unsigned int initval, int flags, int semaphore);

/* timerfd_create(2): a disarmed timer on (clock), IG_TIMERFD_REALTIME or
 * any other value for the monotonic clock; (flags) as for eventfd.  A
 * read takes the 8-byte count of expirations (waiting for one), poll
 * reports it readable while that count is not 0.  Returns the descriptor,
 * -EMFILE or -ENOMEM. */
#define IG_TIMERFD_REALTIME 0
int ig_vfs_timerfd(int clock, int flags);

/* Arms timerfd (fd) to expire at (value) ns (monotonic or, for a realtime
 * one with (abs), wall-clock time; from now without (abs)), then every
 * (interval) ns if not 0; (value) 0 disarms.  Unread expirations are
 * dropped.  Returns 0, -EBADF, -EINVAL if (fd) is not a timerfd. */
int ig_vfs_timerfd_set(int fd, int abs, uint64_t value, uint64_t interval);

/* The time until timerfd (fd) next expires (0: disarmed) and its interval,
 * in ns.  Returns 0, -EBADF or -EINVAL. */
int ig_vfs_timerfd_get(int fd, uint64_t *value, uint64_t *interval);

/* chmod(2), fchmodat(2), fchmod(2), chown(2), fchownat(2), fchown(2):
 * ramfs keeps modes (07777) and owners on its vnodes, which stat reports
 * (nothing checks them: the image's isolation is the VM's or sandbox's).
 * On a volume a mode goes to the host file; owners stay the host's: a
 * chown to the ids stat reports there (0, the image's own) or -1 changes
 * nothing and succeeds, any other is -EPERM.  (flags) may hold
 * AT_SYMLINK_NOFOLLOW.  Return 0, -ENOENT, -ENOTDIR, -EBADF, -EINVAL
 * (other flags), -EROFS (a read-only volume), -EPERM (another owner on a
 * volume, or the host refuses the mode), the host's errors. */
int ig_vfs_chmod(int dirfd, const char *path, mode_t mode, int flags);
int ig_vfs_fchmod(int fd, mode_t mode);
int ig_vfs_chown(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
int ig_vfs_fchown(int fd, uid_t uid, gid_t gid);

/* Record locks.  (l) describes a range as struct flock does, with the
 * library OS's own constants (the libc glue translates). */
struct ig_lock {
    int type;         /* IG_LOCK_RD, IG_LOCK_WR or IG_LOCK_UN */
    int whence;       /* SEEK_SET, SEEK_CUR or SEEK_END */
    off_t start, len; /* len 0: to the end of the file, however it grows */
    int pid; /* F_GETLK: the holder, 1 (the image) or -1 (an OFD lock) */
};
#define IG_LOCK_RD 1
#define IG_LOCK_WR 2
#define IG_LOCK_UN 3
#define IG_LOCK_GET 0  /* F_GETLK: the first conflicting lock, or UN */
#define IG_LOCK_SET 1  /* F_SETLK: -EAGAIN on a conflict */
#define IG_LOCK_WAIT 2 /* F_SETLKW: wait for the conflict to go */
/* fcntl(2) byte-range locks on (fd): the process's own (ofd 0; they never
 * conflict with each other and go when any descriptor of the file is
 * closed) or the open file description's (ofd 1, F_OFD_*: (l)->pid must
 * be 0).  Returns 0, -EBADF (not open, or not open for the lock's
 * direction), -EINVAL (a bad type, whence or range, a pipe or socket),
 * -EOVERFLOW, -EAGAIN, -ENOLCK (no memory). */
int ig_vfs_lock(int fd, int ofd, int cmd, struct ig_lock *l);
/* flock(2): (type) IG_LOCK_RD (LOCK_SH), IG_LOCK_WR (LOCK_EX) or
 * IG_LOCK_UN on the whole file, owned by the open file description;
 * waits for a conflicting lock to go when (wait).  Returns 0, -EBADF,
 * -EINVAL, -EWOULDBLOCK, -ENOLCK. */
int ig_vfs_flock(int fd, int type, int wait);

/* getrlimit/setrlimit(RLIMIT_NOFILE): the current soft and hard limits.
 * Setting returns 0, -EINVAL (soft > hard) or -EPERM (hard > IG_FD_HARD);
 * descriptors already open above a lowered limit stay open. */
void ig_vfs_fd_limits(unsigned long *soft, unsigned long *hard);
int ig_vfs_fd_setlimits(unsigned long soft, unsigned long hard);
/* The number of open descriptors. */
int ig_vfs_fd_count(void);
/* One more than the highest descriptor that may be open: every open
 * descriptor is below it (for walks over the table with ig_fd_get()). */
int ig_vfs_fd_end(void);

/* ioctl(2) with Linux's request numbers.  Every descriptor takes FIONBIO
 * (int *: O_NONBLOCK on or off), FIOCLEX and FIONCLEX; regular files
 * answer FIONREAD (int *: bytes from the position to the end), terminals
 * TIOCGWINSZ (a struct winsize of zeros: a serial console has no size);
 * other requests go to the kind's ioctl op.  Returns 0 or a value,
 * -EBADF, -EFAULT (NULL arg), -ENOTTY (a request the kind lacks). */
#define IG_TIOCGWINSZ 0x5413ul
#define IG_FIONREAD 0x541Bul
#define IG_FIONBIO 0x5421ul
#define IG_FIONCLEX 0x5450ul
#define IG_FIOCLEX 0x5451ul
int ig_vfs_ioctl(int fd, unsigned long req, void *arg);

/* Sets the file mode creation mask to (mask & 0777); returns the old one. */
mode_t ig_vfs_umask(mode_t mask);

#endif /* INGOT_VFS_H */
