/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* persist.c: writes files of random sizes to a volume, fsyncing each; the
 * native build checks them on the host byte by byte. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SIZE (48u << 10)

/* xorshift64*: the same stream on Ingot and on Linux. */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

/* File (i)'s size and contents for (seed). */
static size_t fill(unsigned char *buf, uint64_t seed, int i)
{
    uint64_t s = seed * 1000003u + (uint64_t)i + 1;
    size_t size = (size_t)(next(&s) % (MAX_SIZE + 1));

    for (size_t k = 0; k < size; k++)
        buf[k] = (unsigned char)(next(&s) >> 56);
    return size;
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Writes files (first), (first + step) ... below (n). */
static int write_files(const char *dir, int n, uint64_t seed,
                       unsigned char *buf, int first, int step)
{
    char path[512];

    for (int i = first; i < n; i += step) {
        size_t size = fill(buf, seed, i);
        snprintf(path, sizeof(path), "%s/f%04d", dir, i);
        int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
        if (fd < 0 || write_all(fd, buf, size) < 0 || fsync(fd) < 0 ||
            close(fd) < 0) {
            printf("persist: %s: %s\n", path, strerror(errno));
            return 1;
        }
    }
    return 0;
}

#define THREADS 4

struct job {
    const char *dir;
    int n, first, status;
    uint64_t seed;
    pthread_t t;
};

static void *writer(void *arg)
{
    struct job *j = arg;
    unsigned char *buf = malloc(MAX_SIZE + 1);

    j->status =
        buf ? write_files(j->dir, j->n, j->seed, buf, j->first, THREADS) : 1;
    free(buf);
    return NULL;
}

/* The same files, written by THREADS threads at once. */
static int write_threads(const char *dir, int n, uint64_t seed)
{
    struct job jobs[THREADS];
    int status = 0;

    for (int t = 0; t < THREADS; t++) {
        jobs[t] = (struct job){dir, n, t, 0, seed, 0};
        if (pthread_create(&jobs[t].t, NULL, writer, &jobs[t]) != 0)
            return 1;
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(jobs[t].t, NULL);
        status |= jobs[t].status;
    }
    return status;
}

static int check_files(const char *dir, int n, uint64_t seed,
                       unsigned char *buf, unsigned char *got)
{
    char path[512];
    long long bytes = 0;

    for (int i = 0; i < n; i++) {
        size_t size = fill(buf, seed, i);
        snprintf(path, sizeof(path), "%s/f%04d", dir, i);
        FILE *f = fopen(path, "rb");
        if (!f) {
            printf("check: %s: %s\n", path, strerror(errno));
            return 1;
        }
        size_t r = fread(got, 1, MAX_SIZE + 1, f);
        fclose(f);
        if (r != size || memcmp(buf, got, size) != 0) {
            printf("check: %s: %zu bytes, expected %zu%s\n", path, r, size,
                   r == size ? " (contents differ)" : "");
            return 1;
        }
        bytes += (long long)size;
    }
    printf("check: %d files, %lld bytes, every byte as written\n", n, bytes);
    return 0;
}

int main(int argc, char **argv)
{
    static unsigned char buf[MAX_SIZE + 1], got[MAX_SIZE + 1];

    if (argc < 5) {
        fprintf(stderr, "usage: persist write|write-threads|write-spin|check "
                        "DIR N SEED\n");
        return 2;
    }
    const char *mode = argv[1], *dir = argv[2];
    int n = atoi(argv[3]);
    uint64_t seed = strtoull(argv[4], NULL, 10);

    if (!strcmp(mode, "check"))
        return check_files(dir, n, seed, buf, got);
    if (!strcmp(mode, "write-threads") ? write_threads(dir, n, seed)
                                       : write_files(dir, n, seed, buf, 0, 1))
        return 1;
    printf("synced %d\n", n);
    fflush(stdout);
    if (strcmp(mode, "write-spin") != 0)
        return 0;
    /* Keeps rewriting a big file until killed: the synced files must not
     * suffer from dying in the middle of this. */
    char path[512];
    snprintf(path, sizeof(path), "%s/big", dir);
    int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
    if (fd < 0)
        return 1;
    memset(buf, 'x', sizeof(buf));
    for (long k = 0;; k++) {
        if (write_all(fd, buf, sizeof(buf)) < 0)
            return 1;
        if (k % 64 == 63 && lseek(fd, 0, SEEK_SET) < 0)
            return 1;
    }
}
