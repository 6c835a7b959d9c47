/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* prctl.c: prctl(2) options that mean something in a single image. */
#include <ingot/sched.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <string.h>
#include <sys/prctl.h>

#include <ingot/posix.h>

#define NAME_LEN 16 /* Linux's TASK_COMM_LEN, NUL included */
#define NAMES 64

/* Thread names by thread id; a thread without one is named "app", as the
 * image's argv[0] default. */
static struct {
    unsigned id;
    char name[NAME_LEN];
} names[NAMES];

static int dumpable = 1, keepcaps, no_new_privs, subreaper, pdeathsig;
static unsigned long timerslack = 50000;

static int name_slot(unsigned id, int create)
{
    int free_slot = -1;

    for (int i = 0; i < NAMES; i++) {
        if (names[i].id == id)
            return i;
        if (!names[i].id && free_slot < 0)
            free_slot = i;
    }
    return create ? free_slot : -1;
}

/* Thread names for pthread_setname_np(): the same table as PR_SET_NAME, so
 * either call's name is what the other reads back. */
int pthread_setname_np(pthread_t thread, const char *name)
{
    if (strlen(name) >= NAME_LEN)
        return ERANGE;
    if (!ig_thread_by_id(thread))
        return ESRCH;
    int s = name_slot(thread, 1);
    if (s < 0)
        return ENOMEM;
    names[s].id = thread;
    strcpy(names[s].name, name);
    return 0;
}

int pthread_getname_np(pthread_t thread, char *buf, size_t len)
{
    if (!ig_thread_by_id(thread))
        return ESRCH;
    int s = name_slot(thread, 0);
    const char *name = s < 0 ? "app" : names[s].name;
    if (len < strlen(name) + 1)
        return ERANGE;
    strcpy(buf, name);
    return 0;
}

int prctl(int option, ...)
{
    va_list ap;
    unsigned long a[4];
    unsigned id = ig_thread_self() ? ig_thread_id(ig_thread_self()) : 1;

    va_start(ap, option);
    for (int i = 0; i < 4; i++)
        a[i] = va_arg(ap, unsigned long);
    va_end(ap);
    switch (option) {
    case PR_SET_NAME: {
        int s = name_slot(id, 1);
        if (s < 0)
            return (int)ig_posix_ret(-ENOMEM);
        names[s].id = id;
        strncpy(names[s].name, (const char *)a[0], NAME_LEN - 1);
        names[s].name[NAME_LEN - 1] = '\0';
        return 0;
    }
    case PR_GET_NAME: {
        int s = name_slot(id, 0);
        strncpy((char *)a[0], s < 0 ? "app" : names[s].name, NAME_LEN);
        return 0;
    }
    case PR_SET_DUMPABLE:
        if (a[0] > 1)
            return (int)ig_posix_ret(-EINVAL);
        dumpable = (int)a[0];
        return 0;
    case PR_GET_DUMPABLE:
        return dumpable;
    case PR_SET_KEEPCAPS:
        if (a[0] > 1)
            return (int)ig_posix_ret(-EINVAL);
        keepcaps = (int)a[0];
        return 0;
    case PR_GET_KEEPCAPS:
        return keepcaps;
    case PR_SET_NO_NEW_PRIVS:
        if (a[0] != 1 || a[1] || a[2] || a[3])
            return (int)ig_posix_ret(-EINVAL);
        no_new_privs = 1;
        return 0;
    case PR_GET_NO_NEW_PRIVS:
        return no_new_privs;
    case PR_SET_CHILD_SUBREAPER:
        subreaper = a[0] != 0;
        return 0;
    case PR_GET_CHILD_SUBREAPER:
        *(int *)a[0] = subreaper;
        return 0;
    case PR_SET_PDEATHSIG:
        if (a[0] > 64)
            return (int)ig_posix_ret(-EINVAL);
        pdeathsig = (int)a[0];
        return 0;
    case PR_GET_PDEATHSIG:
        *(int *)a[0] = pdeathsig;
        return 0;
    case PR_SET_TIMERSLACK:
        timerslack = a[0] ? a[0] : 50000;
        return 0;
    case PR_GET_TIMERSLACK:
        return (int)timerslack;
    case PR_CAPBSET_READ:
        if (a[0] > 40) /* CAP_LAST_CAP of Linux 6.1 */
            return (int)ig_posix_ret(-EINVAL);
        return 1;
    default:
        return (int)ig_posix_ret(-EINVAL);
    }
}
