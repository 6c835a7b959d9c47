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

void ig_plat_console_write(const char *buf, size_t len)
{
    while (len > 0) {
        long n = ig_pico_syscall3(IG_PICO_NR_WRITE, ig_pico_console_fd,
                                  (long)buf, (long)len);
        if (n == -EINTR || n == -EAGAIN)
            continue;
        if (n <= 0)
            return; /* the console is gone; nobody can read the rest */
        buf += n;
        len -= (size_t)n;
    }
}

static uint64_t clock_ns(int clock)
{
    struct ig_pico_timespec ts;

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

/* With a tap device, idle is a ppoll on it: a frame ends the wait. */
static void idle_tap(uint64_t deadline)
{
    struct {
        int fd;
        short events, revents;
    } pfd = {ig_pico_tap_fd, 1 /* POLLIN */, 0};
    struct ig_pico_timespec ts, *tsp = NULL;

    if (deadline != UINT64_MAX) {
        uint64_t now = ig_plat_clock_monotonic();
        uint64_t left = deadline > now ? deadline - now : 0;
        ts.sec = (int64_t)(left / NS_PER_SEC);
        ts.nsec = (int64_t)(left % NS_PER_SEC);
        tsp = &ts;
    }
    ig_pico_syscall5(IG_PICO_NR_PPOLL, (long)&pfd, 1, (long)tsp, 0, 8);
}

void ig_plat_idle(uint64_t deadline)
{
    struct ig_pico_timespec ts;

    if (ig_pico_tap_fd >= 0) {
        idle_tap(deadline);
        return;
    }
    /*
     * No event sources exist yet (devices come later, with ppoll on their
     * descriptors), so waiting for an event alone would never end: return
     * at once, which plat.h allows.  A deadline is an absolute sleep on
     * the same clock ig_plat_clock_monotonic() reads; a signal cutting it
     * short is a spurious wakeup the caller re-checks.
     */
    if (deadline == UINT64_MAX)
        return;
    ts.sec = (int64_t)(deadline / NS_PER_SEC);
    ts.nsec = (int64_t)(deadline % NS_PER_SEC);
    ig_pico_syscall4(IG_PICO_NR_CLOCK_NANOSLEEP, IG_PICO_CLOCK_MONOTONIC,
                     IG_PICO_TIMER_ABSTIME, (long)&ts, 0);
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
