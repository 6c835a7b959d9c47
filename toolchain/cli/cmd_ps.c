/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_ps.c: `ingot ps` lists instances; `ingot inspect NAME` shows one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host.h>

#include "mgr.h"

static const char usage[] =
    "Usage: ingot ps [-a] [-q] [--json]\n"
    "List the instances started by ingot run -d: ID, name, image, platform,\n"
    "status, uptime, guest memory, published ports and volumes.\n"
    "\n"
    "  -a, --all    also instances that have ended (exited N, crashed N\n"
    "               (the fault line), dead: the monitor died)\n"
    "  -q, --quiet  print the IDs only\n"
    "  --json       print a JSON array, one object per instance\n"
    "  -h, --help   print this help\n"
    "\n"
    "Without -a, instances whose monitor died are named on standard error.\n"
    "The state directory is $INGOT_STATE_DIR, else /run/ingot for root,\n"
    "else $XDG_RUNTIME_DIR/ingot (docs/manage.md).\n"
    "\n"
    "Exit status: 0, or 1 for a bad option or an unusable state directory.\n";

static void duration(long long ms, char *buf, size_t len)
{
    long long s = ms / 1000;

    if (s < 60)
        snprintf(buf, len, "%llds", s);
    else if (s < 3600)
        snprintf(buf, len, "%lldm%llds", s / 60, s % 60);
    else if (s < 86400)
        snprintf(buf, len, "%lldh%lldm", s / 3600, s % 3600 / 60);
    else
        snprintf(buf, len, "%lldd%lldh", s / 86400, s % 86400 / 3600);
}

static void join(json_t *a, char *buf, size_t len)
{
    size_t i, n = 0;
    json_t *v;

    buf[0] = '\0';
    json_array_foreach(a, i, v)
    {
        int k = snprintf(buf + n, len - n, "%s%s", i ? "," : "",
                         json_string_value(v) ? json_string_value(v) : "");
        if (k < 0 || (size_t)k >= len - n)
            break;
        n += (size_t)k;
    }
    if (!buf[0])
        snprintf(buf, len, "-");
}

static json_t *to_json(const struct ig_state *s)
{
    char status[300];
    json_t *j = json_deep_copy(s->extra);

    ig_mgr_status(s, status, sizeof(status));
    json_object_set_new(j, "id", json_string(s->id));
    json_object_set_new(j, "status", json_string(status));
    json_object_set_new(
        j, "state",
        json_string(ig_mgr_stale(s) ? "dead" : ig_mgr_get_str(s, "phase")));
    json_object_set_new(j, "monitor_pid", json_integer(s->pid));
    /* The store's own fields that say nothing here. */
    const char *noise[] = {"pid", "start_time", "started", "paused",
                           "runner_start"};
    for (size_t i = 0; i < sizeof(noise) / sizeof(noise[0]); i++)
        json_object_del(j, noise[i]);
    json_object_set_new(j, "created",
                        json_string(s->created ? s->created : ""));
    if (ig_mgr_active(s) &&
        !strcmp(ig_mgr_get_str(s, "phase"), IG_MGR_PHASE_RUNNING))
        json_object_set_new(
            j, "uptime_ms",
            json_integer(ig_mgr_now_ms() - ig_mgr_get_int(s, "started_at")));
    return j;
}

#define NCOLS 9

/* The table's cells, padded to the widest of each column when printed. */
struct table {
    struct ig_strvec cells;
    size_t width[NCOLS];
};

static void cell(struct table *t, const char *v)
{
    size_t col = t->cells.n % NCOLS, n = strlen(v);

    ig_strvec_push(&t->cells, v);
    if (n > t->width[col])
        t->width[col] = n;
}

static void row(struct table *t, const struct ig_state *s)
{
    char status[300], up[32] = "-", mem[32], ports[256], vols[512], id[13];
    const char *image = ig_mgr_get_str(s, "image");
    const char *base = strrchr(image, '/');

    ig_mgr_status(s, status, sizeof(status));
    if (ig_mgr_active(s) &&
        !strcmp(ig_mgr_get_str(s, "phase"), IG_MGR_PHASE_RUNNING))
        duration(ig_mgr_now_ms() - ig_mgr_get_int(s, "started_at"), up,
                 sizeof(up));
    snprintf(mem, sizeof(mem), "%lldM", ig_mgr_get_int(s, "memory") >> 20);
    join(json_object_get(s->extra, "ports"), ports, sizeof(ports));
    join(json_object_get(s->extra, "volumes"), vols, sizeof(vols));
    const char *plat = ig_mgr_get_str(s, "platform");
    snprintf(id, sizeof(id), "%.12s", s->id);
    cell(t, id);
    cell(t, ig_mgr_get_str(s, "name"));
    /* A file's name (its directory is in `inspect`); references whole. */
    cell(t, base && !strchr(image, ':') ? base + 1 : image);
    cell(t, *plat ? plat : "-");
    cell(t, status);
    cell(t, up);
    cell(t, mem);
    cell(t, ports);
    cell(t, vols);
}

static void print_table(struct table *t)
{
    for (size_t i = 0; i < t->cells.n; i++) {
        size_t col = i % NCOLS;
        if (col == NCOLS - 1)
            printf("%s\n", t->cells.v[i]);
        else
            printf("%-*s  ", (int)t->width[col], t->cells.v[i]);
    }
    ig_strvec_free(&t->cells);
}

int ig_cmd_ps(int argc, char **argv)
{
    int all = 0, quiet = 0, as_json = 0;

    ig_host_set_prog("ingot", 1);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "-a") || !strcmp(a, "--all")) {
            all = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
        } else if (!strcmp(a, "-aq") || !strcmp(a, "-qa")) {
            all = quiet = 1;
        } else if (!strcmp(a, "--json")) {
            as_json = 1;
        } else {
            ig_host_error("%s: %s", a,
                          a[0] == '-' ? "unknown option"
                                      : "unexpected argument");
            return 1;
        }
    }
    char *root = ig_mgr_root_say();
    if (!root)
        return 1;
    size_t n;
    struct ig_state *v = ig_mgr_load_all(root, &n);
    json_t *arr = json_array();
    struct table t = {0};
    static const char *const head[NCOLS] = {"ID",       "NAME",   "IMAGE",
                                            "PLATFORM", "STATUS", "UPTIME",
                                            "MEMORY",   "PORTS",  "VOLUMES"};
    for (int c = 0; c < NCOLS; c++)
        cell(&t, head[c]);
    for (size_t i = 0; i < n; i++) {
        const struct ig_state *s = &v[i];
        if (!all && !ig_mgr_active(s)) {
            if (ig_mgr_stale(s) && !quiet)
                ig_host_error("%s: dead: its monitor (pid %d) died; "
                              "`ingot rm %s` removes it",
                              ig_mgr_get_str(s, "name"), (int)s->pid,
                              ig_mgr_get_str(s, "name"));
            continue;
        }
        if (as_json)
            json_array_append_new(arr, to_json(s));
        else if (quiet)
            printf("%.12s\n", s->id);
        else
            row(&t, s);
    }
    if (!quiet && !as_json)
        print_table(&t);
    ig_strvec_free(&t.cells);
    if (as_json) {
        json_dumpf(arr, stdout, JSON_INDENT(2));
        printf("\n");
    }
    json_decref(arr);
    ig_mgr_free_all(v, n);
    free(root);
    return fflush(stdout) == 0 ? 0 : 1;
}

int ig_mgr_inspect(const char *ref)
{
    char err[512];
    struct ig_state s;
    char *root = ig_mgr_root(err, sizeof(err));

    if (!root || ig_mgr_find(root, ref, &s, err, sizeof(err)) < 0) {
        if (root && strstr(err, "no such instance"))
            ig_host_error("%s: no such image file or instance", ref);
        else
            ig_host_error("%s", err);
        free(root);
        return 1;
    }
    json_t *j = to_json(&s);
    pid_t pids[16];
    int np = ig_mgr_tree(ig_mgr_runner(&s), pids, 16);
    json_t *procs = json_array();
    for (int i = 0; i < np; i++)
        json_array_append_new(procs, json_integer(pids[i]));
    json_object_set_new(j, "processes", procs);
    char *dir = ig_state_dir(root, s.id);
    json_object_set_new(j, "state_dir", json_string(dir));
    free(dir);
    json_dumpf(j, stdout, JSON_INDENT(2) | JSON_SORT_KEYS);
    printf("\n");
    json_decref(j);
    ig_state_free(&s);
    free(root);
    return fflush(stdout) == 0 ? 0 : 1;
}
