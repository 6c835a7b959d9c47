/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* bench_args.c: `ingot bench`'s command line. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

const char *const ig_bench_suites[IG_BENCH_NSUITES] = {
    "boot", "memory", "density", "size", "net", "apps", "engines", "xen",
};

/* A whole number from 1 to 100000 into (*v). */
static int count(const char *s, long *v)
{
    char *end;

    errno = 0;
    *v = strtol(s, &end, 10);
    return *s >= '0' && *s <= '9' && !*end && !errno && *v >= 1 && *v <= 100000
               ? 0
               : -1;
}

int ig_bench_parse_args(struct ig_bench_opts *o, int argc, char **argv,
                        char *err, size_t errlen)
{
    int nsuites = 0;

    memset(o, 0, sizeof(*o));
    o->out = "ingot-bench";
    o->accel = "auto";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n;

        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            o->help = 1;
            return 0;
        }
        if (strcmp(a, "--quick") == 0) {
            o->quick = 1;
            continue;
        }
        if (strcmp(a, "-o") == 0 || strcmp(a, "-n") == 0 ||
            strcmp(a, "--cap") == 0 || strcmp(a, "--accel") == 0 ||
            strcmp(a, "--markdown") == 0 || strcmp(a, "--platform") == 0 ||
            strcmp(a, "--keep-free") == 0) {
            if (!v || !*v) {
                snprintf(err, errlen, "%s: needs a value", a);
                return -1;
            }
            i++;
            if (a[1] == 'o') {
                o->out = v;
            } else if (strcmp(a, "--markdown") == 0) {
                o->markdown = v;
            } else if (strcmp(a, "--platform") == 0) {
                if (strcmp(v, "pico") && strcmp(v, "kvm")) {
                    snprintf(err, errlen,
                             "--platform: \"%s\" is not pico or kvm", v);
                    return -1;
                }
                o->platform = v;
            } else if (strcmp(a, "--accel") == 0) {
                if (strcmp(v, "auto") && strcmp(v, "kvm") && strcmp(v, "tcg")) {
                    snprintf(err, errlen,
                             "--accel: \"%s\" is not auto, kvm or tcg", v);
                    return -1;
                }
                o->accel = v;
            } else if (count(v, &n) != 0) {
                snprintf(err, errlen,
                         "%s: \"%s\" is not a whole number from 1 to 100000", a,
                         v);
                return -1;
            } else if (a[1] == 'n') {
                o->runs = (int)n;
            } else if (strcmp(a, "--keep-free") == 0) {
                o->keep_free_mib = n;
            } else {
                o->cap = n;
            }
            continue;
        }
        if (a[0] == '-') {
            snprintf(err, errlen, "%s: unknown option", a);
            return -1;
        }
        if (strcmp(a, "report") == 0) {
            o->report = 1;
            continue;
        }
        int found = 0;
        for (int s = 0; s < IG_BENCH_NSUITES; s++) {
            if (strcmp(a, "all") == 0 || strcmp(a, ig_bench_suites[s]) == 0) {
                o->suites[s] = 1;
                found = 1;
            }
        }
        if (!found) {
            snprintf(err, errlen,
                     "%s: unknown suite (boot, memory, density, size, net, "
                     "apps, engines, xen or all)",
                     a);
            return -1;
        }
        nsuites++;
    }
    if (o->report && nsuites) {
        snprintf(err, errlen,
                 "report runs no suite: name it alone, with -o DIR");
        return -1;
    }
    if (nsuites == 0 && !o->report) {
        snprintf(err, errlen,
                 "no suite given (boot, memory, density, size, "
                 "net, apps, engines, xen or all)");
        return -1;
    }
    return 0;
}
