/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_printk.c: host unit test of the allocation-free formatter. */
#include <ingot/console.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int failures;

/* The formatter's console sink is the platform's; the test has none. */
long ig_plat_console_write(const char *buf, size_t len)
{
    fwrite(buf, 1, len, stdout);
    return (long)len;
}

static void expect(const char *want, const char *fmt, ...)
{
    char got[128];
    va_list ap;
    va_start(ap, fmt);
    int n = ig_vsnprintk(got, sizeof(got), fmt, ap);
    va_end(ap);
    if (strcmp(got, want) != 0 || n != (int)strlen(want)) {
        fprintf(stderr, "format \"%s\": got \"%s\" (%d), want \"%s\"\n", fmt,
                got, n, want);
        failures++;
    }
}

int main(void)
{
    expect("plain", "plain");
    expect("42 -7 0", "%d %i %u", 42, -7, 0u);
    expect("ff FF 0x1000", "%x %X %p", 255u, 255u, (void *)0x1000);
    expect("0000002a|  -5|-5  |", "%08x|%4d|%-4d|", 42u, -5, -5);
    expect("-0005", "%05d", -5);
    expect("18446744073709551615", "%lu", (unsigned long)UINT64_MAX);
    expect("-9223372036854775808", "%ld", (long)INT64_MIN);
    expect("123 abc (null) c %", "%zu %s %s %c %%", (size_t)123, "abc",
           (char *)NULL, 'c');
    expect("[  ab]", "[%4s]", "ab");

    /* Truncation keeps the terminator and reports the full length. */
    char small[5];
    int n = ig_snprintk(small, sizeof(small), "%s", "abcdefgh");
    if (n != 8 || strcmp(small, "abcd") != 0) {
        fprintf(stderr, "truncation: got \"%s\" (%d)\n", small, n);
        failures++;
    }
    if (failures)
        fprintf(stderr, "test_printk: %d failure(s)\n", failures);
    else
        printf("test_printk: SUCCESS\n");
    return failures ? 1 : 0;
}
