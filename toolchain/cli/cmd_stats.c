/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_stats.c: `ingot stats`: CPU and memory of each instance's processes. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ingot/host.h>

#include "mgr.h"

static const char usage[] =
    "Usage: ingot stats [--no-stream] [NAME|ID...]\n"
    "Show CPU and memory use of running instances (all of them without\n"
    "NAME|ID), read from /proc for the VMM (QEMU) or pico tender and\n"
    "ingot's runner: CPU as a percentage of one core over the last\n"
    "interval, MEM as resident memory (RSS), next to the guest's memory\n"
    "size.  Refreshes every second until interrupted.\n"
    "\n"
    "  --no-stream  print one sample (over half a second) and exit\n"
    "  -h, --help   print this help\n"
    "\n"
    "Exit status: 0, or 1 for a bad option or an unknown instance.\n";

#define MAX_PIDS 16

struct sample {
    unsigned long long ticks; /* utime + stime, clock ticks */
    unsigned long long rss;   /* bytes */
    int npids;
};

/* Adds (pid)'s CPU time and resident size to (s). */
static void add_proc(pid_t pid, struct sample *s)
{
    char path[64], buf[1024];
    unsigned long long utime = 0, stime = 0, pages = 0, size;

    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return;
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    /* After the name: state is field 3, utime 14, stime 15. */
    if (!p ||
        sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
               &utime, &stime) != 2)
        return;
    snprintf(path, sizeof(path), "/proc/%d/statm", (int)pid);
    f = fopen(path, "re");
    if (f) {
        if (fscanf(f, "%llu %llu", &size, &pages) != 2)
            pages = 0;
        fclose(f);
    }
    s->ticks += utime + stime;
    s->rss += pages * (unsigned long long)sysconf(_SC_PAGESIZE);
    s->npids++;
}

static void take(const struct ig_state *s, struct sample *out)
{
    pid_t pids[MAX_PIDS];
    int n = ig_mgr_tree(ig_mgr_runner(s), pids, MAX_PIDS);

    memset(out, 0, sizeof(*out));
    for (int i = 0; i < n; i++)
        add_proc(pids[i], out);
}

static volatile sig_atomic_t interrupted;

static void on_int(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* The instances to show: those named, or every running one. */
static struct ig_state *pick(const char *root, int argc, char **argv, int first,
                             size_t *n)
{
    char err[512];

    if (first >= argc) {
        size_t all_n, k = 0;
        struct ig_state *all = ig_mgr_load_all(root, &all_n);
        for (size_t i = 0; i < all_n; i++) {
            if (ig_mgr_active(&all[i]))
                all[k++] = all[i];
            else
                ig_state_free(&all[i]);
        }
        *n = k;
        return all;
    }
    struct ig_state *v = ig_xmalloc(sizeof(*v) * (size_t)(argc - first));
    *n = 0;
    for (int i = first; i < argc; i++) {
        if (ig_mgr_find(root, argv[i], &v[*n], err, sizeof(err)) < 0) {
            ig_host_error("%s", err);
            ig_mgr_free_all(v, *n);
            return NULL;
        }
        (*n)++;
    }
    return v;
}

int ig_cmd_stats(int argc, char **argv)
{
    int stream = 1, first = 1;

    ig_host_set_prog("ingot", 1);
    for (; first < argc && argv[first][0] == '-'; first++) {
        const char *a = argv[first];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "--no-stream")) {
            stream = 0;
        } else {
            ig_host_error("%s: unknown option", a);
            return 1;
        }
    }
    char *root = ig_mgr_root_say();
    if (!root)
        return 1;
    size_t n;
    struct ig_state *v = pick(root, argc, argv, first, &n);
    free(root);
    if (!v)
        return 1;
    struct sample *prev = ig_xmalloc(sizeof(*prev) * (n ? n : 1));
    struct sample cur;
    long hz = sysconf(_SC_CLK_TCK);
    int tty = isatty(STDOUT_FILENO);

    signal(SIGINT, on_int);
    signal(SIGTERM, on_int);
    for (size_t i = 0; i < n; i++)
        take(&v[i], &prev[i]);
    long long t0 = ig_mgr_now_ms();
    while (!interrupted) {
        long ms = stream ? 1000 : 500;
        nanosleep(&(struct timespec){ms / 1000, ms % 1000 * 1000000L}, NULL);
        if (interrupted)
            break;
        long long t1 = ig_mgr_now_ms();
        double secs = (double)(t1 - t0) / 1000.0;
        t0 = t1;
        if (tty && stream)
            fputs("\033[2J\033[H", stdout);
        printf("%-12s  %-16s  %7s  %10s  %10s  %s\n", "ID", "NAME", "CPU %",
               "MEM", "GUEST MEM", "PIDS");
        for (size_t i = 0; i < n; i++) {
            take(&v[i], &cur);
            double cpu = cur.ticks >= prev[i].ticks && secs > 0
                             ? (double)(cur.ticks - prev[i].ticks) /
                                   (double)hz / secs * 100.0
                             : 0.0;
            printf("%-12.12s  %-16s  %6.1f%%  %8.1fMi  %8lldMi  %d\n", v[i].id,
                   ig_mgr_get_str(&v[i], "name"), cpu,
                   (double)cur.rss / 1048576.0,
                   ig_mgr_get_int(&v[i], "memory") >> 20, cur.npids);
            prev[i] = cur;
        }
        fflush(stdout);
        if (!stream)
            break;
    }
    free(prev);
    ig_mgr_free_all(v, n);
    return 0;
}
