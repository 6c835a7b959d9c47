/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* time.c: clocks and sleeps on top of the platform's clocks. */
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>
#include <ingot/signal.h>

#include <pthread.h>
#include <signal.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "time_internal.h"

#define NS_PER_SEC 1000000000ull

static void ns_to_timespec(uint64_t ns, struct timespec *ts)
{
    ts->tv_sec = (time_t)(ns / NS_PER_SEC);
    ts->tv_nsec = (long)(ns % NS_PER_SEC);
}

/* Clock reads are yield points (loops that poll the clock let other
 * threads run and timers fire) and signal delivery points (a handler runs
 * in a thread that computes and polls the clock; docs/platforms.md). */
static void clock_point(void)
{
    ig_sched_maybe_yield();
    ig_signal_deliver();
}

uint64_t ig_libc_cpu_epoch(void)
{
    static uint64_t epoch;
    static int known;

    /* The two clocks read one after the other: what the monotonic clock
     * read at the platform's entry, to well under a microsecond. */
    if (!known) {
        uint64_t mono = ig_plat_clock_monotonic();
        uint64_t since = ig_plat_clock_since_entry();
        epoch = mono > since ? mono - since : 0;
        known = 1;
    }
    return epoch;
}

uint64_t ig_libc_cpu_ns(void)
{
    uint64_t epoch = ig_libc_cpu_epoch(), now = ig_plat_clock_monotonic();

    return now > epoch ? now - epoch : 0;
}

/* What clock (id) reads: 1 the time of day, 2 the monotonic clock, 3 the
 * image's CPU time, 0 for an id Linux does not have. */
static int clock_source(clockid_t id)
{
    switch (id) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
    case CLOCK_REALTIME_ALARM:
    case CLOCK_TAI: /* Linux's TAI offset is 0 until an NTP daemon sets it */
        return 1;
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_RAW:    /* no NTP slews the guest's clock */
    case CLOCK_MONOTONIC_COARSE: /* as precise as the others, no dearer */
    case CLOCK_BOOTTIME:         /* nothing suspends the image */
    case CLOCK_BOOTTIME_ALARM:
        return 2;
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
        return 3;
    default:
        return 0;
    }
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
    int src = clock_source(id);

    clock_point();
    if (!src)
        return (int)ig_posix_ret(-EINVAL);
    ns_to_timespec(src == 1   ? ig_plat_clock_wall()
                   : src == 2 ? ig_plat_clock_monotonic()
                              : ig_libc_cpu_ns(),
                   ts);
    return 0;
}

/* The image may not set the host's clock; Linux answers EPERM to a
 * process without CAP_SYS_TIME, EINVAL for a clock that cannot be set. */
int clock_settime(clockid_t id, const struct timespec *ts)
{
    if (id != CLOCK_REALTIME)
        return (int)ig_posix_ret(-EINVAL);
    if (!ts || ts->tv_nsec < 0 || ts->tv_nsec >= (long)NS_PER_SEC)
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(-EPERM);
}

int clock_getres(clockid_t id, struct timespec *res)
{
    if (!clock_source(id))
        return (int)ig_posix_ret(-EINVAL);
    /* The coarse clocks: Linux's tick (Debian's HZ=250), so a program
     * that takes them only when they are fine enough (libevent: 1 ms)
     * decides as on Linux. */
    long ns = id == CLOCK_REALTIME_COARSE || id == CLOCK_MONOTONIC_COARSE
                  ? 4000000
                  : 1;
    if (res)
        *res = (struct timespec){.tv_sec = 0, .tv_nsec = ns};
    return 0;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    (void)tz;
    clock_point();
    if (tv) {
        uint64_t ns = ig_plat_clock_wall();
        tv->tv_sec = (time_t)(ns / NS_PER_SEC);
        tv->tv_usec = (suseconds_t)(ns % NS_PER_SEC / 1000);
    }
    return 0;
}

/* The image is one process that owns its CPU from boot, so its CPU time
 * is the monotonic clock since the image started.  times() counts
 * in Linux's USER_HZ ticks (sysconf(_SC_CLK_TCK)), clock() in XSI's
 * CLOCKS_PER_SEC of 1,000,000 (newlib's clock() is replaced). */
#define CLK_TCK_HZ 100

clock_t times(struct tms *buf)
{
    uint64_t now = ig_libc_cpu_ns();
    clock_t ticks = (clock_t)(now / (NS_PER_SEC / CLK_TCK_HZ));
    if (buf)
        *buf = (struct tms){.tms_utime = ticks, .tms_stime = 0};
    return ticks;
}

_Static_assert(CLOCKS_PER_SEC == 1000000, "XSI's CLOCKS_PER_SEC");

clock_t clock(void)
{
    return (clock_t)(ig_libc_cpu_ns() / (NS_PER_SEC / CLOCKS_PER_SEC));
}

/* Sleeps for (req); 0, -EINVAL or -EINTR (a handler ran: the sleep ends
 * early, never restarted, and (rem) gets what was left). */
static int sleep_for(const struct timespec *req, struct timespec *rem)
{
    if (!req || req->tv_nsec < 0 || req->tv_nsec >= (long)NS_PER_SEC ||
        req->tv_sec < 0)
        return -EINVAL;
    uint64_t deadline = ig_plat_clock_monotonic() +
                        (uint64_t)req->tv_sec * NS_PER_SEC +
                        (uint64_t)req->tv_nsec;
    if (ig_signal_sleep_until(deadline) == -EINTR) {
        if (rem) {
            uint64_t now = ig_plat_clock_monotonic();
            uint64_t left = deadline > now ? deadline - now : 0;
            rem->tv_sec = (time_t)(left / NS_PER_SEC);
            rem->tv_nsec = (long)(left % NS_PER_SEC);
        }
        return -EINTR;
    }
    if (rem)
        *rem = (struct timespec){0};
    return 0;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    return (int)ig_posix_ret(sleep_for(req, rem));
}

/* Returns the error number itself, as POSIX has it, not -1 and errno.
 * CLOCK_PROCESS_CPUTIME_ID is the monotonic clock since the image started
 * here (see times());
 * Linux cannot sleep on a thread's CPU clock either. */
int clock_nanosleep(clockid_t id, int flags, const struct timespec *req,
                    struct timespec *rem)
{
    uint64_t now, when, deadline;

    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC &&
        id != CLOCK_PROCESS_CPUTIME_ID)
        return EINVAL;
    if (!req || req->tv_nsec < 0 || req->tv_nsec >= (long)NS_PER_SEC)
        return EINVAL;
    if (!(flags & TIMER_ABSTIME)) {
        if (req->tv_sec < 0)
            return 0; /* a negative interval is already over */
        return -sleep_for(req, rem);
    }
    now = ig_plat_clock_monotonic();
    if (req->tv_sec < 0)
        return 0;
    when = (uint64_t)req->tv_sec * NS_PER_SEC + (uint64_t)req->tv_nsec;
    if (id == CLOCK_REALTIME) {
        uint64_t wall = ig_plat_clock_wall();
        if (when <= wall)
            return 0;
        deadline = now + (when - wall);
    } else if (id == CLOCK_PROCESS_CPUTIME_ID) {
        uint64_t epoch = ig_libc_cpu_epoch();
        deadline = when > UINT64_MAX - epoch ? UINT64_MAX : when + epoch;
    } else {
        deadline = when;
    }
    /* rem is left alone for an absolute sleep. */
    return ig_signal_sleep_until(deadline) == -EINTR ? EINTR : 0;
}

unsigned sleep(unsigned seconds)
{
    struct timespec ts = {.tv_sec = seconds, .tv_nsec = 0}, rem;

    if (nanosleep(&ts, &rem) == 0)
        return 0;
    return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
}

int usleep(useconds_t usec)
{
    struct timespec ts = {.tv_sec = usec / 1000000,
                          .tv_nsec = (long)(usec % 1000000) * 1000};
    return nanosleep(&ts, NULL);
}

/* The image's CPU-time clocks are its monotonic clock (times() above). */
int clock_getcpuclockid(pid_t pid, clockid_t *id)
{
    if (pid != 0 && pid != getpid())
        return ESRCH;
    *id = CLOCK_PROCESS_CPUTIME_ID;
    return 0;
}

int pthread_getcpuclockid(pthread_t thread, clockid_t *id)
{
    if (pthread_kill(thread, 0) != 0)
        return ESRCH;
    *id = CLOCK_THREAD_CPUTIME_ID;
    return 0;
}
