/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmds.c: start, state, kill, delete, ps, pause/resume, features. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rt.h"

int ig_rt_owns(const struct ig_rt *rt, const char *id)
{
    if (!ig_state_id_ok(id))
        return 0;
    char *p = ig_xasprintf("%s/%s/%s", rt->root, id, IG_STATE_FILE);
    int r = access(p, F_OK) == 0;
    free(p);
    return r;
}

/* Loads (id) and its status; returns 0 or 1 after reporting. */
static int load(const struct ig_rt *rt, const char *id, struct ig_state *st,
                const char **status)
{
    char err[512];
    int r = ig_state_load(rt->root, id, st, err, sizeof(err));

    if (r == -2)
        ig_rt_error(rt, "container %s does not exist", id);
    else if (r < 0)
        ig_rt_error(rt, "%s", err);
    if (r < 0)
        return 1;
    char *fifo = ig_xasprintf("%s/%s/exec.fifo", rt->root, id);
    *status = ig_state_status(st, access(fifo, F_OK) == 0);
    free(fifo);
    return 0;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

int ig_rt_start(struct ig_rt *rt, const char *id)
{
    struct ig_state st;
    const char *status;
    char err[512];
    int r = 1;

    if (load(rt, id, &st, &status))
        return 1;
    if (strcmp(status, "created") != 0) {
        ig_rt_error(rt, "cannot start a container that is %s", status);
        goto out;
    }
    char *fifo = ig_xasprintf("%s/%s/exec.fifo", rt->root, id);
    int fd = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        ig_rt_error(rt, "%s: %s", fifo, strerror(errno));
        free(fifo);
        goto out;
    }
    /* The container process is blocked opening the fifo for writing; now
     * that it has a reader it writes one byte and goes on. */
    char c;
    for (int waited = 0;; waited += 10) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 10) == 1 && read(fd, &c, 1) == 1)
            break;
        if (!ig_state_alive(&st) || waited > 30000) {
            ig_rt_error(rt, "%s: the container process did not start", id);
            close(fd);
            free(fifo);
            goto out;
        }
    }
    close(fd);
    unlink(fifo);
    free(fifo);
    st.started = 1;
    if (ig_state_save(rt->root, &st, err, sizeof(err)) < 0) {
        ig_rt_error(rt, "%s", err);
        goto out;
    }
    r = 0;
    ig_rt_hooks_late(rt, &st, "running", IG_RT_HOOK_POSTSTART);
out:
    ig_state_free(&st);
    return r;
}

int ig_rt_state(struct ig_rt *rt, const char *id)
{
    struct ig_state st;
    const char *status;

    if (load(rt, id, &st, &status))
        return 1;
    json_t *j = ig_state_oci_json(&st, status, NULL);
    char *t = json_dumps(j, JSON_INDENT(2));
    printf("%s\n", t);
    free(t);
    json_decref(j);
    ig_state_free(&st);
    return 0;
}

/* "TERM", "SIGTERM" or a number. */
static int parse_signal(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);

    if (end != s && !*end)
        return n >= 1 && n < NSIG ? (int)n : -1;
    if (strncmp(s, "SIG", 3) == 0)
        s += 3;
    for (int i = 1; i < NSIG; i++) {
        const char *a = sigabbrev_np(i);
        if (a && strcmp(a, s) == 0)
            return i;
    }
    return -1;
}

/* Positional arguments and flags of (argv)[1..]; (bools) are the flags
 * taking no value (every other flag takes one). */
static int split(const struct ig_rt *rt, int argc, char **argv,
                 const char *bools, const char *vals, char **pos, int maxpos,
                 int *npos, char *flags, const char **val)
{
    *npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1]) {
            if (*npos == maxpos) {
                ig_rt_error(rt, "%s: unexpected argument", a);
                return -1;
            }
            pos[(*npos)++] = argv[i];
            continue;
        }
        const char *name = a + (a[1] == '-' ? 2 : 1);
        char key[40];
        snprintf(key, sizeof(key), " %.*s ", (int)strcspn(name, "="), name);
        if (strstr(bools, key)) {
            strncat(flags, key, 63 - strlen(flags));
        } else if (vals && strstr(vals, key)) {
            const char *eq = strchr(name, '=');
            *val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!*val) {
                ig_rt_error(rt, "%s: missing value", a);
                return -1;
            }
        } else {
            ig_rt_error(rt, "%s: unknown option", a);
            return -1;
        }
    }
    if (*npos == 0) {
        ig_rt_error(rt, "missing container ID");
        return -1;
    }
    return 0;
}

int ig_rt_kill(struct ig_rt *rt, int argc, char **argv)
{
    char *pos[2], flags[64] = "";
    const char *val = NULL, *status;
    int npos;
    struct ig_state st;

    if (split(rt, argc, argv, " all a ", NULL, pos, 2, &npos, flags, &val) < 0)
        return 1;
    int sig = npos > 1 ? parse_signal(pos[1]) : SIGTERM;
    if (sig < 0) {
        ig_rt_error(rt, "%s: not a signal", pos[1]);
        return 1;
    }
    if (load(rt, pos[0], &st, &status))
        return 1;
    int r = 0;
    if (strcmp(status, "stopped") == 0) {
        ig_rt_error(rt, "container not running");
        r = 1;
    } else {
        /* The container process leads its own group: QEMU or the tender
         * is in it.  --all and SIGKILL reach them all; other signals go
         * to `ingot run`, which passes them on to the guest. */
        int all =
            strstr(flags, " all ") || strstr(flags, " a ") || sig == SIGKILL;
        if ((all ? kill(-st.pid, sig) : kill(st.pid, sig)) < 0 &&
            errno != ESRCH) {
            ig_rt_error(rt, "kill %s: %s", pos[0], strerror(errno));
            r = 1;
        }
        if (all && st.paused)
            kill(-st.pid, SIGCONT);
    }
    ig_state_free(&st);
    return r;
}

int ig_rt_delete(struct ig_rt *rt, int argc, char **argv)
{
    char *pos[1], flags[64] = "";
    const char *val = NULL, *status;
    int npos;
    struct ig_state st;

    if (split(rt, argc, argv, " force f ", NULL, pos, 1, &npos, flags, &val) <
        0)
        return 1;
    if (load(rt, pos[0], &st, &status))
        return 1;
    int force = strstr(flags, " force ") || strstr(flags, " f ");
    if (strcmp(status, "stopped") != 0) {
        if (!force && strcmp(status, "created") != 0) {
            ig_rt_error(rt,
                        "cannot delete container %s that is not stopped: "
                        "%s",
                        pos[0], status);
            ig_state_free(&st);
            return 1;
        }
        kill(-st.pid, SIGKILL);
        kill(st.pid, SIGKILL);
        kill(-st.pid, SIGCONT);
        for (int i = 0; i < 500 && ig_state_alive(&st); i++)
            sleep_ms(10);
    }
    const char *netns = json_string_value(json_object_get(st.extra, "netns"));
    const char *cg = json_string_value(json_object_get(st.extra, "cgroup"));
    if (netns) {
        char *rec = ig_xasprintf("%s/%s/net.json", rt->root, pos[0]);
        ig_rt_net_restore(netns, rec);
        free(rec);
    }
    if (cg)
        ig_rt_cgroup_remove(cg);
    ig_rt_hooks_late(rt, &st, "stopped", IG_RT_HOOK_POSTSTOP);
    ig_state_remove(rt->root, pos[0]);
    ig_state_free(&st);
    return 0;
}

/* The pids of process group (pgrp), the leader first. */
static json_t *group_pids(pid_t pgrp)
{
    json_t *a = json_array();
    DIR *d = opendir("/proc");
    struct dirent *de;

    json_array_append_new(a, json_integer(pgrp));
    while (d && (de = readdir(d))) {
        char path[64], buf[512];
        int pid = atoi(de->d_name), pg;
        if (pid <= 0 || pid == pgrp)
            continue;
        snprintf(path, sizeof(path), "/proc/%d/stat", pid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ssize_t n = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        if (n <= 0)
            continue;
        buf[n] = '\0';
        char *p = strrchr(buf, ')');
        /* ") S PPID PGRP" */
        if (p && sscanf(p + 1, " %*c %*d %d", &pg) == 1 && pg == pgrp)
            json_array_append_new(a, json_integer(pid));
    }
    if (d)
        closedir(d);
    return a;
}

int ig_rt_ps(struct ig_rt *rt, int argc, char **argv)
{
    char *pos[1], flags[64] = "";
    const char *fmt = "table", *status;
    int npos;
    struct ig_state st;

    if (split(rt, argc, argv, " ", " format f ", pos, 1, &npos, flags, &fmt) <
        0)
        return 1;
    if (strcmp(fmt, "json") != 0 && strcmp(fmt, "table") != 0) {
        ig_rt_error(rt, "--format %s: not json or table", fmt);
        return 1;
    }
    if (load(rt, pos[0], &st, &status))
        return 1;
    json_t *a = strcmp(status, "stopped") ? group_pids(st.pid) : json_array();
    if (strcmp(fmt, "json") == 0) {
        char *t = json_dumps(a, JSON_COMPACT);
        printf("%s\n", t);
        free(t);
    } else {
        json_t *v;
        size_t i;
        printf("PID\n");
        json_array_foreach(a, i, v)
            printf("%lld\n", (long long)json_integer_value(v));
    }
    json_decref(a);
    ig_state_free(&st);
    return 0;
}

int ig_rt_pause(struct ig_rt *rt, const char *id, int pause)
{
    struct ig_state st;
    const char *status;
    char err[512];
    int r = 1;

    if (load(rt, id, &st, &status))
        return 1;
    if (strcmp(status, pause ? "running" : "paused") != 0) {
        ig_rt_error(rt, "container %s is %s, not %s", id, status,
                    pause ? "running" : "paused");
        goto out;
    }
    /* SIGSTOP holds the VMM (every vCPU thread) or the tender, and with it
     * the guest, the way the freezer holds a container's processes. */
    if (kill(-st.pid, pause ? SIGSTOP : SIGCONT) < 0) {
        ig_rt_error(rt, "%s: %s", id, strerror(errno));
        goto out;
    }
    st.paused = pause;
    if (ig_state_save(rt->root, &st, err, sizeof(err)) < 0)
        ig_rt_error(rt, "%s", err);
    else
        r = 0;
out:
    ig_state_free(&st);
    return r;
}

int ig_rt_features(void)
{
    static const char text[] =
        "{\n"
        "  \"ociVersionMin\": \"1.0.0\",\n"
        "  \"ociVersionMax\": \"1.1.0\",\n"
        "  \"hooks\": [\"prestart\", \"createRuntime\", \"createContainer\", "
        "\"poststart\", \"poststop\"],\n"
        "  \"mountOptions\": [\"bind\", \"rbind\", \"ro\", \"rw\"],\n"
        "  \"linux\": {\n"
        "    \"namespaces\": [\"network\"],\n"
        "    \"cgroup\": {\"v1\": true, \"v2\": true, \"systemd\": false}\n"
        "  },\n"
        "  \"annotations\": {\n"
        "    \"org.ingot.runtime\": \"ingot-runc: Ingot bundles boot as "
        "unikernels; others are handed to runc\"\n"
        "  }\n"
        "}\n";
    fputs(text, stdout);
    return 0;
}
