/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc_manifest.c: the image's manifest note: contents, object, final sizes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host_config.h>
#include <ingot/host_image.h>

#include "cc_link.h"

static json_t *strings(char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(v[i]));
    return a;
}

void ig_cc_manifest_build(struct ig_cc_link *l)
{
    json_t *m = json_object(), *sel = json_array(), *out = json_array();
    json_t *ld = json_array();
    for (size_t i = 0; i < l->comps.n; i++) {
        const struct ig_an_comp *c = &l->comps.c[i];
        json_array_append_new(c->selected ? sel : out,
                              json_pack("{s:s, s:s, s:s}", "name", c->name,
                                        "why", c->why, "reason", c->reason));
    }
    for (size_t i = 0; i < l->cc->nitems; i++)
        if (l->cc->items[i].kind == IG_CC_LINK_FLAG) {
            json_array_append_new(ld, json_string(l->cc->items[i].arg));
            if (l->cc->items[i].arg2)
                json_array_append_new(ld, json_string(l->cc->items[i].arg2));
        }
    json_object_set_new(m, "libos_version", json_string(IG_HOST_VERSION));
    json_object_set_new(m, "platform", json_string(l->cc->platform));
    json_object_set_new(m, "entry", json_null());
    json_object_set_new(m, "components", sel);
    json_object_set_new(m, "left_out", out);
    json_object_set_new(m, "flags",
                        json_pack("{s:o, s:o}", "compile",
                                  strings(l->cc->cflags.v, l->cc->cflags.n),
                                  "link", ld));
    json_object_set_new(m, "rootfs", json_boolean(l->cc->rootfs != NULL));
    l->manifest = m;
}

int ig_cc_manifest_object(struct ig_cc_link *l)
{
    char *json = json_dumps(l->manifest, JSON_COMPACT);
    char *asm_path = ig_host_path(l->tmp, "manifest.s");
    char *obj = ig_host_path(l->tmp, "manifest.o");
    size_t spare = 96 + 64 * (l->comps.n + l->libos.n + 7);
    int r = ig_an_manifest_asm(asm_path, json, spare, l->err, sizeof(l->err));
    if (r == 0) {
        struct ig_strvec cmd = {0};
        ig_cc_rootfs_cmd(&cmd, asm_path, obj);
        r = ig_proc_run(ig_strvec_argv(&cmd), l->cc->verbose);
        if (r != 0)
            snprintf(l->err, sizeof(l->err), "%s: cannot assemble (status %d)",
                     asm_path, r);
        ig_strvec_free(&cmd);
    }
    if (r == 0)
        ig_strvec_push(&l->extra, obj);
    free(json);
    free(asm_path);
    free(obj);
    return r ? -1 : 0;
}

int ig_cc_interp_object(struct ig_cc_link *l)
{
    char *asm_path = ig_host_path(l->tmp, "interp.s");
    char *obj = ig_host_path(l->tmp, "interp.o");
    char *dir = realpath(l->libdir, NULL);
    char *launcher = ig_host_path(dir ? dir : l->libdir, "ingot-exec");
    FILE *f = fopen(asm_path, "w");
    int r = -1;

    if (!f) {
        snprintf(l->err, sizeof(l->err), "%s: %s", asm_path, strerror(errno));
        goto out;
    }
    fputs("\t.section .interp,\"a\",@progbits\n\t.asciz \"", f);
    for (const char *p = launcher; *p; p++)
        fprintf(f, *p == '"' || *p == '\\' ? "\\%c" : "%c", *p);
    fputs("\"\n", f);
    if (fclose(f) != 0) {
        snprintf(l->err, sizeof(l->err), "%s: %s", asm_path, strerror(errno));
        goto out;
    }
    struct ig_strvec cmd = {0};
    ig_cc_rootfs_cmd(&cmd, asm_path, obj);
    r = ig_proc_run(ig_strvec_argv(&cmd), l->cc->verbose);
    ig_strvec_free(&cmd);
    if (r != 0)
        snprintf(l->err, sizeof(l->err), "%s: cannot assemble (status %d)",
                 asm_path, r);
    else
        ig_strvec_push(&l->extra, obj);
out:
    free(asm_path);
    free(obj);
    free(dir);
    free(launcher);
    return r ? -1 : 0;
}

static int prefixed(const char *s, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(s, dir, n) == 0 && s[n] == '/';
}

/* The component a link input (as the map names it) belongs to. */
static const char *classify(const char *in, void *arg)
{
    const struct ig_cc_link *l = arg;
    if (prefixed(in, l->tmp)) {
        const char *b = strrchr(in, '/') + 1;
        return strcmp(b, "rootfs.o") == 0     ? "rootfs"
               : strcmp(b, "manifest.o") == 0 ? "manifest"
               : strcmp(b, "interp.o") == 0   ? "manifest"
                                              : "app";
    }
    if (strncmp(in, IG_HOST_LIBGCC, strlen(IG_HOST_LIBGCC)) == 0)
        return "libgcc";
    if (!prefixed(in, l->libdir))
        return "app";
    const char *rel = in + strlen(l->libdir) + 1;
    if (strncmp(rel, IG_HOST_NEWLIB_LIB, strlen(IG_HOST_NEWLIB_LIB)) == 0)
        return "newlib";
    if (strchr(rel, '/') && strchr(rel, '/') < strchr(rel, '('))
        return "platform";
    for (size_t i = 0; i < l->comps.n; i++) {
        size_t n = strlen(l->comps.c[i].archive);
        if (strncmp(rel, l->comps.c[i].archive, n) == 0 && rel[n] == '(')
            return l->comps.c[i].name;
    }
    return "libos";
}

int ig_cc_manifest_finish(struct ig_cc_link *l, const char *map)
{
    const char *out = ig_cc_output(l->cc);
    struct ig_an_sizes sz;
    char why[256];

    struct ig_image *img = ig_image_open(out, why, sizeof(why));
    if (img) {
        uint64_t off;
        const char *e = ig_image_symbolize(img, ig_image_entry(img), &off);
        if (e && off == 0)
            json_object_set_new(l->manifest, "entry", json_string(e));
        ig_image_close(img);
    }
    if (ig_an_map_sizes(map, out, classify, l, &sz, l->err, sizeof(l->err)) ==
        0) {
        json_t *s = json_object();
        for (size_t i = 0; i < sz.n; i++)
            json_object_set_new(s, sz.v[i].component,
                                json_pack("{s:I, s:I, s:I}", "text",
                                          (json_int_t)sz.v[i].text, "data",
                                          (json_int_t)sz.v[i].data, "bss",
                                          (json_int_t)sz.v[i].bss));
        json_object_set_new(l->manifest, "sizes", s);
        ig_an_sizes_free(&sz);
    } else if (l->cc->verbose) {
        fprintf(stderr, "ingot-cc: no size report: %s\n", l->err);
    }
    char *json = json_dumps(l->manifest, JSON_COMPACT);
    int r = ig_an_manifest_patch(out, json, l->err, sizeof(l->err));
    free(json);
    return r;
}
