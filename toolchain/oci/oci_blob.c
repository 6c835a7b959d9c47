/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_blob.c: SHA-256 digests (libcrypto) and the content-addressed blobs. */
/* The one-shot SHA-256 functions of libcrypto, not EVP: EVP_sha256()
 * brings in OpenSSL 3's provider machinery, which made the static `ingot`
 * 4.5 MB larger with 16,000 more relocations and its start (paid by every
 * `ingot run`) 0.2 ms slower.  They are deprecated in OpenSSL 3 in favour
 * of EVP, not removed. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <errno.h>
#include <fcntl.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "oci_internal.h"

struct ig_oci_hash {
    SHA256_CTX ctx;
};

struct ig_oci_hash *ig_oci_hash_new(void)
{
    struct ig_oci_hash *h = ig_xmalloc(sizeof(*h));

    SHA256_Init(&h->ctx);
    return h;
}

void ig_oci_hash_update(struct ig_oci_hash *h, const void *buf, size_t len)
{
    SHA256_Update(&h->ctx, buf, len);
}

void ig_oci_hash_end(struct ig_oci_hash *h, char out[IG_OCI_DIGEST_LEN])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[SHA256_DIGEST_LENGTH];

    SHA256_Final(md, &h->ctx);
    free(h);
    memcpy(out, "sha256:", 7);
    for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) {
        out[7 + 2 * i] = hex[md[i] >> 4];
        out[8 + 2 * i] = hex[md[i] & 15];
    }
    out[71] = '\0';
}

void ig_oci_sha256(const void *buf, size_t len, char out[IG_OCI_DIGEST_LEN])
{
    struct ig_oci_hash *h = ig_oci_hash_new();

    ig_oci_hash_update(h, buf, len);
    ig_oci_hash_end(h, out);
}

int ig_oci_digest_ok(const char *d)
{
    if (strncmp(d, "sha256:", 7) != 0 || strlen(d) != 71)
        return 0;
    for (const char *p = d + 7; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return 0;
    return 1;
}

char *ig_oci_blob_path(const char *dir, const char *d)
{
    return ig_xasprintf("%s/blobs/sha256/%s", dir, d + 7);
}

static int mkdirs(const char *dir, char *err, size_t errlen)
{
    char *p = ig_xasprintf("%s/blobs", dir);
    int r = 0;

    if (mkdir(p, 0755) < 0 && errno != EEXIST)
        r = -1;
    free(p);
    p = ig_xasprintf("%s/blobs/sha256", dir);
    if (r == 0 && mkdir(p, 0755) < 0 && errno != EEXIST)
        r = -1;
    if (r < 0)
        snprintf(err, errlen, "%s: %s", p, strerror(errno));
    free(p);
    return r;
}

int ig_oci_blob_put(const char *dir, const void *buf, size_t len,
                    char digest[IG_OCI_DIGEST_LEN], char *err, size_t errlen)
{
    ig_oci_sha256(buf, len, digest);
    if (mkdirs(dir, err, errlen) < 0)
        return -1;
    char *path = ig_oci_blob_path(dir, digest);
    int r = ig_oci_write_file(path, buf, len, err, errlen);
    free(path);
    return r;
}

/* Hashes the file open on (fd), copying it to (out) unless that is -1.
 * Returns the byte count, or -1 with errno set. */
static int64_t hash_fd(int fd, int out, char digest[IG_OCI_DIGEST_LEN])
{
    struct ig_oci_hash *h = ig_oci_hash_new();
    static char buf[1 << 16];
    int64_t total = 0;
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        ig_oci_hash_update(h, buf, (size_t)n);
        int e = out >= 0 ? ig_write_all(out, buf, (size_t)n) : 0;
        if (e < 0) {
            errno = -e;
            n = -1;
            break;
        }
        total += n;
    }
    int e = errno;
    ig_oci_hash_end(h, digest);
    errno = e;
    return n < 0 ? -1 : total;
}

int ig_oci_blob_put_file(const char *dir, const char *path,
                         char digest[IG_OCI_DIGEST_LEN], int64_t *size,
                         char *err, size_t errlen)
{
    if (mkdirs(dir, err, errlen) < 0)
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char *tmp = ig_xasprintf("%s/blobs/sha256/.tmp-XXXXXX", dir);
    int out = mkstemp(tmp);
    int r = -1;
    if (out < 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
    } else if ((*size = hash_fd(fd, out, digest)) < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
    } else if (fchmod(out, 0644) < 0 || close(out) < 0) {
        out = -1;
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
    } else {
        out = -1;
        char *dst = ig_oci_blob_path(dir, digest);
        if (rename(tmp, dst) < 0)
            snprintf(err, errlen, "%s: %s", dst, strerror(errno));
        else
            r = 0;
        free(dst);
    }
    if (out >= 0)
        close(out);
    if (r < 0)
        unlink(tmp);
    close(fd);
    free(tmp);
    return r;
}

int ig_oci_desc_parse(const json_t *desc, const char *what, const char **mt,
                      const char **digest, int64_t *size, char *err,
                      size_t errlen)
{
    if (!json_is_object(desc)) {
        snprintf(err, errlen, "%s: descriptor is not a JSON object", what);
        return -1;
    }
    *mt = ig_oci_json_str(desc, "mediaType");
    *digest = ig_oci_json_str(desc, "digest");
    json_t *sz = json_object_get(desc, "size");
    if (!*mt) {
        snprintf(err, errlen, "%s: descriptor has no mediaType", what);
        return -1;
    }
    if (!*digest || !ig_oci_digest_ok(*digest)) {
        snprintf(err, errlen, "%s: descriptor digest %s is not sha256:<64 hex>",
                 what, *digest ? *digest : "(none)");
        return -1;
    }
    if (!json_is_integer(sz) || json_integer_value(sz) < 0) {
        snprintf(err, errlen, "%s: descriptor has no valid size", what);
        return -1;
    }
    *size = json_integer_value(sz);
    return 0;
}

int ig_oci_blob_verify(const char *dir, const char *digest, int64_t size,
                       char *err, size_t errlen)
{
    char *path = ig_oci_blob_path(dir, digest);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    char got[IG_OCI_DIGEST_LEN];
    int r = -1;

    if (fd < 0 && errno == ENOENT)
        snprintf(err, errlen, "missing blob %s", digest);
    else if (fd < 0)
        snprintf(err, errlen, "blob %s: %s", digest, strerror(errno));
    else if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
        snprintf(err, errlen, "blob %s: not a regular file", digest);
    else if (st.st_size != size)
        snprintf(err, errlen, "blob %s: %lld bytes, its descriptor says %lld",
                 digest, (long long)st.st_size, (long long)size);
    else if (hash_fd(fd, -1, got) < 0)
        snprintf(err, errlen, "blob %s: %s", digest, strerror(errno));
    else if (strcmp(got, digest) != 0)
        snprintf(err, errlen, "blob %s does not match its digest (%s)", digest,
                 got);
    else
        r = 0;
    if (fd >= 0)
        close(fd);
    free(path);
    return r;
}

json_t *ig_oci_blob_json(const char *dir, const json_t *desc, const char *what,
                         const char *mt, char *err, size_t errlen)
{
    const char *dmt, *digest;
    int64_t size;

    if (ig_oci_desc_parse(desc, what, &dmt, &digest, &size, err, errlen) < 0)
        return NULL;
    if (strcmp(dmt, mt) != 0) {
        snprintf(err, errlen, "%s: media type %s, expected %s", what, dmt, mt);
        return NULL;
    }
    if (size > (int64_t)IG_OCI_JSON_MAX) {
        snprintf(err, errlen, "%s: %lld bytes is too large for JSON", what,
                 (long long)size);
        return NULL;
    }
    /* Read once, then hashed and parsed from memory: what is checked is
     * what is used. */
    char *path = ig_oci_blob_path(dir, digest);
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f) {
        if (errno == ENOENT)
            snprintf(err, errlen, "missing blob %s", digest);
        else
            snprintf(err, errlen, "blob %s: %s", digest, strerror(errno));
        return NULL;
    }
    char *buf = ig_xmalloc((size_t)size + 1);
    size_t n = fread(buf, 1, (size_t)size + 1, f);
    fclose(f);
    char got[IG_OCI_DIGEST_LEN];
    json_t *j = NULL;
    if (n != (size_t)size) {
        snprintf(err, errlen, "blob %s: %s bytes, its descriptor says %lld",
                 digest, n > (size_t)size ? "more" : "fewer", (long long)size);
    } else {
        ig_oci_sha256(buf, n, got);
        if (strcmp(got, digest) != 0) {
            snprintf(err, errlen, "blob %s does not match its digest (%s)",
                     digest, got);
        } else {
            char *name = ig_xasprintf("%s %s", what, digest);
            j = ig_oci_json_parse(buf, n, name, err, errlen);
            free(name);
        }
    }
    free(buf);
    if (!j)
        return NULL;
    const char *jmt = ig_oci_json_str(j, "mediaType");
    /* A config carries no mediaType of its own. */
    if (strcmp(mt, IG_OCI_MT_CONFIG) != 0 && (!jmt || strcmp(jmt, mt) != 0)) {
        snprintf(err, errlen, "%s %s: mediaType %s, expected %s", what, digest,
                 jmt ? jmt : "missing", mt);
        json_decref(j);
        return NULL;
    }
    return j;
}

int ig_oci_sha256_file(const char *path, char digest[IG_OCI_DIGEST_LEN])
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int64_t n = hash_fd(fd, -1, digest);
    int e = errno;
    close(fd);
    errno = e;
    return n < 0 ? -1 : 0;
}
