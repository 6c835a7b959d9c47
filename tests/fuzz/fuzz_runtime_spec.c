/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_runtime_spec.c: ingot-runc's reader of an engine's config.json. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ig_rt_spec s;
    char err[256];

    err[0] = '\0';
    int r = ig_rt_spec_parse((const char *)data, size, &s, err, sizeof(err));
    /* A refusal always says why, on one line. */
    if (r != 0 && (err[0] == '\0' || strchr(err, '\n')))
        abort();
    if (r == 0 && (s.args.n == 0 || s.nmounts > IG_RT_MAX_MOUNTS))
        abort();
    ig_rt_spec_free(&s);
    return 0;
}
