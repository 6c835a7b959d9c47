/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fdtable.c: what N open sockets cost: the time to open them, to close and
 * reopen the lowest descriptor with all of them open, to poll() all of
 * them at once, and the memory the heap grew by (descriptor table, files
 * and sockets together). */
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 10000;
    struct rlimit rl = {(rlim_t)n + 64, (rlim_t)n + 64};
    int *fds = malloc(sizeof(int) * (size_t)n);

    if (setrlimit(RLIMIT_NOFILE, &rl) < 0) {
        perror("fdtable: setrlimit");
        return 1;
    }
    char *brk0 = sbrk(0);
    uint64_t t0 = now_ns();
    for (int i = 0; i < n; i++) {
        fds[i] = socket(AF_INET, SOCK_DGRAM, 0);
        if (fds[i] < 0) {
            printf("fdtable: socket %d failed\n", i);
            return 1;
        }
    }
    uint64_t t1 = now_ns();
    char *brk1 = sbrk(0);
    /* The lowest descriptor, closed and reopened with the rest open. */
    int reps = 1000;
    uint64_t t2 = now_ns();
    for (int i = 0; i < reps; i++) {
        close(fds[0]);
        fds[0] = socket(AF_INET, SOCK_DGRAM, 0);
    }
    uint64_t t3 = now_ns();
    /* One poll() of all of them (none readable; all writable), as an
     * event loop without epoll makes it every turn. */
    struct pollfd *p = calloc((size_t)n, sizeof(*p));
    int polls = 10, ready = 0;
    for (int i = 0; i < n; i++)
        p[i] = (struct pollfd){fds[i], POLLIN, 0};
    uint64_t t5 = now_ns();
    for (int i = 0; i < polls; i++)
        ready += poll(p, (nfds_t)n, 0);
    uint64_t t6 = now_ns();
    uint64_t t7 = now_ns();
    for (int i = 0; i < n; i++)
        close(fds[i]);
    uint64_t t4 = now_ns();
    printf("fdtable: sockets %d open_ns_each %llu reopen_low_ns %llu "
           "poll_all_us %llu close_ns_each %llu heap_bytes_each %ld "
           "ready %d\n",
           n, (unsigned long long)((t1 - t0) / (uint64_t)n),
           (unsigned long long)((t3 - t2) / (uint64_t)reps),
           (unsigned long long)((t6 - t5) / (uint64_t)polls / 1000u),
           (unsigned long long)((t4 - t7) / (uint64_t)n),
           (long)((brk1 - brk0) / n), ready);
    free(p);
    return 0;
}
