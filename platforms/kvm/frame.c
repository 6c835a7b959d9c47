/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* frame.c: what the PVH platforms (kvm, xen) write on their console for
 * `ingot run` to read (kvm_abi.h): standard error framed, the exit record,
 * and the early messages that need no libc. */
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "kvm_internal.h"

void ig_kvm_puts(const char *s)
{
    size_t n = 0;

    while (s[n])
        n++;
    ig_plat_console_write(s, n);
}

void ig_kvm_put_hex(uint64_t v)
{
    char buf[18];

    buf[0] = '0';
    buf[1] = 'x';
    for (int i = 0; i < 16; i++)
        buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
    ig_plat_console_write(buf, sizeof(buf));
}

/* Standard error shares the console: one framed piece at a time, so
 * `ingot run` can tell it from standard output. */
long ig_plat_stderr_write(const char *buf, size_t len)
{
    size_t all = len;

    while (len > 0) {
        size_t n = len > IG_KVM_ERR_MAX ? IG_KVM_ERR_MAX : len;
        char hdr[32] = IG_KVM_ERR_PREFIX;
        size_t h = sizeof(IG_KVM_ERR_PREFIX) - 1;
        char digits[8];
        int nd = 0;

        for (size_t v = n; v; v /= 10)
            digits[nd++] = (char)('0' + v % 10);
        while (nd)
            hdr[h++] = digits[--nd];
        hdr[h++] = '\033';
        hdr[h++] = '\\';
        ig_plat_console_write(hdr, h);
        ig_plat_console_write(buf, n);
        buf += n;
        len -= n;
    }
    return (long)all;
}

void ig_kvm_exit_record(unsigned status)
{
    static const char prefix[] = IG_KVM_EXIT_PREFIX;
    static const char suffix[] = IG_KVM_EXIT_SUFFIX;
    char rec[sizeof(prefix) + 3 + sizeof(suffix)];
    unsigned s = status & 0xff;
    size_t n = 0;

    for (size_t i = 0; i + 1 < sizeof(prefix); i++)
        rec[n++] = prefix[i];
    if (s >= 100)
        rec[n++] = (char)('0' + s / 100);
    if (s >= 10)
        rec[n++] = (char)('0' + s / 10 % 10);
    rec[n++] = (char)('0' + s % 10);
    for (size_t i = 0; i + 1 < sizeof(suffix); i++)
        rec[n++] = suffix[i];
    ig_plat_console_write(rec, n);
}

_Noreturn void ig_kvm_die(const char *msg)
{
    ig_kvm_puts(ig_plat_name());
    ig_kvm_puts(": ");
    ig_kvm_puts(msg);
    ig_kvm_puts("\n");
    ig_plat_exit(IG_KVM_STATUS_CRASH);
}

_Noreturn void ig_kvm_die_hex(const char *before, uint64_t v, const char *after)
{
    ig_kvm_puts(ig_plat_name());
    ig_kvm_puts(": ");
    ig_kvm_puts(before);
    ig_kvm_put_hex(v);
    ig_kvm_puts(after);
    ig_kvm_puts("\n");
    ig_plat_exit(IG_KVM_STATUS_CRASH);
}
