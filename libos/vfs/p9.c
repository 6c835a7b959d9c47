/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* p9.c: 9P2000.L message encoding and decoding (no I/O). */
#include <ingot/plat.h>

#include <errno.h>
#include <ingot/linux_errno.h>
#include <string.h>

#include "p9.h"

void ig_p9_begin(struct ig_p9_out *o, void *buf, size_t cap, uint8_t type,
                 uint16_t tag)
{
    o->p = buf;
    o->cap = cap;
    o->len = 0;
    o->err = 0;
    ig_p9_put_u32(o, 0); /* the size, stored by ig_p9_finish() */
    ig_p9_put_u8(o, type);
    ig_p9_put_u16(o, tag);
}

static uint8_t *room(struct ig_p9_out *o, size_t n)
{
    if (o->err || n > o->cap - o->len) {
        o->err = -EMSGSIZE;
        return NULL;
    }
    uint8_t *p = o->p + o->len;
    o->len += n;
    return p;
}

static void put_le(struct ig_p9_out *o, uint64_t v, size_t n)
{
    uint8_t *p = room(o, n);

    for (size_t i = 0; p && i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

void ig_p9_put_u8(struct ig_p9_out *o, uint8_t v)
{
    put_le(o, v, 1);
}

void ig_p9_put_u16(struct ig_p9_out *o, uint16_t v)
{
    put_le(o, v, 2);
}

void ig_p9_put_u32(struct ig_p9_out *o, uint32_t v)
{
    put_le(o, v, 4);
}

void ig_p9_put_u64(struct ig_p9_out *o, uint64_t v)
{
    put_le(o, v, 8);
}

void ig_p9_put_str(struct ig_p9_out *o, const char *s, size_t len)
{
    if (len > 0xffff) {
        o->err = -EMSGSIZE;
        return;
    }
    ig_p9_put_u16(o, (uint16_t)len);
    uint8_t *p = room(o, len);
    if (p && len)
        memcpy(p, s, len);
}

long ig_p9_finish(struct ig_p9_out *o, size_t extra)
{
    if (o->err)
        return o->err;
    uint64_t size = (uint64_t)o->len + extra;
    if (size > 0xffffffffu)
        return -EMSGSIZE;
    for (int i = 0; i < 4; i++)
        o->p[i] = (uint8_t)(size >> (8 * i));
    return (long)o->len;
}

static uint64_t get_le(struct ig_p9_in *in, size_t n)
{
    uint64_t v = 0;

    if (in->err || n > in->len - in->pos) {
        in->err = -EIO;
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)in->p[in->pos + i] << (8 * i);
    in->pos += n;
    return v;
}

uint8_t ig_p9_get_u8(struct ig_p9_in *in)
{
    return (uint8_t)get_le(in, 1);
}

uint16_t ig_p9_get_u16(struct ig_p9_in *in)
{
    return (uint16_t)get_le(in, 2);
}

uint32_t ig_p9_get_u32(struct ig_p9_in *in)
{
    return (uint32_t)get_le(in, 4);
}

uint64_t ig_p9_get_u64(struct ig_p9_in *in)
{
    return get_le(in, 8);
}

void ig_p9_get_str(struct ig_p9_in *in, const char **s, uint16_t *len)
{
    uint16_t n = ig_p9_get_u16(in);

    *s = "";
    *len = 0;
    if (in->err || n > in->len - in->pos) {
        in->err = -EIO;
        return;
    }
    *s = (const char *)in->p + in->pos;
    *len = n;
    in->pos += n;
}

uint64_t ig_p9_get_qid(struct ig_p9_in *in)
{
    ig_p9_get_u8(in);
    ig_p9_get_u32(in);
    return ig_p9_get_u64(in);
}

int ig_p9_reply(struct ig_p9_in *in, const void *msg, size_t len, uint8_t ttype,
                uint16_t tag)
{
    in->p = msg;
    in->len = len;
    in->pos = 0;
    in->err = 0;
    uint32_t size = ig_p9_get_u32(in);
    uint8_t type = ig_p9_get_u8(in);
    uint16_t rtag = ig_p9_get_u16(in);
    if (in->err || size < IG_P9_HDR || size > len || rtag != tag)
        return -EIO;
    in->len = size; /* fields past the message are not part of it */
    if (type == IG_P9_RLERROR) {
        uint32_t e = ig_p9_get_u32(in);
        return in->err ? -EIO : ig_p9_errno(e);
    }
    return type == ttype + 1 ? 0 : -EIO;
}

int ig_p9_get_attr(struct ig_p9_in *in, struct ig_plat_hostdir_stat *st)
{
    uint64_t t[10];

    ig_p9_get_u64(in); /* valid */
    st->ino = ig_p9_get_qid(in);
    st->mode = ig_p9_get_u32(in);
    ig_p9_get_u32(in); /* uid */
    ig_p9_get_u32(in); /* gid */
    st->nlink = (uint32_t)ig_p9_get_u64(in);
    ig_p9_get_u64(in); /* rdev */
    st->size = ig_p9_get_u64(in);
    ig_p9_get_u64(in); /* blksize */
    st->blocks = ig_p9_get_u64(in);
    for (int i = 0; i < 10; i++) /* a, m, c, b times; gen, data_version */
        t[i] = ig_p9_get_u64(in);
    st->atime_ns = (int64_t)(t[0] * 1000000000ull + t[1]);
    st->mtime_ns = (int64_t)(t[2] * 1000000000ull + t[3]);
    st->ctime_ns = (int64_t)(t[4] * 1000000000ull + t[5]);
    return in->err ? -EIO : 0;
}

long ig_p9_dirents(const void *data, size_t len, void *out, size_t cap,
                   uint64_t *off)
{
    struct ig_p9_in in = {data, len, 0, 0};
    uint8_t *o = out;
    size_t used = 0;

    while (in.pos < in.len) {
        const char *name;
        uint16_t nl;
        uint64_t ino = ig_p9_get_qid(&in);
        uint64_t next = ig_p9_get_u64(&in);
        uint8_t type = ig_p9_get_u8(&in);
        ig_p9_get_str(&in, &name, &nl);
        if (in.err)
            return -EIO;
        /* ino[8] unused[8] reclen[2] type[1] name NUL, 8-aligned */
        size_t rec = (19 + (size_t)nl + 1 + 7) & ~(size_t)7;
        if (rec > cap - used)
            return used ? (long)used : -EINVAL;
        memset(o + used, 0, rec);
        memcpy(o + used, &ino, 8);
        uint16_t rl = (uint16_t)rec;
        memcpy(o + used + 16, &rl, 2);
        o[used + 18] = type;
        memcpy(o + used + 19, name, nl);
        used += rec;
        *off = next;
    }
    return (long)used;
}

int ig_p9_errno(uint32_t e)
{
    return ig_errno_from_linux(e);
}
