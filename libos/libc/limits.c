/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* limits.c: sysconf, resource limits and usage, sysinfo, CPU affinity. */
#include <ingot/mm.h>
#include <ingot/plat.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include <ingot/posix.h>

#include "time_internal.h"

#define PAGE 4096

static long pages(size_t bytes)
{
    return (long)(bytes / PAGE);
}

static size_t boot_stack_size(void)
{
    uintptr_t lo, hi;

    ig_plat_boot_stack(&lo, &hi);
    return hi - lo;
}

long sysconf(int name)
{
    struct ig_mm_stats st;
    unsigned long soft, hard;

    switch (name) {
    case _SC_PAGESIZE:
        return PAGE;
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN:
        return 1; /* the scheduler runs every thread on one CPU */
    case _SC_PHYS_PAGES:
        ig_mm_stats(&st);
        return pages(st.total_ram);
    case _SC_AVPHYS_PAGES:
        ig_mm_stats(&st);
        return pages(st.free_ram);
    case _SC_OPEN_MAX:
        ig_vfs_fd_limits(&soft, &hard);
        return (long)soft;
    case _SC_CLK_TCK:
        return 100;
    case _SC_ARG_MAX:
        return 131072;
    case _SC_CHILD_MAX:
        return 1; /* the image is the only process */
    case _SC_NGROUPS_MAX:
        return 64;
    case _SC_HOST_NAME_MAX:
        return HOST_NAME_MAX;
    case _SC_LOGIN_NAME_MAX:
        return LOGIN_NAME_MAX;
    case _SC_TTY_NAME_MAX:
        return TTY_NAME_MAX;
    case _SC_GETPW_R_SIZE_MAX:
    case _SC_GETGR_R_SIZE_MAX:
        return 1024;
    case _SC_IOV_MAX:
        return IOV_MAX;
    case _SC_LINE_MAX:
        return LINE_MAX;
    case _SC_STREAM_MAX:
        return FOPEN_MAX;
    case _SC_SYMLOOP_MAX:
        return SYMLOOP_MAX;
    case _SC_RE_DUP_MAX:
        return 0x7fff;
    case _SC_ATEXIT_MAX:
        return INT_MAX;
    case _SC_THREAD_KEYS_MAX:
        return PTHREAD_KEYS_MAX;
    case _SC_THREAD_STACK_MIN:
        return PTHREAD_STACK_MIN;
    case _SC_THREAD_DESTRUCTOR_ITERATIONS:
        return 4;
    case _SC_SEM_VALUE_MAX:
        return INT_MAX;
    case _SC_MQ_PRIO_MAX:
        return MQ_PRIO_MAX;
    case _SC_DELAYTIMER_MAX: /* timer_getoverrun() stops there */
        return INT_MAX;
    case _SC_RTSIG_MAX:
        return 32; /* glibc's RTSIG_MAX */
    case _SC_TZNAME_MAX:
    case _SC_THREAD_THREADS_MAX:
    case _SC_TIMER_MAX:
    case _SC_MQ_OPEN_MAX:
        return -1; /* no fixed limit, errno unchanged */
    case _SC_VERSION:
    case _SC_THREADS:
    case _SC_THREAD_SAFE_FUNCTIONS:
    case _SC_TIMERS:
    case _SC_REALTIME_SIGNALS:
    case _SC_MESSAGE_PASSING:
    case _SC_ASYNCHRONOUS_IO:
    case _SC_MONOTONIC_CLOCK:
    case _SC_CLOCK_SELECTION:
    case _SC_BARRIERS:
    case _SC_SPIN_LOCKS:
    case _SC_THREAD_ATTR_STACKSIZE:
    case _SC_THREAD_ATTR_STACKADDR:
    case _SC_THREAD_PROCESS_SHARED:
    case _SC_PRIORITY_SCHEDULING:
    case _SC_THREAD_PRIORITY_SCHEDULING:
    case _SC_SHARED_MEMORY_OBJECTS:
    case _SC_MEMLOCK:
    case _SC_MEMLOCK_RANGE:
    case _SC_THREAD_PRIO_INHERIT: /* libos/sched/mutex.c */
    case _SC_THREAD_PRIO_PROTECT:
    case _SC_CPUTIME:
    case _SC_THREAD_CPUTIME:
    case _SC_TIMEOUTS:
    case _SC_READER_WRITER_LOCKS:
    case _SC_SEMAPHORES:
    case _SC_MAPPED_FILES:
    case _SC_MEMORY_PROTECTION:
    case _SC_FSYNC:
    case _SC_IPV6:
    case _SC_2_VERSION:
        return 200809L;
    case _SC_SAVED_IDS:
        return 1;
    case _SC_XOPEN_VERSION:
        return 700;
    case _SC_LEVEL1_ICACHE_SIZE:
    case _SC_LEVEL1_ICACHE_ASSOC:
    case _SC_LEVEL1_ICACHE_LINESIZE:
    case _SC_LEVEL1_DCACHE_SIZE:
    case _SC_LEVEL1_DCACHE_ASSOC:
    case _SC_LEVEL1_DCACHE_LINESIZE:
    case _SC_LEVEL2_CACHE_SIZE:
    case _SC_LEVEL2_CACHE_ASSOC:
    case _SC_LEVEL2_CACHE_LINESIZE:
    case _SC_LEVEL3_CACHE_SIZE:
    case _SC_LEVEL3_CACHE_ASSOC:
    case _SC_LEVEL3_CACHE_LINESIZE:
    case _SC_LEVEL4_CACHE_SIZE:
    case _SC_LEVEL4_CACHE_ASSOC:
    case _SC_LEVEL4_CACHE_LINESIZE:
        return 0; /* unknown, as glibc answers where it cannot tell */
    default:
        /* Unsupported options (job control, shared memory objects,
         * spawn ...) and unknown names. */
        if (name < 0 || name > _SC_POSIX_26_VERSION)
            return ig_posix_ret(-EINVAL);
        return -1;
    }
}

int getpagesize(void)
{
    return PAGE;
}

int getdtablesize(void)
{
    return (int)sysconf(_SC_OPEN_MAX);
}

/*
 * Resource limits.  RLIMIT_NOFILE is the descriptor table's, enforced by
 * the VFS.  RLIMIT_STACK is the boot stack's size and RLIMIT_DATA and
 * RLIMIT_AS are the memory the platform gave the image: the hard limits
 * are those sizes, and a soft limit may be set below them, kept and read
 * back, though nothing enforces it.  RLIMIT_CORE, RLIMIT_NICE and
 * RLIMIT_RTPRIO are 0 (no core files, no priorities); the others have no
 * limit.
 */
static struct rlimit lim[RLIMIT_NLIMITS];
static int lim_init;

static void init_limits(void)
{
    struct ig_mm_stats st;

    if (lim_init)
        return;
    lim_init = 1;
    for (int i = 0; i < RLIMIT_NLIMITS; i++)
        lim[i] = (struct rlimit){RLIM_INFINITY, RLIM_INFINITY};
    ig_mm_stats(&st);
    lim[RLIMIT_STACK].rlim_cur = lim[RLIMIT_STACK].rlim_max = boot_stack_size();
    lim[RLIMIT_DATA].rlim_cur = lim[RLIMIT_DATA].rlim_max = st.total_ram;
    lim[RLIMIT_AS] = lim[RLIMIT_DATA];
    lim[RLIMIT_CORE] = (struct rlimit){0, 0};
    lim[RLIMIT_NICE] = (struct rlimit){0, 0};
    lim[RLIMIT_RTPRIO] = (struct rlimit){0, 0};
}

int prlimit(pid_t pid, int res, const struct rlimit *nl, struct rlimit *old)
{
    if (pid != 0 && pid != getpid())
        return (int)ig_posix_ret(-ESRCH);
    if (res < 0 || res >= RLIMIT_NLIMITS)
        return (int)ig_posix_ret(-EINVAL);
    init_limits();
    if (res == RLIMIT_NOFILE)
        ig_vfs_fd_limits(&lim[res].rlim_cur, &lim[res].rlim_max);
    struct rlimit cur = lim[res];
    if (nl) {
        if (nl->rlim_cur > nl->rlim_max)
            return (int)ig_posix_ret(-EINVAL);
        if (res == RLIMIT_NOFILE) {
            int r = ig_vfs_fd_setlimits(nl->rlim_cur, nl->rlim_max);
            if (r < 0)
                return (int)ig_posix_ret(r);
        } else if (nl->rlim_max > cur.rlim_max) {
            /* Root could raise it on Linux, but there is no more. */
            return (int)ig_posix_ret(-EPERM);
        }
        lim[res] = *nl;
    }
    if (old)
        *old = cur;
    return 0;
}

int getrlimit(int res, struct rlimit *rl)
{
    if (!rl)
        return (int)ig_posix_ret(-EFAULT);
    return prlimit(0, res, NULL, rl);
}

int setrlimit(int res, const struct rlimit *rl)
{
    if (!rl)
        return (int)ig_posix_ret(-EFAULT);
    return prlimit(0, res, rl, NULL);
}

/* The image owns its CPU from boot, so its CPU time is the monotonic
 * clock since it started, as times() and clock() count it; its largest resident
 * size is the high-water mark of the RAM in use (heap, mappings, the page map).
 */
int getrusage(int who, struct rusage *ru)
{
    struct ig_mm_stats st;

    if (who != RUSAGE_SELF && who != RUSAGE_THREAD && who != RUSAGE_CHILDREN)
        return (int)ig_posix_ret(-EINVAL);
    if (!ru)
        return (int)ig_posix_ret(-EFAULT);
    memset(ru, 0, sizeof(*ru));
    if (who == RUSAGE_CHILDREN)
        return 0;
    uint64_t ns = ig_libc_cpu_ns();
    ru->ru_utime.tv_sec = (time_t)(ns / 1000000000u);
    ru->ru_utime.tv_usec = (suseconds_t)(ns % 1000000000u / 1000);
    ig_mm_stats(&st);
    ru->ru_maxrss = (long)(st.max_used / 1024);
    return 0;
}

int getpriority(int which, id_t who)
{
    if (which != PRIO_PROCESS && which != PRIO_PGRP && which != PRIO_USER)
        return (int)ig_posix_ret(-EINVAL);
    (void)who;
    return 0;
}

/* Priorities do not exist for a cooperative scheduler: 0 is accepted,
 * a lower nice value needs privileges Linux would check, a higher one is
 * accepted and changes nothing. */
int setpriority(int which, id_t who, int prio)
{
    if (which != PRIO_PROCESS && which != PRIO_PGRP && which != PRIO_USER)
        return (int)ig_posix_ret(-EINVAL);
    (void)who;
    (void)prio;
    return 0;
}

int sysinfo(struct sysinfo *info)
{
    struct ig_mm_stats st;

    if (!info)
        return (int)ig_posix_ret(-EFAULT);
    memset(info, 0, sizeof(*info));
    ig_mm_stats(&st);
    info->uptime = (long)(ig_plat_clock_since_entry() / 1000000000u);
    info->totalram = st.total_ram;
    info->freeram = st.free_ram;
    info->procs = 1;
    info->mem_unit = 1;
    return 0;
}

int get_nprocs(void)
{
    return 1;
}

int get_nprocs_conf(void)
{
    return 1;
}

long get_phys_pages(void)
{
    return sysconf(_SC_PHYS_PAGES);
}

long get_avphys_pages(void)
{
    return sysconf(_SC_AVPHYS_PAGES);
}

int __ig_cpu_count(size_t size, const cpu_set_t *set)
{
    int n = 0;

    for (size_t i = 0; i < size / sizeof(unsigned long); i++)
        n += __builtin_popcountl(set->__bits[i]);
    return n;
}

/* One CPU, number 0; as Linux, the size must cover the kernel's CPU mask
 * (8 bytes here) and a set without CPU 0 is EINVAL. */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
    if (pid != 0 && pid != getpid() && pid != gettid())
        return (int)ig_posix_ret(-ESRCH);
    if (size < sizeof(unsigned long) || size % sizeof(unsigned long))
        return (int)ig_posix_ret(-EINVAL);
    memset(set, 0, size);
    set->__bits[0] = 1;
    return 0;
}

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set)
{
    if (pid != 0 && pid != getpid() && pid != gettid())
        return (int)ig_posix_ret(-ESRCH);
    if (size < sizeof(unsigned long) || !(set->__bits[0] & 1))
        return (int)ig_posix_ret(-EINVAL);
    return 0;
}

int sched_getcpu(void)
{
    return 0;
}
