/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mgr_store.c: instances in the state store: finding, updating, status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ingot/host.h>

#include "mgr.h"

char *ig_mgr_root(char *err, size_t errlen)
{
    const char *env = getenv("INGOT_STATE_DIR");
    const char *xdg = getenv("XDG_RUNTIME_DIR");

    if (env && *env) {
        if (env[0] != '/') {
            snprintf(err, errlen, "INGOT_STATE_DIR=%s: not an absolute path",
                     env);
            return NULL;
        }
        return ig_xstrdup(env);
    }
    if (geteuid() == 0)
        return ig_xstrdup("/run/ingot");
    if (xdg && xdg[0] == '/')
        return ig_xasprintf("%s/ingot", xdg);
    snprintf(err, errlen,
             "no state directory: set XDG_RUNTIME_DIR or "
             "INGOT_STATE_DIR");
    return NULL;
}

char *ig_mgr_root_say(void)
{
    char err[512];
    char *root = ig_mgr_root(err, sizeof(err));

    if (!root)
        ig_host_error("%s", err);
    return root;
}

const char *ig_mgr_get_str(const struct ig_state *s, const char *key)
{
    const char *v = json_string_value(json_object_get(s->extra, key));
    return v ? v : "";
}

long long ig_mgr_get_int(const struct ig_state *s, const char *key)
{
    return json_integer_value(json_object_get(s->extra, key));
}

void ig_mgr_set_str(struct ig_state *s, const char *key, const char *v)
{
    if (!s->extra)
        s->extra = json_object();
    json_object_set_new(s->extra, key, v ? json_string(v) : json_null());
}

void ig_mgr_set_int(struct ig_state *s, const char *key, long long v)
{
    if (!s->extra)
        s->extra = json_object();
    json_object_set_new(s->extra, key, json_integer(v));
}

/* Newest first, as docker ps lists. */
static int newest_first(const void *a, const void *b)
{
    long long x = ig_mgr_get_int(a, "created_ms");
    long long y = ig_mgr_get_int(b, "created_ms");
    return x < y   ? 1
           : x > y ? -1
                   : strcmp(((const struct ig_state *)a)->id,
                            ((const struct ig_state *)b)->id);
}

struct ig_state *ig_mgr_load_all(const char *root, size_t *n)
{
    struct ig_strvec ids = {0};
    struct ig_state *v;
    char err[256];

    *n = 0;
    ig_state_list(root, &ids);
    v = ig_xmalloc((ids.n ? ids.n : 1) * sizeof(*v));
    for (size_t i = 0; i < ids.n; i++)
        if (ig_state_load(root, ids.v[i], &v[*n], err, sizeof(err)) == 0 &&
            json_is_string(json_object_get(v[*n].extra, "name")))
            (*n)++;
        else
            ig_state_free(&v[*n]);
    ig_strvec_free(&ids);
    qsort(v, *n, sizeof(*v), newest_first);
    return v;
}

void ig_mgr_free_all(struct ig_state *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ig_state_free(&v[i]);
    free(v);
}

int ig_mgr_find(const char *root, const char *ref, struct ig_state *s,
                char *err, size_t errlen)
{
    size_t n, hit = 0, nhits = 0, len = strlen(ref);
    struct ig_state *all = ig_mgr_load_all(root, &n);

    for (size_t i = 0; i < n; i++) {
        if (strcmp(ig_mgr_get_str(&all[i], "name"), ref) == 0 ||
            strcmp(all[i].id, ref) == 0) {
            hit = i, nhits = 1;
            break;
        }
        if (len && strncmp(all[i].id, ref, len) == 0)
            hit = i, nhits++;
    }
    if (nhits == 1) {
        *s = all[hit];
        memset(&all[hit], 0, sizeof(all[hit]));
    } else {
        snprintf(err, errlen, "%s: %s", ref,
                 nhits ? "ambiguous ID prefix" : "no such instance");
    }
    ig_mgr_free_all(all, n);
    return nhits == 1 ? 0 : -1;
}

int ig_mgr_update(const char *root, const char *id,
                  int (*fn)(struct ig_state *s, void *ctx, char *err,
                            size_t errlen),
                  void *ctx, char *err, size_t errlen)
{
    struct ig_state s;
    int lock = ig_state_lock(root, 1, err, errlen);

    if (lock < 0)
        return -1;
    int r = ig_state_load(root, id, &s, err, errlen);
    if (r == 0) {
        r = fn(&s, ctx, err, errlen);
        if (r == 1)
            r = ig_state_save(root, &s, err, errlen);
        ig_state_free(&s);
    }
    ig_state_unlock(lock);
    return r;
}

static int merge(struct ig_state *s, void *ctx, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    if (!s->extra)
        s->extra = json_object();
    json_object_update(s->extra, ctx);
    return 1;
}

int ig_mgr_merge(const char *root, const char *id, json_t *fields, char *err,
                 size_t errlen)
{
    return ig_mgr_update(root, id, merge, fields, err, errlen);
}

int ig_mgr_active(const struct ig_state *s)
{
    return strcmp(ig_mgr_get_str(s, "phase"), IG_MGR_PHASE_EXITED) != 0 &&
           ig_state_alive(s);
}

int ig_mgr_stale(const struct ig_state *s)
{
    return strcmp(ig_mgr_get_str(s, "phase"), IG_MGR_PHASE_EXITED) != 0 &&
           !ig_state_alive(s);
}

void ig_mgr_status(const struct ig_state *s, char *buf, size_t len)
{
    const char *phase = ig_mgr_get_str(s, "phase");
    const char *fault = ig_mgr_get_str(s, "fault");
    long long st = ig_mgr_get_int(s, "exit_status");

    if (ig_mgr_stale(s))
        snprintf(buf, len, "dead (monitor %d died)", (int)s->pid);
    else if (strcmp(phase, IG_MGR_PHASE_EXITED) != 0)
        snprintf(buf, len, "%s", phase);
    else if (*fault)
        snprintf(buf, len, "crashed %lld (%s)", st, fault);
    else
        snprintf(buf, len, "exited %lld", st);
}

long long ig_mgr_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

pid_t ig_mgr_runner(const struct ig_state *s)
{
    pid_t pid = (pid_t)ig_mgr_get_int(s, "runner_pid");
    unsigned long long t =
        (unsigned long long)ig_mgr_get_int(s, "runner_start");

    if (!ig_mgr_active(s) || pid <= 0 || ig_state_proc_start(pid) != t)
        return 0;
    return pid;
}

/* Appends the children of (pid) (from /proc/PID/task/PID/children) to
 * (pids) from index (n); returns the new count. */
static int children(pid_t pid, pid_t *pids, int n, int max)
{
    char path[80];
    snprintf(path, sizeof(path), "/proc/%d/task/%d/children", (int)pid,
             (int)pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return n;
    int c;
    while (n < max && fscanf(f, "%d", &c) == 1)
        pids[n++] = (pid_t)c;
    fclose(f);
    return n;
}

int ig_mgr_tree(pid_t runner, pid_t *pids, int max)
{
    int n = 0;

    if (runner <= 0 || max < 1)
        return 0;
    pids[n++] = runner;
    for (int i = 0; i < n && n < max; i++)
        n = children(pids[i], pids, n, max);
    return n;
}
