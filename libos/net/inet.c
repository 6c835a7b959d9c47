/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* inet.c: IPv4 addresses to and from text (inet_pton, inet_ntop ...). */
#include <ingot/posix.h>

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

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

int inet_pton(int af, const char *src, void *dst)
{
    uint8_t b[4];

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
