/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* threads.c: POSIX threads, one behaviour per argument; prints PASS lines. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c)) {                                                            \
            printf("FAIL: %s:%d: %s\n", __FILE__, __LINE__, #c);               \
            exit(1);                                                           \
        }                                                                      \
    } while (0)

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* ---- 32 producers and 32 consumers over a bounded queue ---------------- */
#define PC_THREADS 32
#define PC_ITEMS 2000 /* per producer */
#define QCAP 16
static int queue[QCAP], qhead, qlen;
static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t notfull = PTHREAD_COND_INITIALIZER;
static pthread_cond_t notempty = PTHREAD_COND_INITIALIZER;
static unsigned char seen[PC_THREADS * PC_ITEMS];

static void *producer(void *arg)
{
    int base = (int)(intptr_t)arg * PC_ITEMS;
    for (int i = 0; i < PC_ITEMS; i++) {
        pthread_mutex_lock(&qlock);
        while (qlen == QCAP)
            pthread_cond_wait(&notfull, &qlock);
        queue[(qhead + qlen++) % QCAP] = base + i;
        pthread_cond_signal(&notempty);
        pthread_mutex_unlock(&qlock);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    long got = 0;
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&qlock);
        while (qlen == 0)
            pthread_cond_wait(&notempty, &qlock);
        int v = queue[qhead];
        qhead = (qhead + 1) % QCAP;
        qlen--;
        pthread_cond_signal(&notfull);
        pthread_mutex_unlock(&qlock);
        if (v < 0)
            return (void *)got;
        seen[v]++;
        got++;
    }
}

static void test_prodcons(void)
{
    pthread_t p[PC_THREADS], c[PC_THREADS];
    long total = 0;

    for (int i = 0; i < PC_THREADS; i++) {
        CHECK(pthread_create(&c[i], NULL, consumer, NULL) == 0);
        CHECK(pthread_create(&p[i], NULL, producer, (void *)(intptr_t)i) == 0);
    }
    for (int i = 0; i < PC_THREADS; i++)
        CHECK(pthread_join(p[i], NULL) == 0);
    /* One end marker per consumer. */
    for (int i = 0; i < PC_THREADS; i++) {
        pthread_mutex_lock(&qlock);
        while (qlen == QCAP)
            pthread_cond_wait(&notfull, &qlock);
        queue[(qhead + qlen++) % QCAP] = -1;
        pthread_cond_signal(&notempty);
        pthread_mutex_unlock(&qlock);
    }
    for (int i = 0; i < PC_THREADS; i++) {
        void *r;
        CHECK(pthread_join(c[i], &r) == 0);
        total += (long)r;
    }
    CHECK(total == PC_THREADS * PC_ITEMS);
    for (int i = 0; i < PC_THREADS * PC_ITEMS; i++)
        CHECK(seen[i] == 1);
    printf("prodcons: %d threads, %ld items, each once: PASS\n", 2 * PC_THREADS,
           total);
}

/* ---- 16 threads x N mutex-protected increments ------------------------- */
#define INC_THREADS 16
static long counter, increments;
static pthread_mutex_t clock_ = PTHREAD_MUTEX_INITIALIZER;

static void *incr(void *arg)
{
    (void)arg;
    for (long i = 0; i < increments; i++) {
        pthread_mutex_lock(&clock_);
        long v = counter;
        if ((i & 1023) == 0)
            sched_yield(); /* switch while holding the lock */
        counter = v + 1;
        pthread_mutex_unlock(&clock_);
    }
    return NULL;
}

static void test_mutex(long n)
{
    pthread_t t[INC_THREADS];
    increments = n;
    for (int i = 0; i < INC_THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, incr, NULL) == 0);
    for (int i = 0; i < INC_THREADS; i++)
        CHECK(pthread_join(t[i], NULL) == 0);
    CHECK(counter == INC_THREADS * n);
    printf("mutex: %d x %ld increments = %ld: PASS\n", INC_THREADS, n, counter);

    /* Types and trylock. */
    pthread_mutexattr_t a;
    pthread_mutex_t m;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    CHECK(pthread_mutex_init(&m, &a) == 0);
    CHECK(pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == 0);
    CHECK(pthread_mutex_trylock(&m) == 0);
    CHECK(pthread_mutex_unlock(&m) == 0 && pthread_mutex_unlock(&m) == 0 &&
          pthread_mutex_unlock(&m) == 0);
    CHECK(pthread_mutex_unlock(&m) == EPERM);
    pthread_mutex_destroy(&m);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    CHECK(pthread_mutex_init(&m, &a) == 0);
    CHECK(pthread_mutex_lock(&m) == 0);
    CHECK(pthread_mutex_lock(&m) == EDEADLK);
    CHECK(pthread_mutex_unlock(&m) == 0);
    pthread_mutex_destroy(&m);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_NORMAL);
    CHECK(pthread_mutex_init(&m, &a) == 0);
    CHECK(pthread_mutex_trylock(&m) == 0);
    CHECK(pthread_mutex_trylock(&m) == EBUSY);
    CHECK(pthread_mutex_unlock(&m) == 0);
    printf("mutex types: PASS\n");
}

/* ---- malloc/free/printf from 16 threads -------------------------------- */
static void *mallocer(void *arg)
{
    int id = (int)(intptr_t)arg;
    unsigned seed = (unsigned)id * 7919u + 1;
    for (int round = 0; round < 200; round++) {
        void *p[16];
        for (int i = 0; i < 16; i++) {
            seed = seed * 1103515245u + 12345u;
            size_t n = 1 + (seed >> 16) % 3000;
            p[i] = malloc(n);
            CHECK(p[i]);
            memset(p[i], id, n);
        }
        if (round % 50 == 0)
            printf("thread %d round %d\n", id, round);
        for (int i = 0; i < 16; i++) {
            CHECK(((unsigned char *)p[i])[0] == (unsigned char)id);
            free(p[i]);
        }
        if (round % 10 == 0)
            sched_yield();
    }
    errno = id; /* per-thread errno */
    sched_yield();
    CHECK(errno == id);
    return NULL;
}

static void test_malloc(void)
{
    pthread_t t[16];
    for (int i = 0; i < 16; i++)
        CHECK(pthread_create(&t[i], NULL, mallocer, (void *)(intptr_t)i) == 0);
    for (int i = 0; i < 16; i++)
        CHECK(pthread_join(t[i], NULL) == 0);
    printf("malloc: PASS\n");
}

/* ---- TLS, join values, keys, once, detach ------------------------------ */
static __thread int tls_counter = 42;
static __thread char tls_buf[64];
static pthread_key_t key;
static int key_dtor_calls, once_calls;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void key_dtor(void *v)
{
    (void)v;
    key_dtor_calls++;
}

static void once_fn(void)
{
    once_calls++;
}

static void *tls_thread(void *arg)
{
    int id = (int)(intptr_t)arg;
    CHECK(tls_counter == 42);
    CHECK(tls_buf[0] == 0);
    tls_counter = id;
    snprintf(tls_buf, sizeof(tls_buf), "thread %d", id);
    pthread_setspecific(key, arg);
    pthread_once(&once, once_fn);
    sched_yield();
    CHECK(tls_counter == id);
    CHECK((intptr_t)pthread_getspecific(key) == id);
    char want[64];
    snprintf(want, sizeof(want), "thread %d", id);
    CHECK(strcmp(tls_buf, want) == 0);
    return (void *)(intptr_t)(id * 10);
}

static void test_tls(void)
{
    pthread_t t[8];
    CHECK(pthread_key_create(&key, key_dtor) == 0);
    tls_counter = 7;
    for (int i = 0; i < 8; i++)
        CHECK(pthread_create(&t[i], NULL, tls_thread,
                             (void *)(intptr_t)(i + 1)) == 0);
    for (int i = 0; i < 8; i++) {
        void *r;
        CHECK(pthread_join(t[i], &r) == 0);
        CHECK((intptr_t)r == (i + 1) * 10);
    }
    CHECK(tls_counter == 7);
    CHECK(key_dtor_calls == 8);
    CHECK(once_calls == 1);
    CHECK(pthread_equal(pthread_self(), pthread_self()));
    CHECK(!pthread_equal(t[0], t[1]));
    printf("tls: distinct per thread, join values, keys, once: PASS\n");
}

/* ---- time: sleeps, timed waits, semaphores, rwlocks -------------------- */
static sem_t sem;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

static void *poster(void *arg)
{
    (void)arg;
    usleep(20000);
    sem_post(&sem);
    return NULL;
}

static void test_time(void)
{
    uint64_t t0 = now_ns();
    usleep(100000);
    uint64_t slept = now_ns() - t0;
    CHECK(slept >= 100000000ull);
    printf("sleep 0.1 s: %llu ms: PASS\n",
           (unsigned long long)(slept / 1000000));

    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    struct timespec abs;
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_nsec += 50000000;
    if (abs.tv_nsec >= 1000000000) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000;
    }
    t0 = now_ns();
    pthread_mutex_lock(&m);
    int r = pthread_cond_timedwait(&c, &m, &abs);
    pthread_mutex_unlock(&m);
    CHECK(r == ETIMEDOUT);
    CHECK(now_ns() - t0 >= 40000000ull);
    printf("cond_timedwait: ETIMEDOUT: PASS\n");

    pthread_mutex_lock(&m);
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_nsec += 10000000;
    if (abs.tv_nsec >= 1000000000) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000;
    }
    CHECK(pthread_mutex_timedlock(&m, &abs) == ETIMEDOUT);
    pthread_mutex_unlock(&m);
    CHECK(pthread_mutex_timedlock(&m, &abs) == 0);
    pthread_mutex_unlock(&m);
    printf("mutex_timedlock: ETIMEDOUT: PASS\n");

    CHECK(sem_init(&sem, 0, 0) == 0);
    CHECK(sem_trywait(&sem) == -1 && errno == EAGAIN);
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_nsec += 10000000;
    if (abs.tv_nsec >= 1000000000) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000;
    }
    CHECK(sem_timedwait(&sem, &abs) == -1 && errno == ETIMEDOUT);
    pthread_t t;
    CHECK(pthread_create(&t, NULL, poster, NULL) == 0);
    CHECK(sem_wait(&sem) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    printf("semaphores: PASS\n");

    CHECK(pthread_rwlock_rdlock(&rw) == 0);
    CHECK(pthread_rwlock_tryrdlock(&rw) == 0);
    CHECK(pthread_rwlock_trywrlock(&rw) == EBUSY);
    CHECK(pthread_rwlock_unlock(&rw) == 0 && pthread_rwlock_unlock(&rw) == 0);
    CHECK(pthread_rwlock_wrlock(&rw) == 0);
    CHECK(pthread_rwlock_tryrdlock(&rw) == EBUSY);
    CHECK(pthread_rwlock_unlock(&rw) == 0);
    printf("rwlock: PASS\n");
}

/* ---- a stack overflow in a thread -------------------------------------- */
__attribute__((noinline)) static int recurse(int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    return recurse(n + 1) + pad[0];
}

/* Pipes between threads: reads and writes that must wait. */
#define PIPE_TOTAL (256 * 1024)

static int pfd[2];
static unsigned long psum;
static size_t pgot;
static volatile ssize_t pfilled;

static void *pipe_reader(void *arg)
{
    static unsigned char buf[3000];
    ssize_t n;

    (void)arg;
    while ((n = read(pfd[0], buf, sizeof(buf))) > 0) {
        for (ssize_t i = 0; i < n; i++)
            psum = psum * 31 + buf[i];
        pgot += (size_t)n;
    }
    CHECK(n == 0);
    return NULL;
}

static void *pipe_filler(void *arg)
{
    static char chunk[8192];
    ssize_t n, total = 0;

    (void)arg;
    while ((n = write(pfd[1], chunk, sizeof(chunk))) > 0) {
        total += n;
        pfilled = total;
    }
    CHECK(n < 0 && errno == EPIPE && total >= 16384);
    return NULL;
}

static void test_pipe(void)
{
    static unsigned char data[PIPE_TOTAL];
    unsigned long want = 0;
    pthread_t t;

    /* The reader waits on the empty pipe first, then drains while this
     * thread's writes (up to 40 KiB, more than the pipe holds) wait for
     * room; close ends the reader's loop with end of file. */
    for (size_t i = 0; i < sizeof(data); i++) {
        data[i] = (unsigned char)(i * 7 + i / 251);
        want = want * 31 + data[i];
    }
    CHECK(pipe(pfd) == 0);
    CHECK(pthread_create(&t, NULL, pipe_reader, NULL) == 0);
    usleep(10000);
    for (size_t off = 0, step = 1; off < sizeof(data); step = step * 3 + 1) {
        size_t len = step % 40000 + 1;
        if (len > sizeof(data) - off)
            len = sizeof(data) - off;
        CHECK(write(pfd[1], data + off, len) == (ssize_t)len);
        off += len;
    }
    CHECK(close(pfd[1]) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    CHECK(close(pfd[0]) == 0);
    printf("pipe: %zu bytes through blocking reads and writes, in order: "
           "%s\n",
           pgot, pgot == PIPE_TOTAL && psum == want ? "PASS" : "FAIL");

    /* A writer waiting on a full pipe gets EPIPE once the reader closes. */
    signal(SIGPIPE, SIG_IGN);
    CHECK(pipe(pfd) == 0);
    CHECK(pthread_create(&t, NULL, pipe_filler, NULL) == 0);
    /* Wait for the writer to have filled 16 KiB, not for a fixed time: a
     * loaded host may not run it within any given sleep. */
    while (pfilled < 16384)
        usleep(1000);
    usleep(10000);
    CHECK(close(pfd[0]) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    CHECK(close(pfd[1]) == 0);
    printf("pipe: a blocked writer gets EPIPE when the reader closes: PASS\n");
}

static void *overflow(void *arg)
{
    (void)arg;
    return (void *)(intptr_t)recurse(0);
}

static void *sleeper(void *arg)
{
    (void)arg;
    sleep(1);
    return NULL;
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "all";
    int all = strcmp(what, "all") == 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (all || strcmp(what, "prodcons") == 0)
        test_prodcons();
    if (all || strcmp(what, "mutex") == 0)
        test_mutex(argc > 2 ? atol(argv[2]) : 1000000);
    if (all || strcmp(what, "malloc") == 0)
        test_malloc();
    if (all || strcmp(what, "tls") == 0)
        test_tls();
    if (all || strcmp(what, "time") == 0)
        test_time();
    if (all || strcmp(what, "pipe") == 0)
        test_pipe();
    if (strcmp(what, "idle") == 0) {
        pthread_t t;
        CHECK(pthread_create(&t, NULL, sleeper, NULL) == 0);
        CHECK(pthread_join(t, NULL) == 0);
        printf("idle: slept 1 s\n");
        return 0;
    }
    if (strcmp(what, "overflow") == 0) {
        pthread_t t;
        CHECK(pthread_create(&t, NULL, overflow, NULL) == 0);
        pthread_join(t, NULL);
        printf("overflow: not caught\n");
        return 1;
    }
    printf("threads: SUCCESS\n");
    return 0;
}
