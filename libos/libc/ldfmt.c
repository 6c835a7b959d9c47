/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ldfmt.c: exact printf conversions (%La %Le %Lf %Lg) of x87 long doubles. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/posix.h>

#include "ldfmt.h"

#define LIMB 1000000000u /* base of the big integers: 9 digits a limb */

/* The decimal digits of a finite value: value = 0.d[0]d[1]... * 10^dexp,
 * nd digits without trailing zeros (0 digits for zero). */
struct digits {
    char *d;
    long nd;
    long dexp;
};

/* The exact decimal expansion of m * 2^e (m != 0): an integer m * 2^e
 * when e >= 0, else m * 5^-e / 10^-e.  The big integer grows by one
 * multiplication per 29 doublings or 13 fives; x87 values need at most
 * 16445 fives, about 1300 limbs. */
static int expand(uint64_t m, long e, struct digits *out)
{
    long k = e < 0 ? -e : e;
    size_t cap = (size_t)(20 + k * (e < 0 ? 69898 : 30103) / 100000) / 9 + 3;
    uint32_t *a = malloc(cap * sizeof(*a));
    size_t n = 0;

    if (!a)
        return -1;
    for (; m; m /= LIMB)
        a[n++] = (uint32_t)(m % LIMB);
    for (long rem = k; rem > 0;) {
        long s = e < 0 ? (rem < 13 ? rem : 13) : (rem < 29 ? rem : 29);
        uint64_t mul = 1, carry = 0;
        for (long i = 0; i < s; i++)
            mul *= e < 0 ? 5 : 2;
        for (size_t i = 0; i < n; i++) {
            uint64_t t = a[i] * mul + carry;
            a[i] = (uint32_t)(t % LIMB);
            carry = t / LIMB;
        }
        for (; carry; carry /= LIMB)
            a[n++] = (uint32_t)(carry % LIMB);
        rem -= s;
    }
    char *d = malloc(n * 9 + 2);
    if (!d) {
        free(a);
        return -1;
    }
    long nd = 0;
    for (size_t i = n; i-- > 0;) {
        char limb[9];
        uint32_t v = a[i];
        for (int j = 8; j >= 0; j--, v /= 10)
            limb[j] = (char)('0' + v % 10);
        int j = 0;
        if (i == n - 1)
            while (j < 8 && limb[j] == '0')
                j++;
        memcpy(d + nd, limb + j, (size_t)(9 - j));
        nd += 9 - j;
    }
    free(a);
    out->d = d;
    out->dexp = e < 0 ? nd - k : nd;
    while (nd > 0 && d[nd - 1] == '0')
        nd--;
    out->nd = nd;
    return 0;
}

/* Keeps the first (keep) digits, rounded half to even. */
static void round_at(struct digits *x, long keep)
{
    if (keep >= x->nd)
        return;
    int up = 0;
    if (keep >= 0) {
        char c = x->d[keep];
        if (c != '5')
            up = c > '5';
        else if (keep + 1 < x->nd)
            up = 1;
        else
            up = keep > 0 && ((x->d[keep - 1] - '0') & 1);
    }
    x->nd = keep < 0 ? 0 : keep;
    if (up) {
        long i = keep - 1;
        while (i >= 0 && x->d[i] == '9')
            i--;
        if (i < 0) {
            x->d[0] = '1';
            x->nd = 1;
            x->dexp++;
        } else {
            x->d[i]++;
            x->nd = i + 1;
        }
    }
    while (x->nd > 0 && x->d[x->nd - 1] == '0')
        x->nd--;
}

static char dig(const struct digits *x, long i)
{
    return i >= 0 && i < x->nd ? x->d[i] : '0';
}

char *ig_libc_ld_putdec(char *p, unsigned long v, int min)
{
    char t[24];
    int n = 0;
    do
        t[n++] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    while (n < min)
        t[n++] = '0';
    while (n > 0)
        *p++ = t[--n];
    return p;
}

/* The body of %e (without sign) with (prec) digits after the point. */
static char *put_e(char *p, const struct digits *x, long prec, int hash,
                   int upper)
{
    long xp = x->nd ? x->dexp - 1 : 0;
    *p++ = dig(x, 0);
    if (prec > 0 || hash)
        *p++ = '.';
    for (long i = 1; i <= prec; i++)
        *p++ = dig(x, i);
    *p++ = upper ? 'E' : 'e';
    *p++ = xp < 0 ? '-' : '+';
    return ig_libc_ld_putdec(p, (unsigned long)(xp < 0 ? -xp : xp), 2);
}

/* The body of %f (without sign) with (prec) digits after the point. */
static char *put_f(char *p, const struct digits *x, long prec, int hash)
{
    if (x->dexp > 0)
        for (long i = 0; i < x->dexp; i++)
            *p++ = dig(x, i);
    else
        *p++ = '0';
    if (prec > 0 || hash)
        *p++ = '.';
    for (long i = 0; i < prec; i++)
        *p++ = dig(x, x->dexp + i);
    return p;
}

/* %a as glibc prints x87 values: the 64-bit significand's 16 nibbles,
 * the first before the point, so 1.0L is 0x8p-3. */
static char *put_a(char *p, uint64_t m, int bexp, long prec, int hash,
                   int upper)
{
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int nib[16], n = 15;
    long xp;

    for (int i = 0; i < 16; i++)
        nib[i] = (int)(m >> (60 - 4 * i)) & 15;
    if (m == 0)
        xp = 0;
    else if (bexp == 0)
        xp = -16385;
    else
        xp = bexp - 16386;
    while (m && n > 0 && nib[n] == 0)
        n--; /* nib[1..n] are the digits after the point */
    if (m == 0)
        n = 0;
    if (prec >= 0 && prec < n) {
        int next = nib[prec + 1];
        int more = (next & 7) != 0 || prec + 1 < n;
        if (next >= 8 && ((nib[prec] & 1) || more)) {
            long i = prec;
            while (i >= 0 && nib[i] == 15)
                nib[i--] = 0;
            if (i >= 0)
                nib[i]++;
            else {
                nib[0] = 1;
                xp += 4;
            }
        }
        n = (int)prec;
    }
    if (prec < 0)
        prec = n;
    *p++ = hex[nib[0]];
    if (prec > 0 || hash)
        *p++ = '.';
    for (long i = 1; i <= prec; i++)
        *p++ = i <= n ? hex[nib[i]] : '0';
    *p++ = upper ? 'P' : 'p';
    *p++ = xp < 0 ? '-' : '+';
    return ig_libc_ld_putdec(p, (unsigned long)(xp < 0 ? -xp : xp), 1);
}

int ig_libc_ldfmt(char **out, long double v, unsigned flags, int width,
                  int prec, int conv)
{
    unsigned char b[10];
    uint64_t m;
    uint16_t se;
    int upper = conv >= 'A' && conv <= 'Z';
    int hash = (flags & IG_LD_HASH) != 0;
    int lc = conv | 0x20;

    if (lc != 'a' && lc != 'e' && lc != 'g')
        lc = 'f';
    struct digits x = {NULL, 0, 1};
    const char *special = NULL;

    memcpy(b, &v, sizeof(b));
    memcpy(&m, b, 8);
    memcpy(&se, b + 8, 2);
    int neg = se >> 15, bexp = se & 0x7fff;
    /* Infinities, NaNs and the encodings the x87 rejects (an exponent
     * without the integer bit: pseudo-NaNs, pseudo-infinities, unnormals)
     * print as glibc prints them: inf, or nan. */
    if (bexp == 0x7fff && m == (uint64_t)1 << 63)
        special = upper ? "INF" : "inf";
    else if (bexp == 0x7fff || (bexp != 0 && !(m >> 63)))
        special = upper ? "NAN" : "nan";

    long p = prec;
    size_t cap = 48 + (prec > 0 ? (size_t)prec : 0);
    if (!special && lc != 'a') {
        /* glibc's decimal conversions read a pseudo-denormal's
         * significand without its integer bit (the x87 reads it with),
         * but for 0x8000000000000000, which stays 2^-16382. */
        uint64_t low = m & ~((uint64_t)1 << 63);
        uint64_t dm = bexp == 0 && low ? low : m;
        if (dm != 0 &&
            expand(dm, bexp == 0 ? -16445L : (long)bexp - 16446L, &x) < 0)
            return -1;
        cap += x.dexp > 0 ? (size_t)x.dexp : 0;
    }
    char *body = malloc(cap);
    if (!body) {
        free(x.d);
        (void)ig_posix_failed(-ENOMEM);
        return -1;
    }
    char *end;
    if (special) {
        memcpy(body, special, 3);
        end = body + 3;
    } else if (lc == 'a') {
        end = put_a(body, m, bexp, p, hash, upper);
    } else if (lc == 'f') {
        if (p < 0)
            p = 6;
        round_at(&x, x.dexp + p);
        end = put_f(body, &x, p, hash);
    } else if (lc == 'e') {
        if (p < 0)
            p = 6;
        round_at(&x, p + 1);
        end = put_e(body, &x, p, hash, upper);
    } else {
        if (p < 0)
            p = 6;
        if (p == 0)
            p = 1;
        long xu = x.nd ? x.dexp - 1 : 0;
        round_at(&x, p);
        long xp = x.nd ? x.dexp - 1 : 0;
        if (p > xp && xp >= -4) {
            long fp = p - 1 - xp;
            if (!hash && fp > x.nd - x.dexp)
                fp = x.nd - x.dexp > 0 ? x.nd - x.dexp : 0;
            end = put_f(body, &x, fp, hash);
        } else {
            /* glibc chooses the style before rounding: when rounding
             * carries an %f-style value into %e (999999.5 with %#g), it
             * keeps %f's zero digits after the point: 1.e+06. */
            long ep = xu == p - 1 && xp == p ? 0 : p - 1;
            if (!hash && ep > x.nd - 1)
                ep = x.nd > 1 ? x.nd - 1 : 0;
            end = put_e(body, &x, ep, hash, upper);
        }
    }
    free(x.d);

    char pre[4];
    int npre = 0;
    if (neg)
        pre[npre++] = '-';
    else if (flags & IG_LD_PLUS)
        pre[npre++] = '+';
    else if (flags & IG_LD_SPACE)
        pre[npre++] = ' ';
    if (lc == 'a' && !special) {
        pre[npre++] = '0';
        pre[npre++] = upper ? 'X' : 'x';
    }
    long len = (long)(end - body) + npre;
    long pad = width > len ? width - len : 0;
    char *s = malloc((size_t)(len + pad + 1));
    if (!s) {
        free(body);
        (void)ig_posix_failed(-ENOMEM);
        return -1;
    }
    char *q = s;
    if (!(flags & IG_LD_MINUS) && !((flags & IG_LD_ZERO) && !special))
        for (; pad > 0; pad--)
            *q++ = ' ';
    memcpy(q, pre, (size_t)npre);
    q += npre;
    if (!(flags & IG_LD_MINUS))
        for (; pad > 0; pad--)
            *q++ = '0';
    memmove(q, body, (size_t)(end - body));
    q += end - body;
    for (; pad > 0; pad--)
        *q++ = ' ';
    *q = '\0';
    free(body);
    *out = s;
    return (int)(q - s);
}
