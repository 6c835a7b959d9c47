/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sched.h: newlib's scheduling calls plus Linux's CPU sets. */
#ifndef INGOT_SCHED_H_WRAP
#define INGOT_SCHED_H_WRAP

#include <stddef.h>
#include <sys/types.h>

/* Linux's cpu_set_t: a bit per CPU, 1024 CPUs.  The library OS runs on
 * one CPU, so sched_getaffinity() reports CPU 0 and sched_setaffinity()
 * accepts any set that contains it. */
#define CPU_SETSIZE 1024
#define __CPU_WORD_BITS (8 * sizeof(unsigned long))
typedef struct {
    unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))];
} cpu_set_t;

int __ig_cpu_count(size_t size, const cpu_set_t *set);

#define CPU_ALLOC_SIZE(n)                                                      \
    ((((size_t)(n) + __CPU_WORD_BITS - 1) / __CPU_WORD_BITS) *                 \
     sizeof(unsigned long))
#define CPU_ZERO_S(size, set) __builtin_memset((set), 0, (size))
#define CPU_SET_S(cpu, size, set)                                              \
    ((size_t)(cpu) / 8 < (size)                                                \
         ? ((set)->__bits[(size_t)(cpu) / __CPU_WORD_BITS] |=                  \
            1UL << ((size_t)(cpu) % __CPU_WORD_BITS))                          \
         : 0)
#define CPU_CLR_S(cpu, size, set)                                              \
    ((size_t)(cpu) / 8 < (size)                                                \
         ? ((set)->__bits[(size_t)(cpu) / __CPU_WORD_BITS] &=                  \
            ~(1UL << ((size_t)(cpu) % __CPU_WORD_BITS)))                       \
         : 0)
#define CPU_ISSET_S(cpu, size, set)                                            \
    ((size_t)(cpu) / 8 < (size)                                                \
         ? ((set)->__bits[(size_t)(cpu) / __CPU_WORD_BITS] >>                  \
            ((size_t)(cpu) % __CPU_WORD_BITS)) &                               \
               1UL                                                             \
         : 0)
#define CPU_COUNT_S(size, set) __ig_cpu_count((size), (set))
#define CPU_ZERO(set) CPU_ZERO_S(sizeof(cpu_set_t), set)
#define CPU_SET(cpu, set) CPU_SET_S(cpu, sizeof(cpu_set_t), set)
#define CPU_CLR(cpu, set) CPU_CLR_S(cpu, sizeof(cpu_set_t), set)
#define CPU_ISSET(cpu, set) CPU_ISSET_S(cpu, sizeof(cpu_set_t), set)
#define CPU_COUNT(set) CPU_COUNT_S(sizeof(cpu_set_t), set)
#define CPU_EQUAL(a, b) (__builtin_memcmp((a), (b), sizeof(cpu_set_t)) == 0)
#define __CPU_OP(d, a, b, op)                                                  \
    do {                                                                       \
        for (size_t __i = 0; __i < CPU_SETSIZE / __CPU_WORD_BITS; __i++)       \
            (d)->__bits[__i] = (a)->__bits[__i] op(b)->__bits[__i];            \
    } while (0)
#define CPU_AND(d, a, b) __CPU_OP(d, a, b, &)
#define CPU_OR(d, a, b) __CPU_OP(d, a, b, |)
#define CPU_XOR(d, a, b) __CPU_OP(d, a, b, ^)
#define CPU_ALLOC(n) ((cpu_set_t *)__builtin_calloc(1, CPU_ALLOC_SIZE(n)))
#define CPU_FREE(set) __builtin_free(set)

/* newlib declares the affinity calls (under _GNU_SOURCE) when it sees
 * cpu_set_t defined. */
#define _SYS_CPUSET_H_
#include_next <sched.h>

/* Whatever the feature macros, as Linux programs expect them here. */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);
int sched_getcpu(void);

/* newlib declares these only under _POSIX_PRIORITY_SCHEDULING, which
 * <unistd.h> defines (maybe after this header); Linux always does
 * (libos/sched/policy.c, pthread.c).  A second declaration is harmless. */
int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);
int sched_setparam(pid_t pid, const struct sched_param *param);
int sched_getparam(pid_t pid, struct sched_param *param);
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
int sched_getscheduler(pid_t pid);
int sched_rr_get_interval(pid_t pid, struct timespec *interval);

#endif /* INGOT_SCHED_H_WRAP */
