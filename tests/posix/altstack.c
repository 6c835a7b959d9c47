/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* altstack.c: sigaltstack() and SA_ONSTACK handlers, per thread; the
 * output must be identical on Ingot and on Linux, a differential test. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ename.h"

#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

static char *alt;
static size_t alt_size = 65536;
static volatile int on_alt, flags_inside, change_inside;

static int in_alt(const void *p)
{
    return (uintptr_t)p >= (uintptr_t)alt &&
           (uintptr_t)p < (uintptr_t)alt + alt_size;
}

static void handler(int sig, siginfo_t *si, void *ctx)
{
    volatile char here = 0;
    stack_t cur, ss = {.ss_sp = alt, .ss_size = alt_size};

    (void)sig, (void)ctx;
    on_alt = in_alt((const void *)&here) && si->si_signo == sig;
    sigaltstack(NULL, &cur);
    flags_inside = cur.ss_flags;
    change_inside = sigaltstack(&ss, NULL) == 0 ? 0 : errno;
}

static void plain(int sig)
{
    volatile char here = 0;

    (void)sig;
    on_alt = in_alt((const void *)&here);
}

static void show_flags(const char *what)
{
    stack_t cur;

    sigaltstack(NULL, &cur);
    printf("%s: flags %s size %s\n", what,
           cur.ss_flags == SS_DISABLE ? "SS_DISABLE"
           : cur.ss_flags == 0        ? "0"
                                      : "other",
           cur.ss_size == alt_size ? "ours" : "none");
}

static void *thread_main(void *arg)
{
    (void)arg;
    show_flags("new thread");
    on_alt = -1;
    raise(SIGUSR1); /* SA_ONSTACK, but this thread has no stack */
    printf("thread handler on the alternate stack: %d\n", on_alt);
    return NULL;
}

int main(void)
{
    stack_t ss = {.ss_size = alt_size};
    struct sigaction sa;

    setvbuf(stdout, NULL, _IOLBF, 0);
    alt = malloc(alt_size);
    ss.ss_sp = alt;
    show_flags("at start");
    ss.ss_size = 1000; /* below MINSIGSTKSZ */
    T(sigaltstack(&ss, NULL));
    ss.ss_size = alt_size;
    ss.ss_flags = 12345;
    T(sigaltstack(&ss, NULL));
    ss.ss_flags = 0;
    T(sigaltstack(&ss, NULL));
    show_flags("after setting");

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    T(sigaction(SIGUSR1, &sa, NULL));
    raise(SIGUSR1);
    printf("handler on the alternate stack: %d, flags inside %s, change "
           "inside %s\n",
           on_alt, flags_inside == SS_ONSTACK ? "SS_ONSTACK" : "other",
           change_inside ? ename(change_inside) : "ok");
    show_flags("after the handler");

    sa.sa_handler = plain;
    sa.sa_flags = 0;
    T(sigaction(SIGUSR2, &sa, NULL));
    raise(SIGUSR2);
    printf("handler without SA_ONSTACK on it: %d\n", on_alt);

    pthread_t t;
    pthread_create(&t, NULL, thread_main, NULL);
    pthread_join(t, NULL);

    /* SS_AUTODISARM: the stack is disarmed while its handler runs. */
    ss.ss_flags = SS_AUTODISARM;
    T(sigaltstack(&ss, NULL));
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("autodisarm: on it %d, flags inside %s\n", on_alt,
           flags_inside == SS_DISABLE ? "SS_DISABLE" : "other");

    ss.ss_flags = SS_DISABLE;
    T(sigaltstack(&ss, NULL));
    show_flags("disabled");
    raise(SIGUSR1);
    printf("handler with the stack disabled on it: %d\n", on_alt);
    printf("altstack: done\n");
    return 0;
}
