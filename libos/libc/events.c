/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* events.c: eventfd(2) and timerfd(2): counters and timers on descriptors. */
#include <ingot/vfs.h>

#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <ingot/posix.h>

#ifndef CLOCK_BOOTTIME /* newlib's, outside _GNU_SOURCE */
#define CLOCK_BOOTTIME ((clockid_t)7)
#define CLOCK_REALTIME_ALARM ((clockid_t)8)
#define CLOCK_BOOTTIME_ALARM ((clockid_t)9)
#endif

int eventfd(unsigned int initval, int flags)
{
    if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(ig_vfs_eventfd(initval,
                                            flags & (O_NONBLOCK | O_CLOEXEC),
                                            (flags & EFD_SEMAPHORE) != 0));
}

int eventfd_read(int fd, eventfd_t *value)
{
    return read(fd, value, sizeof(*value)) == sizeof(*value) ? 0 : -1;
}

int eventfd_write(int fd, eventfd_t value)
{
    return write(fd, &value, sizeof(value)) == sizeof(value) ? 0 : -1;
}

/* timerfd(2) on the library OS's timers: realtime or monotonic (the
 * CPU-time and boot clocks count as the monotonic one, as times() does);
 * TFD_TIMER_CANCEL_ON_SET has nothing to do, the clock is never set. */
int timerfd_create(clockid_t clock, int flags)
{
    if (flags & ~(TFD_CLOEXEC | TFD_NONBLOCK))
        return (int)ig_posix_ret(-EINVAL);
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC &&
        clock != CLOCK_BOOTTIME && clock != CLOCK_REALTIME_ALARM &&
        clock != CLOCK_BOOTTIME_ALARM)
        return (int)ig_posix_ret(-EINVAL);
    int realtime = clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_ALARM;
    return (int)ig_posix_ret(ig_vfs_timerfd(realtime ? IG_TIMERFD_REALTIME : 1,
                                            flags & (O_NONBLOCK | O_CLOEXEC)));
}

static int ts_ns(const struct timespec *ts, uint64_t *ns)
{
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000l)
        return -EINVAL;
    *ns = (uint64_t)ts->tv_sec * 1000000000ull + (uint64_t)ts->tv_nsec;
    return 0;
}

static void ns_ts(uint64_t ns, struct timespec *ts)
{
    ts->tv_sec = (time_t)(ns / 1000000000ull);
    ts->tv_nsec = (long)(ns % 1000000000ull);
}

static int tfd_gettime(int fd, struct itimerspec *cur)
{
    uint64_t value, interval;
    int r = ig_vfs_timerfd_get(fd, &value, &interval);

    if (r < 0)
        return r;
    ns_ts(value, &cur->it_value);
    ns_ts(interval, &cur->it_interval);
    return 0;
}

static int tfd_settime(int fd, int flags, const struct itimerspec *v,
                       struct itimerspec *old)
{
    uint64_t value, interval;
    int r;

    if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET))
        return -EINVAL;
    if ((r = ts_ns(&v->it_value, &value)) < 0 ||
        (r = ts_ns(&v->it_interval, &interval)) < 0)
        return r;
    if (old && (r = tfd_gettime(fd, old)) < 0)
        return r;
    return ig_vfs_timerfd_set(fd, (flags & TFD_TIMER_ABSTIME) != 0, value,
                              interval);
}

int timerfd_settime(int fd, int flags, const struct itimerspec *v,
                    struct itimerspec *old)
{
    return (int)ig_posix_ret(tfd_settime(fd, flags, v, old));
}

int timerfd_gettime(int fd, struct itimerspec *cur)
{
    return (int)ig_posix_ret(tfd_gettime(fd, cur));
}
