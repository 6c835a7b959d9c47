/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mgr_args.c: values of -d's options: --restart, --log-opt, names, signals. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mgr.h"
#include "run.h"

/* Parses decimal (s) into (*out) within [min, max].  Returns 0 or -1. */
static int parse_long(const char *s, long min, long max, long *out)
{
    char *end;

    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int ig_mgr_parse_restart(const char *v, enum ig_mgr_restart *policy, long *max,
                         char *err, size_t errlen)
{
    *max = 0;
    if (strcmp(v, "no") == 0) {
        *policy = IG_MGR_RESTART_NO;
        return 0;
    }
    if (strcmp(v, "always") == 0) {
        *policy = IG_MGR_RESTART_ALWAYS;
        return 0;
    }
    if (strncmp(v, "on-failure", 10) == 0 &&
        (v[10] == '\0' ||
         (v[10] == ':' && parse_long(v + 11, 1, 1000000, max) == 0))) {
        *policy = IG_MGR_RESTART_ON_FAILURE;
        return 0;
    }
    snprintf(err, errlen,
             "--restart %s: must be no, always, on-failure or on-failure:N "
             "(N from 1 to 1000000)",
             v);
    return -1;
}

int ig_mgr_parse_log_opt(const char *v, struct ig_run_opts *o, char *err,
                         size_t errlen)
{
    if (strncmp(v, "max-size=", 9) == 0) {
        uint64_t b;
        /* Below 4 KiB a single line would not fit one file. */
        if (ig_run_parse_size(v + 9, &b) == 0 && b >= 4096 &&
            b <= (1ull << 40)) {
            o->log_max_size = (long long)b;
            return 0;
        }
        snprintf(err, errlen,
                 "--log-opt %s: max-size must be a size from 4K to 1024G, "
                 "like 512K or 10M",
                 v);
        return -1;
    }
    if (strncmp(v, "max-file=", 9) == 0) {
        long n;
        if (parse_long(v + 9, 1, IG_MGR_LOG_FILES_MAX, &n) == 0) {
            o->log_max_file = (int)n;
            return 0;
        }
        snprintf(err, errlen, "--log-opt %s: max-file must be 1 to %d", v,
                 IG_MGR_LOG_FILES_MAX);
        return -1;
    }
    snprintf(err, errlen, "--log-opt %s: must be max-size=SIZE or max-file=N",
             v);
    return -1;
}

int ig_mgr_name_ok(const char *name)
{
    size_t n = strlen(name);
    char c = name[0];

    if (n == 0 || n > IG_MGR_NAME_MAX)
        return 0;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9')))
        return 0;
    return strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                        "0123456789_.-") == n;
}

/* Signal names a user gives `ingot kill -s`, Linux's numbers. */
static const struct {
    const char *name;
    int sig;
} signals[] = {
    {"HUP", SIGHUP},       {"INT", SIGINT},   {"QUIT", SIGQUIT},
    {"ILL", SIGILL},       {"TRAP", SIGTRAP}, {"ABRT", SIGABRT},
    {"BUS", SIGBUS},       {"FPE", SIGFPE},   {"KILL", SIGKILL},
    {"USR1", SIGUSR1},     {"SEGV", SIGSEGV}, {"USR2", SIGUSR2},
    {"PIPE", SIGPIPE},     {"ALRM", SIGALRM}, {"TERM", SIGTERM},
    {"CHLD", SIGCHLD},     {"CONT", SIGCONT}, {"STOP", SIGSTOP},
    {"TSTP", SIGTSTP},     {"TTIN", SIGTTIN}, {"TTOU", SIGTTOU},
    {"URG", SIGURG},       {"XCPU", SIGXCPU}, {"XFSZ", SIGXFSZ},
    {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF}, {"WINCH", SIGWINCH},
    {"IO", SIGIO},         {"PWR", SIGPWR},   {"SYS", SIGSYS},
};

int ig_mgr_parse_signal(const char *s)
{
    long n;

    if (parse_long(s, 1, 64, &n) == 0)
        return (int)n;
    if (strncasecmp(s, "SIG", 3) == 0)
        s += 3;
    for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
        if (strcasecmp(s, signals[i].name) == 0)
            return signals[i].sig;
    return -1;
}
