/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* services.c: getservbyname() and getprotobyname() and friends, from the
 * root file system's /etc/services and /etc/protocols, as glibc reads
 * them, or from a built-in copy of Debian's common entries. */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net_internal.h"

/* Used when the file is missing: Debian netbase's lines for the services
 * and protocols programs name most. */
static const char builtin_services[] =
    "echo 7/tcp\necho 7/udp\nftp-data 20/tcp\nftp 21/tcp\nssh 22/tcp\n"
    "telnet 23/tcp\nsmtp 25/tcp mail\ndomain 53/tcp\ndomain 53/udp\n"
    "bootps 67/udp\nbootpc 68/udp\ntftp 69/udp\nhttp 80/tcp www\n"
    "pop3 110/tcp pop-3\nntp 123/udp\nimap2 143/tcp imap\n"
    "snmp 161/tcp\nsnmp 161/udp\nldap 389/tcp\nldap 389/udp\n"
    "https 443/tcp\nhttps 443/udp\nsyslog 514/udp\nsubmission 587/tcp\n"
    "domain-s 853/tcp\ndomain-s 853/udp\nimaps 993/tcp\npop3s 995/tcp\n"
    "mysql 3306/tcp\npostgresql 5432/tcp postgres\nredis 6379/tcp\n"
    "http-alt 8080/tcp webcache\n";
static const char builtin_protocols[] =
    "ip 0 IP\nicmp 1 ICMP\nigmp 2 IGMP\ntcp 6 TCP\nudp 17 UDP\n"
    "dccp 33 DCCP\nipv6 41 IPv6\ngre 47 GRE\nipv6-icmp 58 IPv6-ICMP\n"
    "sctp 132 SCTP\nudplite 136 UDPLite\n";

#define MAX_FIELDS 16

struct table {
    char *text; /* the file, or a copy of the built-in lines */
    size_t at;  /* the next line, for getservent()/getprotoent() */
};

static struct table services, protocols;

/* Reads (path), or copies (builtin) when it cannot; 0 or -1 (ENOMEM). */
static int load(struct table *t, const char *path, const char *builtin)
{
    FILE *f = fopen(path, "r");
    char *text = NULL;
    size_t len = 0;

    if (f) {
        size_t cap = 0, n;
        for (;;) {
            if (len + 4096 + 1 > cap) {
                char *p = realloc(text, cap = cap * 2 + 4096 + 1);
                if (!p)
                    break;
                text = p;
            }
            if ((n = fread(text + len, 1, cap - len - 1, f)) == 0)
                break;
            len += n;
        }
        fclose(f);
    }
    if (!text)
        text = strdup(builtin);
    else
        text[len] = '\0';
    if (!text)
        return -1;
    free(t->text);
    t->text = text;
    t->at = 0;
    return 0;
}

/* The fields of the next line of (t) with any, its comment dropped, into
 * (f) (pointing into a copy in (line)); the count, 0 at the end. */
static int next_line(struct table *t, char *line, size_t cap, char **f)
{
    while (t->text && t->text[t->at]) {
        const char *start = t->text + t->at, *end = strchr(start, '\n');
        size_t len = end ? (size_t)(end - start) : strlen(start);
        t->at += len + (end != NULL);
        if (len >= cap)
            continue; /* longer than any real entry */
        memcpy(line, start, len);
        line[len] = '\0';
        char *hash = strchr(line, '#'), *save, *w;
        if (hash)
            *hash = '\0';
        int n = 0;
        for (w = strtok_r(line, " \t\r", &save); w && n < MAX_FIELDS - 1;
             w = strtok_r(NULL, " \t\r", &save))
            f[n++] = w;
        f[n] = NULL;
        if (n >= 2)
            return n;
    }
    return 0;
}

static struct servent sv;
static struct protoent pv;
static char sv_line[512], pv_line[512];
static char *sv_fields[MAX_FIELDS], *pv_fields[MAX_FIELDS];
static int keep_services, keep_protocols;

/* The next entry of /etc/services into (sv), or NULL at the end. */
static struct servent *next_service(void)
{
    char **f = sv_fields;

    for (int n; (n = next_line(&services, sv_line, sizeof(sv_line), f));) {
        char *slash = strchr(f[1], '/'), *end;
        if (!slash)
            continue;
        *slash = '\0';
        long port = strtol(f[1], &end, 10);
        if (*end || port < 0 || port > 65535)
            continue;
        sv.s_name = f[0];
        sv.s_port = (int)htons((uint16_t)port);
        sv.s_proto = slash + 1;
        sv.s_aliases = f + 2;
        return &sv;
    }
    return NULL;
}

static struct protoent *next_protocol(void)
{
    char **f = pv_fields;

    for (int n; (n = next_line(&protocols, pv_line, sizeof(pv_line), f));) {
        char *end;
        long num = strtol(f[1], &end, 10);
        if (*end || num < 0 || num > 255)
            continue;
        pv.p_name = f[0];
        pv.p_proto = (int)num;
        pv.p_aliases = f + 2;
        return &pv;
    }
    return NULL;
}

static int named(const char *name, char *first, char **aliases)
{
    if (strcmp(name, first) == 0)
        return 1;
    for (; *aliases; aliases++)
        if (strcmp(name, *aliases) == 0)
            return 1;
    return 0;
}

/* Looks from the start of a freshly read table, unless setservent(1)
 * asked to keep it. */
static int rewind_services(void)
{
    if (keep_services && services.text) {
        services.at = 0;
        return 0;
    }
    return load(&services, "/etc/services", builtin_services);
}

static int rewind_protocols(void)
{
    if (keep_protocols && protocols.text) {
        protocols.at = 0;
        return 0;
    }
    return load(&protocols, "/etc/protocols", builtin_protocols);
}

struct servent *getservbyname(const char *name, const char *proto)
{
    struct servent *s;

    if (!name || rewind_services() < 0)
        return NULL;
    while ((s = next_service()))
        if (named(name, s->s_name, s->s_aliases) &&
            (!proto || strcmp(proto, s->s_proto) == 0))
            return s;
    return NULL;
}

struct servent *getservbyport(int port, const char *proto)
{
    struct servent *s;

    if (rewind_services() < 0)
        return NULL;
    while ((s = next_service()))
        if (s->s_port == port && (!proto || strcmp(proto, s->s_proto) == 0))
            return s;
    return NULL;
}

void setservent(int stayopen)
{
    keep_services = stayopen;
    load(&services, "/etc/services", builtin_services);
}

struct servent *getservent(void)
{
    if (!services.text && load(&services, "/etc/services", builtin_services))
        return NULL;
    return next_service();
}

void endservent(void)
{
    keep_services = 0;
    free(services.text);
    services.text = NULL;
}

struct protoent *getprotobyname(const char *name)
{
    struct protoent *p;

    if (!name || rewind_protocols() < 0)
        return NULL;
    while ((p = next_protocol()))
        if (named(name, p->p_name, p->p_aliases))
            return p;
    return NULL;
}

struct protoent *getprotobynumber(int proto)
{
    struct protoent *p;

    if (rewind_protocols() < 0)
        return NULL;
    while ((p = next_protocol()))
        if (p->p_proto == proto)
            return p;
    return NULL;
}

void setprotoent(int stayopen)
{
    keep_protocols = stayopen;
    load(&protocols, "/etc/protocols", builtin_protocols);
}

struct protoent *getprotoent(void)
{
    if (!protocols.text &&
        load(&protocols, "/etc/protocols", builtin_protocols))
        return NULL;
    return next_protocol();
}

void endprotoent(void)
{
    keep_protocols = 0;
    free(protocols.text);
    protocols.text = NULL;
}
