/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* epollorder.c: the order in which epoll_wait() reports ready sockets:
 * Linux's ready list, in the order the data arrived, a level-triggered
 * socket going back to the tail once reported (servers such as redis
 * handle their clients in that order).  The output must be identical on
 * Ingot and on Linux, a differential test. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define N 3

static int srv[N], cli[N], ep;

static void settle(void)
{
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
}

/* One epoll_wait() of at most (max) events: the connections, by letter. */
static void report(const char *what, int max)
{
    struct epoll_event ev[N];
    int n = epoll_wait(ep, ev, max, 1000);

    printf("%-40s", what);
    for (int i = 0; i < n; i++)
        printf(" %c", 'a' + (int)ev[i].data.u32);
    printf("\n");
}

static void send_to(int i)
{
    if (write(cli[i], "x", 1) != 1)
        perror("write");
}

int main(void)
{
    struct sockaddr_in a = {.sin_family = AF_INET};
    socklen_t len = sizeof(a);
    int l = socket(AF_INET, SOCK_STREAM, 0);
    char buf[16];

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, N) ||
        getsockname(l, (struct sockaddr *)&a, &len)) {
        perror("listen");
        return 1;
    }
    ep = epoll_create1(0);
    for (int i = 0; i < N; i++) {
        int one = 1;
        cli[i] = socket(AF_INET, SOCK_STREAM, 0);
        /* Each byte leaves at once: the test is about the order of
         * arrivals, not about Nagle's wait for an acknowledgement. */
        setsockopt(cli[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        if (connect(cli[i], (struct sockaddr *)&a, sizeof(a)) ||
            (srv[i] = accept(l, NULL, NULL)) < 0) {
            perror("connect");
            return 1;
        }
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (unsigned)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, srv[i], &ev);
    }

    send_to(2), send_to(0), send_to(1);
    settle();
    report("data to c, a, b:", N);
    report("again, nothing read:", N);
    report("one at a time:", 1);
    report("one at a time:", 1);
    report("one at a time:", 1);
    report("two at a time:", 2);
    report("two at a time:", 2);
    if (read(srv[0], buf, sizeof(buf)) != 1)
        perror("read");
    report("a drained:", N);
    send_to(0);
    settle();
    report("data to a again:", N);
    send_to(1);
    settle();
    report("more data to b (already ready):", N);
    printf("epollorder: done\n");
    return 0;
}
