/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_stop.c: `ingot stop`, `kill`, `rm` and `wait` for detached instances. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include <ingot/host.h>

#include "mgr.h"
#include "run.h"

static const char usage_stop[] =
    "Usage: ingot stop [-t SECONDS] NAME|ID...\n"
    "Stop detached instances like docker stop: SIGTERM to the guest, then\n"
    "SIGKILL if it has not ended SECONDS later (default: its run's\n"
    "--stop-timeout, 10).  A stopped instance is not restarted, whatever\n"
    "its --restart.  Prints each NAME|ID once it has ended.\n"
    "\n"
    "  -t, --time SECONDS  the grace period, 0 to 86400\n"
    "  -h, --help          print this help\n"
    "\n"
    "Exit status: 0, or 1 when an instance is unknown or a bad option.\n";

static const char usage_kill[] =
    "Usage: ingot kill [-s SIGNAL] NAME|ID...\n"
    "Send SIGNAL (default KILL) to running instances.  INT, TERM, HUP,\n"
    "QUIT, USR1 and USR2 reach the guest, whose handler or default action\n"
    "decides; KILL ends the VMM or tender at once.  Other signals act on\n"
    "ingot's runner (most end the instance like KILL).  --restart applies\n"
    "afterwards as to any other end.\n"
    "\n"
    "  -s, --signal SIGNAL  a name (TERM, SIGTERM) or a number (15)\n"
    "  -h, --help           print this help\n"
    "\n"
    "Exit status: 0, or 1 when an instance is unknown or not running, or\n"
    "for a bad signal or option.\n";

static const char usage_rm[] =
    "Usage: ingot rm [-f] NAME|ID...\n"
    "Remove instances that have ended (or whose monitor died): their\n"
    "record and logs.  With -f, running ones are killed first.\n"
    "\n"
    "  -f, --force  kill running instances (SIGKILL) and remove them\n"
    "  -h, --help   print this help\n"
    "\n"
    "Exit status: 0, or 1 when an instance is unknown or running (no -f).\n";

static const char usage_wait[] =
    "Usage: ingot wait NAME|ID...\n"
    "Wait until each instance's current run ends (returns at once for one\n"
    "that has ended) and print its exit status: the app's, 255 for a\n"
    "crash, 128+N when killed by signal N.\n"
    "\n"
    "  -h, --help   print this help\n"
    "\n"
    "Exit status: the last instance's exit status, or 125 when one is\n"
    "unknown, is removed before it ends, or its monitor died.\n";

static void nap(void)
{
    nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
}

/* Parses the options of these commands: (flags) lists the valueless ones
 * ("-f"), (valued) the one taking a value (or NULL). */
static int parse(int argc, char **argv, const char *usage, const char *flag,
                 const char *flag_long, int *flag_set, const char *valued,
                 const char *valued_long, const char **value, int *first)
{
    int i;

    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 1;
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (flag && (!strcmp(a, flag) || !strcmp(a, flag_long))) {
            *flag_set = 1;
        } else if (valued && (!strcmp(a, valued) || !strcmp(a, valued_long))) {
            if (i + 1 >= argc) {
                ig_host_error("%s: missing value", a);
                return -1;
            }
            *value = argv[++i];
        } else if (valued && !strncmp(a, valued_long, strlen(valued_long)) &&
                   a[strlen(valued_long)] == '=') {
            *value = a + strlen(valued_long) + 1;
        } else {
            ig_host_error("%s: unknown option", a);
            return -1;
        }
    }
    if (i >= argc) {
        ig_host_error("missing NAME or ID (see ingot %s --help)", argv[0]);
        return -1;
    }
    *first = i;
    return 0;
}

struct stop_req {
    long timeout; /* -1: the instance's own */
};

static int request_stop(struct ig_state *s, void *ctx, char *err, size_t errlen)
{
    struct stop_req *r = ctx;
    (void)err, (void)errlen;
    json_object_set_new(s->extra, "stop_requested", json_true());
    if (r->timeout >= 0)
        ig_mgr_set_int(s, "stop_timeout", r->timeout);
    return 1;
}

/* Waits up to (ms) for instance (id) to end; returns 1 when it has. */
static int wait_end(const char *root, const char *id, long long ms)
{
    long long until = ig_mgr_now_ms() + ms;
    char err[256];

    for (;;) {
        struct ig_state s;
        if (ig_state_load(root, id, &s, err, sizeof(err)) != 0)
            return 1;
        int live = ig_mgr_active(&s);
        ig_state_free(&s);
        if (!live)
            return 1;
        if (ig_mgr_now_ms() > until)
            return 0;
        nap();
    }
}

/* Each NAME|ID in turn through (fn); returns 1 if any failed. */
static int each(int argc, char **argv, int first,
                int (*fn)(const char *root, struct ig_state *s, void *ctx),
                void *ctx)
{
    char err[512];
    int failed = 0;
    char *root = ig_mgr_root_say();

    if (!root)

        return 1;
    for (int i = first; i < argc; i++) {
        struct ig_state s;
        if (ig_mgr_find(root, argv[i], &s, err, sizeof(err)) < 0) {
            ig_host_error("%s", err);
            failed = 1;
            continue;
        }
        if (fn(root, &s, ctx) == 0)
            printf("%s\n", argv[i]);
        else
            failed = 1;
        fflush(stdout);
        ig_state_free(&s);
    }
    free(root);
    return failed;
}

static int stop_one(const char *root, struct ig_state *s, void *ctx)
{
    struct stop_req *r = ctx;
    char err[512];

    if (!ig_mgr_active(s))
        return 0;
    if (ig_mgr_update(root, s->id, request_stop, r, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        return -1;
    }
    kill(s->pid, SIGUSR1); /* the monitor: SIGTERM, then SIGKILL */
    long t = r->timeout >= 0 ? r->timeout : ig_mgr_get_int(s, "stop_timeout");
    if (!wait_end(root, s->id, (long long)t * 1000 + 30000)) {
        ig_host_error("%s: still running %ld s after the stop request",
                      ig_mgr_get_str(s, "name"), t + 30);
        return -1;
    }
    return 0;
}

int ig_cmd_stop(int argc, char **argv)
{
    const char *t = NULL;
    struct stop_req r = {-1};
    int first, unused;

    ig_host_set_prog("ingot", 1);
    int p = parse(argc, argv, usage_stop, NULL, NULL, &unused, "-t", "--time",
                  &t, &first);
    if (p)
        return p < 0;
    if (t) {
        char *end;
        errno = 0;
        r.timeout = strtol(t, &end, 10);
        if (*t < '0' || *t > '9' || *end || errno ||
            r.timeout > IG_RUN_STOP_TIMEOUT_MAX) {
            ig_host_error("-t %s: must be whole seconds, 0 to %d", t,
                          IG_RUN_STOP_TIMEOUT_MAX);
            return 1;
        }
    }
    return each(argc, argv, first, stop_one, &r);
}

static int kill_one(const char *root, struct ig_state *s, void *ctx)
{
    (void)root;
    pid_t runner = ig_mgr_runner(s);
    if (!runner || kill(runner, *(int *)ctx) < 0) {
        ig_host_error("%s: not running", ig_mgr_get_str(s, "name"));
        return -1;
    }
    return 0;
}

int ig_cmd_kill(int argc, char **argv)
{
    const char *v = NULL;
    int first, unused, sig = SIGKILL;

    ig_host_set_prog("ingot", 1);
    int p = parse(argc, argv, usage_kill, NULL, NULL, &unused, "-s", "--signal",
                  &v, &first);
    if (p)
        return p < 0;
    if (v && (sig = ig_mgr_parse_signal(v)) < 0) {
        ig_host_error("-s %s: not a signal (a name like TERM or a number "
                      "1-64)",
                      v);
        return 1;
    }
    return each(argc, argv, first, kill_one, &sig);
}

static int rm_one(const char *root, struct ig_state *s, void *ctx)
{
    int force = *(int *)ctx;
    char err[512];

    if (ig_mgr_active(s)) {
        struct stop_req r = {0};
        if (!force) {
            ig_host_error("%s: running; stop it first or use rm -f",
                          ig_mgr_get_str(s, "name"));
            return -1;
        }
        ig_mgr_update(root, s->id, request_stop, &r, err, sizeof(err));
        pid_t runner = ig_mgr_runner(s);
        if (runner)
            kill(runner, SIGKILL);
        kill(s->pid, SIGUSR1);
        /* The monitor records the end and exits. */
        for (int i = 0; i < 300 && ig_state_alive(s); i++)
            nap();
    }
    int lock = ig_state_lock(root, 1, err, sizeof(err));
    ig_state_remove(root, s->id);
    ig_state_unlock(lock);
    return 0;
}

int ig_cmd_rm(int argc, char **argv)
{
    int first, force = 0;

    ig_host_set_prog("ingot", 1);
    int p = parse(argc, argv, usage_rm, "-f", "--force", &force, NULL, NULL,
                  NULL, &first);
    if (p)
        return p < 0;
    return each(argc, argv, first, rm_one, &force);
}

/* Returns the status of the run of (id) current when it was called, or
 * -1 after printing why there is none. */
static int wait_one(const char *root, struct ig_state *s)
{
    char err[512];
    const char *name = ig_mgr_get_str(s, "name");
    char *p = ig_xasprintf("%s/%s/.wait", root, s->id);
    /* Holding .wait shared keeps a --rm monitor from removing the record
     * before this has read the status. */
    int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    free(p);
    if (fd >= 0)
        flock(fd, LOCK_SH);
    const char *phase = ig_mgr_get_str(s, "phase");
    long long target =
        ig_mgr_get_int(s, "run") + (strcmp(phase, IG_MGR_PHASE_RUNNING) != 0);
    int status = -1;
    for (;;) {
        struct ig_state t;
        if (ig_state_load(root, s->id, &t, err, sizeof(err)) != 0) {
            ig_host_error("%s: removed before it ended", name);
            break;
        }
        int done = !strcmp(ig_mgr_get_str(&t, "phase"), IG_MGR_PHASE_EXITED) ||
                   ig_mgr_get_int(&t, "exit_run") >= target;
        if (done)
            status = (int)ig_mgr_get_int(&t, "exit_status");
        else if (ig_mgr_stale(&t))
            ig_host_error("%s: dead: its monitor (pid %d) died; the exit "
                          "status is unknown",
                          name, (int)t.pid);
        int stale = ig_mgr_stale(&t);
        ig_state_free(&t);
        if (done || stale)
            break;
        nap();
    }
    if (fd >= 0)
        close(fd);
    return status;
}

int ig_cmd_wait(int argc, char **argv)
{
    char err[512];
    int first, unused, last = 0;

    ig_host_set_prog("ingot", IG_RUN_STATUS_FAIL);
    int p = parse(argc, argv, usage_wait, NULL, NULL, &unused, NULL, NULL, NULL,
                  &first);
    if (p)
        return p < 0 ? IG_RUN_STATUS_FAIL : 0;
    char *root = ig_mgr_root_say();
    if (!root)
        return IG_RUN_STATUS_FAIL;
    for (int i = first; i < argc; i++) {
        struct ig_state s;
        if (ig_mgr_find(root, argv[i], &s, err, sizeof(err)) < 0) {
            ig_host_error("%s", err);
            last = IG_RUN_STATUS_FAIL;
            continue;
        }
        int st = wait_one(root, &s);
        ig_state_free(&s);
        if (st < 0) {
            last = IG_RUN_STATUS_FAIL;
            continue;
        }
        printf("%d\n", st);
        fflush(stdout);
        last = st;
    }
    free(root);
    return last;
}
