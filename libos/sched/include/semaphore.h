/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* semaphore.h: POSIX semaphores (newlib's generic target has none). */
#ifndef INGOT_SEMAPHORE_H
#define INGOT_SEMAPHORE_H

/*
 * Installed next to newlib's headers.  sem_init() before use, sem_destroy()
 * after; or sem_open() a name of the image's own namespace (opening it
 * again gives the same semaphore), sem_close() each open, sem_unlink() the
 * name.  Functions return 0, or -1 with errno set as POSIX says.
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
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SEMAPHORE_H */
