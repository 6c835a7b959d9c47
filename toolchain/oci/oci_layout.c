/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_layout.c: references, opening layouts and archives, tags, manifests. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "oci_internal.h"

int ig_oci_is_ref(const char *ref)
{
    return strncmp(ref, "oci:", 4) == 0 ||
           strncmp(ref, "oci-archive:", 12) == 0;
}

int ig_oci_ref_split(const char *ref, int *archive, char **path, char **tag,
                     char *err, size_t errlen)
{
    const char *rest;

    *path = *tag = NULL;
    if (strncmp(ref, "oci:", 4) == 0) {
        *archive = 0;
        rest = ref + 4;
    } else if (strncmp(ref, "oci-archive:", 12) == 0) {
        *archive = 1;
        rest = ref + 12;
    } else {
        snprintf(err, errlen, "not an oci: or oci-archive: reference");
        return -1;
    }
    /* Like skopeo: the path ends at the first colon, so the reference
     * may be NAME:TAG (the ref.name `ingot pkg -t NAME:TAG` writes). */
    const char *colon = strchr(rest, ':');
    if (colon) {
        *path = ig_xasprintf("%.*s", (int)(colon - rest), rest);
        *tag = ig_xstrdup(colon + 1);
    } else {
        *path = ig_xstrdup(rest);
    }
    if (!**path || (*tag && !**tag)) {
        snprintf(err, errlen, "expected %s[:REF]",
                 *archive ? "oci-archive:FILE" : "oci:DIR");
        free(*path);
        free(*tag);
        *path = *tag = NULL;
        return -1;
    }
    return 0;
}

char *ig_oci_mkdtemp(const char *what, char *err, size_t errlen)
{
    const char *tmp = getenv("TMPDIR");
    char *d =
        ig_xasprintf("%s/ingot-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", what);

    if (!mkdtemp(d)) {
        snprintf(err, errlen, "%s: %s", d, strerror(errno));
        free(d);
        return NULL;
    }
    return d;
}

static int check_marker(const char *dir, char *err, size_t errlen)
{
    char *p = ig_xasprintf("%s/oci-layout", dir);
    struct stat st;
    int r = -1;

    if (stat(dir, &st) < 0)
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
    else if (!S_ISDIR(st.st_mode))
        snprintf(err, errlen, "%s: not a directory", dir);
    else if (access(p, F_OK) < 0)
        snprintf(err, errlen, "not an OCI image layout (no oci-layout file)");
    else {
        json_t *j = ig_oci_json_load(p, "oci-layout", err, errlen);
        if (j && !ig_oci_json_str(j, "imageLayoutVersion"))
            snprintf(err, errlen, "oci-layout: no imageLayoutVersion");
        else if (j)
            r = 0;
        json_decref(j);
    }
    free(p);
    return r;
}

int ig_oci_layout_open(const char *ref, struct ig_oci_layout *l, char *err,
                       size_t errlen)
{
    int archive;
    char *path;

    memset(l, 0, sizeof(*l));
    if (ig_oci_ref_split(ref, &archive, &path, &l->tag, err, errlen) < 0)
        return -1;
    if (archive) {
        struct stat st;
        if (stat(path, &st) < 0) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            goto fail;
        }
        if (!S_ISREG(st.st_mode)) {
            snprintf(err, errlen, "%s: not a file", path);
            goto fail;
        }
        if (!(l->tmpdir = ig_oci_mkdtemp("oci", err, errlen)))
            goto fail;
        char why[512];
        if (ig_oci_archive_unpack(path, l->tmpdir, why, sizeof(why)) < 0) {
            snprintf(err, errlen, "%s: %s", path, why);
            goto fail;
        }
        l->dir = ig_xstrdup(l->tmpdir);
    } else {
        l->dir = ig_xstrdup(path);
    }
    if (check_marker(l->dir, err, errlen) < 0)
        goto fail;
    char *ip = ig_xasprintf("%s/index.json", l->dir);
    l->index = ig_oci_json_load(ip, "index.json", err, errlen);
    free(ip);
    if (!l->index || ig_oci_index_check(l->index, err, errlen) < 0)
        goto fail;
    free(path);
    return 0;
fail:
    free(path);
    ig_oci_layout_close(l);
    return -1;
}

void ig_oci_layout_close(struct ig_oci_layout *l)
{
    if (l->tmpdir)
        ig_host_rmtree(l->tmpdir);
    free(l->tmpdir);
    free(l->dir);
    free(l->tag);
    json_decref(l->index);
    memset(l, 0, sizeof(*l));
}

static const char *annotation(const json_t *o, const char *key)
{
    return ig_oci_json_str(json_object_get(o, "annotations"), key);
}

const char *ig_oci_entry_tag(const json_t *e)
{
    return annotation(e, "org.opencontainers.image.ref.name");
}

const char *ig_oci_entry_platform(const json_t *e)
{
    return annotation(e, "org.ingot.platform");
}

int ig_oci_ref_match(const char *refname, const char *want)
{
    if (strcmp(refname, want) == 0)
        return 1;
    /* A bare TAG also finds NAME:TAG; a tag holds no ':' or '/'. */
    const char *colon = strrchr(refname, ':');
    return !strchr(want, ':') && !strchr(want, '/') && colon &&
           !strchr(colon, '/') && strcmp(colon + 1, want) == 0;
}

const char *ig_oci_layout_tag(const struct ig_oci_layout *l, char *err,
                              size_t errlen)
{
    json_t *ms = json_object_get(l->index, "manifests"), *e;
    const char *only = NULL;
    size_t i;

    json_array_foreach(ms, i, e)
    {
        const char *t = ig_oci_entry_tag(e);
        if (!t || (l->tag && !ig_oci_ref_match(t, l->tag)))
            continue;
        if (only && strcmp(only, t) != 0) {
            if (l->tag)
                snprintf(err, errlen,
                         "%s names several images (%s, %s, ...): give "
                         "NAME:TAG",
                         l->tag, only, t);
            else
                snprintf(err, errlen,
                         "the layout has several tags (%s, %s, ...): name "
                         "one as :REF",
                         only, t);
            return NULL;
        }
        only = t;
    }
    if (l->tag && !only)
        snprintf(err, errlen, "no manifest tagged %s", l->tag);
    else if (!only)
        snprintf(err, errlen, "no tagged manifest in index.json");
    return only;
}

int ig_oci_load_manifest(const struct ig_oci_layout *l, json_t *e,
                         struct ig_oci_loaded *m, char *err, size_t errlen)
{
    memset(m, 0, sizeof(*m));
    m->entry = e;
    m->manifest = ig_oci_blob_json(l->dir, e, "manifest", IG_OCI_MT_MANIFEST,
                                   err, errlen);
    if (!m->manifest)
        return -1;
    json_t *sv = json_object_get(m->manifest, "schemaVersion");
    json_t *layers = json_object_get(m->manifest, "layers");
    if (!json_is_integer(sv) || json_integer_value(sv) != 2) {
        snprintf(err, errlen, "manifest: schemaVersion is not 2");
        goto fail;
    }
    if (!json_is_array(layers)) {
        snprintf(err, errlen, "manifest: no layers array");
        goto fail;
    }
    m->config = ig_oci_blob_json(l->dir, json_object_get(m->manifest, "config"),
                                 "config", IG_OCI_MT_CONFIG, err, errlen);
    if (!m->config)
        goto fail;
    json_t *ids =
        json_object_get(json_object_get(m->config, "rootfs"), "diff_ids");
    if (!json_is_array(ids) ||
        json_array_size(ids) != json_array_size(layers)) {
        snprintf(err, errlen,
                 "config: rootfs.diff_ids does not list one digest per layer");
        goto fail;
    }
    return 0;
fail:
    ig_oci_loaded_free(m);
    return -1;
}

void ig_oci_loaded_free(struct ig_oci_loaded *m)
{
    json_decref(m->manifest);
    json_decref(m->config);
    memset(m, 0, sizeof(*m));
}
