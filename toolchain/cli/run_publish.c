/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_publish.c: kvm's TCP -p ports, listened on by a relay of ours. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

/*
 * Why a relay: libslirp (4.7, QEMU 7.2) listens for a hostfwd rule with a
 * backlog of 1 and accepts one connection per turn of QEMU's main loop.
 * A burst of clients (redis-benchmark -c 50) overflows that queue, and
 * Linux then leaves some of them established on the client's side with
 * no socket on slirp's (the handshake's last ACK dropped): they wait for
 * minutes and end reset.  So ingot run listens on the published address
 * itself (backlog SOMAXCONN), forwards slirp's rule from a loopback port
 * of its own, and connects to it one client at a time, the next only
 * once slirp has accepted the previous (seen through sock_diag: an
 * accepted socket has an inode, one in the accept queue not), so slirp's
 * queue never holds more than one and nothing is dropped.
 */

#define BUF_SIZE 16384
#define CONFIRM_MS 2000  /* then the next connect goes anyway */
#define REFUSED_MS 10000 /* slirp's port refusing that long: client closed */

struct fwd {
    int lfd;               /* the published listener */
    struct sockaddr_in to; /* slirp's loopback end of the rule */
};

struct pipe_buf {
    char data[BUF_SIZE];
    size_t off, len;
    int eof; /* the reading side ended; shut the writing side once empty */
    int shut;
};

enum { WAITING, CONNECTING, OPEN };

struct conn {
    int c, s; /* the client, slirp's end (-1 until connected) */
    int fwd, state;
    long long refused; /* when slirp's port first refused it, or 0 */
    struct pipe_buf up, down;
};

static struct fwd *fwds;
static int nfwds;
static struct conn **conns;
static size_t nconns, capconns;
static struct conn *gate; /* connected to slirp, not yet accepted by it */
static long long gate_at;
static int diag = -1;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* 1 once slirp has accept()ed (s), 0 while not, -1 if it cannot be told. */
static int accepted(int s, const struct sockaddr_in *to)
{
    struct sockaddr_in me;
    socklen_t len = sizeof(me);
    struct {
        struct nlmsghdr h;
        struct inet_diag_req_v2 r;
    } req = {{.nlmsg_len = sizeof(req),
              .nlmsg_type = SOCK_DIAG_BY_FAMILY,
              .nlmsg_flags = NLM_F_REQUEST},
             {.sdiag_family = AF_INET,
              .sdiag_protocol = IPPROTO_TCP,
              .idiag_states = ~0u}};
    union {
        struct nlmsghdr h;
        char b[1024];
    } resp;

    if (diag < 0 || getsockname(s, (struct sockaddr *)&me, &len) < 0)
        return -1;
    /* The socket looked up is slirp's: its local end is (to), ours is its
     * remote one. */
    req.r.id.idiag_sport = to->sin_port;
    req.r.id.idiag_src[0] = to->sin_addr.s_addr;
    req.r.id.idiag_dport = me.sin_port;
    req.r.id.idiag_dst[0] = me.sin_addr.s_addr;
    req.r.id.idiag_cookie[0] = req.r.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    if (send(diag, &req, sizeof(req), 0) < 0)
        return -1;
    ssize_t n = recv(diag, &resp, sizeof(resp), 0);
    if (n < (ssize_t)sizeof(struct nlmsghdr))
        return -1;
    if (resp.h.nlmsg_type == NLMSG_ERROR)
        return 0; /* not there yet: the handshake's ACK is on its way */
    if (resp.h.nlmsg_type != SOCK_DIAG_BY_FAMILY ||
        n < (ssize_t)(sizeof(struct nlmsghdr) + sizeof(struct inet_diag_msg)))
        return -1;
    const struct inet_diag_msg *m = NLMSG_DATA(&resp.h);
    return m->idiag_inode != 0;
}

static void conn_free(struct conn *k, int reset)
{
    if (reset) {
        /* A reset on one side becomes a reset on the other. */
        struct linger l = {1, 0};
        if (k->c >= 0)
            setsockopt(k->c, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
        if (k->s >= 0)
            setsockopt(k->s, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
    }
    if (k->c >= 0)
        close(k->c);
    if (k->s >= 0)
        close(k->s);
    if (gate == k)
        gate = NULL;
    k->c = k->s = -1;
}

/* Starts the connect of the oldest waiting client, if the gate is free. */
static void next_connect(long long now)
{
    if (gate)
        return;
    for (size_t i = 0; i < nconns; i++) {
        struct conn *k = conns[i];
        if (k->state != WAITING || k->c < 0)
            continue;
        if (k->refused && now - k->refused > REFUSED_MS) {
            conn_free(k, 1);
            continue;
        }
        k->s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (k->s < 0)
            return;
        const struct sockaddr_in *to = &fwds[k->fwd].to;
        if (connect(k->s, (const struct sockaddr *)to, sizeof(*to)) < 0 &&
            errno != EINPROGRESS) {
            close(k->s);
            k->s = -1;
            if (!k->refused)
                k->refused = now;
            return; /* QEMU not listening yet: tried again */
        }
        k->state = CONNECTING;
        gate = k;
        gate_at = now;
        return;
    }
}

/* Moves bytes from (from) through (b) to (to); -1 when either side
 * failed (the connection is reset), else 0. */
static int pump(int from, int to, struct pipe_buf *b, short rev_from,
                short rev_to)
{
    if ((rev_from & (POLLIN | POLLHUP | POLLERR)) && !b->eof &&
        b->len < BUF_SIZE) {
        if (b->off + b->len == BUF_SIZE) {
            memmove(b->data, b->data + b->off, b->len);
            b->off = 0;
        }
        ssize_t n = recv(from, b->data + b->off + b->len,
                         BUF_SIZE - b->off - b->len, 0);
        if (n > 0)
            b->len += (size_t)n;
        else if (n == 0)
            b->eof = 1;
        else if (errno != EAGAIN && errno != EINTR)
            return -1;
    }
    if (b->len && (rev_to & POLLOUT)) {
        ssize_t n = send(to, b->data + b->off, b->len, MSG_NOSIGNAL);
        if (n > 0) {
            b->off += (size_t)n;
            b->len -= (size_t)n;
            if (b->len == 0)
                b->off = 0;
        } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
            return -1;
        }
    }
    if (b->eof && b->len == 0 && !b->shut) {
        shutdown(to, SHUT_WR);
        b->shut = 1;
    }
    return 0;
}

static void add_conn(int c, int f)
{
    struct conn *k = calloc(1, sizeof(*k));

    if (!k || (nconns == capconns &&
               !(conns = realloc(conns, (capconns = capconns * 2 + 16) *
                                            sizeof(*conns))))) {
        close(c);
        free(k);
        if (!conns)
            _exit(1);
        return;
    }
    k->c = c;
    k->s = -1;
    k->fwd = f;
    k->state = WAITING;
    conns[nconns++] = k;
}

static void service(struct pollfd *pfd, long long now)
{
    size_t j = 0;

    for (size_t i = 0; i < nconns; i++) {
        struct conn *k = conns[i];
        short rc = pfd[2 * i].revents, rs = pfd[2 * i + 1].revents;

        if (k->c >= 0 && k->state == CONNECTING && rs) {
            int e = 0;
            socklen_t l = sizeof(e);
            getsockopt(k->s, SOL_SOCKET, SO_ERROR, &e, &l);
            if (e == 0) {
                k->state = OPEN;
            } else if (e != EINPROGRESS) {
                close(k->s); /* refused: QEMU not listening yet */
                k->s = -1;
                k->state = WAITING;
                if (!k->refused)
                    k->refused = now;
                gate = NULL;
            }
            rs = 0;
        }
        if (k->c >= 0 && k->state == OPEN &&
            (pump(k->c, k->s, &k->up, rc, rs) < 0 ||
             pump(k->s, k->c, &k->down, rs, rc) < 0))
            conn_free(k, 1);
        else if (k->c >= 0 && k->up.shut && k->down.shut)
            conn_free(k, 0);
        if (k->c >= 0)
            conns[j++] = k;
        else
            free(k);
    }
    nconns = j;
    /* The gate opens when slirp has taken its connection (or after a
     * while, if that cannot be seen). */
    if (gate && gate->state == OPEN) {
        int a = accepted(gate->s, &fwds[gate->fwd].to);
        if (a != 0 || now - gate_at > CONFIRM_MS)
            gate = NULL;
    } else if (gate && now - gate_at > CONFIRM_MS) {
        close(gate->s);
        gate->s = -1;
        gate->state = WAITING;
        gate = NULL;
    }
}

static _Noreturn void relay(void)
{
    struct pollfd *pfd = NULL;
    size_t cap = 0;

    for (;;) {
        long long now = now_ms();
        next_connect(now);
        size_t need = 2 * nconns + (size_t)nfwds;
        if (need > cap) {
            cap = need * 2;
            pfd = realloc(pfd, cap * sizeof(*pfd));
            if (!pfd)
                _exit(1);
        }
        int waiting = 0;
        for (size_t i = 0; i < nconns; i++) {
            struct conn *k = conns[i];
            short ec = 0, es = 0;
            if (k->state == WAITING)
                waiting = 1;
            if (k->state == CONNECTING)
                es = POLLOUT;
            if (k->state == OPEN) {
                if (!k->up.eof && k->up.len < BUF_SIZE)
                    ec |= POLLIN;
                if (!k->down.eof && k->down.len < BUF_SIZE)
                    es |= POLLIN;
                if (k->up.len)
                    es |= POLLOUT;
                if (k->down.len)
                    ec |= POLLOUT;
            }
            pfd[2 * i] = (struct pollfd){k->c, ec, 0};
            pfd[2 * i + 1] = (struct pollfd){k->s, es, 0};
        }
        for (int f = 0; f < nfwds; f++)
            pfd[2 * nconns + f] = (struct pollfd){fwds[f].lfd, POLLIN, 0};
        /* While slirp has a connection to accept, look every millisecond;
         * a client waiting for a refused port is retried every 20. */
        int timeout = gate ? 1 : waiting ? 20 : -1;
        if (poll(pfd, need, timeout) < 0 && errno != EINTR)
            _exit(1);
        now = now_ms();
        for (int f = 0; f < nfwds; f++) {
            if (!(pfd[2 * nconns + f].revents & POLLIN))
                continue;
            int c;
            while ((c = accept4(fwds[f].lfd, NULL, NULL,
                                SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0)
                add_conn(c, f);
        }
        service(pfd, now);
    }
}

/* A loopback port free now, for slirp to listen on; 0 if none. */
static uint16_t free_port(void)
{
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(a);
    int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    uint16_t port = 0;

    if (s >= 0 && bind(s, (struct sockaddr *)&a, sizeof(a)) == 0 &&
        getsockname(s, (struct sockaddr *)&a, &len) == 0)
        port = ntohs(a.sin_port);
    if (s >= 0)
        close(s);
    return port;
}

int ig_run_publish(struct ig_run_port *ports, int nports, char *err,
                   size_t errlen)
{
    pid_t parent = getpid();

    fwds = calloc((size_t)nports + 1, sizeof(*fwds));
    if (!fwds) {
        snprintf(err, errlen, "-p: out of memory");
        return -1;
    }
    for (int i = 0; i < nports; i++) {
        struct ig_run_port *p = &ports[i];
        struct sockaddr_in a = {.sin_family = AF_INET,
                                .sin_port = htons(p->host)};
        int one = 1;

        if (p->udp)
            continue; /* slirp's UDP forward has no queue to overflow */
        if (p->host_addr[0] &&
            inet_pton(AF_INET, p->host_addr, &a.sin_addr) != 1) {
            snprintf(err, errlen, "-p %s:%u: not an IPv4 address", p->host_addr,
                     (unsigned)p->host);
            return -1;
        }
        int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        uint16_t port = free_port();
        if (s < 0 || port == 0 ||
            setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
            bind(s, (struct sockaddr *)&a, sizeof(a)) < 0 ||
            listen(s, SOMAXCONN) < 0) {
            snprintf(err, errlen, "-p %s%s%u: %s", p->host_addr,
                     p->host_addr[0] ? ":" : "", (unsigned)p->host,
                     strerror(errno));
            return -1;
        }
        fwds[nfwds].lfd = s;
        fwds[nfwds].to =
            (struct sockaddr_in){.sin_family = AF_INET,
                                 .sin_port = htons(port),
                                 .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        nfwds++;
        snprintf(p->host_addr, sizeof(p->host_addr), "127.0.0.1");
        p->host = port;
    }
    if (nfwds == 0)
        return 0;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, errlen, "-p: fork: %s", strerror(errno));
        return -1;
    }
    if (pid > 0) {
        for (int f = 0; f < nfwds; f++)
            close(fwds[f].lfd);
        return 0;
    }
    /* The relay lives as long as ingot run. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(0);
    prctl(PR_SET_NAME, "ingot-publish");
    signal(SIGINT, SIG_IGN); /* a Ctrl-C is the guest's to handle */
    signal(SIGPIPE, SIG_IGN);
    /* Nothing of ingot run's stays open here: a pipe someone reads to its
     * end (a console, the detached monitor's channels) must end with it. */
    int null = open("/dev/null", O_RDWR);
    for (int fd = 0; fd < 3 && null >= 0; fd++)
        dup2(null, fd);
    for (int fd = 3; fd < 1024; fd++) {
        int keep = 0;
        for (int f = 0; f < nfwds; f++)
            keep |= fd == fwds[f].lfd;
        if (!keep)
            close(fd);
    }
    diag = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    relay();
}
