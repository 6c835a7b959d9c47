/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* plat.h: the whole interface between the library OS and a platform. */
#ifndef INGOT_PLAT_H
#define INGOT_PLAT_H

/*
 * Lifecycle.  A platform owns the first instructions of the image.  It brings
 * the CPU into 64-bit mode with paging, a stack, SSE and a console, discovers
 * its memory and command line, and then calls ig_libos_main() exactly once,
 * which never returns.  From then on the library OS calls only the ig_plat_*
 * functions below; it never touches hardware or host system calls itself.
 *
 * When the CPU raises an exception (kvm) or the host delivers a fault signal
 * (pico), the platform fills a struct ig_fault and calls ig_fault_report(),
 * which prints a one-screen report and ends the image with status 255.
 *
 * Every platform implements every function in this file; where a platform
 * lacks a facility it says so through the return value (-ENOSYS, 0 devices).
 * No code in libos/ may test which platform it runs on.
 */

#include <stddef.h>
#include <stdint.h>

/* ---- Console ---------------------------------------------------------- */

/* Writes (len) bytes of (buf) to the console, blocking until all are
 * accepted.  Safe from fault handlers: it never allocates and takes no lock
 * that a faulting thread could hold.  Returns (len), or the host's error
 * when the console refused bytes (pico: -EPIPE with no reader left,
 * -ENOSPC for /dev/full, -EIO), which standard output reports to the app
 * as Linux would; a console that cannot fail (a serial line) returns
 * (len) always. */
long ig_plat_console_write(const char *buf, size_t len);

/* ---- Standard streams and host signals --------------------------------- */

/*
 * The run's standard streams, passed through from `ingot run`: the
 * console above is standard output; standard error and standard input are
 * separate.  A platform without one says so: stderr then goes to the
 * console, stdin is at end of input.
 */

/* Writes (len) bytes of (buf) to standard error, blocking until all are
 * accepted.  Safe where ig_plat_console_write() is.  Returns as
 * ig_plat_console_write() does. */
long ig_plat_stderr_write(const char *buf, size_t len);

/* Reads up to (len) bytes of standard input without blocking.  Returns the
 * count, 0 at end of input (and from then on), or -EAGAIN when nothing is
 * waiting: until input arrives, ig_plat_idle() also ends when it does. */
long ig_plat_stdin_read(void *buf, size_t len);

/* 1 when the host's stream (fd) (0 stdin, 1 stdout, 2 stderr) is a
 * terminal, else 0. */
int ig_plat_isatty(int fd);

/* Takes one signal the host asked to deliver to the image (SIGINT,
 * SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, in Linux's numbering: `ingot run`
 * received it), or returns 0 when none is waiting.  Each host signal is
 * reported once; ig_plat_idle() ends when one arrives.  Safe anywhere. */
int ig_plat_signal_take(void);

/* ---- The host terminal (`ingot run -t`) -------------------------------- */

/*
 * With -t the run's terminal is the guest's: the library OS keeps its
 * attributes (started from the values `ingot run` put on the command
 * line) and hands every change to the platform, which applies it to the
 * host terminal; the window size is the host terminal's, and a change of
 * it arrives as a host signal SIGWINCH (ig_plat_signal_take()).
 */

/* Linux's terminal attributes as its kernel takes them (TCSETS): the
 * four flag words, the line discipline and the first 19 control
 * characters, 36 bytes. */
struct ig_plat_termios {
    uint32_t iflag, oflag, cflag, lflag;
    uint8_t line;
    uint8_t cc[19];
};

struct ig_plat_winsize {
    uint16_t rows, cols, xpixel, ypixel;
};

/* Applies (t) to the host terminal, (when) 0 at once, 1 after the output
 * written so far, 2 also discarding input not yet read (TCSANOW,
 * TCSADRAIN, TCSAFLUSH).  Returns 0, or -ENOTTY when the run has no
 * terminal (no -t). */
int ig_plat_tty_set(int when, const struct ig_plat_termios *t);

/* Stores the host terminal's window size in (w).  Returns 0, -EAGAIN when
 * the platform has not learnt it since boot (the caller keeps the size
 * it started with), or -ENOTTY when the run has no terminal. */
int ig_plat_tty_winsize(struct ig_plat_winsize *w);

/* ---- Clocks ----------------------------------------------------------- */

/* Nanoseconds since an arbitrary point at or before boot; never goes back. */
uint64_t ig_plat_clock_monotonic(void);

/* Nanoseconds since 1970-01-01 00:00:00 UTC, as well as the platform knows
 * it (RTC on kvm, the host clock on pico). */
uint64_t ig_plat_clock_wall(void);

/* Nanoseconds from the platform's entry point (kvm: the first instruction
 * of the C entry; pico: the jump in from the tender) to now, without the
 * one-time cost of setting up the clock (kvm calibrates its TSC on first
 * use).  For boot-time measurement; cannot fail. */
uint64_t ig_plat_clock_since_entry(void);

/* ---- Idle ------------------------------------------------------------- */

/* Stops the CPU until an event arrives or the monotonic clock reaches
 * (deadline) nanoseconds, whichever comes first; UINT64_MAX waits for an
 * event only.  May return early and spuriously; callers re-check. */
void ig_plat_idle(uint64_t deadline);

/* ---- Exit ------------------------------------------------------------- */

/* Ends the image with exit status (status & 0xff), after every byte given to
 * ig_plat_console_write() has left the guest.  `ingot run` exits with the
 * same status. */
_Noreturn void ig_plat_exit(int status);

/* ---- Memory ----------------------------------------------------------- */

struct ig_plat_mem_region {
    uintptr_t base; /* page-aligned, mapped read/write, non-executable */
    size_t len;     /* multiple of IG_PLAT_PAGE_SIZE */
};

#define IG_PLAT_PAGE_SIZE 4096u

/* Fills up to (max) entries of (out) with the memory the library OS may use
 * freely: mapped, writable, and not holding the image, its stacks, page
 * tables, boot data or modules.  Returns the number of regions (possibly more
 * than max, in which case only max were written). */
int ig_plat_mem_regions(struct ig_plat_mem_region *out, int max);

#define IG_PLAT_PROT_READ 1u /* Linux's PROT_* values */
#define IG_PLAT_PROT_WRITE 2u
#define IG_PLAT_PROT_EXEC 4u

/* Gives the pages of [base, base + len) (page-aligned, inside the regions
 * of ig_plat_mem_regions(), or of a stack pool with guard_on_use) the
 * access (prot), IG_PLAT_PROT_* bits, 0 for none: a later access it does
 * not allow faults (ig_fault_deliver()).  Read/write is what every page
 * starts with.  Returns 0; -EACCES for IG_PLAT_PROT_EXEC where the
 * platform keeps data non-executable (pico); -ENOMEM when the platform
 * needs a page for its tables and ig_libos_page_alloc() has none (nothing
 * changed then). */
int ig_plat_mem_protect(uintptr_t base, size_t len, unsigned prot);

/* ---- Command line ----------------------------------------------------- */

/* Returns the command line the image was started with, NUL-terminated, never
 * NULL (an empty string when there is none).  Its syntax is documented in
 * <ingot/cmdline.h>. */
const char *ig_plat_cmdline(void);

/* ---- Entropy ---------------------------------------------------------- */

/* Fills (len) bytes of (buf) with random bytes from a hardware or host
 * source.  Returns len, -ENOSYS when the platform has no source, or -EIO
 * when the source keeps failing. */
long ig_plat_entropy(void *buf, size_t len);

/* ---- Initrd ----------------------------------------------------------- */

/* Stores in (*p) and (*len) the initial root filesystem the image was
 * started with: a cpio "newc" archive that stays readable, unmodified, for
 * the life of the image (`ingot run --rootfs`: on kvm PVH module 0, on
 * pico the file the tender read from --initrd).  The
 * platform does not look inside it.  Returns 0, or -ENOENT when there is
 * none, with (*p) NULL and (*len) 0. */
int ig_plat_initrd(const void **p, size_t *len);

/* ---- Devices ---------------------------------------------------------- */

enum ig_plat_dev_kind {
    IG_PLAT_DEV_NET = 1,
    IG_PLAT_DEV_BLOCK = 2,
    IG_PLAT_DEV_9P = 3,
    IG_PLAT_DEV_RNG = 4,     /* entropy devices feeding ig_plat_entropy() */
    IG_PLAT_DEV_HOSTDIR = 5, /* host directories (pico volumes) */
};

/* Returns how many devices of (kind) the platform found at boot. */
int ig_plat_dev_count(enum ig_plat_dev_kind kind);

/* A piece of a gather/scatter list: (len) bytes at (base). */
struct ig_plat_iov {
    void *base;
    size_t len;
};

/* ---- Network devices -------------------------------------------------- */

/*
 * Ethernet devices, numbered 0 .. ig_plat_dev_count(IG_PLAT_DEV_NET) - 1
 * (virtio-net on kvm, a tap device the tender opened on pico).  Frames are
 * whole Ethernet frames without the FCS.  The platform copies frames in
 * both directions, so buffers are the caller's again when a call returns.
 * A frame arriving wakes ig_plat_idle(); the library OS then drains every
 * device with ig_plat_net_recv() until it returns 0.
 */
#define IG_PLAT_NET_F_CSUM 1u /* the device fills in TCP/UDP checksums */

struct ig_plat_net_info {
    uint8_t mac[6];    /* the device's address */
    uint16_t mtu;      /* largest IP packet, normally 1500 */
    unsigned features; /* IG_PLAT_NET_F_* */
};

/* Fills (out) for device (dev).  Returns 0, or -ENODEV. */
int ig_plat_net_info(int dev, struct ig_plat_net_info *out);

/* Queues one frame, the concatenation of (n) pieces, for transmission.
 * Returns 0, -EAGAIN when the transmit queue is full (retry after
 * ig_plat_idle()), -EMSGSIZE for a frame over mtu + 14, or -ENODEV. */
int ig_plat_net_send(int dev, const struct ig_plat_iov *iov, int n);

/* Copies the next received frame into (buf) and returns its length; 0 when
 * no frame is waiting; -EMSGSIZE (the frame is dropped) when it does not
 * fit in (cap) bytes; -ENODEV. */
long ig_plat_net_recv(int dev, void *buf, size_t cap);

/* ---- 9P channels (volumes) -------------------------------------------- */

/*
 * Transports for 9P2000.L, numbered 0 .. ig_plat_dev_count(IG_PLAT_DEV_9P)
 * - 1 (virtio-9p on kvm).  The library OS runs the protocol; a platform
 * only carries one request and its reply at a time per call.
 */

/* Copies the mount tag of (dev), NUL-terminated, into (buf).  Returns its
 * length, -ERANGE if (cap) is too small, or -ENODEV. */
int ig_plat_9p_tag(int dev, char *buf, size_t cap);

/* The largest message, request or reply, the transport carries. */
size_t ig_plat_9p_msize(int dev);

/* Sends the T-message made of the (nout) pieces (out) and stores the
 * R-message into the (nin) pieces (in), in order.  Waits (yielding the CPU
 * to other threads when it can) until the reply is complete.  Returns the
 * reply's length in bytes, -EIO when the transport fails, or -ENODEV. */
long ig_plat_9p_rpc(int dev, const struct ig_plat_iov *out, int nout,
                    const struct ig_plat_iov *in, int nin);

/* ---- Host directories (volumes) --------------------------------------- */

/*
 * Directories of the host shared with the image, numbered 0 ..
 * ig_plat_dev_count(IG_PLAT_DEV_HOSTDIR) - 1 (pico: opened by the tender
 * and confined with Landlock; kvm has none and uses 9P instead).  (path)
 * is relative to the directory: non-empty, no leading '/', no "." or ".."
 * components ("" is not allowed; the directory itself is ".").  The
 * platform resolves it beneath the directory: a symbolic link is followed
 * only while it stays inside, anything leaving fails with -EXDEV (or
 * -EACCES from the host's confinement).  Errors are negative errno values
 * in the library OS's numbering (the platform translates the host's); every
 * call may also fail with -ENODEV for a bad (dev) and -EBADF for a bad
 * handle.  Handles are non-negative integers that stay valid until
 * ig_plat_hostdir_close().
 */
#define IG_PLAT_HD_READ 1u   /* open for reading */
#define IG_PLAT_HD_WRITE 2u  /* open for writing (both: read/write) */
#define IG_PLAT_HD_CREAT 4u  /* create a regular file if missing */
#define IG_PLAT_HD_EXCL 8u   /* with CREAT: fail with -EEXIST if present */
#define IG_PLAT_HD_TRUNC 16u /* truncate to 0 */
#define IG_PLAT_HD_DIR 32u   /* must be a directory (for readdir) */
#define IG_PLAT_HD_TIME_NOW (-1ll)  /* ig_plat_hostdir_futimens(): now */
#define IG_PLAT_HD_TIME_OMIT (-2ll) /* ... leave unchanged */

struct ig_plat_hostdir_info {
    char tag[16]; /* the name `ingot run` gave it ("v0", "v1" ...) */
    int readonly; /* shared read-only: every write fails on the host */
};

/* Attributes; (mode) uses the POSIX S_IF* and permission bits. */
struct ig_plat_hostdir_stat {
    uint64_t ino, size, blocks; /* blocks of 512 bytes */
    uint32_t mode, nlink;
    int64_t atime_ns, mtime_ns, ctime_ns; /* since 1970 */
};

/* The host filesystem's sizes, for statvfs(). */
struct ig_plat_hostdir_statfs {
    uint64_t bsize, blocks, bfree, bavail; /* blocks of bsize bytes */
    uint64_t files, ffree;
    uint32_t namemax;
};

/* Fills (out) for host directory (dev).  Returns 0 or -ENODEV. */
int ig_plat_hostdir_info(int dev, struct ig_plat_hostdir_info *out);

/* Opens (path) with IG_PLAT_HD_* (flags); (mode) is the permission of a
 * created file.  Only regular files and directories open: anything else
 * (a FIFO, a device node) fails with -ENXIO, without blocking.  Returns a
 * handle, -ENOENT, -EEXIST, -EISDIR, -ENOTDIR, -EACCES, -EROFS, -EXDEV
 * (leaves the directory), -EMFILE ... */
int ig_plat_hostdir_open(int dev, const char *path, unsigned flags,
                         unsigned mode);

/* Fill (st) for (path), following links inside the directory, or for
 * handle (h).  Return 0 or a negative errno (-ENOENT, -ENOTDIR, -EXDEV). */
int ig_plat_hostdir_stat(int dev, const char *path,
                         struct ig_plat_hostdir_stat *st);
int ig_plat_hostdir_fstat(int h, struct ig_plat_hostdir_stat *st);
/* As ig_plat_hostdir_stat(), but a symbolic link as the last component of
 * (path) is described itself. */
int ig_plat_hostdir_lstat(int dev, const char *path,
                          struct ig_plat_hostdir_stat *st);

/* Read or write (len) bytes at (off) of handle (h).  Return the count (0
 * at end of file), -EBADF (not open for that), -EISDIR, -ENOSPC, -EIO. */
long ig_plat_hostdir_pread(int h, void *buf, size_t len, uint64_t off);
long ig_plat_hostdir_pwrite(int h, const void *buf, size_t len, uint64_t off);

/* Set the size of (h) (-EINVAL, -EBADF), flush it to the host's storage
 * (-EIO), or close it (the handle is gone even on error).  Return 0 or a
 * negative errno. */
int ig_plat_hostdir_ftruncate(int h, uint64_t len);
int ig_plat_hostdir_fsync(int h);
int ig_plat_hostdir_close(int h);

/* Sets the access and modification times of (h) (nanoseconds since 1970,
 * or IG_PLAT_HD_TIME_NOW / IG_PLAT_HD_TIME_OMIT).  Returns 0, -EBADF,
 * -EPERM, -EROFS. */
int ig_plat_hostdir_futimens(int h, int64_t atime_ns, int64_t mtime_ns);

/* Sets the permission bits of (h)'s file to (mode) & 07777.  Returns 0,
 * -EBADF, -EPERM (the host refuses: another user's file), -EROFS. */
int ig_plat_hostdir_fchmod(int h, unsigned mode);

/* Fills (out) for the filesystem holding handle (h).  Returns 0, -EBADF. */
int ig_plat_hostdir_fstatfs(int h, struct ig_plat_hostdir_statfs *out);

/* Reads the next entries of directory handle (h) (opened with
 * IG_PLAT_HD_DIR) into (buf): records of a uint64_t inode number, 8
 * unused bytes, a uint16_t record length, a uint8_t DT_* type and the
 * NUL-terminated name, each record 8-byte aligned.  Returns the bytes
 * stored, 0 at the end, -EINVAL when (cap) cannot hold the next record,
 * -ENOTDIR. */
long ig_plat_hostdir_readdir(int h, void *buf, size_t cap);

/* mkdir, unlink (rmdir when (dir)), rename (replacing (to) atomically),
 * symlink (a link at (path) holding (target), which is not checked) and
 * readlink (returns the length stored, not NUL-terminated, or -EINVAL for
 * a non-link) on paths inside (dev).  Return 0 or a negative errno:
 * -EEXIST, -ENOENT, -ENOTDIR, -EISDIR, -ENOTEMPTY, -EROFS, -EACCES ... */
int ig_plat_hostdir_mkdir(int dev, const char *path, unsigned mode);
int ig_plat_hostdir_unlink(int dev, const char *path, int dir);
int ig_plat_hostdir_rename(int dev, const char *from, const char *to);
int ig_plat_hostdir_symlink(int dev, const char *target, const char *path);
long ig_plat_hostdir_readlink(int dev, const char *path, char *buf, size_t cap);

/* ---- Identity --------------------------------------------------------- */

/* Returns the platform's name as recorded in the image note ("kvm"). */
const char *ig_plat_name(void);

/* ---- Thread stacks and thread pointer -------------------------------- */

/*
 * Thread stacks come from a pool the platform reserves at boot.  Slot (i)
 * spans [base + i * slot, base + (i + 1) * slot); its lowest page is an
 * inaccessible guard page, the rest ((slot) - IG_PLAT_PAGE_SIZE bytes) is
 * the stack.  The pool is not part of ig_plat_mem_regions().  Where
 * (guard_on_use) is set, the guard pages are not in place at boot: the
 * library OS makes a slot's guard page inaccessible with
 * ig_plat_mem_protect() (which accepts pages of the pool then) before the
 * slot's first use, so only slots a program uses cost a call (pico).
 */
struct ig_plat_stack_pool {
    uintptr_t base;        /* page-aligned */
    size_t slot;           /* bytes per slot, guard page included */
    unsigned count;        /* number of slots; 0 when the platform has none */
    unsigned guard_on_use; /* guards are placed by the library OS */
};

/* Fills (out) with the pool of thread stacks. */
void ig_plat_stack_pool(struct ig_plat_stack_pool *out);

/* Sets the x86-64 thread pointer (the FS base, %fs:0) of the running CPU
 * to (tp).  Returns 0, or -ENOSYS when the platform cannot set it (then
 * thread-local variables of threads other than the first do not work). */
int ig_plat_tls_set(uintptr_t tp);

/* ---- Upcalls: implemented by the library OS, called by platforms ------ */

/* Runs the library OS: parses the command line, sets up memory, runs
 * constructors and main(), and exits with main's value.  Never returns. */
_Noreturn void ig_libos_main(void);

/* Returns a zeroed page of RAM that the platform keeps for good (page
 * tables for ig_plat_mem_protect()), or NULL when memory is exhausted. */
void *ig_libos_page_alloc(void);

/* What a platform knows about a fault.  (vector) is the x86 exception vector
 * (0 divide error, 6 invalid opcode, 13 general protection, 14 page fault,
 * ...) or a negative host signal number on platforms that see signals. */
struct ig_fault {
    int vector;
    uint64_t error_code;
    int has_error_code;
    uint64_t fault_addr; /* CR2 for page faults, si_addr for signals */
    uint64_t rip, rsp, rbp, rflags;
    uint64_t rax, rbx, rcx, rdx, rsi, rdi;
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
};

/* Offers the fault (f) to the program before any report: when a handler
 * of the signal it raises (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP) is
 * installed, rewrites (f->rip), (f->rsp), (f->rflags) and (f->rdi) into
 * the context that runs it and returns 1; the platform then resumes the
 * faulting thread with those four and every other register, the SSE
 * state included, as it was at the fault.  Returns 0 when the fault is to be
 * reported: the platform calls ig_fault_report().  Runs where the fault is
 * taken (kvm: the trap stack; pico: the tender's report stack), so it never
 * blocks. */
int ig_fault_deliver(struct ig_fault *f);

/* Prints a report of (f) (what happened, registers, a frame-pointer
 * backtrace) to the console and ends the image with status 255.  Safe to
 * call with a corrupt heap; a fault while reporting ends the image at once. */
_Noreturn void ig_fault_report(const struct ig_fault *f);

/* Fills up to (max) entries of (out) with the image's own writable memory
 * (its data and bss, [_data_start, _end) of the linker script) that can be
 * read: the unmapped guard pages of stacks the platform keeps there are
 * left out.  For core files; safe after a crash.  Returns the number of
 * ranges (possibly more than (max)). */
int ig_plat_image_data(struct ig_plat_mem_region *out, int max);

/* The image's own ELF symbol table, where the platform has it in memory. */
struct ig_plat_symtab {
    const void *syms; /* (nsyms) Elf64_Sym records */
    size_t nsyms;
    const char *strs; /* their names: (strs_len) bytes */
    size_t strs_len;
    uintptr_t code_lo, code_hi; /* the image's executable span */
};

/* Fills (t) with the image's symbol table, for crash reports that name
 * their frames.  Safe after a crash.  Returns 0, or -ENOENT where the
 * platform has none in memory (kvm, xen: `ingot run` names the frames it
 * passes on) or the image was stripped. */
int ig_plat_symbols(struct ig_plat_symtab *t);

/* Stores the bounds of the stack ig_libos_main() and main() run on,
 * [*lo, *hi), in (lo) and (hi), so backtraces never walk outside it.  The
 * page [*lo - 4096, *lo) is an unmapped guard page: a fault there is
 * reported as a stack overflow.  Programs expect a Linux-sized stack
 * (8 MiB); platforms give a share of the guest's memory up to that. */
void ig_plat_boot_stack(uintptr_t *lo, uintptr_t *hi);

#endif /* INGOT_PLAT_H */
