/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* bundle.c: what ingot-runc takes from an OCI bundle's config.json. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>
#include <ingot/host_image.h>

#include "rt.h"

static const char *const hook_names[IG_RT_HOOK_KINDS] = {
    "prestart",       "createRuntime", "createContainer",
    "startContainer", "poststart",     "poststop"};

/* A string field: NULL when absent; -1 (with err) when not a string. */
static int get_str(json_t *o, const char *key, char **out, const char *what,
                   char *err, size_t errlen)
{
    json_t *v = json_object_get(o, key);

    free(*out); /* a field named twice keeps its last value, leaks nothing */
    *out = NULL;
    if (!v)
        return 0;
    if (!json_is_string(v)) {
        snprintf(err, errlen, "config.json: %s.%s is not a string", what, key);
        return -1;
    }
    *out = ig_xstrdup(json_string_value(v));
    return 0;
}

/* process.user's uid and gid: absent means 0; anything else that is not
 * a whole number from 0 to 2^32-2 is refused. */
static int get_id(json_t *user, const char *key, uint32_t *out, char *err,
                  size_t errlen)
{
    json_t *v = json_object_get(user, key);

    *out = 0;
    if (!v)
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < 0 ||
        json_integer_value(v) >= 0xffffffffLL) {
        snprintf(err, errlen,
                 "config.json: process.user.%s is not a user "
                 "or group id",
                 key);
        return -1;
    }
    *out = (uint32_t)json_integer_value(v);
    return 0;
}

static int get_strings(json_t *o, const char *key, struct ig_strvec *out,
                       const char *what, char *err, size_t errlen)
{
    json_t *a = json_object_get(o, key), *v;
    size_t i;

    if (!a)
        return 0;
    if (!json_is_array(a)) {
        snprintf(err, errlen, "config.json: %s.%s is not an array", what, key);
        return -1;
    }
    json_array_foreach(a, i, v)
    {
        if (!json_is_string(v)) {
            snprintf(err, errlen, "config.json: %s.%s[%zu] is not a string",
                     what, key, i);
            return -1;
        }
        ig_strvec_push(out, json_string_value(v));
    }
    return 0;
}

static int is_bind(json_t *m, json_t *opts)
{
    const char *type = json_string_value(json_object_get(m, "type"));
    json_t *v;
    size_t i;

    if (type && strcmp(type, "bind") == 0)
        return 1;
    json_array_foreach(opts, i, v)
    {
        const char *o = json_string_value(v);
        if (o && (strcmp(o, "bind") == 0 || strcmp(o, "rbind") == 0))
            return 1;
    }
    return 0;
}

static int parse_mounts(json_t *ms, struct ig_rt_spec *s, char *err,
                        size_t errlen)
{
    json_t *m, *v;
    size_t i, k;

    if (!ms)
        return 0;
    if (!json_is_array(ms)) {
        snprintf(err, errlen, "config.json: mounts is not an array");
        return -1;
    }
    json_array_foreach(ms, i, m)
    {
        json_t *opts = json_object_get(m, "options");
        const char *src = json_string_value(json_object_get(m, "source"));
        const char *dst = json_string_value(json_object_get(m, "destination"));
        if (!json_is_object(m) || !dst || (opts && !json_is_array(opts))) {
            snprintf(err, errlen,
                     "config.json: mounts[%zu] needs a destination string "
                     "and an options array",
                     i);
            return -1;
        }
        if (!is_bind(m, opts))
            continue;
        if (!src || dst[0] != '/') {
            snprintf(err, errlen,
                     "config.json: mounts[%zu]: a bind mount needs a source "
                     "and an absolute destination",
                     i);
            return -1;
        }
        if (s->nmounts == IG_RT_MAX_MOUNTS) {
            snprintf(err, errlen, "config.json: more than %d bind mounts",
                     IG_RT_MAX_MOUNTS);
            return -1;
        }
        struct ig_rt_mount *bm = &s->mounts[s->nmounts++];
        bm->src = ig_xstrdup(src);
        bm->dst = ig_xstrdup(dst);
        json_array_foreach(opts, k, v)
        {
            const char *o = json_string_value(v);
            if (o && strcmp(o, "ro") == 0)
                bm->ro = 1;
        }
    }
    return 0;
}

static int parse_hooks(json_t *hs, struct ig_rt_spec *s, char *err,
                       size_t errlen)
{
    if (!hs)
        return 0;
    if (!json_is_object(hs)) {
        snprintf(err, errlen, "config.json: hooks is not an object");
        return -1;
    }
    for (int k = 0; k < IG_RT_HOOK_KINDS; k++) {
        json_t *a = json_object_get(hs, hook_names[k]), *h;
        size_t i;
        if (!a)
            continue;
        if (!json_is_array(a)) {
            snprintf(err, errlen, "config.json: hooks.%s is not an array",
                     hook_names[k]);
            return -1;
        }
        json_array_foreach(a, i, h)
        {
            if (s->nhooks[k] == IG_RT_MAX_HOOKS) {
                snprintf(err, errlen, "config.json: more than %d %s hooks",
                         IG_RT_MAX_HOOKS, hook_names[k]);
                return -1;
            }
            struct ig_rt_hook *hk = &s->hooks[k][s->nhooks[k]++];
            json_t *t = json_object_get(h, "timeout");
            if (!json_is_object(h) ||
                get_str(h, "path", &hk->path, "hooks", err, errlen) < 0 ||
                get_strings(h, "args", &hk->args, "hooks", err, errlen) < 0 ||
                get_strings(h, "env", &hk->env, "hooks", err, errlen) < 0)
                goto bad;
            if (!hk->path || hk->path[0] != '/' ||
                (t && (!json_is_integer(t) || json_integer_value(t) < 1 ||
                       json_integer_value(t) > 86400)))
                goto bad;
            hk->timeout = t ? (int)json_integer_value(t) : 0;
            continue;
        bad:
            snprintf(err, errlen,
                     "config.json: hooks.%s[%zu] needs an absolute path and "
                     "a timeout of 1-86400 s",
                     hook_names[k], i);
            return -1;
        }
    }
    return 0;
}

static int parse_linux(json_t *lx, struct ig_rt_spec *s, char *err,
                       size_t errlen)
{
    json_t *ns, *v;
    size_t i;

    if (!lx)
        return 0;
    if (!json_is_object(lx)) {
        snprintf(err, errlen, "config.json: linux is not an object");
        return -1;
    }
    if (get_str(lx, "cgroupsPath", &s->cgroups_path, "linux", err, errlen) < 0)
        return -1;
    json_t *lim = json_object_get(
        json_object_get(json_object_get(lx, "resources"), "memory"), "limit");
    if (lim && !json_is_null(lim)) {
        /* -1 is "unlimited"; anything else must be a positive size. */
        if (!json_is_integer(lim) ||
            (json_integer_value(lim) < 1 && json_integer_value(lim) != -1)) {
            snprintf(err, errlen,
                     "config.json: linux.resources.memory.limit is not a "
                     "byte count");
            return -1;
        }
        if (json_integer_value(lim) > 0)
            s->mem_limit = (uint64_t)json_integer_value(lim);
    }
    ns = json_object_get(lx, "namespaces");
    if (ns && !json_is_array(ns)) {
        snprintf(err, errlen, "config.json: linux.namespaces is not an array");
        return -1;
    }
    json_array_foreach(ns, i, v)
    {
        const char *type = json_string_value(json_object_get(v, "type"));
        if (!type) {
            snprintf(err, errlen,
                     "config.json: linux.namespaces[%zu] has no type", i);
            return -1;
        }
        /* Joining another container's PID namespace (a pod sharing one)
         * leaves the guest in ours: it runs no processes to share. */
        if (strcmp(type, "pid") == 0 && !json_object_get(v, "path"))
            s->new_pidns = 1;
        if (strcmp(type, "network") != 0)
            continue;
        if (s->netns) {
            snprintf(err, errlen,
                     "config.json: linux.namespaces names network twice");
            return -1;
        }
        s->netns = 1;
        if (get_str(v, "path", &s->netns_path, "linux.namespaces", err,
                    errlen) < 0)
            return -1;
    }
    return 0;
}

int ig_rt_spec_parse(const char *text, size_t len, struct ig_rt_spec *s,
                     char *err, size_t errlen)
{
    json_error_t je;
    json_t *c = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    int r = -1;

    memset(s, 0, sizeof(*s));
    if (!c) {
        snprintf(err, errlen, "config.json: not valid JSON at line %d: %s",
                 je.line, ig_host_one_line(je.text, sizeof(je.text)));
        return -1;
    }
    json_t *proc = json_object_get(c, "process");
    json_t *root = json_object_get(c, "root");
    if (!json_is_object(c) || !json_is_object(proc) ||
        (root && !json_is_object(root))) {
        snprintf(err, errlen, "config.json: no process object");
        goto out;
    }
    json_t *term = json_object_get(proc, "terminal");
    if (term && !json_is_boolean(term)) {
        snprintf(err, errlen, "config.json: process.terminal is not a boolean");
        goto out;
    }
    s->terminal = json_is_true(term);
    json_t *user = json_object_get(proc, "user");
    if (user && !json_is_object(user)) {
        snprintf(err, errlen, "config.json: process.user is not an object");
        goto out;
    }
    if (get_id(user, "uid", &s->uid, err, errlen) < 0 ||
        get_id(user, "gid", &s->gid, err, errlen) < 0)
        goto out;
    if (get_strings(proc, "args", &s->args, "process", err, errlen) < 0 ||
        get_strings(proc, "env", &s->env, "process", err, errlen) < 0 ||
        get_str(proc, "cwd", &s->cwd, "process", err, errlen) < 0 ||
        get_str(root, "path", &s->root, "root", err, errlen) < 0 ||
        get_str(c, "hostname", &s->hostname, "", err, errlen) < 0 ||
        parse_mounts(json_object_get(c, "mounts"), s, err, errlen) < 0 ||
        parse_hooks(json_object_get(c, "hooks"), s, err, errlen) < 0 ||
        parse_linux(json_object_get(c, "linux"), s, err, errlen) < 0)
        goto out;
    if (!s->args.n) {
        snprintf(err, errlen, "config.json: process.args is empty");
        goto out;
    }
    json_t *ann = json_object_get(c, "annotations");
    if (json_is_object(ann))
        s->annotations = json_incref(ann);
    r = 0;
out:
    json_decref(c);
    return r;
}

void ig_rt_spec_free(struct ig_rt_spec *s)
{
    ig_strvec_free(&s->args);
    ig_strvec_free(&s->env);
    free(s->root);
    free(s->cwd);
    free(s->hostname);
    free(s->cgroups_path);
    free(s->netns_path);
    for (int i = 0; i < s->nmounts; i++) {
        free(s->mounts[i].src);
        free(s->mounts[i].dst);
    }
    for (int k = 0; k < IG_RT_HOOK_KINDS; k++)
        for (int i = 0; i < s->nhooks[k]; i++) {
            free(s->hooks[k][i].path);
            ig_strvec_free(&s->hooks[k][i].args);
            ig_strvec_free(&s->hooks[k][i].env);
        }
    json_decref(s->annotations);
    memset(s, 0, sizeof(*s));
}

int ig_rt_spec_load(const char *bundle, struct ig_rt_spec *s, char *err,
                    size_t errlen)
{
    char *p = ig_xasprintf("%s/config.json", bundle);
    FILE *f = fopen(p, "re");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int r = -1;

    memset(s, 0, sizeof(*s));
    if (!f) {
        snprintf(err, errlen, "%s: %s", p, strerror(errno));
        free(p);
        return -1;
    }
    for (;;) {
        if (len == cap) {
            if (cap >= (64u << 20)) {
                snprintf(err, errlen, "%s: larger than 64 MiB", p);
                goto out;
            }
            cap = cap ? cap * 2 : 16384;
            buf = ig_xrealloc(buf, cap);
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f))
        snprintf(err, errlen, "%s: read error", p);
    else
        r = ig_rt_spec_parse(buf, len, s, err, errlen);
out:
    fclose(f);
    free(buf);
    free(p);
    return r;
}

char *ig_rt_rootfs(const char *bundle, const struct ig_rt_spec *s)
{
    const char *r = s->root && *s->root ? s->root : "rootfs";
    return r[0] == '/' ? ig_xstrdup(r) : ig_xasprintf("%s/%s", bundle, r);
}

int ig_rt_is_ingot(const char *rootfs, char **platform)
{
    char *k = ig_xasprintf("%s/" IG_RT_KERNEL, rootfs), why[256];
    struct ig_image *img = ig_image_open(k, why, sizeof(why));

    free(k);
    if (!img)
        return 0;
    *platform = ig_xstrdup(ig_image_platform(img));
    ig_image_close(img);
    return 1;
}
