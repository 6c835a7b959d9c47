/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* an_comp.c: choose the library-OS components a program links. */
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyze.h"

static int bad(char *err, size_t errlen, const char *path, size_t i,
               const char *why)
{
    snprintf(err, errlen, "%s: component %zu: %s", path, i, why);
    return -1;
}

int ig_an_comps_load(struct ig_an_comps *cs, const char *path, char *err,
                     size_t errlen)
{
    memset(cs, 0, sizeof(*cs));
    json_t *root = ig_an_json_load(path, err, errlen);
    if (!root)
        return -1;
    json_t *list = json_object_get(root, "components");
    int r = 0;
    if (!json_is_array(list)) {
        snprintf(err, errlen, "%s: no \"components\" array", path);
        r = -1;
    }
    for (size_t i = 0; r == 0 && i < json_array_size(list); i++) {
        json_t *e = json_array_get(list, i);
        const char *name = json_string_value(json_object_get(e, "name"));
        const char *ar = json_string_value(json_object_get(e, "archive"));
        const char *why = json_string_value(json_object_get(e, "why"));
        json_t *req = json_object_get(e, "required");
        json_t *tr = json_object_get(e, "triggers");
        json_t *en = json_object_get(e, "entry");
        if (!name || !ar || !why || strchr(ar, '/') ||
            (req && !json_is_boolean(req)) || (tr && !json_is_array(tr)) ||
            (en && (!json_is_string(en) ||
                    strspn(json_string_value(en),
                           "abcdefghijklmnopqrstuvwxyz"
                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
                        strlen(json_string_value(en))))) {
            r = bad(err, errlen, path, i,
                    "needs \"name\", \"archive\" (a file name) and \"why\" "
                    "(strings); \"required\" is a boolean, \"triggers\" an "
                    "array, \"entry\" a symbol name");
            break;
        }
        cs->c = ig_xrealloc(cs->c, (cs->n + 1) * sizeof(*cs->c));
        struct ig_an_comp *c = &cs->c[cs->n++];
        memset(c, 0, sizeof(*c));
        c->name = ig_xstrdup(name);
        c->archive = ig_xstrdup(ar);
        c->why = ig_xstrdup(why);
        c->required = json_is_true(req);
        c->entry = en ? ig_xstrdup(json_string_value(en)) : NULL;
        c->triggers = ig_xmalloc((json_array_size(tr) + 1) * sizeof(char *));
        for (size_t k = 0; k < json_array_size(tr); k++) {
            const char *s = json_string_value(json_array_get(tr, k));
            if (!s) {
                r = bad(err, errlen, path, i, "a trigger is not a string");
                break;
            }
            c->triggers[c->ntriggers++] = ig_xstrdup(s);
        }
    }
    json_decref(root);
    if (r)
        ig_an_comps_free(cs);
    return r;
}

static int matches(const struct ig_an_comp *c, const char *sym)
{
    for (size_t i = 0; i < c->ntriggers; i++) {
        const char *t = c->triggers[i];
        size_t n = strlen(t);
        if (n && t[n - 1] == '*' ? strncmp(sym, t, n - 1) == 0
                                 : strcmp(sym, t) == 0)
            return 1;
    }
    return 0;
}

/* "hello.o references socket, bind" from the symbols that selected it. */
static char *reason(const struct ig_an_syms *undef, const char *hits)
{
    size_t n = 0;
    char *s = NULL;
    for (size_t i = 0; i < undef->n; i++) {
        if (!hits[i])
            continue;
        if (n == 0) {
            s = ig_xasprintf("%s references %s", undef->where[i],
                             undef->name[i]);
        } else if (n < 4) {
            char *t = ig_xasprintf("%s, %s", s, undef->name[i]);
            free(s);
            s = t;
        }
        n++;
    }
    if (n > 4) {
        char *t = ig_xasprintf("%s and %zu more", s, n - 4);
        free(s);
        s = t;
    }
    return s;
}

static int listed(const struct ig_an_comps *cs, const char *file)
{
    for (size_t i = 0; i < cs->n; i++)
        if (strcmp(cs->c[i].archive, file) == 0)
            return 1;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ig_an_comp_select(struct ig_an_comps *cs, const char *libdir,
                      const struct ig_an_syms *undef, struct ig_strvec *extra,
                      char *err, size_t errlen)
{
    char *hits = ig_xmalloc(undef->n + 1);
    int r = 0;

    for (size_t i = 0; i < cs->n && r == 0; i++) {
        struct ig_an_comp *c = &cs->c[i];
        char *path = ig_host_path(libdir, c->archive);
        struct stat st;
        c->present = stat(path, &st) == 0;
        free(c->reason);
        c->reason = NULL;
        if (c->required) {
            c->selected = 1;
            c->reason = ig_xstrdup("always");
            if (!c->present) {
                snprintf(err, errlen,
                         "%s: missing: the library OS is not built", path);
                r = -1;
            }
        } else if (c->present) {
            /* Triggers name the API; the archive's own symbols catch
             * anything else of the component the program calls. */
            struct ig_an_syms def = {0};
            r = ig_an_syms_read(path, c->archive, NULL, &def, err, errlen);
            int any = 0;
            for (size_t k = 0; k < undef->n; k++) {
                hits[k] = matches(c, undef->name[k]) ||
                          ig_an_syms_find(&def, undef->name[k]) >= 0;
                any |= hits[k];
            }
            ig_an_syms_free(&def);
            c->selected = any;
            c->reason =
                any ? reason(undef, hits) : ig_xstrdup("nothing references it");
        } else {
            c->selected = 0;
            c->reason = ig_xasprintf("%s is not built", c->archive);
        }
        free(path);
    }
    free(hits);

    DIR *d = r ? NULL : opendir(libdir);
    struct dirent *e;
    size_t first = extra->n;
    while (d && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, "libingot-", 9) == 0 && n > 11 &&
            strcmp(e->d_name + n - 2, ".a") == 0 && !listed(cs, e->d_name))
            ig_strvec_pushf(extra, "%s/%s", libdir, e->d_name);
    }
    if (d)
        closedir(d);
    if (extra->n > first)
        qsort(extra->v + first, extra->n - first, sizeof(char *), by_name);
    return r;
}

void ig_an_comps_free(struct ig_an_comps *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        struct ig_an_comp *c = &cs->c[i];
        free(c->name);
        free(c->archive);
        free(c->why);
        free(c->reason);
        free(c->entry);
        for (size_t k = 0; k < c->ntriggers; k++)
            free(c->triggers[k]);
        free(c->triggers);
    }
    free(cs->c);
    cs->c = NULL;
    cs->n = 0;
}
