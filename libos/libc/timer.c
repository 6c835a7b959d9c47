/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* timer.c: POSIX timers, setitimer and alarm on the scheduler's callouts. */
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>
#include <ingot/signal.h>

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "time_internal.h"

#define NS_PER_SEC 1000000000ull
#define TIMERS_MAX 1024 /* timer_create: EAGAIN beyond */
#define ITIMERS 3       /* ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF */

/*
 * Every timer is a callout (<ingot/sched.h>) armed for its next expiry on
 * the monotonic clock; CLOCK_REALTIME times are converted when set (the
 * image cannot set the clock, so they do not move).  The CPU-time clocks
 * are the monotonic clock since the image started (see times() in time.c;
 * an absolute time on them is moved by that start), so ITIMER_VIRTUAL and
 * ITIMER_PROF count like ITIMER_REAL and send SIGVTALRM and SIGPROF.
 */
struct ptimer {
    struct ig_callout co;
    int id; /* timer_t, or -1 for the itimers */
    clockid_t clock;
    uint64_t interval;
    struct sigevent ev;
    int overrun;  /* expirations beyond the first of the last signal */
    int deleted;  /* SIGEV_THREAD: the notifier frees it */
    unsigned due; /* SIGEV_THREAD: expirations the notifier has not run */
    struct ig_waitq notify;
};

static struct ptimer *timers[TIMERS_MAX];
static struct ptimer itimers[ITIMERS];

static uint64_t ts_ns(const struct timespec *ts)
{
    return (uint64_t)ts->tv_sec * NS_PER_SEC + (uint64_t)ts->tv_nsec;
}

static void ns_ts(uint64_t ns, struct timespec *ts)
{
    ts->tv_sec = (time_t)(ns / NS_PER_SEC);
    ts->tv_nsec = (long)(ns % NS_PER_SEC);
}

static int add_overrun(int a, uint64_t b)
{
    return b >= (uint64_t)(INT_MAX - a) ? INT_MAX
                                        : a + (int)b; /* DELAYTIMER_MAX */
}

/* A callout: the timer expired, perhaps several intervals ago when the
 * scheduler came late. */
static void expire(struct ig_callout *c, uint64_t now)
{
    struct ptimer *t = (struct ptimer *)c;
    uint64_t n = 1;

    if (t->interval) {
        uint64_t late = (now - c->when) / t->interval;
        n += late;
        ig_callout_arm(c, c->when + (late + 1) * t->interval);
    }
    switch (t->ev.sigev_notify) {
    case SIGEV_SIGNAL:
    case SIGEV_THREAD_ID:
        /* One signal at a time: expirations while it is pending are the
         * overrun timer_getoverrun() reports. */
        if (ig_signal_is_pending(t->ev.sigev_signo)) {
            t->overrun = add_overrun(t->overrun, n);
        } else {
            siginfo_t info;
            t->overrun = add_overrun(0, n - 1);
            memset(&info, 0, sizeof(info));
            info.si_signo = t->ev.sigev_signo;
            info.si_code = t->id < 0 ? SI_KERNEL : SI_TIMER;
            info.si_timerid = t->id;
            info.si_overrun = t->overrun;
            info.si_value = t->ev.sigev_value;
            ig_signal_post_info(&info);
        }
        break;
    case SIGEV_THREAD:
        t->due += (unsigned)n;
        ig_waitq_wake_all(&t->notify);
        break;
    default: /* SIGEV_NONE */
        break;
    }
}

/* SIGEV_THREAD: a thread per timer calls the function once for each batch
 * of expirations (the rest count as overruns), as glibc's helper does. */
static void *notifier(void *arg)
{
    struct ptimer *t = arg;

    for (;;) {
        while (!t->due && !t->deleted)
            ig_waitq_wait(&t->notify, UINT64_MAX);
        if (t->deleted)
            break;
        t->overrun = add_overrun(0, t->due - 1);
        t->due = 0;
        t->ev.sigev_notify_function(t->ev.sigev_value);
    }
    free(t);
    return NULL;
}

/* Arms (t) for (value), relative or (abs) on (clock); returns the old
 * setting in (old) if not NULL.  0 or -EINVAL. */
static int set(struct ptimer *t, clockid_t clock, int abs,
               const struct itimerspec *value, struct itimerspec *old)
{
    uint64_t now = ig_plat_clock_monotonic(), when;

    if (value->it_value.tv_nsec < 0 || value->it_value.tv_nsec >= 1000000000l ||
        value->it_interval.tv_nsec < 0 ||
        value->it_interval.tv_nsec >= 1000000000l ||
        value->it_value.tv_sec < 0 || value->it_interval.tv_sec < 0)
        return -EINVAL;
    if (old) {
        ns_ts(t->interval, &old->it_interval);
        ns_ts(t->co.armed ? (t->co.when > now ? t->co.when - now : 1) : 0,
              &old->it_value);
    }
    ig_callout_cancel(&t->co);
    t->interval = ts_ns(&value->it_interval);
    when = ts_ns(&value->it_value);
    if (when == 0)
        return 0;
    if (abs && clock == CLOCK_REALTIME) {
        uint64_t wall = ig_plat_clock_wall();
        when = when > wall ? now + (when - wall) : now;
    } else if (abs && (clock == CLOCK_PROCESS_CPUTIME_ID ||
                       clock == CLOCK_THREAD_CPUTIME_ID)) {
        uint64_t epoch = ig_libc_cpu_epoch();
        when = when > UINT64_MAX - 1 - epoch ? UINT64_MAX - 1 : when + epoch;
    } else if (!abs) {
        when = when > UINT64_MAX - now ? UINT64_MAX - 1 : now + when;
    }
    ig_callout_arm(&t->co, when > now ? when : now);
    return 0;
}

static void get(const struct ptimer *t, struct itimerspec *cur)
{
    uint64_t now = ig_plat_clock_monotonic();

    ns_ts(t->interval, &cur->it_interval);
    ns_ts(t->co.armed ? (t->co.when > now ? t->co.when - now : 1) : 0,
          &cur->it_value);
}

static int create(clockid_t clock, struct sigevent *ev, timer_t *out)
{
    struct ptimer *t;
    int id = 0;

    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC &&
        clock != CLOCK_PROCESS_CPUTIME_ID && clock != CLOCK_THREAD_CPUTIME_ID)
        return -EINVAL;
    if (ev && ev->sigev_notify != SIGEV_NONE &&
        ev->sigev_notify != SIGEV_SIGNAL && ev->sigev_notify != SIGEV_THREAD &&
        ev->sigev_notify != SIGEV_THREAD_ID)
        return -EINVAL;
    if (ev &&
        (ev->sigev_notify == SIGEV_SIGNAL ||
         ev->sigev_notify == SIGEV_THREAD_ID) &&
        (ev->sigev_signo < 1 || ev->sigev_signo >= NSIG))
        return -EINVAL;
    if (ev && ev->sigev_notify == SIGEV_THREAD && !ev->sigev_notify_function)
        return -EINVAL;
    while (id < TIMERS_MAX && timers[id])
        id++;
    if (id == TIMERS_MAX)
        return -EAGAIN;
    if (!(t = calloc(1, sizeof(*t))))
        return -EAGAIN;
    t->id = id;
    t->clock = clock;
    t->co.fn = expire;
    if (ev) {
        t->ev = *ev;
    } else { /* POSIX: SIGALRM with the timer's id as its value */
        t->ev.sigev_notify = SIGEV_SIGNAL;
        t->ev.sigev_signo = SIGALRM;
        t->ev.sigev_value.sival_int = id;
    }
    if (t->ev.sigev_notify == SIGEV_THREAD) {
        pthread_attr_t attr, *a = t->ev.sigev_notify_attributes;
        pthread_t th;
        if (!a) {
            pthread_attr_init(&attr);
            a = &attr;
        }
        pthread_attr_setdetachstate(a, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&th, a, notifier, t) != 0) {
            free(t);
            return -EAGAIN;
        }
    }
    timers[id] = t;
    *out = (timer_t)id;
    return 0;
}

int timer_create(clockid_t clock, struct sigevent *restrict ev,
                 timer_t *restrict out)
{
    return (int)ig_posix_ret(create(clock, ev, out));
}

static struct ptimer *lookup(timer_t id)
{
    return id < TIMERS_MAX ? timers[id] : NULL;
}

int timer_delete(timer_t id)
{
    struct ptimer *t = lookup(id);

    if (!t)
        return (int)ig_posix_ret(-EINVAL);
    timers[id] = NULL;
    ig_callout_cancel(&t->co);
    if (t->ev.sigev_notify == SIGEV_THREAD) {
        t->deleted = 1;
        ig_waitq_wake_all(&t->notify);
    } else {
        free(t);
    }
    return 0;
}

int timer_settime(timer_t id, int flags, const struct itimerspec *restrict v,
                  struct itimerspec *restrict old)
{
    struct ptimer *t = lookup(id);

    if (!t || !v)
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(
        set(t, t->clock, (flags & TIMER_ABSTIME) != 0, v, old));
}

int timer_gettime(timer_t id, struct itimerspec *cur)
{
    struct ptimer *t = lookup(id);

    if (!t)
        return (int)ig_posix_ret(-EINVAL);
    get(t, cur);
    return 0;
}

int timer_getoverrun(timer_t id)
{
    struct ptimer *t = lookup(id);

    return t ? t->overrun : (int)ig_posix_ret(-EINVAL);
}

/* ---- setitimer and alarm ------------------------------------------ */

static const int itimer_signal[ITIMERS] = {SIGALRM, SIGVTALRM, SIGPROF};

static struct ptimer *itimer(int which)
{
    struct ptimer *t;

    if (which < 0 || which >= ITIMERS)
        return NULL;
    t = &itimers[which];
    if (!t->co.fn) {
        t->co.fn = expire;
        t->id = -1;
        t->ev.sigev_notify = SIGEV_SIGNAL;
        t->ev.sigev_signo = itimer_signal[which];
    }
    return t;
}

static void tv_ts(const struct timeval *tv, struct timespec *ts)
{
    ts->tv_sec = tv->tv_sec;
    ts->tv_nsec = tv->tv_usec * 1000;
}

/* Linux rounds a remaining time to whole microseconds upwards. */
static void ts_tv(const struct timespec *ts, struct timeval *tv)
{
    tv->tv_sec = ts->tv_sec;
    tv->tv_usec = (suseconds_t)((ts->tv_nsec + 999) / 1000);
    if (tv->tv_usec == 1000000) {
        tv->tv_sec++;
        tv->tv_usec = 0;
    }
}

int getitimer(int which, struct itimerval *cur)
{
    struct ptimer *t = itimer(which);
    struct itimerspec s;

    if (!t)
        return (int)ig_posix_ret(-EINVAL);
    get(t, &s);
    ts_tv(&s.it_interval, &cur->it_interval);
    ts_tv(&s.it_value, &cur->it_value);
    return 0;
}

int setitimer(int which, const struct itimerval *restrict v,
              struct itimerval *restrict old)
{
    struct ptimer *t = itimer(which);
    struct itimerspec s, o;
    int r;

    if (!t)
        return (int)ig_posix_ret(-EINVAL);
    if (!v) /* Linux: a NULL new value disarms */
        s = (struct itimerspec){{0, 0}, {0, 0}};
    else if (v->it_value.tv_usec < 0 || v->it_value.tv_usec >= 1000000 ||
             v->it_interval.tv_usec < 0 || v->it_interval.tv_usec >= 1000000)
        return (int)ig_posix_ret(-EINVAL);
    if (v) {
        tv_ts(&v->it_interval, &s.it_interval);
        tv_ts(&v->it_value, &s.it_value);
    }
    if ((r = set(t, CLOCK_MONOTONIC, 0, &s, &o)) < 0)
        return (int)ig_posix_ret(r);
    if (old) {
        ts_tv(&o.it_interval, &old->it_interval);
        ts_tv(&o.it_value, &old->it_value);
    }
    return 0;
}

/* The seconds left of the previous alarm, rounded to the nearest, but 1
 * rather than 0 while one is set (Linux's alarm(2)). */
unsigned alarm(unsigned seconds)
{
    struct itimerval v = {{0, 0}, {(time_t)seconds, 0}}, old;

    setitimer(ITIMER_REAL, &v, &old);
    unsigned left = (unsigned)old.it_value.tv_sec;
    if ((left == 0 && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
        left++;
    return left;
}

useconds_t ualarm(useconds_t usecs, useconds_t interval)
{
    struct itimerval v = {{interval / 1000000, interval % 1000000},
                          {usecs / 1000000, usecs % 1000000}},
                     old;

    if (setitimer(ITIMER_REAL, &v, &old) != 0)
        return (useconds_t)-1;
    return (useconds_t)(old.it_value.tv_sec * 1000000 + old.it_value.tv_usec);
}
