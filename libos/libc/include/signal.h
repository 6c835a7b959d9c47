/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* signal.h: signals with Linux's numbers, flags and structures (x86-64). */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

/*
 * This header replaces newlib's <signal.h> and <sys/signal.h>, whose generic
 * target numbers signals its own way (SIGUSR2 31, SIGCHLD 20).  Images are
 * built with __linux__, so every number, flag and layout here is Linux's on
 * x86-64 (kernel UAPI and the values glibc shows to programs).  What each
 * call does in a single-process image, and when a handler can run, is in
 * docs/platforms.md ("Signals").
 */

#include <sys/cdefs.h>
#include <sys/features.h>
#include <sys/types.h>
#include <sys/_sigset.h>
#include <sys/_timespec.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCLD SIGCHLD
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
/* Real-time signals: glibc keeps 32 and 33 for itself and shows programs
 * 34..64; the same range here, so SIGRTMIN + n means the same number. */
#define SIGRTMIN 34
#define SIGRTMAX 64
#define NSIG 65
#define _NSIG NSIG

#if !defined(_SIGSET_T_DECLARED)
#define _SIGSET_T_DECLARED
typedef __sigset_t sigset_t; /* one bit per signal: bit (n - 1) */
#endif

typedef int sig_atomic_t;
typedef void (*_sig_func_ptr)(int);
#if __BSD_VISIBLE
typedef _sig_func_ptr sig_t;
#endif
#if __GNU_VISIBLE
typedef _sig_func_ptr sighandler_t;
#endif

#define SIG_DFL ((_sig_func_ptr)0)
#define SIG_IGN ((_sig_func_ptr)1)
#define SIG_ERR ((_sig_func_ptr)-1)

union sigval {
    int sival_int;
    void *sival_ptr;
};

#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD 2
#define SIGEV_THREAD_ID 4

/* Linux's layout: 64 bytes. */
struct sigevent {
    union sigval sigev_value;
    int sigev_signo;
    int sigev_notify;
    union {
        int __pad[12];
        int __tid;
        struct {
            void (*__function)(union sigval);
            void *__attr; /* pthread_attr_t * */
        } __sigev_thread;
    } __un;
};
#define sigev_notify_function __un.__sigev_thread.__function
#define sigev_notify_attributes __un.__sigev_thread.__attr
#define sigev_notify_thread_id __un.__tid

/* si_code values. */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)
#define SI_TIMER (-2)
#define SI_MESGQ (-3)
#define SI_ASYNCIO (-4)
#define SI_SIGIO (-5)
#define SI_TKILL (-6)
/* ... of the faults the CPU raises (Linux's values). */
#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTINV 7
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define BUS_OBJERR 3
#define TRAP_BRKPT 1
#define TRAP_TRACE 2

/* Linux's layout: 128 bytes, the fields of each kind of signal overlaid. */
typedef struct {
    int si_signo;
    int si_errno;
    int si_code;
    union {
        int __pad[28];
        struct {
            pid_t __pid;
            uid_t __uid;
            union sigval __value;
        } __rt; /* kill, sigqueue */
        struct {
            int __tid;
            int __overrun;
            union sigval __value;
        } __timer;
        struct {
            pid_t __pid;
            uid_t __uid;
            int __status;
            long __utime, __stime;
        } __chld;
        struct {
            void *__addr;
        } __fault;
        struct {
            long __band;
            int __fd;
        } __poll;
    } __f;
} siginfo_t;
#define si_pid __f.__rt.__pid
#define si_uid __f.__rt.__uid
#define si_value __f.__rt.__value
#define si_int __f.__rt.__value.sival_int
#define si_ptr __f.__rt.__value.sival_ptr
#define si_timerid __f.__timer.__tid
#define si_overrun __f.__timer.__overrun
#define si_status __f.__chld.__status
#define si_utime __f.__chld.__utime
#define si_stime __f.__chld.__stime
#define si_addr __f.__fault.__addr
#define si_band __f.__poll.__band
#define si_fd __f.__poll.__fd

/* sa_flags. */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND

struct sigaction {
    union {
        _sig_func_ptr __handler;
        void (*__sigaction)(int, siginfo_t *, void *);
    } __sa_handler;
    sigset_t sa_mask;
    int sa_flags;
    void (*sa_restorer)(void);
};
#define sa_handler __sa_handler.__handler
#define sa_sigaction __sa_handler.__sigaction

/* sigprocmask(2) and pthread_sigmask(3) (Linux's values). */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* sigaltstack(2). */
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define SS_AUTODISARM (1U << 31)
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

typedef struct sigaltstack {
    void *ss_sp;
    int ss_flags;
    size_t ss_size;
} stack_t;

_sig_func_ptr signal(int sig, _sig_func_ptr handler);
int raise(int sig);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int sigaction(int sig, const struct sigaction *__restrict act,
              struct sigaction *__restrict old);
int sigprocmask(int how, const sigset_t *__restrict set,
                sigset_t *__restrict old);
int pthread_sigmask(int how, const sigset_t *__restrict set,
                    sigset_t *__restrict old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *__restrict set, int *__restrict sig);
int sigwaitinfo(const sigset_t *__restrict set, siginfo_t *__restrict info);
int sigtimedwait(const sigset_t *__restrict set, siginfo_t *__restrict info,
                 const struct timespec *__restrict timeout);
int sigqueue(pid_t pid, int sig, const union sigval value);
int sigaltstack(const stack_t *__restrict ss, stack_t *__restrict old);
int siginterrupt(int sig, int flag);
int pthread_kill(pthread_t thread, int sig);
void psignal(int sig, const char *msg);
void psiginfo(const siginfo_t *info, const char *msg);
#if __GNU_VISIBLE
int sigisemptyset(const sigset_t *set);
int sigandset(sigset_t *dst, const sigset_t *a, const sigset_t *b);
int sigorset(sigset_t *dst, const sigset_t *a, const sigset_t *b);
#endif
/* The System V names. */
_sig_func_ptr sigset(int sig, _sig_func_ptr handler);
int sighold(int sig);
int sigrelse(int sig);
int sigignore(int sig);
int sigpause(int sig);

#ifdef __cplusplus
}
#endif

#endif /* _SIGNAL_H_ */
