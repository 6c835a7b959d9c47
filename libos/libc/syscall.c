/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* syscall.c: syscall(2) for the calls programs make through it. */
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <ingot/posix.h>

/*
 * Programs reach a few calls through syscall() because old C libraries
 * lacked wrappers: thread ids, random bytes, clocks.  Those are answered
 * by the library OS's own functions, with Linux's numbers; every other
 * number fails with ENOSYS, as an unknown one does on Linux.
 */
long syscall(long nr, ...)
{
    va_list ap;
    long a[3];

    va_start(ap, nr);
    for (int i = 0; i < 3; i++)
        a[i] = va_arg(ap, long);
    va_end(ap);
    switch (nr) {
    case SYS_gettid:
        return gettid();
    case SYS_getpid:
        return getpid();
    case SYS_getppid:
        return getppid();
    case SYS_getuid:
        return getuid();
    case SYS_geteuid:
        return geteuid();
    case SYS_getgid:
        return getgid();
    case SYS_getegid:
        return getegid();
    case SYS_getrandom:
        return getrandom((void *)a[0], (size_t)a[1], (unsigned)a[2]);
    case SYS_clock_gettime:
        return clock_gettime((clockid_t)a[0], (struct timespec *)a[1]);
    case SYS_sched_yield:
        return sched_yield();
    case SYS_read:
        return read((int)a[0], (void *)a[1], (size_t)a[2]);
    case SYS_write:
        return write((int)a[0], (const void *)a[1], (size_t)a[2]);
    case SYS_close:
        return close((int)a[0]);
    default:
        return ig_posix_ret(-ENOSYS);
    }
}
