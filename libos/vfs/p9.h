/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* p9.h: 9P2000.L messages: encoding requests, decoding replies. */
#ifndef INGOT_P9_H
#define INGOT_P9_H

/*
 * A request is built with ig_p9_begin(), the ig_p9_put_*() calls in the
 * order of the message's fields, and ig_p9_finish(), which stores the
 * size.  A reply is opened with ig_p9_reply() and read field by field with
 * ig_p9_get_*().  Both sides remember the first error (overflow, short
 * message) in (err), so callers check once at the end.  Integers are
 * little-endian; strings are a 16-bit length and bytes, no NUL.
 */

#include <stddef.h>
#include <stdint.h>

struct ig_plat_hostdir_stat;

/* Message types (T = request, R = its reply, T + 1). */
enum {
    IG_P9_RLERROR = 7,
    IG_P9_TSTATFS = 8,
    IG_P9_TLOPEN = 12,
    IG_P9_TLCREATE = 14,
    IG_P9_TSYMLINK = 16,
    IG_P9_TREADLINK = 22,
    IG_P9_TGETATTR = 24,
    IG_P9_TSETATTR = 26,
    IG_P9_TREADDIR = 40,
    IG_P9_TFSYNC = 50,
    IG_P9_TMKDIR = 72,
    IG_P9_TRENAMEAT = 74,
    IG_P9_TUNLINKAT = 76,
    IG_P9_TVERSION = 100,
    IG_P9_TATTACH = 104,
    IG_P9_TWALK = 110,
    IG_P9_TREAD = 116,
    IG_P9_TWRITE = 118,
    IG_P9_TCLUNK = 120,
};

#define IG_P9_HDR 7 /* size[4] type[1] tag[2] */
#define IG_P9_NOFID 0xffffffffu
#define IG_P9_NOTAG 0xffffu
#define IG_P9_MAXWELEM 16 /* names per Twalk */
#define IG_P9_GETATTR_BASIC 0x7ffull
#define IG_P9_SETATTR_MODE 0x1u
#define IG_P9_SETATTR_SIZE 0x8u
#define IG_P9_SETATTR_ATIME 0x10u
#define IG_P9_SETATTR_MTIME 0x20u
#define IG_P9_SETATTR_ATIME_SET 0x80u
#define IG_P9_SETATTR_MTIME_SET 0x100u
#define IG_P9_AT_REMOVEDIR 0x200u
/* Tlopen/Tlcreate flags: Linux's open(2) values. */
#define IG_P9_O_RDONLY 0u
#define IG_P9_O_WRONLY 1u
#define IG_P9_O_RDWR 2u
#define IG_P9_O_CREAT 0100u
#define IG_P9_O_EXCL 0200u
#define IG_P9_O_TRUNC 01000u
#define IG_P9_O_DIRECTORY 0200000u

struct ig_p9_out {
    uint8_t *p;
    size_t cap, len;
    int err; /* -EMSGSIZE once something did not fit */
};

struct ig_p9_in {
    const uint8_t *p;
    size_t len, pos;
    int err; /* -EIO once a field ran past the end */
};

/* Starts message (type) with (tag) in (buf) of (cap) bytes. */
void ig_p9_begin(struct ig_p9_out *o, void *buf, size_t cap, uint8_t type,
                 uint16_t tag);
void ig_p9_put_u8(struct ig_p9_out *o, uint8_t v);
void ig_p9_put_u16(struct ig_p9_out *o, uint16_t v);
void ig_p9_put_u32(struct ig_p9_out *o, uint32_t v);
void ig_p9_put_u64(struct ig_p9_out *o, uint64_t v);
/* A string of (len) bytes (len < 65536, else -EMSGSIZE). */
void ig_p9_put_str(struct ig_p9_out *o, const char *s, size_t len);
/* Stores the size field, plus (extra) bytes sent after the buffer (a
 * Twrite's data).  Returns the buffer's length, or -EMSGSIZE. */
long ig_p9_finish(struct ig_p9_out *o, size_t extra);

/* Opens the reply (msg, len) to a request of type (ttype) with (tag).
 * Returns 0 for the expected R-message; the negated errno it carries for
 * Rlerror (Linux's numbers, which are the image's); -EIO for anything
 * else (a short or oversized message, another type or tag, an Rlerror
 * number Linux does not define). */
int ig_p9_reply(struct ig_p9_in *in, const void *msg, size_t len, uint8_t ttype,
                uint16_t tag);
uint8_t ig_p9_get_u8(struct ig_p9_in *in);
uint16_t ig_p9_get_u16(struct ig_p9_in *in);
uint32_t ig_p9_get_u32(struct ig_p9_in *in);
uint64_t ig_p9_get_u64(struct ig_p9_in *in);
/* Points (*s, *len) at a string inside the message (not NUL-terminated). */
void ig_p9_get_str(struct ig_p9_in *in, const char **s, uint16_t *len);
/* Skips a qid (type[1] version[4] path[8]); returns its path. */
uint64_t ig_p9_get_qid(struct ig_p9_in *in);

/* Decodes the body of an Rgetattr into (st).  Returns 0 or -EIO. */
int ig_p9_get_attr(struct ig_p9_in *in, struct ig_plat_hostdir_stat *st);

/* Converts Rreaddir entries (data, len) into ig_plat_hostdir_readdir()
 * records in (out) of (cap) bytes, skipping none, and stores in (*off)
 * the offset to ask for next (of the last entry converted).  Returns the
 * bytes stored (0 when (len) is 0), -EINVAL when not even the first entry
 * fits, -EIO for a malformed entry. */
long ig_p9_dirents(const void *data, size_t len, void *out, size_t cap,
                   uint64_t *off);

/* The negated errno for Linux errno (what Rlerror carries), -EIO for a
 * number Linux does not define. */
int ig_p9_errno(uint32_t linux_errno);

#endif /* INGOT_P9_H */
