/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_inspect.c: show a layout's index, manifests, configs, annotations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oci_internal.h"

/* Verifies every layer of (m): digest, size, diff_id and member paths. */
static int check_layers(const struct ig_oci_layout *l,
                        const struct ig_oci_loaded *m, char *err, size_t errlen)
{
    json_t *layers = json_object_get(m->manifest, "layers"), *d;
    json_t *ids =
        json_object_get(json_object_get(m->config, "rootfs"), "diff_ids");
    size_t i;

    json_array_foreach(layers, i, d)
    {
        const char *mt, *digest;
        int64_t size;
        char what[32];
        snprintf(what, sizeof(what), "layer %zu", i);
        if (ig_oci_desc_parse(d, what, &mt, &digest, &size, err, errlen) < 0 ||
            ig_oci_blob_verify(l->dir, digest, size, err, errlen) < 0)
            return -1;
        const char *id = json_string_value(json_array_get(ids, i));
        if (!id) {
            snprintf(err, errlen,
                     "config: rootfs.diff_ids[%zu] is not a string", i);
            return -1;
        }
        char *blob = ig_oci_blob_path(l->dir, digest);
        int r = ig_oci_layer_extract(blob, mt, id, NULL, 0, err, errlen);
        free(blob);
        if (r < 0)
            return -1;
    }
    return 0;
}

static void print_desc(FILE *out, const char *what, const json_t *d)
{
    fprintf(out, "  %-8s %s  %s  %lld bytes\n", what,
            ig_oci_json_str(d, "mediaType"), ig_oci_json_str(d, "digest"),
            (long long)json_integer_value(json_object_get(d, "size")));
}

static void print_text(FILE *out, const struct ig_oci_loaded *m)
{
    json_t *ann = json_object_get(m->manifest, "annotations");
    json_t *layers = json_object_get(m->manifest, "layers"), *v;
    json_t *cc = json_object_get(m->config, "config");
    const char *k;
    size_t i;

    const char *plat = ig_oci_entry_platform(m->entry);
    if (!plat)
        plat = ig_oci_json_str(ann, "org.ingot.platform");
    fprintf(out, "\nmanifest %s (tag %s, platform %s)\n",
            ig_oci_json_str(m->entry, "digest"), ig_oci_entry_tag(m->entry),
            plat ? plat : "-");
    print_desc(out, "config", json_object_get(m->manifest, "config"));
    json_array_foreach(layers, i, v)
    {
        char what[32];
        snprintf(what, sizeof(what), "layer %zu", i);
        print_desc(out, what, v);
    }
    fprintf(out, "  created  %s\n  os/arch  %s/%s\n",
            ig_oci_json_str(m->config, "created")
                ? ig_oci_json_str(m->config, "created")
                : "-",
            ig_oci_json_str(m->config, "os"),
            ig_oci_json_str(m->config, "architecture"));
    json_t *ids =
        json_object_get(json_object_get(m->config, "rootfs"), "diff_ids");
    json_array_foreach(ids, i, v)
        fprintf(out, "  diff_id  %s\n", json_string_value(v));
    json_t *env = json_object_get(cc, "Env");
    json_array_foreach(env, i, v)
        fprintf(out, "  env      %s\n", json_string_value(v));
    fprintf(out, "  annotations:\n");
    json_object_foreach(ann, k, v)
        fprintf(out, "    %s=%s\n", k,
                json_string_value(v) ? json_string_value(v) : "(not a string)");
}

static int inspect(const struct ig_oci_layout *l, int json, FILE *out,
                   const char *ref, char *err, size_t errlen)
{
    json_t *ms = json_object_get(l->index, "manifests"), *e;
    json_t *doc = json_object(), *list = json_array();
    size_t i;
    int r = 0, n = 0;

    if (l->tag && !ig_oci_layout_tag(l, err, errlen)) {
        json_decref(doc);
        json_decref(list);
        return -1;
    }
    if (!json) {
        fprintf(out, "%s\nindex.json: %zu manifest%s\n", ref,
                json_array_size(ms), json_array_size(ms) == 1 ? "" : "s");
        json_array_foreach(ms, i, e)
        {
            const char *t = ig_oci_entry_tag(e), *p = ig_oci_entry_platform(e);
            fprintf(out, "  %-16s %-6s %s  %lld bytes\n", t ? t : "-",
                    p ? p : "-", ig_oci_json_str(e, "digest"),
                    (long long)json_integer_value(json_object_get(e, "size")));
        }
    }
    json_array_foreach(ms, i, e)
    {
        const char *t = ig_oci_entry_tag(e);
        if (l->tag && (!t || !ig_oci_ref_match(t, l->tag)))
            continue;
        struct ig_oci_loaded m;
        if (ig_oci_load_manifest(l, e, &m, err, errlen) < 0) {
            r = -1;
            break;
        }
        if (check_layers(l, &m, err, errlen) < 0) {
            ig_oci_loaded_free(&m); /* found leaking by fuzz_oci_layout */
            r = -1;
            break;
        }
        n++;
        if (json) {
            json_t *o = json_object();
            json_object_set(o, "descriptor", e);
            json_object_set(o, "manifest", m.manifest);
            json_object_set(o, "config", m.config);
            json_array_append_new(list, o);
        } else {
            print_text(out, &m);
        }
        ig_oci_loaded_free(&m);
    }
    if (r == 0 && json) {
        json_object_set_new(doc, "reference", json_string(ref));
        json_object_set(doc, "index", l->index);
        json_object_set(doc, "manifests", list);
        json_dumpf(doc, out, JSON_INDENT(2) | JSON_SORT_KEYS);
        fputc('\n', out);
    }
    json_decref(doc);
    json_decref(list);
    return r;
}

int ig_oci_inspect(const char *ref, int json, FILE *out, char *err,
                   size_t errlen)
{
    struct ig_oci_layout l;
    char why[768];

    if (ig_oci_layout_open(ref, &l, why, sizeof(why)) < 0) {
        snprintf(err, errlen, "%s: %s", ref, why);
        return -1;
    }
    int r = inspect(&l, json, out, ref, why, sizeof(why));
    ig_oci_layout_close(&l);
    if (r < 0)
        snprintf(err, errlen, "%s: %s", ref, why);
    return r;
}
