/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tzif.c: the TZif time zone file format (RFC 8536), versions 1 to 4. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tz_internal.h"

#define HDR 44 /* "TZif", version, 15 unused bytes, six 32-bit counts */

struct hdr {
    uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

static int64_t be64(const unsigned char *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* Reads the header at (p) of the (left) bytes and the size of the data
 * block after it with (tsize)-byte times; -EINVAL if malformed or
 * longer than what is left. */
static int header(const unsigned char *p, size_t left, size_t tsize,
                  struct hdr *h, size_t *block)
{
    if (left < HDR || memcmp(p, "TZif", 4) != 0)
        return -EINVAL;
    h->isutcnt = be32(p + 20);
    h->isstdcnt = be32(p + 24);
    h->leapcnt = be32(p + 28);
    h->timecnt = be32(p + 32);
    h->typecnt = be32(p + 36);
    h->charcnt = be32(p + 40);
    /* RFC 8536 section 3.1. */
    if (h->typecnt == 0 || h->typecnt > 256 || h->charcnt == 0 ||
        (h->isutcnt != 0 && h->isutcnt != h->typecnt) ||
        (h->isstdcnt != 0 && h->isstdcnt != h->typecnt))
        return -EINVAL;
    /* Counts are 32-bit, so none of these products or sums wraps a
     * 64-bit size_t; the total is compared with what is there. */
    size_t n = (size_t)h->timecnt * (tsize + 1) + (size_t)h->typecnt * 6 +
               h->charcnt + (size_t)h->leapcnt * (tsize + 4) + h->isstdcnt +
               h->isutcnt;
    if (n > left - HDR)
        return -EINVAL;
    *block = n;
    return 0;
}

void ig_tz_free(struct ig_tz *z)
{
    free(z->trans);
    free(z->idx);
    free(z->types);
    free(z->chars);
    memset(z, 0, sizeof(*z));
}

/* Copies the data block at (p) (after its header) into (z). */
static int block(const unsigned char *p, const struct hdr *h, size_t tsize,
                 struct ig_tz *z)
{
    z->ntrans = h->timecnt;
    z->ntypes = h->typecnt;
    z->nchars = h->charcnt;
    z->trans = malloc(sizeof(*z->trans) * (h->timecnt ? h->timecnt : 1));
    z->idx = malloc(h->timecnt ? h->timecnt : 1);
    z->types = malloc(sizeof(*z->types) * h->typecnt);
    z->chars = malloc(h->charcnt);
    if (!z->trans || !z->idx || !z->types || !z->chars)
        return -ENOMEM;
    for (uint32_t i = 0; i < h->timecnt; i++, p += tsize) {
        z->trans[i] = tsize == 8 ? be64(p) : (int32_t)be32(p);
        if (i && z->trans[i] <= z->trans[i - 1])
            return -EINVAL; /* must ascend */
    }
    for (uint32_t i = 0; i < h->timecnt; i++) {
        if (*p >= h->typecnt)
            return -EINVAL;
        z->idx[i] = *p++;
    }
    for (uint32_t i = 0; i < h->typecnt; i++, p += 6) {
        int32_t off = (int32_t)be32(p);
        if (off == INT32_MIN || p[4] > 1 || p[5] >= h->charcnt)
            return -EINVAL;
        z->types[i] = (struct ig_tz_type){off, p[4], p[5]};
    }
    memcpy(z->chars, p, h->charcnt);
    if (z->chars[h->charcnt - 1] != '\0')
        return -EINVAL; /* every abbreviation ends inside */
    return 0;
}

int ig_tzif_parse(const void *buf, size_t len, struct ig_tz *out)
{
    const unsigned char *p = buf;
    struct hdr h;
    size_t n, tsize = 4;
    int err = header(p, len, 4, &h, &n);

    memset(out, 0, sizeof(*out));
    if (err)
        return err;
    if (p[4] != 0) { /* version 2 and later: skip to the 64-bit part */
        if (p[4] < '2' || p[4] > '4')
            return -EINVAL;
        size_t skip = HDR + n;
        p += skip;
        len -= skip;
        tsize = 8;
        err = header(p, len, 8, &h, &n);
        if (err)
            return err;
    }
    err = block(p + HDR, &h, tsize, out);
    if (!err && tsize == 8) {
        /* The footer: "\n", a POSIX TZ string (maybe empty), "\n". */
        const char *f = (const char *)p + HDR + n, *end = (const char *)p + len;
        const char *nl = f < end && *f == '\n'
                             ? memchr(f + 1, '\n', (size_t)(end - f - 1))
                             : NULL;
        char tz[64];
        if (!nl || (size_t)(nl - f - 1) >= sizeof(tz))
            err = -EINVAL;
        else if (nl > f + 1) {
            memcpy(tz, f + 1, (size_t)(nl - f - 1));
            tz[nl - f - 1] = '\0';
            err = ig_tzrule_parse(tz, &out->rule);
            out->has_rule = !err;
        }
    }
    if (err)
        ig_tz_free(out);
    return err;
}

void ig_tz_at(const struct ig_tz *z, int64_t t, long *utoff, int *isdst,
              const char **abbr)
{
    const struct ig_tz_type *ty;

    if (z->has_rule && (z->ntrans == 0 || t >= z->trans[z->ntrans - 1])) {
        ig_tzrule_at(&z->rule, t, utoff, isdst, abbr);
        return;
    }
    if (z->ntrans == 0 || t < z->trans[0]) {
        ty = &z->types[0]; /* before the first transition: type 0 */
    } else {
        uint32_t lo = 0, hi = z->ntrans; /* the last transition <= t */
        while (hi - lo > 1) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (z->trans[mid] <= t)
                lo = mid;
            else
                hi = mid;
        }
        ty = &z->types[z->idx[lo]];
    }
    *utoff = ty->utoff;
    *isdst = ty->isdst;
    *abbr = z->chars + ty->abbr;
}
