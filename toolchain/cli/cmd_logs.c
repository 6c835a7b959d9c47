/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_logs.c: `ingot logs NAME`: an instance's output, kept and rotated. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host.h>

#include "mgr.h"

static const char usage[] =
    "Usage: ingot logs [-f] [--tail N] [-t] NAME|ID\n"
    "Print what a detached instance wrote: its standard output on standard\n"
    "output, its standard error (and ingot's own errors about it) on\n"
    "standard error, crash reports included, over all its runs.  The\n"
    "monitor keeps them while it runs and after it ended, rotated at\n"
    "--log-opt max-size (default 1M) with max-file files (default 3).\n"
    "\n"
    "  -f, --follow      keep printing new output until the instance ends\n"
    "  --tail N|all      only the last N lines (default all)\n"
    "  -t, --timestamps  start each line with its time (RFC 3339, UTC)\n"
    "  -h, --help        print this help\n"
    "\n"
    "Exit status: 0, or 1 for a bad option or an unknown instance.\n";

struct follow {
    const char *root, *id;
};

static int still_running(void *ctx)
{
    struct follow *f = ctx;
    struct ig_state s;
    char err[256];

    if (ig_state_load(f->root, f->id, &s, err, sizeof(err)) != 0)
        return 0;
    int r = ig_mgr_active(&s);
    ig_state_free(&s);
    return r;
}

static int parse_tail(const char *v, long *tail)
{
    char *end;

    if (strcmp(v, "all") == 0) {
        *tail = -1;
        return 0;
    }
    errno = 0;
    long n = strtol(v, &end, 10);
    if (*v < '0' || *v > '9' || *end || errno || n < 0) {
        ig_host_error("--tail %s: must be a number of lines or all", v);
        return -1;
    }
    *tail = n;
    return 0;
}

int ig_cmd_logs(int argc, char **argv)
{
    struct ig_mgr_logs_opts o = {.tail = -1};
    const char *ref = NULL;
    char err[512];

    ig_host_set_prog("ingot", 1);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "-f") || !strcmp(a, "--follow")) {
            o.follow = 1;
        } else if (!strcmp(a, "-t") || !strcmp(a, "--timestamps")) {
            o.timestamps = 1;
        } else if (!strcmp(a, "--tail") || !strcmp(a, "-n")) {
            if (i + 1 >= argc) {
                ig_host_error("%s: missing value", a);
                return 1;
            }
            if (parse_tail(argv[++i], &o.tail) < 0)
                return 1;
        } else if (!strncmp(a, "--tail=", 7)) {
            if (parse_tail(a + 7, &o.tail) < 0)
                return 1;
        } else if (a[0] == '-') {
            ig_host_error("%s: unknown option", a);
            return 1;
        } else if (ref) {
            ig_host_error("%s: unexpected argument (one instance only)", a);
            return 1;
        } else {
            ref = a;
        }
    }
    if (!ref) {
        ig_host_error("missing NAME or ID (see ingot logs --help)");
        return 1;
    }
    char *root = ig_mgr_root(err, sizeof(err));
    struct ig_state s;
    if (!root || ig_mgr_find(root, ref, &s, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        free(root);
        return 1;
    }
    struct follow f = {root, s.id};
    char *dir = ig_state_dir(root, s.id);
    int r = ig_mgr_logs_print(dir, &o, still_running, &f);
    if (ig_mgr_stale(&s))
        ig_host_error("%s: dead: its monitor (pid %d) died",
                      ig_mgr_get_str(&s, "name"), (int)s.pid);
    free(dir);
    ig_state_free(&s);
    free(root);
    return r < 0 ? 1 : 0;
}
