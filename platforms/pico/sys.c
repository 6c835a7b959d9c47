/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys.c: the guest's host system calls: console, clocks, idle, exit,
 * entropy. */
#include <errno.h>
#include <ingot/plat.h>

#include "pico_internal.h"

#define NS_PER_SEC 1000000000ull

/* The syscall instruction clobbers rcx (return rip) and r11 (rflags). */
long ig_pico_syscall3(long nr, long a0, long a1, long a2)
{
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
                     : "rcx", "r11", "memory");
    return ret;
}

long ig_pico_syscall4(long nr, long a0, long a1, long a2, long a3)
{
    register long r10 __asm__("r10") = a3;
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10)
                     : "rcx", "r11", "memory");
    return ret;
}

long ig_pico_syscall5(long nr, long a0, long a1, long a2, long a3, long a4)
{
    register long r10 __asm__("r10") = a3;
    register long r8 __asm__("r8") = a4;
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8)
                     : "rcx", "r11", "memory");
    return ret;
}

/* Writes all of (buf) to host descriptor (fd); returns (len) or the host's
 * error (the console is gone, or full: nobody can read the rest). */
static long host_write(int fd, const char *buf, size_t len)
{
    size_t left = len;

    while (left > 0) {
        long n = ig_pico_syscall3(IG_PICO_NR_WRITE, fd, (long)buf, (long)left);
        if (n == -EINTR || n == -EAGAIN)
            continue;
        if (n <= 0)
            return n < 0 ? n : -EIO;
        buf += n;
        left -= (size_t)n;
    }
    return (long)len;
}

long ig_plat_console_write(const char *buf, size_t len)
{
    return host_write(ig_pico_console_fd, buf, len);
}

int (*ig_pico_vdso_clock)(long clock, struct ig_pico_timespec *ts);

static uint64_t clock_ns(int clock)
{
    struct ig_pico_timespec ts;

    /* Programs read the clock around every request (redis twice per
     * command): the vDSO's reading costs tens of nanoseconds where a
     * filtered system call costs about a microsecond.  A red zone it may
     * use is safe: the kernel skips 128 bytes below the stack pointer
     * when it delivers a host signal, and the guest takes none on its
     * own stacks asynchronously. */
    if (ig_pico_vdso_clock && ig_pico_vdso_clock(clock, &ts) == 0)
        return (uint64_t)ts.sec * NS_PER_SEC + (uint64_t)ts.nsec;
    /* The filter allows exactly these two clocks, which cannot fail. */
    if (ig_pico_syscall3(IG_PICO_NR_CLOCK_GETTIME, clock, (long)&ts, 0) < 0)
        ig_pico_die("clock_gettime failed");
    return (uint64_t)ts.sec * NS_PER_SEC + (uint64_t)ts.nsec;
}

uint64_t ig_plat_clock_monotonic(void)
{
    return clock_ns(IG_PICO_CLOCK_MONOTONIC);
}

uint64_t ig_plat_clock_wall(void)
{
    return clock_ns(IG_PICO_CLOCK_REALTIME);
}

uint64_t ig_pico_entry_ns;

uint64_t ig_plat_clock_since_entry(void)
{
    return clock_ns(IG_PICO_CLOCK_MONOTONIC) - ig_pico_entry_ns;
}

struct pico_pollfd {
    int fd;
    short events, revents;
};
#define POLLIN 1
#define POLLERR 8
#define POLLHUP 16

static int stdin_armed; /* a read found nothing: idle waits for input */

/* Idle is a ppoll on the tap device and, while a reader waits, standard
 * input; a host signal (SA_RESTART off) ends it with EINTR too. */
void ig_plat_idle(uint64_t deadline)
{
    struct pico_pollfd pfd[2];
    struct ig_pico_timespec ts, *tsp = NULL;
    int n = 0;

    if (ig_pico_host_signals && *(volatile uint64_t *)ig_pico_host_signals)
        return;
    if (ig_pico_tap_fd >= 0)
        pfd[n++] = (struct pico_pollfd){ig_pico_tap_fd, POLLIN, 0};
    if (stdin_armed)
        pfd[n++] = (struct pico_pollfd){ig_pico_stdin_fd, POLLIN, 0};
    if (n == 0 && deadline != UINT64_MAX) {
        /* An absolute sleep on the clock ig_plat_clock_monotonic() reads. */
        ts.sec = (int64_t)(deadline / NS_PER_SEC);
        ts.nsec = (int64_t)(deadline % NS_PER_SEC);
        ig_pico_syscall4(IG_PICO_NR_CLOCK_NANOSLEEP, IG_PICO_CLOCK_MONOTONIC,
                         IG_PICO_TIMER_ABSTIME, (long)&ts, 0);
        return;
    }
    if (deadline != UINT64_MAX) {
        uint64_t now = ig_plat_clock_monotonic();
        uint64_t left = deadline > now ? deadline - now : 0;
        ts.sec = (int64_t)(left / NS_PER_SEC);
        ts.nsec = (int64_t)(left % NS_PER_SEC);
        tsp = &ts;
    }
    /* With nothing to watch and no deadline this waits for a host
     * signal: the only event left. */
    ig_pico_syscall5(IG_PICO_NR_PPOLL, (long)pfd, n, (long)tsp, 0, 8);
}

long ig_plat_stderr_write(const char *buf, size_t len)
{
    return host_write(2, buf, len);
}

long ig_plat_stdin_read(void *buf, size_t len)
{
    struct pico_pollfd pfd = {ig_pico_stdin_fd, POLLIN, 0};
    struct ig_pico_timespec zero = {0, 0};
    long n;

    if (ig_pico_stdin_fd < 0)
        return 0;
    /* read() would block the whole image: ask first. */
    do
        n = ig_pico_syscall5(IG_PICO_NR_PPOLL, (long)&pfd, 1, (long)&zero, 0,
                             8);
    while (n == -EINTR);
    if (n == 0) {
        stdin_armed = 1;
        return -EAGAIN;
    }
    stdin_armed = 0;
    if (n < 0 || !(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
        return -EIO;
    do
        n = ig_pico_syscall3(IG_PICO_NR_READ, ig_pico_stdin_fd, (long)buf,
                             (long)len);
    while (n == -EINTR);
    if (n == -EAGAIN) { /* a non-blocking descriptor raced us */
        stdin_armed = 1;
        return -EAGAIN;
    }
    return n < 0 ? -EIO : n;
}

int ig_plat_isatty(int fd)
{
    return fd >= 0 && fd < 3 && (ig_pico_tty & (1u << fd)) != 0;
}

/* Linux's terminal requests (asm-generic/ioctls.h). */
#define PICO_TCSETS 0x5402
#define PICO_TIOCGWINSZ 0x5413

/* The terminal is the host's own fd 0 (ingot-pico --tty): the kernel
 * applies the attributes; TCSETSW and TCSETSF follow TCSETS. */
int ig_plat_tty_set(int when, const struct ig_plat_termios *t)
{
    if (!ig_pico_tty_ctl)
        return -ENOTTY;
    if (when < 0 || when > 2)
        return -EINVAL;
    long r;
    do
        r = ig_pico_syscall3(IG_PICO_NR_IOCTL, 0, PICO_TCSETS + when, (long)t);
    while (r == -EINTR);
    return r < 0 ? (int)r : 0;
}

int ig_plat_tty_winsize(struct ig_plat_winsize *w)
{
    if (!ig_pico_tty_ctl)
        return -ENOTTY;
    long r = ig_pico_syscall3(IG_PICO_NR_IOCTL, 0, PICO_TIOCGWINSZ, (long)w);
    return r < 0 ? (int)r : 0;
}

int ig_plat_signal_take(void)
{
    uint64_t *w = ig_pico_host_signals;
    uint64_t bits;

    if (!w || !(bits = __atomic_load_n(w, __ATOMIC_RELAXED)))
        return 0;
    int sig = __builtin_ctzll(bits) + 1;
    __atomic_fetch_and(w, ~(1ull << (sig - 1)), __ATOMIC_SEQ_CST);
    return sig;
}

_Noreturn void ig_plat_exit(int status)
{
    /* Console writes are synchronous, so nothing is left to drain. */
    for (;;)
        ig_pico_syscall3(IG_PICO_NR_EXIT_GROUP, status & 0xff, 0, 0);
}

long ig_plat_entropy(void *buf, size_t len)
{
    unsigned char *p = buf;
    size_t done = 0;
    int failures = 0;

    while (done < len) {
        long n = ig_pico_syscall3(IG_PICO_NR_GETRANDOM, (long)(p + done),
                                  (long)(len - done), 0);
        if (n == -EINTR)
            continue;
        if (n <= 0) {
            if (++failures == 10)
                return -EIO;
            continue;
        }
        done += (size_t)n;
    }
    return (long)len;
}

_Noreturn void ig_pico_die(const char *msg)
{
    size_t n = 0;

    while (msg[n])
        n++;
    ig_plat_console_write("pico: ", 6);
    ig_plat_console_write(msg, n);
    ig_plat_console_write("\n", 1);
    ig_plat_exit(255);
}
