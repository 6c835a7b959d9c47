/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_unpack.c: unpacking an oci-archive, no more than its index declares. */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "oci_internal.h"

/*
 * An archive is read twice.  The first pass checks every member's path and
 * type and keeps index.json and the small blobs in memory; from them it
 * learns which blobs the index reaches (manifests, nested indexes, configs,
 * layers) and the size each descriptor declares.  The second pass writes
 * only those blobs, refusing one whose bytes run past its declared size or
 * do not hash to its digest, after checking that the declared total fits
 * in the free space.  So an archive can never write more than its
 * descriptors admit to, and nothing it does not refer to at all.
 */

#define KEEP_MAX (64u << 20) /* small blobs held at once in the first pass */
#define DEPTH_MAX 4          /* nested indexes followed */
#define MARKER_MAX 4096      /* oci-layout */
#define KEPT_MAX 4096        /* small blobs held, by count */
#define WANT_MAX 16384       /* blobs one archive may refer to */

struct blob {
    char digest[IG_OCI_DIGEST_LEN];
    int64_t size; /* declared (wanted) or held (kept) */
    char *data;   /* kept: the bytes, which hash to (digest) */
};

struct plan {
    struct blob *kept, *want;
    size_t nkept, nwant;
    size_t held;
    char *index;
    size_t index_len;
    int64_t total;
};

static struct blob *find(struct blob *v, size_t n, const char *digest)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].digest, digest) == 0)
            return &v[i];
    return NULL;
}

static void push(struct blob **v, size_t *n, const char *digest, int64_t size,
                 char *data)
{
    *v = ig_xrealloc(*v, (*n + 1) * sizeof(**v));
    snprintf((*v)[*n].digest, IG_OCI_DIGEST_LEN, "%s", digest);
    (*v)[*n].size = size;
    (*v)[*n].data = data;
    (*n)++;
}

static void plan_free(struct plan *p)
{
    for (size_t i = 0; i < p->nkept; i++)
        free(p->kept[i].data);
    free(p->kept);
    free(p->want);
    free(p->index);
}

/* Returns the member's path without leading "./", "" for the top, or
 * NULL with the reason in (err) for an unsafe path or type. */
static const char *member(struct archive_entry *e, char *err, size_t errlen)
{
    const char *name = archive_entry_pathname(e);

    if (!name || !ig_oci_path_safe(name)) {
        snprintf(err, errlen, "member %s: absolute or \"..\" path refused",
                 name ? name : "(unnamed)");
        return NULL;
    }
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    if (strcmp(name, ".") == 0)
        return "";
    mode_t type = archive_entry_filetype(e);
    if (type != AE_IFDIR && type != AE_IFREG) {
        snprintf(err, errlen, "member %s: not a regular file or directory",
                 name);
        return NULL;
    }
    return name;
}

/* The digest named by blob path (name), or NULL if (name) is not one. */
static const char *blob_digest(const char *name, char out[IG_OCI_DIGEST_LEN])
{
    if (strncmp(name, "blobs/sha256/", 13) != 0)
        return NULL;
    snprintf(out, IG_OCI_DIGEST_LEN, "sha256:%.64s", name + 13);
    return strlen(name + 13) == 64 && ig_oci_digest_ok(out) ? out : NULL;
}

/* Reads the current member's (size) bytes into a new buffer. */
static char *slurp(struct archive *a, int64_t size, const char *name, char *err,
                   size_t errlen)
{
    char *buf = ig_xmalloc((size_t)size + 1);
    int64_t got = 0;
    la_ssize_t n;

    while (got < size &&
           (n = archive_read_data(a, buf + got, (size_t)(size - got))) > 0)
        got += n;
    if (got != size) {
        snprintf(err, errlen, "member %s: %s", name,
                 archive_error_string(a) ? archive_error_string(a)
                                         : "truncated");
        free(buf);
        return NULL;
    }
    return buf;
}

static void add_total(struct plan *p, int64_t n)
{
    if (__builtin_add_overflow(p->total, n, &p->total))
        p->total = INT64_MAX;
}

/* Records what descriptor (d) admits, following it into manifests and
 * indexes held in memory. */
static void admit(struct plan *p, const json_t *d, int depth);

static void admit_all(struct plan *p, const json_t *arr, int depth)
{
    size_t i;
    json_t *d;

    json_array_foreach(arr, i, d) admit(p, d, depth);
}

static void admit(struct plan *p, const json_t *d, int depth)
{
    const char *mt, *digest;
    int64_t size;
    char err[160];

    if (ig_oci_desc_parse(d, "", &mt, &digest, &size, err, sizeof(err)) < 0)
        return; /* the reader reports it, naming the descriptor */
    struct blob *w = find(p->want, p->nwant, digest);
    if (w) {
        if (size > w->size) {
            add_total(p, size - w->size);
            w->size = size;
        }
        return; /* already followed */
    }
    if (p->nwant >= WANT_MAX) {
        p->total = INT64_MAX; /* refused by the free-space check */
        return;
    }
    push(&p->want, &p->nwant, digest, size, NULL);
    add_total(p, size);
    struct blob *k = find(p->kept, p->nkept, digest);
    if (!k || k->size != size || depth >= DEPTH_MAX)
        return;
    json_t *j = json_loadb(k->data, (size_t)k->size, 0, NULL);
    if (!j)
        return;
    if (strcmp(mt, IG_OCI_MT_INDEX) == 0) {
        admit_all(p, json_object_get(j, "manifests"), depth + 1);
    } else if (strcmp(mt, IG_OCI_MT_MANIFEST) == 0) {
        admit(p, json_object_get(j, "config"), depth + 1);
        admit_all(p, json_object_get(j, "layers"), depth + 1);
    }
    json_decref(j);
}

/* First pass: checks every member and fills (p). */
static int plan(struct archive *a, struct plan *p, char *err, size_t errlen)
{
    struct archive_entry *e;
    char d[IG_OCI_DIGEST_LEN], got[IG_OCI_DIGEST_LEN];
    int st;

    while ((st = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
        const char *name = member(e, err, errlen);
        if (!name)
            return -1;
        int64_t size = archive_entry_size(e);
        if (strcmp(name, "index.json") == 0) {
            if (p->index) {
                snprintf(err, errlen, "member index.json: appears twice");
                return -1;
            }
            if (size > (int64_t)IG_OCI_JSON_MAX) {
                snprintf(err, errlen,
                         "index.json: %lld bytes is too large "
                         "for JSON",
                         (long long)size);
                return -1;
            }
            if (!(p->index = slurp(a, size, name, err, errlen)))
                return -1;
            p->index_len = (size_t)size;
        } else if (blob_digest(name, d) && size <= (int64_t)IG_OCI_JSON_MAX &&
                   p->held + (size_t)size <= KEEP_MAX && p->nkept < KEPT_MAX &&
                   !find(p->kept, p->nkept, d)) {
            char *buf = slurp(a, size, name, err, errlen);
            if (!buf)
                return -1;
            ig_oci_sha256(buf, (size_t)size, got);
            if (strcmp(got, d) != 0) {
                free(buf); /* the reader reports the mismatch */
                continue;
            }
            push(&p->kept, &p->nkept, d, size, buf);
            p->held += (size_t)size;
        }
    }
    if (st != ARCHIVE_EOF) {
        snprintf(err, errlen, "not a valid tar archive: %s",
                 archive_error_string(a));
        return -1;
    }
    json_t *index =
        p->index ? json_loadb(p->index, p->index_len, 0, NULL) : NULL;
    admit_all(p, json_object_get(index, "manifests"), 0);
    json_decref(index);
    return 0;
}

/* Creates the directories leading to (rel) under (dir). */
static int make_parents(const char *dir, const char *rel)
{
    char *p = ig_xasprintf("%s/%s", dir, rel);
    int r = 0;

    for (char *s = p + strlen(dir) + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        if (mkdir(p, 0755) < 0 && errno != EEXIST)
            r = -1;
        *s = '/';
        if (r < 0)
            break;
    }
    free(p);
    return r;
}

/* Writes the current member to (path): at most (max) bytes, and when
 * (digest) is set they must hash to it. */
static int write_member(struct archive *a, const char *path, const char *name,
                        int64_t max, const char *digest, char *err,
                        size_t errlen)
{
    /* O_EXCL|O_NOFOLLOW: a member never replaces or writes through
     * anything already there. */
    int fd =
        open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, errlen, "member %s: %s", name, strerror(errno));
        return -1;
    }
    struct ig_oci_hash *h = ig_oci_hash_new();
    static char buf[65536];
    int64_t total = 0;
    la_ssize_t n = 0;
    int r = 0;
    while (r == 0 && (n = archive_read_data(a, buf, sizeof(buf))) > 0) {
        total += n;
        if (total > max) {
            snprintf(err, errlen,
                     "member %s: more than the %lld bytes its descriptor "
                     "says",
                     name, (long long)max);
            r = -1;
        } else if ((r = ig_write_all(fd, buf, (size_t)n)) < 0) {
            snprintf(err, errlen, "member %s: %s", name, strerror(-r));
        } else {
            ig_oci_hash_update(h, buf, (size_t)n);
        }
    }
    if (r == 0 && n < 0) {
        snprintf(err, errlen, "member %s: %s", name, archive_error_string(a));
        r = -1;
    }
    char got[IG_OCI_DIGEST_LEN];
    ig_oci_hash_end(h, got);
    if (r == 0 && digest && total == max && strcmp(got, digest) != 0) {
        snprintf(err, errlen, "member %s does not match its digest", name);
        r = -1;
    }
    if (close(fd) < 0 && r == 0) {
        snprintf(err, errlen, "member %s: %s", name, strerror(errno));
        r = -1;
    }
    return r < 0 ? -1 : 0;
}

/* Second pass: writes what (p) admits under (dir). */
static int unpack(struct archive *a, const struct plan *p, const char *dir,
                  char *err, size_t errlen)
{
    struct archive_entry *e;
    char d[IG_OCI_DIGEST_LEN];
    int r = 0;

    while (r == 0 && archive_read_next_header(a, &e) == ARCHIVE_OK) {
        const char *name = member(e, err, errlen);
        if (!name)
            return -1;
        int64_t max = -1;
        const struct blob *w = NULL;
        if (archive_entry_filetype(e) != AE_IFREG)
            continue; /* directories are made as files need them */
        if (strcmp(name, "oci-layout") == 0)
            max = MARKER_MAX;
        else if (blob_digest(name, d) && (w = find(p->want, p->nwant, d)))
            max = w->size;
        if (max < 0)
            continue; /* index.json is written from memory, the rest unused */
        if (archive_entry_size(e) > max) {
            snprintf(err, errlen,
                     "member %s: %lld bytes, its descriptor says "
                     "%lld",
                     name, (long long)archive_entry_size(e), (long long)max);
            return -1;
        }
        char *path = ig_xasprintf("%s/%s", dir, name);
        if (make_parents(dir, name) < 0) {
            snprintf(err, errlen, "member %s: %s", name, strerror(errno));
            r = -1;
        } else {
            r = write_member(a, path, name, max, w ? w->digest : NULL, err,
                             errlen);
        }
        free(path);
    }
    if (r == 0 && p->index) {
        char *path = ig_xasprintf("%s/index.json", dir);
        r = ig_oci_write_file(path, p->index, p->index_len, err, errlen);
        free(path);
    }
    return r;
}

static struct archive *open_archive(const char *file, char *err, size_t errlen)
{
    struct archive *a = archive_read_new();

    if (!a)
        ig_host_oom();
    archive_read_support_format_tar(a);
    archive_read_support_filter_gzip(a);
    if (archive_read_open_filename(a, file, 65536) != ARCHIVE_OK) {
        snprintf(err, errlen, "%s", archive_error_string(a));
        archive_read_free(a);
        return NULL;
    }
    return a;
}

int ig_oci_archive_unpack(const char *file, const char *dir, char *err,
                          size_t errlen)
{
    struct plan p = {0};
    struct archive *a = open_archive(file, err, errlen);
    struct statvfs sv;
    int r = -1;

    if (!a)
        return -1;
    r = plan(a, &p, err, errlen);
    archive_read_free(a);
    int64_t need = p.total;
    if (r == 0 && statvfs(dir, &sv) == 0 &&
        (uint64_t)need > (uint64_t)sv.f_bavail * sv.f_frsize) {
        snprintf(err, errlen, "%s: %lld bytes to unpack, %llu free: %s", dir,
                 (long long)need, (unsigned long long)sv.f_bavail * sv.f_frsize,
                 strerror(ENOSPC));
        r = -1;
    }
    if (r == 0 && (a = open_archive(file, err, errlen))) {
        r = unpack(a, &p, dir, err, errlen);
        archive_read_free(a);
    } else if (r == 0) {
        r = -1;
    }
    plan_free(&p);
    return r;
}
