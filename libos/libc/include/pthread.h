/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pthread.h: newlib's, plus the scheduling calls it hides from us. */
#ifndef INGOT_PTHREAD_H
#define INGOT_PTHREAD_H

#include_next <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

/* newlib declares these only under _POSIX_THREAD_PRIORITY_SCHEDULING,
 * which <unistd.h> defines (maybe after this header); the library OS
 * implements them (libos/sched/policy.c) and Linux programs expect them.
 * A second declaration is harmless. */
int pthread_attr_setscope(pthread_attr_t *attr, int scope);
int pthread_attr_getscope(const pthread_attr_t *attr, int *scope);
int pthread_attr_setinheritsched(pthread_attr_t *attr, int inherit);
int pthread_attr_getinheritsched(const pthread_attr_t *attr, int *inherit);
int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy);
int pthread_attr_getschedpolicy(const pthread_attr_t *attr, int *policy);
int pthread_getschedparam(pthread_t thread, int *policy,
                          struct sched_param *param);
int pthread_setschedparam(pthread_t thread, int policy,
                          const struct sched_param *param);
int pthread_setschedprio(pthread_t thread, int prio);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_PTHREAD_H */
