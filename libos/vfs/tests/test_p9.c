/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_p9.c: host unit test of 9P2000.L encoding and decoding. */
#include <ingot/plat.h>

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "p9.h"
#include "unit.h"

static void le(uint8_t *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void test_encode(void)
{
    uint8_t buf[64];
    struct ig_p9_out o;
    static const uint8_t version[] = {
        21,   0, 0,   0,   100, 0xff, 0xff, /* size, Tversion, NOTAG */
        0x18, 0, 2,   0,                    /* msize 131096 */
        8,    0, '9', 'P', '2', '0',  '0',  '0', '.', 'L'};

    ig_p9_begin(&o, buf, sizeof(buf), IG_P9_TVERSION, IG_P9_NOTAG);
    ig_p9_put_u32(&o, 131096);
    ig_p9_put_str(&o, "9P2000.L", 8);
    CHECK(ig_p9_finish(&o, 0) == 21);
    CHECK(memcmp(buf, version, sizeof(version)) == 0);

    /* Twalk fid 0 -> 5 over "a/bc": two names. */
    static const uint8_t walk[] = {
        24, 0, 0,   0, 110, 1,   0, /* size, Twalk, tag 1 */
        0,  0, 0,   0,              /* fid 0 */
        5,  0, 0,   0,              /* newfid 5 */
        2,  0,                      /* two names */
        1,  0, 'a', 2, 0,   'b', 'c'};
    ig_p9_begin(&o, buf, sizeof(buf), IG_P9_TWALK, 1);
    ig_p9_put_u32(&o, 0);
    ig_p9_put_u32(&o, 5);
    ig_p9_put_u16(&o, 2);
    ig_p9_put_str(&o, "a", 1);
    ig_p9_put_str(&o, "bc", 2);
    CHECK(ig_p9_finish(&o, 0) == 24);
    CHECK(memcmp(buf, walk, 24) == 0);

    /* Twrite: the data travels after the buffer and counts in the size. */
    ig_p9_begin(&o, buf, sizeof(buf), IG_P9_TWRITE, 1);
    ig_p9_put_u32(&o, 3);
    ig_p9_put_u64(&o, 0x0102030405060708ull);
    ig_p9_put_u32(&o, 1000);
    CHECK(ig_p9_finish(&o, 1000) == 23);
    CHECK(buf[0] == (1023 & 0xff) && buf[1] == 1023 >> 8);
    CHECK(buf[11] == 0x08 && buf[18] == 0x01);

    /* Overflow is remembered, not written past the end. */
    ig_p9_begin(&o, buf, 10, IG_P9_TLOPEN, 1);
    ig_p9_put_u32(&o, 1);
    ig_p9_put_u32(&o, 2);
    CHECK(o.err == -EMSGSIZE);
    CHECK(ig_p9_finish(&o, 0) == -EMSGSIZE);
    ig_p9_begin(&o, buf, sizeof(buf), IG_P9_TLOPEN, 1);
    ig_p9_put_str(&o, (const char *)buf, 70000);
    CHECK(ig_p9_finish(&o, 0) == -EMSGSIZE);
}

static void test_reply(void)
{
    uint8_t m[64];
    struct ig_p9_in in;

    /* Rlerror carries a Linux errno; it comes back in our numbering. */
    le(m, 11, 4);
    m[4] = IG_P9_RLERROR;
    le(m + 5, 7, 2);
    le(m + 7, 39, 4);
    CHECK(ig_p9_reply(&in, m, 11, IG_P9_TUNLINKAT, 7) == -ENOTEMPTY);
    le(m + 7, 2, 4);
    CHECK(ig_p9_reply(&in, m, 11, IG_P9_TWALK, 7) == -ENOENT);
    le(m + 7, 36, 4);
    CHECK(ig_p9_reply(&in, m, 11, IG_P9_TWALK, 7) == -ENAMETOOLONG);
    le(m + 7, 9999, 4);
    CHECK(ig_p9_reply(&in, m, 11, IG_P9_TWALK, 7) == -EIO);
    CHECK(ig_p9_reply(&in, m, 11, IG_P9_TWALK, 8) == -EIO); /* tag */
    CHECK(ig_p9_reply(&in, m, 10, IG_P9_TWALK, 7) == -EIO); /* short */
    CHECK(ig_p9_reply(&in, m, 3, IG_P9_TWALK, 7) == -EIO);

    /* Rclunk for Tclunk; a different R-type is refused. */
    le(m, 7, 4);
    m[4] = IG_P9_TCLUNK + 1;
    CHECK(ig_p9_reply(&in, m, 7, IG_P9_TCLUNK, 7) == 0);
    CHECK(ig_p9_reply(&in, m, 7, IG_P9_TLOPEN, 7) == -EIO);

    /* Rreadlink: a string that claims more bytes than the message. */
    le(m, 12, 4);
    m[4] = IG_P9_TREADLINK + 1;
    le(m + 7, 3, 2);
    memcpy(m + 9, "abc", 3);
    const char *s;
    uint16_t n;
    CHECK(ig_p9_reply(&in, m, 64, IG_P9_TREADLINK, 7) == 0);
    ig_p9_get_str(&in, &s, &n);
    CHECK(!in.err && n == 3 && !memcmp(s, "abc", 3));
    le(m + 7, 4, 2);
    CHECK(ig_p9_reply(&in, m, 64, IG_P9_TREADLINK, 7) == 0);
    ig_p9_get_str(&in, &s, &n); /* the size field says 12: "abc" + 1 past */
    CHECK(in.err == -EIO && n == 0);
}

static void test_getattr(void)
{
    uint8_t m[256];
    struct ig_p9_in in;
    struct ig_plat_hostdir_stat st;
    size_t p = 7;

    m[4] = IG_P9_TGETATTR + 1;
    le(m + 5, 1, 2);
    le(m + p, 0x7ff, 8), p += 8;                                    /* valid */
    m[p] = 0, le(m + p + 1, 0, 4), le(m + p + 5, 4242, 8), p += 13; /* qid */
    le(m + p, 0100644, 4), p += 4;                                  /* mode */
    p += 8;                                         /* uid, gid */
    le(m + p, 3, 8), p += 8;                        /* nlink */
    p += 8;                                         /* rdev */
    le(m + p, 123456789, 8), p += 8;                /* size */
    p += 8;                                         /* blksize */
    le(m + p, 242, 8), p += 8;                      /* blocks */
    le(m + p, 10, 8), le(m + p + 8, 5, 8), p += 16; /* atime */
    le(m + p, 20, 8), le(m + p + 8, 6, 8), p += 16; /* mtime */
    le(m + p, 30, 8), le(m + p + 8, 7, 8), p += 16; /* ctime */
    p += 32;                                        /* btime, gen, version */
    le(m, p, 4);
    CHECK(ig_p9_reply(&in, m, p, IG_P9_TGETATTR, 1) == 0);
    CHECK(ig_p9_get_attr(&in, &st) == 0);
    CHECK(st.ino == 4242 && st.mode == 0100644 && st.nlink == 3);
    CHECK(st.size == 123456789 && st.blocks == 242);
    CHECK(st.atime_ns == 10000000005ll && st.mtime_ns == 20000000006ll &&
          st.ctime_ns == 30000000007ll);
    /* One byte short: an error, not a read past the message. */
    le(m, p - 1, 4);
    CHECK(ig_p9_reply(&in, m, p, IG_P9_TGETATTR, 1) == 0);
    CHECK(ig_p9_get_attr(&in, &st) == -EIO);
}

/* Appends a 9P directory entry at (p). */
static size_t dirent9(uint8_t *p, uint64_t ino, uint64_t off, uint8_t type,
                      const char *name)
{
    size_t n = strlen(name);
    p[0] = 0;
    le(p + 1, 0, 4);
    le(p + 5, ino, 8);
    le(p + 13, off, 8);
    p[21] = type;
    le(p + 22, n, 2);
    memcpy(p + 24, name, n);
    return 24 + n;
}

static void test_dirents(void)
{
    uint8_t d[256], out[256];
    uint64_t off = 0, ino;
    uint16_t rl;
    size_t n = dirent9(d, 11, 100, 4, "sub");
    n += dirent9(d + n, 12, 200, 8, "file.txt");

    long r = ig_p9_dirents(d, n, out, sizeof(out), &off);
    CHECK(r == 24 + 32 && off == 200);
    memcpy(&ino, out, 8);
    memcpy(&rl, out + 16, 2);
    CHECK(ino == 11 && rl == 24 && out[18] == 4 &&
          !strcmp((char *)out + 19, "sub"));
    memcpy(&ino, out + 24, 8);
    memcpy(&rl, out + 40, 2);
    CHECK(ino == 12 && rl == 32 && out[42] == 8 &&
          !strcmp((char *)out + 43, "file.txt"));
    /* Room for one: the offset says where to go on. */
    off = 0;
    CHECK(ig_p9_dirents(d, n, out, 40, &off) == 24 && off == 100);
    CHECK(ig_p9_dirents(d, n, out, 16, &off) == -EINVAL);
    CHECK(ig_p9_dirents(d, 0, out, sizeof(out), &off) == 0);
    CHECK(ig_p9_dirents(d, n - 1, out, sizeof(out), &off) == -EIO);
}

int main(void)
{
    test_encode();
    test_reply();
    test_getattr();
    test_dirents();
    return unit_done();
}
