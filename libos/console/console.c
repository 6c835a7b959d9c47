/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* console.c: a small printf for the library OS that never allocates. */
#include <ingot/console.h>
#include <ingot/plat.h>

#include <stdint.h>

struct sink {
    char *buf;
    size_t size;
    size_t len; /* characters the full output needs */
};

static void put(struct sink *s, char c)
{
    if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

static void put_padded(struct sink *s, const char *str, size_t n, int width,
                       int left, char pad)
{
    int fill = width > (int)n ? width - (int)n : 0;

    if (!left)
        while (fill-- > 0)
            put(s, pad);
    for (size_t i = 0; i < n; i++)
        put(s, str[i]);
    if (left)
        while (fill-- > 0)
            put(s, ' ');
}

static void put_number(struct sink *s, uint64_t v, int neg, unsigned base,
                       int upper, int width, int left, char pad)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0;

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    if (neg) {
        /* With zero padding the sign goes before the zeros. */
        if (pad == '0') {
            put(s, '-');
            width--;
        } else {
            tmp[n++] = '-';
        }
    }
    char out[24];
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    put_padded(s, out, (size_t)n, width, left, left ? ' ' : pad);
}

int ig_vsnprintk(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = {buf, size, 0};

    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            put(&s, *p);
            continue;
        }
        int left = 0, width = 0, lng = 0;
        char pad = ' ';
        for (p++; *p == '-' || *p == '0'; p++) {
            if (*p == '-')
                left = 1;
            else
                pad = '0';
        }
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (*p++ - '0');
        while (*p == 'l' || *p == 'z') {
            lng = *p == 'z' ? 2 : lng + 1;
            p++;
        }
        switch (*p) {
        case 'd':
        case 'i': {
            int64_t v = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            put_number(&s, mag, v < 0, 10, 0, width, left, pad);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            uint64_t v = lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
            put_number(&s, v, 0, *p == 'u' ? 10 : 16, *p == 'X', width, left,
                       pad);
            break;
        }
        case 'p':
            put(&s, '0');
            put(&s, 'x');
            put_number(&s, (uintptr_t)va_arg(ap, void *), 0, 16, 0, width, left,
                       pad);
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            size_t n = 0;
            if (!str)
                str = "(null)";
            while (str[n])
                n++;
            put_padded(&s, str, n, width, left, ' ');
            break;
        }
        case 'c':
            put(&s, (char)va_arg(ap, int));
            break;
        case '%':
            put(&s, '%');
            break;
        case '\0':
            p--; /* a lone '%' at the end: stop at the terminator */
            break;
        default:
            put(&s, '%');
            put(&s, *p);
            break;
        }
    }
    if (size)
        buf[s.len < size ? s.len : size - 1] = '\0';
    return (int)s.len;
}

int ig_snprintk(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = ig_vsnprintk(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

void ig_printk(const char *fmt, ...)
{
    char buf[512];
    va_list ap;

    va_start(ap, fmt);
    int n = ig_vsnprintk(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > (int)sizeof(buf) - 1)
        n = (int)sizeof(buf) - 1;
    ig_plat_console_write(buf, (size_t)n);
}
