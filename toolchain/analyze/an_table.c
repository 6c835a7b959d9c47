/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* an_table.c: load the unsupported-API table (JSON, with jansson). */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

/* Replaces every "{}" in (fmt) with (name). */
static char *fill(const char *fmt, const char *name)
{
    size_t nl = strlen(name), len = 0;
    char *out = ig_xmalloc(strlen(fmt) * (nl + 1) + 1);

    for (const char *p = fmt; *p;) {
        if (p[0] == '{' && p[1] == '}') {
            memcpy(out + len, name, nl);
            len += nl;
            p += 2;
        } else {
            out[len++] = *p++;
        }
    }
    out[len] = '\0';
    return out;
}

static int bad(char *err, size_t errlen, const char *path, size_t i,
               const char *why)
{
    snprintf(err, errlen, "%s: entry %zu: %s", path, i, why);
    return -1;
}

static int cond(struct ig_an_cond *c, json_t *j, const char *path, size_t i,
                char *err, size_t errlen)
{
    c->index = -1;
    if (!j)
        return 0;
    json_t *idx = json_object_get(j, "index");
    json_t *sp = json_object_get(j, "spelled");
    if (!json_is_object(j) || !json_is_integer(idx) ||
        json_integer_value(idx) < 0 || json_integer_value(idx) > 16 ||
        !json_is_array(sp))
        return bad(err, errlen, path, i,
                   "argument condition needs \"index\" (0..16) and "
                   "\"spelled\" (array)");
    c->spelled = ig_xmalloc((json_array_size(sp) + 1) * sizeof(char *));
    for (size_t k = 0; k < json_array_size(sp); k++) {
        const char *s = json_string_value(json_array_get(sp, k));
        if (!s)
            return bad(err, errlen, path, i, "\"spelled\" holds a non-string");
        c->spelled[c->nspelled++] = ig_xstrdup(s);
    }
    c->index = (int)json_integer_value(idx);
    return 0;
}

static void push(struct ig_an_table *t, struct ig_an_api *a)
{
    t->apis = ig_xrealloc(t->apis, (t->n + 1) * sizeof(*t->apis));
    t->apis[t->n++] = *a;
}

void *ig_an_json_load(const char *path, char *err, size_t errlen)
{
    json_error_t je;
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    json_t *root = json_loadf(f, 0, &je);
    fclose(f);
    if (!root)
        snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column,
                 ig_host_one_line(je.text, sizeof(je.text)));
    else if (!json_is_object(root)) {
        snprintf(err, errlen, "%s: not a JSON object", path);
        json_decref(root);
        root = NULL;
    }
    return root;
}

int ig_an_table_load(struct ig_an_table *t, const char *path, char *err,
                     size_t errlen)
{
    memset(t, 0, sizeof(*t));
    json_t *root = ig_an_json_load(path, err, errlen);
    if (!root)
        return -1;
    json_t *apis = json_object_get(root, "apis");
    int r = 0;
    if (!json_is_array(apis)) {
        snprintf(err, errlen, "%s: no \"apis\" array", path);
        r = -1;
    }
    for (size_t i = 0; r == 0 && i < json_array_size(apis); i++) {
        json_t *e = json_array_get(apis, i);
        json_t *names = json_object_get(e, "names");
        const char *msg = json_string_value(json_object_get(e, "message"));
        json_t *note = json_object_get(e, "note");
        if (!json_is_array(names) || !json_array_size(names) || !msg ||
            (note && !json_is_string(note))) {
            r = bad(err, errlen, path, i,
                    "needs \"names\" (non-empty array) and \"message\" "
                    "(string); \"note\" must be a string");
            break;
        }
        for (size_t k = 0; r == 0 && k < json_array_size(names); k++) {
            const char *name = json_string_value(json_array_get(names, k));
            struct ig_an_api a = {0};
            if (!name || !*name) {
                r = bad(err, errlen, path, i, "a name is not a string");
                break;
            }
            a.name = ig_xstrdup(name);
            a.message = fill(msg, name);
            a.note = note ? fill(json_string_value(note), name) : NULL;
            push(t, &a);
            struct ig_an_api *p = &t->apis[t->n - 1];
            r = cond(&p->when, json_object_get(e, "when_arg"), path, i, err,
                     errlen);
            if (!r)
                r = cond(&p->unless, json_object_get(e, "unless_arg"), path, i,
                         err, errlen);
        }
    }
    json_decref(root);
    if (r)
        ig_an_table_free(t);
    return r;
}

const struct ig_an_api *ig_an_table_find(const struct ig_an_table *t,
                                         const char *name)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->apis[i].name, name) == 0)
            return &t->apis[i];
    return NULL;
}

static void cond_free(struct ig_an_cond *c)
{
    for (size_t i = 0; i < c->nspelled; i++)
        free(c->spelled[i]);
    free(c->spelled);
}

void ig_an_table_free(struct ig_an_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->apis[i].name);
        free(t->apis[i].message);
        free(t->apis[i].note);
        cond_free(&t->apis[i].when);
        cond_free(&t->apis[i].unless);
    }
    free(t->apis);
    t->apis = NULL;
    t->n = 0;
}
