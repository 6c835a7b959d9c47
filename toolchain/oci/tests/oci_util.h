/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_util.h: scratch directories and file surgery for the OCI unit tests. */
#ifndef INGOT_OCI_UTIL_H
#define INGOT_OCI_UTIL_H

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>

#include "oci_internal.h"
#include "unit.h"

static char work[] = "/tmp/ingot-oci-test.XXXXXX";

/* Makes the scratch directory and points $TMPDIR into it, so every
 * temporary directory the library makes can be counted. */
static void work_init(void)
{
    CHECK(mkdtemp(work) != NULL);
    char *t = ig_xasprintf("%s/tmp", work);
    CHECK(mkdir(t, 0700) == 0);
    setenv("TMPDIR", t, 1);
    free(t);
}

/* Returns the number of entries left in $TMPDIR. */
static int tmp_left(void)
{
    char *cmd = ig_xasprintf("ls -A %s/tmp | wc -l", work);
    FILE *p = popen(cmd, "r");
    int n = -1;
    CHECK(p && fscanf(p, "%d", &n) == 1);
    pclose(p);
    free(cmd);
    return n;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = ig_xmalloc((size_t)n + 1);
    CHECK(fread(buf, 1, (size_t)n, f) == (size_t)n);
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static void write_all(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(fwrite(buf, 1, len, f) == len);
    fclose(f);
}

/* Flips the bits of the byte at (off) (from the end if negative). */
static inline void flip(const char *path, long off)
{
    size_t len;
    char *b = read_all(path, &len);
    size_t at = off < 0 ? len + (size_t)off : (size_t)off;
    CHECK(at < len);
    b[at] ^= 0xff;
    write_all(path, b, len);
    free(b);
}

static inline void copy_tree(const char *from, const char *to)
{
    char *cmd = ig_xasprintf("rm -rf '%s' && cp -a '%s' '%s'", to, from, to);
    CHECK(system(cmd) == 0);
    free(cmd);
}

/* The blob path of the first manifest of layout (dir), of its config
 * (which 'c') or of its first layer ('l'), or of the manifest ('m'). */
static inline char *blob_of(const char *dir, char which)
{
    char *ref = ig_xasprintf("oci:%s", dir), err[512];
    struct ig_oci_layout l;
    struct ig_oci_loaded m;
    char *path = NULL;

    CHECK(ig_oci_layout_open(ref, &l, err, sizeof(err)) == 0);
    json_t *e = json_array_get(json_object_get(l.index, "manifests"), 0);
    CHECK(ig_oci_load_manifest(&l, e, &m, err, sizeof(err)) == 0);
    json_t *d = which == 'm' ? e
                : which == 'c'
                    ? json_object_get(m.manifest, "config")
                    : json_array_get(json_object_get(m.manifest, "layers"), 0);
    path = ig_oci_blob_path(dir, ig_oci_json_str(d, "digest"));
    ig_oci_loaded_free(&m);
    ig_oci_layout_close(&l);
    free(ref);
    return path;
}

#endif /* INGOT_OCI_UTIL_H */
