/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_pkg.c: write an Ingot image into an OCI layout or oci-archive. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "oci_internal.h"

/* A tag as the distribution spec allows it. */
static int tag_ok(const char *t)
{
    size_t n = strlen(t);

    if (n == 0 || n > 128 || t[0] == '.' || t[0] == '-')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
              (t[i] >= '0' && t[i] <= '9') || strchr("._-", t[i])))
            return 0;
    return 1;
}

/* JSON strings are UTF-8; jansson refuses anything else. */
static int utf8_ok(const char *s)
{
    json_t *j = json_string(s);

    json_decref(j);
    return j != NULL;
}

/* Returns the first string of (o) that cannot go into JSON, or NULL. */
static const char *bad_string(const struct ig_oci_pkg_opts *o)
{
    const char *one[] = {o->name, o->version, o->source};
    const struct ig_strvec *lists[] = {&o->args, &o->env};

    for (size_t i = 0; i < 3; i++)
        if (one[i] && !utf8_ok(one[i]))
            return one[i];
    for (size_t i = 0; i < 2; i++)
        for (size_t k = 0; k < lists[i]->n; k++)
            if (!utf8_ok(lists[i]->v[k]))
                return lists[i]->v[k];
    return NULL;
}

/* $SOURCE_DATE_EPOCH, or 0 so that builds are reproducible by default. */
static int source_date(int64_t *t, char *err, size_t errlen)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    char *end;

    *t = 0;
    if (!s || !*s)
        return 0;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*end || errno || v < 0 || v > 253402300799LL) {
        snprintf(err, errlen, "SOURCE_DATE_EPOCH=%s: not a time in seconds", s);
        return -1;
    }
    *t = v;
    return 0;
}

static json_t *strings(const struct ig_strvec *sv)
{
    json_t *a = json_array();

    for (size_t i = 0; i < sv->n; i++)
        json_array_append_new(a, json_string(sv->v[i]));
    return a;
}

/* The org.ingot.* annotations, which are also the config's labels. */
static json_t *ingot_annotations(const struct ig_oci_pkg_opts *o)
{
    json_t *a = json_object();

    json_object_set_new(a, "org.ingot.platform", json_string(o->platform));
    json_object_set_new(a, "org.ingot.kernel", json_string(IG_OCI_KERNEL_PATH));
    if (o->rootfs)
        json_object_set_new(a, "org.ingot.rootfs",
                            json_string(IG_OCI_ROOTFS_PATH));
    if (o->mem) {
        char buf[32];
        snprintf(buf, sizeof(buf), "%llu", (unsigned long long)o->mem);
        json_object_set_new(a, "org.ingot.memory", json_string(buf));
    }
    struct {
        const char *key;
        const struct ig_strvec *v;
    } lists[] = {{"org.ingot.args", &o->args}, {"org.ingot.env", &o->env}};
    for (size_t i = 0; i < 2; i++) {
        if (!lists[i].v->n)
            continue;
        json_t *arr = strings(lists[i].v);
        size_t len;
        char *s = ig_oci_json_dump(arr, &len);
        json_object_set_new(a, lists[i].key, json_string(s));
        free(s);
        json_decref(arr);
    }
    if (o->ports.n) {
        char *s = ig_xstrdup("");
        for (size_t i = 0; i < o->ports.n; i++) {
            char *t = ig_xasprintf("%s%s%s", s, i ? "," : "", o->ports.v[i]);
            free(s);
            s = t;
        }
        json_object_set_new(a, "org.ingot.ports", json_string(s));
        free(s);
    }
    return a;
}

static json_t *make_config(const struct ig_oci_pkg_opts *o, const char *created,
                           const char *diff_id, json_t *labels)
{
    json_t *c = json_object(), *cc = json_object();

    json_object_set_new(c, "created", json_string(created));
    json_object_set_new(c, "architecture", json_string("amd64"));
    json_object_set_new(c, "os", json_string("linux"));
    if (o->env.n)
        json_object_set_new(cc, "Env", strings(&o->env));
    /* What the image is: its kernel, run by an Ingot runtime (ingot-runc)
     * with Cmd as the app's arguments.  Engines refuse images without. */
    json_t *ep = json_array();
    json_array_append_new(ep, json_string("/" IG_OCI_KERNEL_PATH));
    json_object_set_new(cc, "Entrypoint", ep);
    json_object_set_new(cc, "Cmd", strings(&o->args));
    if (o->ports.n) {
        json_t *ep = json_object();
        for (size_t i = 0; i < o->ports.n; i++)
            json_object_set_new(ep, o->ports.v[i], json_object());
        json_object_set_new(cc, "ExposedPorts", ep);
    }
    json_object_set(cc, "Labels", labels);
    json_object_set_new(c, "config", cc);
    json_t *rootfs = json_object(), *ids = json_array();
    json_array_append_new(ids, json_string(diff_id));
    json_object_set_new(rootfs, "type", json_string("layers"));
    json_object_set_new(rootfs, "diff_ids", ids);
    json_object_set_new(c, "rootfs", rootfs);
    json_t *h = json_object(), *hist = json_array();
    json_object_set_new(h, "created", json_string(created));
    json_object_set_new(h, "created_by", json_string("ingot pkg"));
    json_array_append_new(hist, h);
    json_object_set_new(c, "history", hist);
    return c;
}

static int put_json(const char *dir, json_t *j, char digest[IG_OCI_DIGEST_LEN],
                    int64_t *size, char *err, size_t errlen)
{
    size_t len;
    char *s = ig_oci_json_dump(j, &len);
    int r = ig_oci_blob_put(dir, s, len, digest, err, errlen);

    *size = (int64_t)len;
    free(s);
    return r;
}

/* Writes the blobs of (o) into layout (dir) and returns its index entry. */
static json_t *write_image(const struct ig_oci_pkg_opts *o, const char *dir,
                           const char *work, int64_t mtime, char *err,
                           size_t errlen)
{
    int64_t lsize, csize, msize;
    char created[32], diff_id[IG_OCI_DIGEST_LEN], ldig[IG_OCI_DIGEST_LEN];
    char cdig[IG_OCI_DIGEST_LEN], mdig[IG_OCI_DIGEST_LEN];
    char *cpio = NULL, *layer = ig_xasprintf("%s/layer", work);
    json_t *labels = NULL, *config = NULL, *man = NULL, *entry = NULL;

    time_t tt = (time_t)mtime;
    struct tm tm;
    strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%SZ",
             gmtime_r(&tt, &tm));
    if (o->rootfs) {
        char why[512];
        cpio = ig_xasprintf("%s/rootfs.cpio", work);
        int fd = open(cpio, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0) {
            snprintf(err, errlen, "%s: %s", cpio, strerror(errno));
            goto out;
        }
        int r = ig_cpio_write_tree(o->rootfs, fd, why, sizeof(why));
        close(fd);
        if (r < 0) {
            snprintf(err, errlen, "--rootfs %s: %s", o->rootfs, why);
            goto out;
        }
    }
    if (ig_oci_layer_write(layer, o->image, cpio, o->gzip, mtime, diff_id, err,
                           errlen) < 0 ||
        ig_oci_blob_put_file(dir, layer, ldig, &lsize, err, errlen) < 0)
        goto out;
    labels = ingot_annotations(o);
    config = make_config(o, created, diff_id, labels);
    if (put_json(dir, config, cdig, &csize, err, errlen) < 0)
        goto out;

    man = json_object();
    json_object_set_new(man, "schemaVersion", json_integer(2));
    json_object_set_new(man, "mediaType", json_string(IG_OCI_MT_MANIFEST));
    json_object_set_new(man, "config",
                        ig_oci_desc_new(IG_OCI_MT_CONFIG, cdig, csize));
    json_t *layers = json_array();
    json_array_append_new(layers, ig_oci_desc_new(o->gzip ? IG_OCI_MT_LAYER_GZIP
                                                          : IG_OCI_MT_LAYER,
                                                  ldig, lsize));
    json_object_set_new(man, "layers", layers);
    json_t *ann = json_deep_copy(labels);
    json_object_set_new(ann, "org.opencontainers.image.created",
                        json_string(created));
    json_object_set_new(ann, "org.opencontainers.image.title",
                        json_string(o->name));
    json_object_set_new(ann, "org.opencontainers.image.version",
                        json_string(o->version ? o->version : o->tag));
    if (o->source)
        json_object_set_new(ann, "org.opencontainers.image.source",
                            json_string(o->source));
    json_object_set_new(man, "annotations", ann);
    if (put_json(dir, man, mdig, &msize, err, errlen) < 0)
        goto out;

    entry = ig_oci_desc_new(IG_OCI_MT_MANIFEST, mdig, msize);
    json_t *plat = json_object();
    json_object_set_new(plat, "architecture", json_string("amd64"));
    json_object_set_new(plat, "os", json_string("linux"));
    json_object_set_new(entry, "platform", plat);
    json_t *ea = json_object();
    /* NAME:TAG, as skopeo (oci:DIR:NAME:TAG) and podman load (which
     * names the image after it) read ref.name. */
    char *refname = ig_xasprintf("%s:%s", o->name, o->tag);
    json_object_set_new(ea, "org.opencontainers.image.ref.name",
                        json_string(refname));
    free(refname);
    json_object_set_new(ea, "org.ingot.platform", json_string(o->platform));
    json_object_set_new(entry, "annotations", ea);
out:
    if (cpio)
        unlink(cpio);
    unlink(layer);
    free(cpio);
    free(layer);
    json_decref(labels);
    json_decref(config);
    json_decref(man);
    return entry;
}

/* Replaces the entry with the same tag and platform in place, or appends. */
static void add_entry(json_t *index, json_t *entry)
{
    json_t *ms = json_object_get(index, "manifests"), *e;
    const char *tag = ig_oci_entry_tag(entry);
    const char *plat = ig_oci_entry_platform(entry);
    size_t i;

    json_array_foreach(ms, i, e)
    {
        const char *t = ig_oci_entry_tag(e), *p = ig_oci_entry_platform(e);
        if (t && p && strcmp(t, tag) == 0 && strcmp(p, plat) == 0) {
            json_array_set_new(ms, i, entry);
            return;
        }
    }
    json_array_append_new(ms, entry);
}

/* Opens or creates the layout in (dir).  Returns its index, or NULL. */
static json_t *open_dir(const char *dir, int *created, char *err, size_t errlen)
{
    char *marker = ig_xasprintf("%s/oci-layout", dir);
    int exists = access(marker, F_OK) == 0;
    free(marker);
    if (exists) {
        struct ig_oci_layout l;
        char *ref = ig_xasprintf("oci:%s", dir);
        int r = ig_oci_layout_open(ref, &l, err, errlen);
        free(ref);
        if (r < 0)
            return NULL;
        json_t *index = json_incref(l.index);
        ig_oci_layout_close(&l);
        return index;
    }
    DIR *d = opendir(dir);
    if (!d && (errno != ENOENT || mkdir(dir, 0755) < 0)) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return NULL;
    }
    *created = !d;
    if (d) {
        struct dirent *de;
        int empty = 1;
        while (empty && (de = readdir(d)))
            empty = !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..");
        closedir(d);
        if (!empty) {
            snprintf(err, errlen,
                     "%s: not empty and not an OCI image layout "
                     "(no oci-layout file)",
                     dir);
            return NULL;
        }
    }
    json_t *index = json_object();
    json_object_set_new(index, "schemaVersion", json_integer(2));
    json_object_set_new(index, "mediaType", json_string(IG_OCI_MT_INDEX));
    json_object_set_new(index, "manifests", json_array());
    return index;
}

int ig_oci_pkg(struct ig_oci_pkg_opts *o, char *err, size_t errlen)
{
    char *tmp = NULL, *work = NULL, *ref = NULL;
    const char *dir = o->dir;
    json_t *index = NULL;
    int r = -1, created = 0;
    int64_t mtime;

    if (!tag_ok(o->tag)) {
        snprintf(err, errlen,
                 "-t %s:%s: TAG must be 1-128 of [A-Za-z0-9._-], not "
                 "starting with '.' or '-'",
                 o->name, o->tag);
        return -1;
    }
    if (source_date(&mtime, err, errlen) < 0)
        return -1;
    const char *bad = bad_string(o);
    if (bad) {
        snprintf(err, errlen, "%s: not valid UTF-8, which JSON requires", bad);
        return -1;
    }
    if (!(work = ig_oci_mkdtemp("pkg", err, errlen)))
        return -1;
    if (o->archive) {
        if (!(tmp = ig_oci_mkdtemp("oci", err, errlen)))
            goto out;
        dir = ref = ig_xasprintf("%s/layout", tmp);
        if (access(o->archive, F_OK) == 0) {
            char why[512];
            if (mkdir(dir, 0700) < 0 ||
                ig_oci_archive_unpack(o->archive, dir, why, sizeof(why)) < 0) {
                snprintf(err, errlen, "%s: %s", o->archive, why);
                goto out;
            }
        }
    }
    if (!(index = open_dir(dir, &created, err, errlen)))
        goto out;
    json_t *entry = write_image(o, dir, work, mtime, err, errlen);
    if (!entry)
        goto out;
    snprintf(o->digest, sizeof(o->digest), "%s",
             ig_oci_json_str(entry, "digest"));
    add_entry(index, entry);
    char *p = ig_xasprintf("%s/oci-layout", dir);
    static const char marker[] = "{\"imageLayoutVersion\":\"1.0.0\"}";
    r = ig_oci_write_file(p, marker, sizeof(marker) - 1, err, errlen);
    free(p);
    if (r == 0) {
        char *s = json_dumps(index, JSON_INDENT(2) | JSON_SORT_KEYS);
        char *text = ig_xasprintf("%s\n", s);
        p = ig_xasprintf("%s/index.json", dir);
        r = ig_oci_write_file(p, text, strlen(text), err, errlen);
        free(p);
        free(text);
        free(s);
    }
    if (r == 0 && o->archive)
        r = ig_oci_archive_pack(dir, o->archive, err, errlen);
out:
    /* A layout this run began is removed whole; an existing one keeps its
     * old index.json (replaced only at the end), so at worst it gains
     * blobs nothing refers to. */
    if (r < 0 && created)
        ig_host_rmtree(dir);
    json_decref(index);
    ig_host_rmtree(work);
    if (tmp)
        ig_host_rmtree(tmp);
    free(work);
    free(tmp);
    free(ref);
    return r;
}
