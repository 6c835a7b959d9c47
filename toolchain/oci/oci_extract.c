/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_extract.c: verify a packaged image and take out what a boot needs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host_plat.h>

#include "oci_internal.h"

/* The platform of index entry (e): its org.ingot.platform, or where a
 * copy by other tools dropped that (skopeo keeps only ref.name), the one
 * in the manifest, which is verified first.  NULL if neither says. */
static char *entry_platform(const struct ig_oci_layout *l, const json_t *e,
                            char *err, size_t errlen)
{
    const char *p = ig_oci_entry_platform(e);
    if (p)
        return ig_xstrdup(p);
    json_t *m = ig_oci_blob_json(l->dir, e, "manifest", IG_OCI_MT_MANIFEST, err,
                                 errlen);
    if (!m)
        return NULL;
    p = ig_oci_json_str(json_object_get(m, "annotations"),
                        "org.ingot.platform");
    char *r = p ? ig_xstrdup(p) : NULL;
    json_decref(m);
    return r;
}

/* Picks the index entry for (tag) and (platform) (NULL: the first that
 * `ingot run` boots), storing its platform in (*plat). */
static json_t *pick_entry(const struct ig_oci_layout *l, const char *tag,
                          const char *platform, char **plat, char *err,
                          size_t errlen)
{
    json_t *ms = json_object_get(l->index, "manifests"), *e;
    char seen[256] = "", why[512] = "";
    size_t i;

    json_array_foreach(ms, i, e)
    {
        const char *t = ig_oci_entry_tag(e);
        if (!t || strcmp(t, tag) != 0)
            continue;
        char *p = entry_platform(l, e, why, sizeof(why));
        if (!p && *why) {
            snprintf(err, errlen, "%s", why);
            return NULL;
        }
        if (platform ? p && strcmp(p, platform) == 0
                     : ig_plat_bootable(p) != NULL) {
            *plat = p;
            return e;
        }
        size_t n = strlen(seen);
        snprintf(seen + n, sizeof(seen) - n, "%s%s", n ? ", " : "",
                 p ? p : "none");
        free(p);
    }
    char names[128];
    ig_plat_list_bootable(names, sizeof(names), " or ");
    snprintf(err, errlen, "no manifest tagged %s for platform %s (found: %s)",
             tag, platform ? platform : names, seen);
    return NULL;
}

/* The image title as a file name, so the guest's argv[0] is the app's. */
static char *kernel_name(const char *title)
{
    const char *s = title ? strrchr(title, '/') : NULL;
    s = s ? s + 1 : title;
    if (!s || !*s || *s == '.' || strlen(s) > 64)
        return ig_xstrdup("kernel");
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || strchr("._-", *p)))
            return ig_xstrdup("kernel");
    return ig_xstrdup(s);
}

/* Parses the JSON array of strings in annotation (key) into (out). */
static int string_list(const json_t *ann, const char *key,
                       struct ig_strvec *out, int *present, char *err,
                       size_t errlen)
{
    const char *s = ig_oci_json_str(ann, key);
    json_t *a, *v;
    size_t i;

    if (present)
        *present = s != NULL;
    if (!s)
        return 0;
    a = json_loads(s, JSON_DECODE_ANY, NULL);
    int ok = json_is_array(a);
    json_array_foreach(a, i, v) ok = ok && json_is_string(v);
    if (ok)
        json_array_foreach(a, i, v) ig_strvec_push(out, json_string_value(v));
    json_decref(a);
    if (!ok)
        snprintf(err, errlen,
                 "manifest: annotation %s is not a JSON array of strings", key);
    return ok ? 0 : -1;
}

static int read_annotations(const json_t *ann, const char *entry_plat,
                            struct ig_oci_image *img, char *err, size_t errlen)
{
    const char *plat = ig_oci_json_str(ann, "org.ingot.platform");
    const char *mem = ig_oci_json_str(ann, "org.ingot.memory");

    if (!plat || strcmp(plat, entry_plat) != 0) {
        snprintf(err, errlen,
                 "manifest: org.ingot.platform %s does not match the index "
                 "entry's %s",
                 plat ? plat : "missing", entry_plat);
        return -1;
    }
    img->platform = ig_xstrdup(plat);
    if (mem) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(mem, &end, 10);
        if (*mem < '0' || *mem > '9' || *end || errno || v == 0) {
            snprintf(err, errlen,
                     "manifest: org.ingot.memory %s is not a byte count", mem);
            return -1;
        }
        img->mem = v;
    }
    if (string_list(ann, "org.ingot.args", &img->args, &img->has_args, err,
                    errlen) < 0 ||
        string_list(ann, "org.ingot.env", &img->env, NULL, err, errlen) < 0)
        return -1;
    return 0;
}

static int extract(const struct ig_oci_layout *l, const char *platform,
                   struct ig_oci_image *img, char *err, size_t errlen)
{
    const char *tag = ig_oci_layout_tag(l, err, errlen);
    if (!tag)
        return -1;
    img->tag = ig_xstrdup(tag);
    char *plat = NULL;
    json_t *e = pick_entry(l, tag, platform, &plat, err, errlen);
    if (!e)
        return -1;
    struct ig_oci_loaded m;
    if (ig_oci_load_manifest(l, e, &m, err, errlen) < 0) {
        free(plat);
        return -1;
    }
    img->digest = ig_xstrdup(ig_oci_json_str(e, "digest"));
    int r = -1;
    json_t *ann = json_object_get(m.manifest, "annotations");
    json_t *layers = json_object_get(m.manifest, "layers");
    const char *kpath = ig_oci_json_str(ann, "org.ingot.kernel");
    const char *rpath = ig_oci_json_str(ann, "org.ingot.rootfs");
    const char *mt, *digest;
    int64_t size;
    if (read_annotations(ann, plat, img, err, errlen) < 0)
        goto out;
    if (!kpath) {
        snprintf(err, errlen, "manifest: no org.ingot.kernel annotation");
        goto out;
    }
    if (!ig_oci_path_safe(kpath) || (rpath && !ig_oci_path_safe(rpath))) {
        snprintf(err, errlen, "manifest: org.ingot.%s %s: unsafe path",
                 ig_oci_path_safe(kpath) ? "rootfs" : "kernel",
                 ig_oci_path_safe(kpath) ? rpath : kpath);
        goto out;
    }
    if (json_array_size(layers) != 1) {
        snprintf(err, errlen, "manifest: %zu layers; an Ingot image has one",
                 json_array_size(layers));
        goto out;
    }
    if (ig_oci_desc_parse(json_array_get(layers, 0), "layer 0", &mt, &digest,
                          &size, err, errlen) < 0 ||
        ig_oci_blob_verify(l->dir, digest, size, err, errlen) < 0)
        goto out;
    const char *diff_id = json_string_value(json_array_get(
        json_object_get(json_object_get(m.config, "rootfs"), "diff_ids"), 0));
    if (!diff_id) {
        snprintf(err, errlen, "config: rootfs.diff_ids[0] is not a string");
        goto out;
    }
    if (!(img->tmpdir = ig_oci_mkdtemp("run", err, errlen)))
        goto out;
    char *name =
        kernel_name(ig_oci_json_str(ann, "org.opencontainers.image.title"));
    img->kernel = ig_xasprintf("%s/%s", img->tmpdir, name);
    free(name);
    if (rpath)
        img->rootfs = ig_xasprintf("%s/rootfs.cpio", img->tmpdir);
    while (kpath[0] == '.' && kpath[1] == '/')
        kpath += 2;
    while (rpath && rpath[0] == '.' && rpath[1] == '/')
        rpath += 2;
    struct ig_oci_pick pick[2] = {{kpath, img->kernel, 0},
                                  {rpath, img->rootfs, 0}};
    char *blob = ig_oci_blob_path(l->dir, digest);
    r = ig_oci_layer_extract(blob, mt, diff_id, pick, rpath ? 2 : 1, err,
                             errlen);
    free(blob);
out:
    free(plat);
    ig_oci_loaded_free(&m);
    return r;
}

int ig_oci_extract(const char *ref, const char *platform,
                   struct ig_oci_image *img, char *err, size_t errlen)
{
    struct ig_oci_layout l;
    char why[768];

    memset(img, 0, sizeof(*img));
    if (ig_oci_layout_open(ref, &l, why, sizeof(why)) < 0) {
        snprintf(err, errlen, "%s: %s", ref, why);
        return -1;
    }
    int r = extract(&l, platform, img, why, sizeof(why));
    ig_oci_layout_close(&l);
    if (r < 0) {
        snprintf(err, errlen, "%s: %s", ref, why);
        ig_oci_image_free(img);
    }
    return r;
}

void ig_oci_image_free(struct ig_oci_image *img)
{
    if (img->tmpdir)
        ig_host_rmtree(img->tmpdir);
    free(img->tmpdir);
    free(img->kernel);
    free(img->rootfs);
    free(img->platform);
    free(img->tag);
    free(img->digest);
    ig_strvec_free(&img->args);
    ig_strvec_free(&img->env);
    memset(img, 0, sizeof(*img));
}
