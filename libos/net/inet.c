/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* inet.c: IPv4 and IPv6 addresses to and from text (inet_pton, inet_ntop). */
#include <ingot/posix.h>

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

const struct in6_addr in6addr_any = IN6ADDR_ANY_INIT;
const struct in6_addr in6addr_loopback = IN6ADDR_LOOPBACK_INIT;

/* Strict dotted quad, as inet_pton(AF_INET) wants: four decimal parts of
 * at most three digits, no leading '+', nothing after. */
static int parse4(const char *s, uint8_t out[4])
{
    for (int i = 0; i < 4; i++) {
        unsigned v = 0;
        int digits = 0;
        while (*s >= '0' && *s <= '9') {
            if (digits && v == 0)
                return 0; /* a leading zero, as glibc refuses */
            v = v * 10 + (unsigned)(*s++ - '0');
            if (++digits > 3 || v > 255)
                return 0;
        }
        if (!digits)
            return 0;
        out[i] = (uint8_t)v;
        if (i < 3 && *s++ != '.')
            return 0;
    }
    return *s == '\0';
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* RFC 4291 text: eight groups of 1-4 hex digits, one "::" standing for
 * one or more zero groups, optionally a dotted quad as the last 32 bits. */
static int parse6(const char *s, uint8_t out[16])
{
    uint8_t b[16] = {0};
    int n = 0, gap = -1;

    if (s[0] == ':' && s[1] == ':') {
        gap = 0;
        s += 2;
        if (!*s)
            goto done;
    } else if (*s == ':') {
        return 0;
    }
    for (;;) {
        if (n + 4 <= 16 && strchr(s, '.') && !strchr(s, ':')) {
            if (!parse4(s, b + n))
                return 0;
            n += 4;
            break;
        }
        unsigned v = 0;
        int digits = 0, h;
        while ((h = hexval((unsigned char)*s)) >= 0) {
            if (++digits > 4)
                return 0;
            v = v * 16 + (unsigned)h;
            s++;
        }
        if (!digits || n + 2 > 16)
            return 0;
        b[n++] = (uint8_t)(v >> 8);
        b[n++] = (uint8_t)v;
        if (!*s)
            break;
        if (*s++ != ':')
            return 0;
        if (*s == ':') {
            if (gap >= 0)
                return 0;
            gap = n;
            s++;
            if (!*s)
                break;
        } else if (!*s) {
            return 0;
        }
    }
done:
    if (gap < 0 && n != 16)
        return 0;
    if (gap >= 0) {
        if (n == 16)
            return 0; /* "::" must stand for at least one group */
        memmove(b + 16 - (n - gap), b + gap, (size_t)(n - gap));
        memset(b + gap, 0, (size_t)(16 - n));
    }
    memcpy(out, b, 16);
    return 1;
}

/* RFC 5952: lower case, no leading zeros, the longest run of two or more
 * zero groups (the first of equals) as "::"; IPv4-mapped and -compatible
 * addresses end in a dotted quad, as glibc writes them. */
static int format6(const uint8_t *b, char *out, size_t size)
{
    unsigned g[8];
    int best = -1, bestlen = 0;
    char tmp[INET6_ADDRSTRLEN];
    size_t o = 0;

    for (int i = 0; i < 8; i++)
        g[i] = (unsigned)b[2 * i] << 8 | b[2 * i + 1];
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && g[j] == 0)
            j++;
        if (j - i > bestlen && j - i >= 2) {
            best = i;
            bestlen = j - i;
        }
        i = j > i ? j : i + 1;
    }
    int v4 = best == 0 && (bestlen == 6 || (bestlen == 5 && g[5] == 0xffff));
    for (int i = 0; i < (v4 ? 6 : 8); i++) {
        if (i == best) {
            o += (size_t)snprintf(tmp + o, sizeof(tmp) - o, "::");
            i += bestlen - 1;
            continue;
        }
        o += (size_t)snprintf(tmp + o, sizeof(tmp) - o, "%s%x",
                              o && tmp[o - 1] != ':' ? ":" : "", g[i]);
    }
    if (v4)
        o += (size_t)snprintf(tmp + o, sizeof(tmp) - o, "%s%u.%u.%u.%u",
                              tmp[o - 1] != ':' ? ":" : "", b[12], b[13], b[14],
                              b[15]);
    if (o >= size)
        return -ENOSPC;
    memcpy(out, tmp, o + 1);
    return 0;
}

int inet_pton(int af, const char *src, void *dst)
{
    uint8_t b[4];

    if (af == AF_INET6)
        return parse6(src, dst);
    if (af != AF_INET)
        return (int)ig_posix_ret(-EAFNOSUPPORT);
    if (!parse4(src, b))
        return 0;
    memcpy(dst, b, 4);
    return 1;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
    const uint8_t *b = src;
    char tmp[INET_ADDRSTRLEN];

    if (af == AF_INET6) {
        int r = format6(src, dst, size);
        return ig_posix_failed(r) ? NULL : dst;
    }
    if (af != AF_INET) {
        ig_posix_failed(-EAFNOSUPPORT);
        return NULL;
    }
    int n = snprintf(tmp, sizeof(tmp), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    if (n < 0 || (socklen_t)n >= size) {
        ig_posix_failed(-ENOSPC);
        return NULL;
    }
    memcpy(dst, tmp, (size_t)n + 1);
    return dst;
}

int inet_aton(const char *cp, struct in_addr *inp)
{
    uint8_t b[4];

    if (!parse4(cp, b))
        return 0;
    memcpy(&inp->s_addr, b, 4);
    return 1;
}

in_addr_t inet_addr(const char *cp)
{
    struct in_addr a;

    return inet_aton(cp, &a) ? a.s_addr : INADDR_NONE;
}

char *inet_ntoa(struct in_addr in)
{
    static char buf[INET_ADDRSTRLEN];

    return (char *)inet_ntop(AF_INET, &in, buf, sizeof(buf));
}
