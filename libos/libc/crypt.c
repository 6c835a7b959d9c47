/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* crypt.c: crypt(3) with SHA-512-crypt ("$6$"), written from its spec. */
#include <crypt.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/posix.h>

/*
 * SHA-512 (FIPS 180-4) and the "$6$" scheme of Ulrich Drepper's "Unix
 * crypt using SHA-256 and SHA-512" specification, with the stricter
 * setting rules of libxcrypt (what Debian's libcrypt is): a rounds value
 * is decimal without leading zeros in [1000, 999999999], and a salt holds
 * no ':' or newline.  Other schemes (DES, "$1$", "$5$", "$y$" ...) are
 * not provided: crypt() answers with the failure token "*0" (or "*1" when
 * the setting is "*0") and EINVAL, as libxcrypt does for a scheme it does
 * not know.
 */

struct sha512 {
    uint64_t h[8];
    uint64_t len; /* bytes so far (messages here are far below 2^61) */
    unsigned char buf[128];
    size_t used;
};

static const uint64_t K[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
    0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242,
    0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275,
    0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f,
    0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc,
    0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6,
    0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
    0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc,
    0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915,
    0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba,
    0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

static uint64_t ror(uint64_t x, int n)
{
    return (x >> n) | (x << (64 - n));
}

static void block(struct sha512 *c, const unsigned char *p)
{
    uint64_t w[80], v[8];

    for (int i = 0; i < 16; i++) {
        w[i] = 0;
        for (int j = 0; j < 8; j++)
            w[i] = (w[i] << 8) | p[8 * i + j];
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror(w[i - 15], 1) ^ ror(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror(w[i - 2], 19) ^ ror(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, c->h, sizeof(v));
    for (int i = 0; i < 80; i++) {
        uint64_t s1 = ror(v[4], 14) ^ ror(v[4], 18) ^ ror(v[4], 41);
        uint64_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint64_t t1 = v[7] + s1 + ch + K[i] + w[i];
        uint64_t s0 = ror(v[0], 28) ^ ror(v[0], 34) ^ ror(v[0], 39);
        uint64_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        memmove(v + 1, v, 7 * sizeof(v[0]));
        v[4] += t1;
        v[0] = t1 + s0 + maj;
    }
    for (int i = 0; i < 8; i++)
        c->h[i] += v[i];
}

static void sha_init(struct sha512 *c)
{
    static const uint64_t h0[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b,
                                   0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                                   0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                                   0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
    memcpy(c->h, h0, sizeof(h0));
    c->len = 0;
    c->used = 0;
}

static void sha_add(struct sha512 *c, const void *data, size_t n)
{
    const unsigned char *p = data;

    c->len += n;
    while (n > 0) {
        size_t take = 128 - c->used < n ? 128 - c->used : n;
        memcpy(c->buf + c->used, p, take);
        c->used += take;
        p += take;
        n -= take;
        if (c->used == 128) {
            block(c, c->buf);
            c->used = 0;
        }
    }
}

static void sha_done(struct sha512 *c, unsigned char out[64])
{
    uint64_t bits = c->len * 8;
    unsigned char pad[144] = {0x80};
    size_t n = (c->used < 112 ? 112 : 240) - c->used;

    for (int i = 0; i < 8; i++)
        pad[n + 8 + i] = (unsigned char)(bits >> (56 - 8 * i));
    sha_add(c, pad, n + 16); /* the upper 64 bits of the length are 0 */
    for (int i = 0; i < 64; i++)
        out[i] = (unsigned char)(c->h[i / 8] >> (56 - 8 * (i % 8)));
}

/* Adds (n) bytes made of (src) (64 bytes) repeated, as the spec's "for
 * each block of 64 bytes, then the rest". */
static void add_repeated(struct sha512 *c, const unsigned char *src, size_t n)
{
    for (; n > 64; n -= 64)
        sha_add(c, src, 64);
    sha_add(c, src, n);
}

#define SALT_MAX 16
#define ROUNDS_DEFAULT 5000
#define ROUNDS_MIN 1000ul
#define ROUNDS_MAX 999999999ul

/* Parses "$6$[rounds=N$]salt[$...]" into (*rounds), (*salt, *slen) and
 * whether rounds were given.  Returns 0 or -EINVAL. */
static int parse(const char *s, unsigned long *rounds, int *explicit,
                 const char **salt, size_t *slen)
{
    if (strncmp(s, "$6$", 3))
        return -EINVAL;
    s += 3;
    *rounds = ROUNDS_DEFAULT;
    *explicit = 0;
    if (!strncmp(s, "rounds=", 7)) {
        const char *d = s + 7;
        unsigned long r = 0;
        if (*d < '1' || *d > '9')
            return -EINVAL;
        for (; *d >= '0' && *d <= '9'; d++) {
            r = r * 10 + (unsigned long)(*d - '0');
            if (r > ROUNDS_MAX)
                return -EINVAL;
        }
        if (*d != '$' || r < ROUNDS_MIN)
            return -EINVAL;
        *rounds = r;
        *explicit = 1;
        s = d + 1;
    }
    size_t n = strcspn(s, "$");
    if (n > SALT_MAX)
        n = SALT_MAX;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ':' || s[i] == '\n')
            return -EINVAL;
    *salt = s;
    *slen = n;
    return 0;
}

static char *b64(char *o, unsigned b2, unsigned b1, unsigned b0, int n)
{
    static const char abc[] =
        "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    unsigned w = (b2 << 16) | (b1 << 8) | b0;

    while (n-- > 0) {
        *o++ = abc[w & 0x3f];
        w >>= 6;
    }
    return o;
}

/* Hashes (key) under (setting) into (out) (at least CRYPT_OUTPUT_SIZE
 * bytes).  Returns 0 or -EINVAL (a setting of no scheme provided here),
 * -ENOMEM. */
static int sha512_crypt(const char *key, const char *setting, char *out)
{
    unsigned long rounds;
    int explicit;
    const char *salt;
    size_t slen, klen = strlen(key);
    int err = parse(setting, &rounds, &explicit, &salt, &slen);

    if (err)
        return err;
    unsigned char a[64], b[64], dp[64], ds[64];
    unsigned char *p = malloc(klen ? klen : 1), s[SALT_MAX];
    if (!p)
        return -ENOMEM;
    struct sha512 c;
    sha_init(&c); /* B = SHA(key salt key) */
    sha_add(&c, key, klen);
    sha_add(&c, salt, slen);
    sha_add(&c, key, klen);
    sha_done(&c, b);
    sha_init(&c); /* A = SHA(key salt B-bytes, then B or key per bit) */
    sha_add(&c, key, klen);
    sha_add(&c, salt, slen);
    add_repeated(&c, b, klen);
    for (size_t n = klen; n > 0; n >>= 1)
        if (n & 1)
            sha_add(&c, b, 64);
        else
            sha_add(&c, key, klen);
    sha_done(&c, a);
    sha_init(&c); /* DP: the key (klen) times; P: klen bytes of it */
    for (size_t i = 0; i < klen; i++)
        sha_add(&c, key, klen);
    sha_done(&c, dp);
    for (size_t i = 0; i < klen; i++)
        p[i] = dp[i % 64];
    sha_init(&c); /* DS: the salt (16 + A[0]) times; S: slen bytes */
    for (unsigned i = 0; i < 16u + a[0]; i++)
        sha_add(&c, salt, slen);
    sha_done(&c, ds);
    for (size_t i = 0; i < slen; i++)
        s[i] = ds[i];
    for (unsigned long r = 0; r < rounds; r++) {
        sha_init(&c);
        if (r & 1)
            sha_add(&c, p, klen);
        else
            sha_add(&c, a, 64);
        if (r % 3)
            sha_add(&c, s, slen);
        if (r % 7)
            sha_add(&c, p, klen);
        if (r & 1)
            sha_add(&c, a, 64);
        else
            sha_add(&c, p, klen);
        sha_done(&c, a);
    }
    memset(p, 0, klen); /* the key's derivatives do not linger */
    free(p);
    char *o = out + 3;
    memcpy(out, "$6$", 3);
    if (explicit) {
        char num[16];
        int n = 0;
        for (unsigned long r = rounds; r; r /= 10)
            num[n++] = (char)('0' + r % 10);
        memcpy(o, "rounds=", 7);
        o += 7;
        while (n > 0)
            *o++ = num[--n];
        *o++ = '$';
    }
    memcpy(o, salt, slen);
    o += slen;
    *o++ = '$';
    /* The spec's byte order: bytes i, i + 21, i + 42, rotated by i. */
    for (int i = 0; i < 21; i++) {
        unsigned x = a[i], y = a[i + 21], z = a[i + 42];
        if (i % 3 == 0)
            o = b64(o, x, y, z, 4);
        else if (i % 3 == 1)
            o = b64(o, y, z, x, 4);
        else
            o = b64(o, z, x, y, 4);
    }
    o = b64(o, 0, 0, a[63], 2);
    *o = '\0';
    memset(a, 0, sizeof(a));
    return 0;
}

char *crypt_r(const char *key, const char *setting, struct crypt_data *data)
{
    int err =
        key && setting ? sha512_crypt(key, setting, data->output) : -EINVAL;

    if (err) {
        /* The failure token never equals the setting it failed on. */
        strcpy(data->output, setting && !strcmp(setting, "*0") ? "*1" : "*0");
        ig_posix_failed(err);
    }
    return data->output;
}

char *crypt(const char *key, const char *setting)
{
    static struct crypt_data data;

    return crypt_r(key, setting, &data);
}
