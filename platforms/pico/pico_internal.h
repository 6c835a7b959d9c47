/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pico_internal.h: what the files of the pico platform share. */
#ifndef INGOT_PICO_INTERNAL_H
#define INGOT_PICO_INTERNAL_H

/*
 * Boot order (pico.c): the tender jumps to ig_pico_start() with the boot
 * page; it validates and copies what the page says, registers the fault
 * entry, then calls ig_libos_main().  Host system calls are made only
 * through ig_pico_syscall*() (sys.c), and only those the tender's seccomp
 * filter allows (<ingot/pico_abi.h>).
 */

#include <stddef.h>
#include <stdint.h>

#include <ingot/pico_abi.h>

/* Linux x86_64 system call numbers the guest uses. */
#define IG_PICO_NR_READ 0
#define IG_PICO_NR_WRITE 1
#define IG_PICO_NR_MPROTECT 10
#define IG_PICO_NR_IOCTL 16
#define IG_PICO_NR_CLOCK_GETTIME 228
#define IG_PICO_NR_CLOCK_NANOSLEEP 230
#define IG_PICO_NR_EXIT_GROUP 231
#define IG_PICO_NR_GETRANDOM 318
#define IG_PICO_NR_PPOLL 271

#define IG_PICO_CLOCK_REALTIME 0
#define IG_PICO_CLOCK_MONOTONIC 1
#define IG_PICO_TIMER_ABSTIME 1

/* The kernel's struct timespec on x86_64. */
struct ig_pico_timespec {
    int64_t sec;
    int64_t nsec;
};

/* sys.c: a raw system call; returns the kernel's value (-errno on error). */
long ig_pico_syscall3(long nr, long a0, long a1, long a2);
long ig_pico_syscall4(long nr, long a0, long a1, long a2, long a3);
long ig_pico_syscall5(long nr, long a0, long a1, long a2, long a3, long a4);

/* pico.c: the image's entry point (pico.ld), called by the tender on the
 * boot stack with the boot page; and the console descriptor it gives. */
_Noreturn void ig_pico_start(struct ig_pico_boot *bi);
extern int ig_pico_console_fd;
/* sys.c: the monotonic clock at ig_pico_start(), for boot-time figures. */
extern uint64_t ig_pico_entry_ns;
/* The kernel's vDSO clock_gettime (boot page), or NULL: the system call. */
extern int (*ig_pico_vdso_clock)(long clock, struct ig_pico_timespec *ts);
/* pico.c: the tap descriptor from the boot page, -1 without one. */
extern int ig_pico_tap_fd;
/* Standard input (0, or -1 for none), which host fds are terminals (bit
 * n: fd n), and the boot page's host_signals word (pico_abi.h). */
extern int ig_pico_stdin_fd;
extern unsigned ig_pico_tty;
/* The tender was given --tty: fd 0 is the guest's terminal. */
extern int ig_pico_tty_ctl;
extern uint64_t *ig_pico_host_signals;

/* fault.c: the fault entry the tender calls (registered at boot, an
 * ig_pico_fault_fn); returns 1 with the context to resume when a signal
 * handler is to run, else reports the fault and ends the image with 255. */
int ig_pico_fault_entry(struct ig_pico_fault *pf);

/* hostdir.c: copies the volumes from the boot page (at most
 * IG_PICO_VOLUMES_MAX); ig_pico_nvolumes is how many there are. */
void ig_pico_volumes_init(const struct ig_pico_boot *bi);
extern int ig_pico_nvolumes;

/* sys.c: prints "pico: <msg>\n" and exits with status 255. */
_Noreturn void ig_pico_die(const char *msg);

#endif /* INGOT_PICO_INTERNAL_H */
