/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cgroup.c: put the VMM or tender into linux.cgroupsPath (cgroupfs v1, v2). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rt.h"

/* Appends the mount points of cgroup (v1) and cgroup2 file systems. */
static void hierarchies(struct ig_strvec *out)
{
    FILE *f = fopen("/proc/self/mountinfo", "re");
    char line[4096];

    if (!f)
        return;
    while (fgets(line, sizeof(line), f)) {
        /* ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [TAGS] - FSTYPE SRC ... */
        char mnt[2048], fstype[64];
        const char *dash = strstr(line, " - ");
        if (!dash || sscanf(line, "%*s %*s %*s %*s %2047s", mnt) != 1 ||
            sscanf(dash + 3, "%63s", fstype) != 1)
            continue;
        if (strcmp(fstype, "cgroup") == 0 || strcmp(fstype, "cgroup2") == 0)
            ig_strvec_push(out, mnt);
    }
    fclose(f);
}

/* "slice:prefix:name" (the systemd driver's form) as the cgroupfs path
 * systemd would give it; other paths as they are. */
static char *fs_path(const char *path)
{
    const char *c1 = strchr(path, ':');
    if (path[0] == '/' || !c1 || !strchr(c1 + 1, ':'))
        return ig_xasprintf("%s%s", path[0] == '/' ? "" : "/", path);
    const char *c2 = strchr(c1 + 1, ':');
    return ig_xasprintf("/%.*s/%.*s-%s.scope", (int)(c1 - path), path,
                        (int)(c2 - c1 - 1), c1 + 1, c2 + 1);
}

static int write_file(const char *path, const char *text);

/* A new cpuset v1 group starts with no CPUs and no memory nodes, and takes
 * no process until given its parent's. */
static void cpuset_inherit(const char *dir)
{
    static const char *const files[] = {"cpuset.cpus", "cpuset.mems"};

    for (int i = 0; i < 2; i++) {
        char *mine = ig_xasprintf("%s/%s", dir, files[i]);
        char *parent = ig_xasprintf("%s/../%s", dir, files[i]);
        char buf[4096] = "";
        FILE *f = fopen(mine, "re");
        if (f) {
            int empty = !fgets(buf, sizeof(buf), f) || buf[0] == '\n';
            fclose(f);
            f = empty ? fopen(parent, "re") : NULL;
            if (f && fgets(buf, sizeof(buf), f))
                write_file(mine, buf);
            if (f)
                fclose(f);
        }
        free(mine);
        free(parent);
    }
}

static int mkdir_p(char *p)
{
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s)
            continue;
        char c = *s;
        *s = '\0';
        int r = mkdir(p, 0755);
        if (r == 0)
            cpuset_inherit(p);
        *s = c;
        if (r < 0 && errno != EEXIST)
            return -1;
        if (!c)
            return 0;
    }
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "we");
    if (!f)
        return -1;
    int r = fputs(text, f) < 0;
    r |= fclose(f) != 0;
    return r ? -1 : 0;
}

int ig_rt_cgroup_enter(const char *path, pid_t pid, uint64_t mem_limit,
                       char *err, size_t errlen)
{
    struct ig_strvec mounts = {0};
    char *rel = fs_path(path), num[32];
    int r = 0;

    if (strstr(rel, "/../") || strstr(rel, "/./")) {
        snprintf(err, errlen, "linux.cgroupsPath %s: not a plain path", path);
        free(rel);
        return -1;
    }
    hierarchies(&mounts);
    snprintf(num, sizeof(num), "%d", (int)pid);
    for (size_t i = 0; i < mounts.n && r == 0; i++) {
        char *d = ig_xasprintf("%s%s", mounts.v[i], rel);
        char *procs = ig_xasprintf("%s/cgroup.procs", d);
        /* The limit before the process: it must never run unlimited. */
        char *lim = ig_xasprintf("%s/memory.limit_in_bytes", d);
        char *max = ig_xasprintf("%s/memory.max", d);
        char val[32];
        snprintf(val, sizeof(val), "%llu", (unsigned long long)mem_limit);
        if (mkdir_p(d) < 0 ||
            (mem_limit && access(lim, F_OK) == 0 && write_file(lim, val) < 0) ||
            (mem_limit && access(max, F_OK) == 0 && write_file(max, val) < 0) ||
            write_file(procs, num) < 0) {
            snprintf(err, errlen, "cgroup %s: %s", d, strerror(errno));
            r = -1;
        }
        free(d);
        free(procs);
        free(lim);
        free(max);
    }
    ig_strvec_free(&mounts);
    free(rel);
    return r;
}

void ig_rt_cgroup_remove(const char *path)
{
    struct ig_strvec mounts = {0};
    char *rel = fs_path(path);

    hierarchies(&mounts);
    for (size_t i = 0; i < mounts.n; i++) {
        char *d = ig_xasprintf("%s%s", mounts.v[i], rel);
        rmdir(d);
        free(d);
    }
    ig_strvec_free(&mounts);
    free(rel);
}
