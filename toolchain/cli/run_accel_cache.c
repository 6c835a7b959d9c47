/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_accel_cache.c: the cached KVM-or-TCG calibration, as JSON. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

#define CACHE_VERSION 1
#define BOOT_ID "/proc/sys/kernel/random/boot_id"

static int get_str(json_t *o, const char *key, char *out, size_t len)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) >= len ||
        json_string_length(v) != strlen(json_string_value(v)))
        return -1;
    memcpy(out, json_string_value(v), json_string_length(v) + 1);
    return 0;
}

static int get_int(json_t *o, const char *key, long long min, long long *out)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v) || json_integer_value(v) < min)
        return -1;
    *out = json_integer_value(v);
    return 0;
}

int ig_run_calib_parse(const char *text, struct ig_run_calib *c)
{
    json_t *o = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
    long long ver, tcg, kvm, status;
    char accel[8];
    int r = -1;

    memset(c, 0, sizeof(*c));
    if (!json_is_object(o))
        goto out;
    json_t *fin = json_object_get(o, "kvm_finished");
    if (get_int(o, "version", 0, &ver) || ver != CACHE_VERSION ||
        get_str(o, "boot_id", c->boot_id, sizeof(c->boot_id)) ||
        get_str(o, "qemu", c->qemu, sizeof(c->qemu)) ||
        get_int(o, "qemu_size", 0, &c->qemu_size) ||
        get_int(o, "qemu_mtime_ns", 0, &c->qemu_mtime_ns) ||
        get_str(o, "accel", accel, sizeof(accel)) ||
        get_int(o, "tcg_ms", 0, &tcg) || get_int(o, "kvm_ms", 0, &kvm) ||
        get_int(o, "kvm_status", -1, &status) || status > 255 ||
        !json_is_boolean(fin))
        goto out;
    if (strcmp(accel, "kvm") == 0)
        c->use_kvm = 1;
    else if (strcmp(accel, "tcg") != 0)
        goto out;
    if (tcg > 1000000000 || kvm > 1000000000)
        goto out;
    c->tcg_ms = (long)tcg;
    c->kvm_ms = (long)kvm;
    c->kvm_status = (int)status;
    c->kvm_finished = json_is_true(fin);
    r = 0;
out:
    json_decref(o);
    return r;
}

char *ig_run_calib_format(const struct ig_run_calib *c)
{
    json_t *o = json_pack(
        "{s:i, s:s, s:s, s:I, s:I, s:s, s:I, s:I, s:b, s:i}", "version",
        CACHE_VERSION, "boot_id", c->boot_id, "qemu", c->qemu, "qemu_size",
        (json_int_t)c->qemu_size, "qemu_mtime_ns", (json_int_t)c->qemu_mtime_ns,
        "accel", c->use_kvm ? "kvm" : "tcg", "tcg_ms", (json_int_t)c->tcg_ms,
        "kvm_ms", (json_int_t)c->kvm_ms, "kvm_finished", c->kvm_finished,
        "kvm_status", c->kvm_status);
    char *text = o ? json_dumps(o, JSON_INDENT(2) | JSON_SORT_KEYS) : NULL;
    json_decref(o);
    if (!text)
        ig_host_oom();
    return text;
}

int ig_run_calib_key(struct ig_run_calib *c, const char *qemu)
{
    struct stat st;
    char id[64] = "";
    FILE *f = fopen(BOOT_ID, "re");

    if (!f)
        return -errno;
    if (!fgets(id, sizeof(id), f))
        id[0] = '\0';
    fclose(f);
    id[strcspn(id, "\n")] = '\0';
    if (!id[0])
        return -EIO;
    char *real = realpath(qemu, NULL);
    if (!real)
        return -errno;
    int r = stat(real, &st) < 0 ? -errno : 0;
    if (r == 0 && strlen(real) >= sizeof(c->qemu))
        r = -ENAMETOOLONG;
    if (r == 0) {
        memcpy(c->boot_id, id, sizeof(id));
        strcpy(c->qemu, real);
        c->qemu_size = (long long)st.st_size;
        c->qemu_mtime_ns =
            (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    }
    free(real);
    return r;
}

int ig_run_calib_same_key(const struct ig_run_calib *a,
                          const struct ig_run_calib *b)
{
    return strcmp(a->boot_id, b->boot_id) == 0 &&
           strcmp(a->qemu, b->qemu) == 0 && a->qemu_size == b->qemu_size &&
           a->qemu_mtime_ns == b->qemu_mtime_ns;
}

char *ig_run_calib_path(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");

    /* The XDG spec says relative values are to be ignored. */
    if (xdg && xdg[0] == '/')
        return ig_xasprintf("%s/ingot/accel", xdg);
    if (home && home[0] == '/')
        return ig_xasprintf("%s/.cache/ingot/accel", home);
    return NULL;
}

int ig_run_calib_load(const char *path, struct ig_run_calib *c)
{
    char buf[8192];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0 || n == (ssize_t)sizeof(buf) - 1)
        return -1;
    buf[n] = '\0';
    return ig_run_calib_parse(buf, c);
}

/* mkdir -p for the directories above (path). */
static void make_parents(const char *path)
{
    char *p = ig_xstrdup(path);
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        mkdir(p, 0700);
        *s = '/';
    }
    free(p);
}

int ig_run_calib_store(const char *path, const struct ig_run_calib *c)
{
    char *text = ig_run_calib_format(c);
    char *tmp = ig_xasprintf("%s.%ld.tmp", path, (long)getpid());
    size_t len = strlen(text);
    int r = -1;

    /* Write then rename, so a concurrent `ingot run` reads the old record
     * or the new one, never half of one. */
    make_parents(path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
        int ok =
            write(fd, text, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
        ok &= close(fd) == 0;
        if (ok && rename(tmp, path) == 0)
            r = 0;
        else
            unlink(tmp);
    }
    free(tmp);
    free(text);
    return r;
}
