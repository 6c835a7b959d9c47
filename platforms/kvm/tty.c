/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tty.c: the host terminal of `ingot run -t`, through the console. */
#include <errno.h>
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "kvm_internal.h"

_Static_assert(sizeof(struct ig_plat_termios) * 2 == IG_KVM_TTY_HEX,
               "the record carries the attributes as hex");

/* A record in the console stream (kvm_abi.h): `ingot run` applies it once
 * the output before it is written, which is what TCSADRAIN asks; TCSANOW
 * cannot overtake output that already left the guest either. */
int ig_plat_tty_set(int when, const struct ig_plat_termios *t)
{
    static const char prefix[] = IG_KVM_TTY_PREFIX;
    char rec[sizeof(prefix) + 1 + IG_KVM_TTY_HEX + 2];
    const unsigned char *p = (const unsigned char *)t;
    size_t n = 0;

    if (when < 0 || when > 2)
        return -EINVAL;
    for (size_t i = 0; i + 1 < sizeof(prefix); i++)
        rec[n++] = prefix[i];
    rec[n++] = (char)('0' + when);
    for (size_t i = 0; i < sizeof(*t); i++) {
        rec[n++] = "0123456789abcdef"[p[i] >> 4];
        rec[n++] = "0123456789abcdef"[p[i] & 15];
    }
    rec[n++] = '\033';
    rec[n++] = '\\';
    ig_plat_console_write(rec, n);
    return 0;
}

/* Only what `ingot run` reported since boot: the size at boot is on the
 * command line, which the library OS reads. */
int ig_plat_tty_winsize(struct ig_plat_winsize *w)
{
    return ig_kvm_winsize(w);
}
