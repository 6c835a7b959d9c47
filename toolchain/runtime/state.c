/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* state.c: the instance store: ROOT/ID/ingot-state.json, a lock, liveness. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <ingot/host.h>
#include <ingot/state.h>

int ig_state_id_ok(const char *id)
{
    size_t n = strlen(id);

    if (n == 0 || n > 1024 || strcmp(id, ".") == 0 || strcmp(id, "..") == 0)
        return 0;
    return strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                      "0123456789_+.-") == n;
}

char *ig_state_dir(const char *root, const char *id)
{
    return ig_xasprintf("%s/%s", root, id);
}

int ig_state_mkroot(const char *root, char *err, size_t errlen)
{
    char *p = ig_xstrdup(root);
    for (char *s = p + 1;; s++) {
        if (*s && *s != '/')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0711) < 0 && errno != EEXIST) {
            snprintf(err, errlen, "%s: %s", p, strerror(errno));
            free(p);
            return -1;
        }
        *s = c;
        if (!c)
            break;
    }
    free(p);
    return 0;
}

int ig_state_create(const char *root, const char *id, char *err, size_t errlen)
{
    if (ig_state_mkroot(root, err, errlen) < 0)
        return -1;
    char *d = ig_state_dir(root, id);
    int r = mkdir(d, 0700);
    if (r < 0)
        snprintf(err, errlen, "%s",
                 errno == EEXIST ? "container ID already exists"
                                 : strerror(errno));
    free(d);
    return r < 0 ? -1 : 0;
}

int ig_state_lock(const char *root, int exclusive, char *err, size_t errlen)
{
    if (ig_state_mkroot(root, err, errlen) < 0)
        return -1;
    char *p = ig_xasprintf("%s/.lock", root);
    int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        snprintf(err, errlen, "%s: %s", p, strerror(errno));
    free(p);
    if (fd < 0)
        return -1;
    while (flock(fd, exclusive ? LOCK_EX : LOCK_SH) < 0) {
        if (errno == EINTR)
            continue;
        snprintf(err, errlen, "%s/.lock: %s", root, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

void ig_state_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* drops the flock */
}

int ig_state_list(const char *root, struct ig_strvec *ids)
{
    struct ig_strvec names = {0};
    int r = ig_strvec_readdir(&names, root, 1);

    if (r == -ENOENT)
        return 0;
    if (r < 0)
        return r;
    for (size_t i = 0; i < names.n; i++) {
        char *p = ig_xasprintf("%s/%s/%s", root, names.v[i], IG_STATE_FILE);
        if (ig_state_id_ok(names.v[i]) && access(p, F_OK) == 0)
            ig_strvec_push(ids, names.v[i]);
        free(p);
    }
    ig_strvec_free(&names);
    return 0;
}

static void set_str(json_t *o, const char *k, const char *v)
{
    if (v)
        json_object_set_new(o, k, json_string(v));
}

int ig_state_save(const char *root, const struct ig_state *s, char *err,
                  size_t errlen)
{
    json_t *o = s->extra ? json_deep_copy(s->extra) : json_object();

    set_str(o, "id", s->id);
    json_object_set_new(o, "pid", json_integer(s->pid));
    json_object_set_new(o, "start_time",
                        json_integer((json_int_t)s->start_time));
    set_str(o, "bundle", s->bundle);
    set_str(o, "rootfs", s->rootfs);
    set_str(o, "created", s->created);
    json_object_set_new(o, "started", json_boolean(s->started));
    json_object_set_new(o, "paused", json_boolean(s->paused));
    char *text = json_dumps(o, JSON_SORT_KEYS);
    json_decref(o);
    char *d = ig_state_dir(root, s->id);
    char *tmp = ig_xasprintf("%s/.%s.tmp", d, IG_STATE_FILE);
    char *dst = ig_xasprintf("%s/%s", d, IG_STATE_FILE);
    int r = -1, fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    size_t len = strlen(text);
    if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd) < 0 ||
        rename(tmp, dst) < 0)
        snprintf(err, errlen, "%s: %s", dst, strerror(errno));
    else
        r = 0;
    if (r < 0 && fd >= 0)
        unlink(tmp);
    free(text);
    free(d);
    free(tmp);
    free(dst);
    return r;
}

static char *dup_str(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? ig_xstrdup(v) : NULL;
}

int ig_state_load(const char *root, const char *id, struct ig_state *s,
                  char *err, size_t errlen)
{
    memset(s, 0, sizeof(*s));
    if (!ig_state_id_ok(id)) {
        snprintf(err, errlen, "%s: not a valid container ID", id);
        return -1;
    }
    char *p = ig_xasprintf("%s/%s/%s", root, id, IG_STATE_FILE);
    json_error_t je;
    json_t *o = json_load_file(p, 0, &je);
    if (!o) {
        int missing = access(p, F_OK) < 0 && errno == ENOENT;
        if (!missing)
            snprintf(err, errlen, "%s: %s", p,
                     ig_host_one_line(je.text, sizeof(je.text)));
        free(p);
        return missing ? -2 : -1;
    }
    free(p);
    json_t *pid = json_object_get(o, "pid");
    json_t *st = json_object_get(o, "start_time");
    if (!json_is_object(o) || !json_is_integer(pid) || !json_is_integer(st) ||
        !json_is_string(json_object_get(o, "id"))) {
        snprintf(err, errlen, "%s: malformed state record", id);
        json_decref(o);
        return -1;
    }
    s->id = dup_str(o, "id");
    s->pid = (pid_t)json_integer_value(pid);
    s->start_time = (unsigned long long)json_integer_value(st);
    s->bundle = dup_str(o, "bundle");
    s->rootfs = dup_str(o, "rootfs");
    s->created = dup_str(o, "created");
    s->started = json_is_true(json_object_get(o, "started"));
    s->paused = json_is_true(json_object_get(o, "paused"));
    s->extra = o;
    return 0;
}

void ig_state_free(struct ig_state *s)
{
    free(s->id);
    free(s->bundle);
    free(s->rootfs);
    free(s->created);
    json_decref(s->extra);
    memset(s, 0, sizeof(*s));
}

void ig_state_remove(const char *root, const char *id)
{
    char *d = ig_state_dir(root, id);
    ig_host_rmtree(d);
    free(d);
}

unsigned long long ig_state_proc_start(pid_t pid)
{
    char path[64], buf[1024];

    if (pid <= 0)
        return 0;
    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    /* The command name may hold spaces and ')': fields follow the last. */
    char *p = strrchr(buf, ')');
    if (!p || p[1] != ' ')
        return 0;
    p += 2;
    if (*p == 'Z' || *p == 'X')
        return 0;
    /* Field 3 is the state; start time is field 22. */
    for (int field = 3; field < 22; field++) {
        p = strchr(p, ' ');
        if (!p)
            return 0;
        p++;
    }
    return strtoull(p, NULL, 10);
}

int ig_state_alive(const struct ig_state *s)
{
    unsigned long long t = ig_state_proc_start(s->pid);
    return t && t == s->start_time;
}

const char *ig_state_status(const struct ig_state *s, int created_marker)
{
    if (!ig_state_alive(s))
        return "stopped";
    if (!s->started && created_marker)
        return "created";
    return s->paused ? "paused" : "running";
}

json_t *ig_state_oci_json(const struct ig_state *s, const char *status,
                          json_t *annotations)
{
    json_t *o = json_object();

    json_object_set_new(o, "ociVersion", json_string("1.0.2"));
    set_str(o, "id", s->id);
    json_object_set_new(o, "pid",
                        json_integer(strcmp(status, "stopped") ? s->pid : 0));
    json_object_set_new(o, "status", json_string(status));
    set_str(o, "bundle", s->bundle);
    set_str(o, "rootfs", s->rootfs);
    set_str(o, "created", s->created);
    json_object_set_new(o, "owner", json_string(""));
    if (annotations && json_object_size(annotations))
        json_object_set(o, "annotations", annotations);
    return o;
}

void ig_state_now(char *buf, size_t len)
{
    struct timespec ts;
    struct tm tm;
    char base[32];

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf, len, "%s.%09ldZ", base, ts.tv_nsec);
}
