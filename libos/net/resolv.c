/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* resolv.c: getaddrinfo() and friends: numeric hosts, localhost, DNS. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lwip/dns.h"

#include "net_internal.h"

struct lookup {
    int done;
    int found;
    ip_addr_t addr;
    struct ig_waitq wq;
};

static void on_found(const char *name, const ip_addr_t *ip, void *arg)
{
    struct lookup *lk = arg;

    (void)name;
    lk->done = 1;
    if (ip) {
        lk->found = 1;
        ip_addr_copy(lk->addr, *ip);
    }
    ig_waitq_wake_all(&lk->wq);
}

/* Resolves (name) with lwIP's DNS client (which retries and times out on
 * its own), sleeping meanwhile.  Returns 0 or an EAI_* code. */
static int dns_lookup(const char *name, struct in_addr *out)
{
    struct lookup lk = {0};

    if (strlen(name) > DNS_MAX_NAME_LENGTH)
        return EAI_NONAME;
    err_t err = dns_gethostbyname(name, &lk.addr, on_found, &lk);
    if (err == ERR_OK) {
        out->s_addr = ip4_addr_get_u32(ip_2_ip4(&lk.addr));
        return 0;
    }
    if (err != ERR_INPROGRESS)
        return err == ERR_MEM ? EAI_MEMORY : EAI_FAIL; /* no DNS server */
    ig_net_poll();
    while (!lk.done)
        ig_waitq_wait(&lk.wq, UINT64_MAX);
    if (!lk.found)
        return EAI_NONAME;
    out->s_addr = ip4_addr_get_u32(ip_2_ip4(&lk.addr));
    return 0;
}

/* What an entry of getaddrinfo()'s answer can be: glibc's table
 * (gaih_inet_typeproto), in its order.  Hints with a socket type or a
 * protocol pick the first row that matches (raw: any protocol); without
 * either, the rows marked (dflt) answer. */
static const struct typeproto {
    int type, proto;
    unsigned char anyproto, noserv, dflt;
    const char *name; /* the protocol's name in /etc/services */
} typeprotos[] = {
    {SOCK_STREAM, IPPROTO_TCP, 0, 0, 1, "tcp"},
    {SOCK_DGRAM, IPPROTO_UDP, 0, 0, 1, "udp"},
    {SOCK_DCCP, IPPROTO_DCCP, 0, 0, 0, "dccp"},
    {SOCK_DGRAM, IPPROTO_UDPLITE, 0, 0, 0, "udplite"},
    {SOCK_STREAM, IPPROTO_SCTP, 0, 0, 0, "sctp"},
    {SOCK_SEQPACKET, IPPROTO_SCTP, 0, 0, 0, "sctp"},
    {SOCK_RAW, 0, 1, 1, 1, "raw"}, /* takes no service */
};
#define NTYPEPROTOS (sizeof(typeprotos) / sizeof(typeprotos[0]))

/* The port of service name (serv) for protocol (proto) ("tcp", ...), as
 * /etc/services lists it (services.c), or -1. */
static int service_named(const char *serv, const char *proto)
{
    struct servent *s = getservbyname(serv, proto);

    return s ? ntohs((uint16_t)s->s_port) : -1;
}

/* A numeric (serv) in (*port); 1 when it is a name, 0 when numeric or
 * NULL (port 0), an EAI_* error otherwise. */
static int service_number(const char *serv, int flags, int *port)
{
    char *end;

    *port = 0;
    if (!serv)
        return 0;
    long v = strtol(serv, &end, 10);
    if (*serv && !*end) {
        if (v < 0 || v > 65535)
            return EAI_SERVICE;
        *port = (int)v;
        return 0;
    }
    return (flags & AI_NUMERICSERV) ? EAI_NONAME : 1;
}

struct answer {
    int type, proto, port;
};

/* The entries (socket type, protocol, port) that (socktype), (proto)
 * and (serv) ask for, glibc's way, into (out) (room for NTYPEPROTOS).
 * Returns their count, or an EAI_* error (negative). */
static int answers(const char *serv, int flags, int socktype, int proto,
                   struct answer *out)
{
    int port, n = 0, named = service_number(serv, flags, &port);

    if (named < 0)
        return named;
    for (size_t i = 0; i < NTYPEPROTOS; i++) {
        const struct typeproto *tp = &typeprotos[i];
        int asked = socktype || proto;
        if (asked ? (socktype && socktype != tp->type) ||
                        (proto && !tp->anyproto && proto != tp->proto)
                  : !tp->dflt)
            continue;
        int p = port;
        if (serv && tp->noserv) {
            if (asked)
                return EAI_SERVICE;
            if (named)
                continue;
        } else if (named && (p = service_named(serv, tp->name)) < 0) {
            if (asked)
                return EAI_SERVICE;
            continue;
        }
        out[n].type = tp->type;
        out[n].proto = tp->anyproto ? proto : tp->proto;
        out[n++].port = p;
        if (asked)
            return n;
    }
    if (n == 0)
        return socktype ? EAI_SOCKTYPE : EAI_SERVICE;
    return n;
}

static int host_addr(const char *node, int flags, struct in_addr *out)
{
    if (!node) {
        out->s_addr =
            htonl((flags & AI_PASSIVE) ? INADDR_ANY : INADDR_LOOPBACK);
        return 0;
    }
    if (inet_pton(AF_INET, node, out) == 1)
        return 0;
    if (flags & AI_NUMERICHOST)
        return EAI_NONAME;
    if (strcmp(node, "localhost") == 0) {
        out->s_addr = htonl(INADDR_LOOPBACK);
        return 0;
    }
    return dns_lookup(node, out);
}

/* IPv6 answers for numeric addresses, "localhost" and no node only: the
 * stack carries IPv4, so socket(AF_INET6) then fails with EAFNOSUPPORT
 * as on a Linux without IPv6, and programs that try both families (redis
 * binds "* -::*") go on with IPv4.  Names are not looked up for AAAA. */
static int host_addr6(const char *node, int flags, struct in6_addr *out)
{
    memset(out, 0, sizeof(*out));
    if (!node) {
        if (!(flags & AI_PASSIVE))
            out->s6_addr[15] = 1;
        return 0;
    }
    if (inet_pton(AF_INET6, node, out) == 1)
        return 0;
    if (!(flags & AI_NUMERICHOST) && strcmp(node, "localhost") == 0) {
        out->s6_addr[15] = 1;
        return 0;
    }
    return EAI_NONAME;
}

int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res)
{
    const int known = AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED |
                      AI_ALL | AI_ADDRCONFIG | AI_NUMERICSERV;
    int flags = hints ? hints->ai_flags : 0;
    int socktype = hints ? hints->ai_socktype : 0;
    int proto = hints ? hints->ai_protocol : 0;
    int family = hints ? hints->ai_family : AF_UNSPEC;
    struct in_addr addr;
    struct in6_addr addr6;
    int r;

    *res = NULL;
    if (flags & ~known)
        return EAI_BADFLAGS;
    if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
        return EAI_FAMILY;
    if (!node && !service)
        return EAI_NONAME;
    struct answer ans[NTYPEPROTOS];
    int nans = answers(service, flags, socktype, proto, ans);
    if (nans < 0)
        return nans;
    if (family == AF_UNSPEC && node && inet_pton(AF_INET6, node, &addr6) == 1)
        family = AF_INET6;
    /* A numeric address of the other family, as glibc answers it. */
    if (node && family == AF_INET6 && inet_pton(AF_INET, node, &addr) == 1)
        return EAI_ADDRFAMILY;
    if (node && family == AF_INET && inet_pton(AF_INET6, node, &addr6) == 1)
        return EAI_ADDRFAMILY;
    if (family == AF_INET6)
        r = host_addr6(node, flags, &addr6);
    else
        r = host_addr(node, flags, &addr);
    if (r != 0)
        return r;

    struct addrinfo **tail = res;
    for (int i = 0; i < nans; i++) {
        uint16_t port = htons((uint16_t)ans[i].port);
        struct {
            struct addrinfo ai;
            union {
                struct sockaddr_in sin;
                struct sockaddr_in6 sin6;
            } u;
        } *e = calloc(1, sizeof(*e));
        if (!e) {
            freeaddrinfo(*res);
            *res = NULL;
            return EAI_MEMORY;
        }
        if (family == AF_INET6) {
            e->u.sin6.sin6_family = AF_INET6;
            e->u.sin6.sin6_port = port;
            e->u.sin6.sin6_addr = addr6;
            e->ai.ai_addrlen = sizeof(e->u.sin6);
        } else {
            e->u.sin.sin_family = AF_INET;
            e->u.sin.sin_port = port;
            e->u.sin.sin_addr = addr;
            e->ai.ai_addrlen = sizeof(e->u.sin);
        }
        e->ai.ai_family = family == AF_INET6 ? AF_INET6 : AF_INET;
        e->ai.ai_socktype = ans[i].type;
        e->ai.ai_protocol = ans[i].proto;
        e->ai.ai_addr = (struct sockaddr *)&e->u;
        if ((flags & AI_CANONNAME) && tail == res && node &&
            !(e->ai.ai_canonname = strdup(node))) {
            free(e);
            freeaddrinfo(*res);
            *res = NULL;
            return EAI_MEMORY;
        }
        *tail = &e->ai;
        tail = &e->ai.ai_next;
    }
    return 0;
}

void freeaddrinfo(struct addrinfo *res)
{
    while (res) {
        struct addrinfo *next = res->ai_next;
        free(res->ai_canonname);
        free(res); /* the sockaddr shares the block */
        res = next;
    }
}

const char *gai_strerror(int errcode)
{
    switch (errcode) {
    case 0:
        return "Success";
    case EAI_BADFLAGS:
        return "Bad value for ai_flags";
    case EAI_NONAME:
        return "Name or service not known";
    case EAI_AGAIN:
        return "Temporary failure in name resolution";
    case EAI_FAIL:
        return "Non-recoverable failure in name resolution";
    case EAI_FAMILY:
        return "ai_family not supported";
    case EAI_ADDRFAMILY:
        return "Address family for hostname not supported";
    case EAI_SOCKTYPE:
        return "ai_socktype not supported";
    case EAI_SERVICE:
        return "Servname not supported for ai_socktype";
    case EAI_MEMORY:
        return "Memory allocation failure";
    case EAI_SYSTEM:
        return "System error";
    case EAI_OVERFLOW:
        return "Argument buffer overflow";
    default:
        return "Unknown error";
    }
}

/* Numeric answers only: there is no reverse DNS. */
int getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
                socklen_t hostlen, char *serv, socklen_t servlen, int flags)
{
    const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
    const void *addr;
    unsigned port;

    (void)flags;
    if (sa && sa->sa_family == AF_INET && salen >= sizeof(*in)) {
        addr = &in->sin_addr;
        port = ntohs(in->sin_port);
    } else if (sa && sa->sa_family == AF_INET6 && salen >= sizeof(*in6)) {
        addr = &in6->sin6_addr;
        port = ntohs(in6->sin6_port);
    } else {
        return EAI_FAMILY;
    }
    if (host && hostlen && !inet_ntop(sa->sa_family, addr, host, hostlen))
        return EAI_OVERFLOW;
    if (serv && servlen && snprintf(serv, servlen, "%u", port) >= (int)servlen)
        return EAI_OVERFLOW;
    return 0;
}
