/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* semaphore.h: POSIX unnamed semaphores (newlib's generic target has none). */
#ifndef INGOT_SEMAPHORE_H
#define INGOT_SEMAPHORE_H

/*
 * Installed next to newlib's headers.  sem_init() before use, sem_destroy()
 * after; named semaphores (sem_open) do not exist in a single-process
 * image.  Functions return 0, or -1 with errno set as POSIX says.
 */

#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    unsigned int __value;
    void *__head, *__tail; /* the library OS's wait queue */
} sem_t;

#define SEM_FAILED ((sem_t *)0)
#define SEM_VALUE_MAX 0x7fffffff

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *sem, const struct timespec *abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *sem, int *value);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SEMAPHORE_H */
