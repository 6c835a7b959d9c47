/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_tzif.c: TZif time zone files and POSIX TZ strings (libos/libc
 * tzif.c, tzrule.c), then local times from what parsed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tz_internal.h"

static void ask(const struct ig_tz *z)
{
    static const int64_t when[] = {
        INT64_MIN,  -(INT64_C(1) << 40), -1,       0, 1711846800,
        4102444800, INT64_C(1) << 40,    INT64_MAX};
    long off;
    int dst;
    const char *abbr;

    for (size_t i = 0; i < sizeof(when) / sizeof(when[0]); i++) {
        ig_tz_at(z, when[i], &off, &dst, &abbr);
        if (strlen(abbr) > 255 || dst < 0 || dst > 1)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ig_tz z;

    if (ig_tzif_parse(data, size, &z) == 0) {
        ask(&z);
        ig_tz_free(&z);
    }
    /* The same bytes as a TZ string. */
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    memset(&z, 0, sizeof(z));
    if (ig_tzrule_parse(s, &z.rule) == 0) {
        z.has_rule = 1;
        ask(&z);
    }
    free(s);
    return 0;
}
