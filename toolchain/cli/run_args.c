/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_args.c: the command line of `ingot run`, and sizes like 64M. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

int ig_run_parse_size(const char *s, uint64_t *bytes)
{
    uint64_t n = 0, unit = 1ull << 20;
    const char *p = s;

    if (*p < '0' || *p > '9')
        return -EINVAL;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (n > (UINT64_MAX - 9) / 10)
            return -ERANGE;
        n = n * 10 + (uint64_t)(*p - '0');
    }
    if (*p) {
        switch (*p++) {
        case 'k':
        case 'K':
            unit = 1ull << 10;
            break;
        case 'm':
        case 'M':
            unit = 1ull << 20;
            break;
        case 'g':
        case 'G':
            unit = 1ull << 30;
            break;
        default:
            return -EINVAL;
        }
        if (*p == 'i' || *p == 'I') {
            if (p[1] != 'b' && p[1] != 'B')
                return -EINVAL;
            p += 2;
        } else if (*p == 'b' || *p == 'B') {
            p++;
        }
        if (*p)
            return -EINVAL;
    }
    if (n > UINT64_MAX / unit)
        return -ERANGE;
    *bytes = n * unit;
    return 0;
}

static int env_name_ok(const char *s, size_t len)
{
    if (len == 0 || (s[0] >= '0' && s[0] <= '9'))
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    return 1;
}

static int add_env(struct ig_run_opts *o, const char *v, char *err,
                   size_t errlen)
{
    const char *eq = strchr(v, '=');
    size_t len = eq ? (size_t)(eq - v) : strlen(v);

    if (!env_name_ok(v, len)) {
        snprintf(err, errlen, "-e %s: not a valid variable name", v);
        return -1;
    }
    if (eq) {
        ig_strvec_push(&o->env, v);
    } else {
        const char *host = getenv(v);
        if (host)
            ig_strvec_pushf(&o->env, "%s=%s", v, host);
    }
    return 0;
}

static int set_value(struct ig_run_opts *o, const char *opt, const char *v,
                     char *err, size_t errlen)
{
    if (strcmp(opt, "-m") == 0 || strcmp(opt, "--memory") == 0) {
        uint64_t b;
        if (ig_run_parse_size(v, &b) < 0 || b < IG_RUN_MEM_MIN ||
            b > IG_RUN_MEM_MAX || b % (1u << 20)) {
            snprintf(err, errlen,
                     "%s %s: not a memory size (whole MiB from 2M to 1024G, "
                     "like 64M or 1G)",
                     opt, v);
            return -1;
        }
        o->mem = b;
    } else if (strcmp(opt, "--accel") == 0) {
        if (strcmp(v, "auto") == 0)
            o->accel = IG_RUN_ACCEL_AUTO;
        else if (strcmp(v, "kvm") == 0)
            o->accel = IG_RUN_ACCEL_KVM;
        else if (strcmp(v, "tcg") == 0)
            o->accel = IG_RUN_ACCEL_TCG;
        else {
            snprintf(err, errlen, "--accel %s: must be auto, kvm or tcg", v);
            return -1;
        }
    } else if (strcmp(opt, "--machine") == 0) {
        if (!ig_run_machine_ok(v)) {
            snprintf(err, errlen, "--machine %s: must be microvm or q35", v);
            return -1;
        }
        o->machine = v;
    } else if (strcmp(opt, "--rootfs") == 0) {
        o->rootfs = v;
    } else {
        return add_env(o, v, err, errlen);
    }
    return 0;
}

/* Options that take a value, as "-m 64M", "-m64M", "--accel=kvm" or
 * "--accel kvm". */
static const char *const valued[] = {"-m", "--memory", "--accel", "--machine",
                                     "-e", "--env",    "--rootfs"};

int ig_run_parse_args(struct ig_run_opts *o, int argc, char **argv, char *err,
                      size_t errlen)
{
    memset(o, 0, sizeof(*o));
    o->mem = IG_RUN_MEM_DEFAULT;
    o->machine = "microvm";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            o->args = argv + i + 1;
            o->nargs = argc - i - 1;
            break;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            o->help = 1;
            return 0;
        }
        if (strcmp(a, "--dry-run") == 0) {
            o->dry_run = 1;
            continue;
        }
        if (a[0] != '-' || a[1] == '\0') {
            if (o->image) {
                snprintf(err, errlen,
                         "%s: unexpected argument (put the app's arguments "
                         "after --)",
                         a);
                return -1;
            }
            o->image = a;
            continue;
        }
        size_t k, n = 0;
        const char *v = NULL;
        for (k = 0; k < sizeof(valued) / sizeof(valued[0]); k++) {
            n = strlen(valued[k]);
            if (strncmp(a, valued[k], n) == 0)
                break;
        }
        if (k == sizeof(valued) / sizeof(valued[0])) {
            snprintf(err, errlen, "%s: unknown option", a);
            return -1;
        }
        if (a[n] == '\0') {
            if (i + 1 >= argc) {
                snprintf(err, errlen, "%s: missing value", a);
                return -1;
            }
            v = argv[++i];
        } else if (a[n] == '=' && a[1] == '-') {
            v = a + n + 1;
        } else if (a[1] != '-') {
            v = a + n; /* -m64M, -eNAME=VALUE */
        } else {
            snprintf(err, errlen, "%s: unknown option", a);
            return -1;
        }
        const char *opt = strcmp(valued[k], "--env") == 0 ? "-e" : valued[k];
        if (set_value(o, opt, v, err, errlen) < 0)
            return -1;
    }
    if (!o->image) {
        snprintf(err, errlen, "missing IMAGE (see ingot run --help)");
        return -1;
    }
    return 0;
}

void ig_run_opts_free(struct ig_run_opts *o)
{
    ig_strvec_free(&o->env);
}
