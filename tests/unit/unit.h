/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unit.h: the few checks the host unit tests need. */
#ifndef INGOT_UNIT_H
#define INGOT_UNIT_H

/*
 * Each test program calls CHECK* as often as it likes and ends main() with
 * `return unit_done();`, which prints SUCCESS or the failure count and
 * gives ctest the verdict.
 */

#include <stdio.h>
#include <string.h>

static int unit_failures;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
            unit_failures++;                                                   \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        if (!g_ || strcmp(g_, w_) != 0) {                                      \
            fprintf(stderr, "%s:%d: %s is \"%s\", want \"%s\"\n", __FILE__,    \
                    __LINE__, #got, g_ ? g_ : "(null)", w_);                   \
            unit_failures++;                                                   \
        }                                                                      \
    } while (0)

#define CHECK_INT(got, want)                                                   \
    do {                                                                       \
        long long g_ = (long long)(got), w_ = (long long)(want);               \
        if (g_ != w_) {                                                        \
            fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__,        \
                    __LINE__, #got, g_, w_);                                   \
            unit_failures++;                                                   \
        }                                                                      \
    } while (0)

static inline int unit_done(void)
{
    if (unit_failures) {
        fprintf(stderr, "FAILED: %d check(s)\n", unit_failures);
        return 1;
    }
    printf("SUCCESS\n");
    return 0;
}

#endif /* INGOT_UNIT_H */
