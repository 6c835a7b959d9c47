/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_oci_craft.c: hostile layouts built by hand: path traversal in a layer
 * or an oci-archive, links, wrong diff_ids and media types. */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <sched.h>
#include <sys/mount.h>

#include "oci_util.h"

/* One tar member: (type) 'f' file, 'l' symlink, 'd' directory. */
struct member {
    const char *name;
    char type;
    const char *data;
};

/* Writes the members as a tar (gzip'd when (gz)) to (path). */
static void make_tar(const char *path, const struct member *m, int gz)
{
    struct archive *a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    if (gz)
        archive_write_add_filter_gzip(a);
    CHECK(archive_write_open_filename(a, path) == ARCHIVE_OK);
    for (; m->name; m++) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, m->name);
        size_t n = m->data ? strlen(m->data) : 0;
        if (m->type == 'l') {
            archive_entry_set_filetype(e, AE_IFLNK);
            archive_entry_set_symlink(e, m->data);
            n = 0;
        } else {
            archive_entry_set_filetype(e, m->type == 'd' ? AE_IFDIR : AE_IFREG);
        }
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, (la_int64_t)n);
        CHECK(archive_write_header(a, e) == ARCHIVE_OK);
        if (n)
            CHECK(archive_write_data(a, m->data, n) == (la_ssize_t)n);
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
}

/* Builds layout (dir) whose only manifest (tag "t", platform kvm) has the
 * layer file (layer) of media type (mt) and the diff_id (diff_id) (NULL:
 * the right one, computed from (tar)), and org.ingot.kernel (kpath). */
static void make_layout(const char *dir, const char *layer, const char *tar,
                        const char *mt, const char *diff_id, const char *kpath)
{
    char ldig[IG_OCI_DIGEST_LEN], did[IG_OCI_DIGEST_LEN];
    char cdig[IG_OCI_DIGEST_LEN], mdig[IG_OCI_DIGEST_LEN], err[256];
    int64_t lsize;

    CHECK(mkdir(dir, 0755) == 0);
    CHECK(ig_oci_sha256_file(tar, did) == 0);
    CHECK(ig_oci_blob_put_file(dir, layer, ldig, &lsize, err, sizeof(err)) ==
          0);
    json_t *cfg = json_pack("{s:s,s:s,s:{s:s,s:[s]}}", "architecture", "amd64",
                            "os", "linux", "rootfs", "type", "layers",
                            "diff_ids", diff_id ? diff_id : did);
    size_t n;
    char *s = ig_oci_json_dump(cfg, &n);
    CHECK(ig_oci_blob_put(dir, s, n, cdig, err, sizeof(err)) == 0);
    json_t *man =
        json_pack("{s:i,s:s,s:o,s:[o],s:{s:s,s:s}}", "schemaVersion", 2,
                  "mediaType", IG_OCI_MT_MANIFEST, "config",
                  ig_oci_desc_new(IG_OCI_MT_CONFIG, cdig, n), "layers",
                  ig_oci_desc_new(mt, ldig, lsize), "annotations",
                  "org.ingot.platform", "kvm", "org.ingot.kernel", kpath);
    free(s);
    s = ig_oci_json_dump(man, &n);
    CHECK(ig_oci_blob_put(dir, s, n, mdig, err, sizeof(err)) == 0);
    json_t *idx = json_pack(
        "{s:i,s:[{s:s,s:s,s:i,s:{s:s,s:s}}]}", "schemaVersion", 2, "manifests",
        "mediaType", IG_OCI_MT_MANIFEST, "digest", mdig, "size", (json_int_t)n,
        "annotations", "org.opencontainers.image.ref.name", "t",
        "org.ingot.platform", "kvm");
    free(s);
    s = ig_oci_json_dump(idx, &n);
    char *p = ig_xasprintf("%s/index.json", dir);
    write_all(p, s, n);
    free(p);
    p = ig_xasprintf("%s/oci-layout", dir);
    write_all(p, "{\"imageLayoutVersion\":\"1.0.0\"}", 30);
    free(p);
    free(s);
    json_decref(cfg);
    json_decref(man);
    json_decref(idx);
}

static int case_no;

/* Packs (m) as a layer (gzip'd per (mt)), makes a layout of it and
 * requires ig_oci_extract() to fail with (want), leaving nothing behind
 * and nothing outside its directory. */
static void hostile(const struct member *m, const char *mt, int gz,
                    const char *diff_id, const char *kpath, const char *want)
{
    char *dir = ig_xasprintf("%s/case%d", work, ++case_no);
    char *tar = ig_xasprintf("%s/layer%d.tar", work, case_no);
    char *layer = ig_xasprintf("%s/layer%d.gz", work, case_no);
    char *ref = ig_xasprintf("oci:%s:t", dir), err[768] = "";
    struct ig_oci_image img;

    make_tar(tar, m, 0);
    if (gz)
        make_tar(layer, m, 1);
    make_layout(dir, gz ? layer : tar, tar, mt, diff_id, kpath);
    int r = ig_oci_extract(ref, NULL, &img, err, sizeof(err));
    if (r == 0 || !strstr(err, want)) {
        fprintf(stderr, "case %d: got \"%s\", want \"%s\"\n", case_no, err,
                want);
        unit_failures++;
    }
    if (r == 0)
        ig_oci_image_free(&img);
    CHECK_INT(tmp_left(), 0);
    char *evil = ig_xasprintf("%s/evil", work);
    CHECK(access(evil, F_OK) < 0 && access("/tmp/evil-ingot-oci", F_OK) < 0);
    free(evil);
    free(dir);
    free(tar);
    free(layer);
    free(ref);
}

static void test_layers(void)
{
    const struct member ok[] = {{"ingot/kernel", 'f', "ELF"}, {NULL, 0, 0}};
    const struct member dotdot[] = {
        {"ingot/kernel", 'f', "ELF"}, {"../../evil", 'f', "x"}, {NULL, 0, 0}};
    const struct member abs[] = {{"/tmp/evil-ingot-oci", 'f', "x"},
                                 {"ingot/kernel", 'f', "ELF"},
                                 {NULL, 0, 0}};
    const struct member link[] = {{"ingot/kernel", 'l', "/etc/passwd"},
                                  {NULL, 0, 0}};
    const struct member twice[] = {{"ingot/kernel", 'f', "ELF"},
                                   {"./ingot/kernel", 'f', "ELF"},
                                   {NULL, 0, 0}};
    const struct member none[] = {{"ingot/other", 'f', "x"}, {NULL, 0, 0}};

    hostile(dotdot, IG_OCI_MT_LAYER_GZIP, 1, NULL, "ingot/kernel",
            "layer: member ../../evil: absolute or \"..\" path refused");
    hostile(abs, IG_OCI_MT_LAYER, 0, NULL, "ingot/kernel",
            "member /tmp/evil-ingot-oci: absolute or \"..\" path refused");
    hostile(link, IG_OCI_MT_LAYER, 0, NULL, "ingot/kernel",
            "member ingot/kernel: not a regular file");
    hostile(twice, IG_OCI_MT_LAYER, 0, NULL, "ingot/kernel",
            "member ingot/kernel: appears twice");
    hostile(none, IG_OCI_MT_LAYER_GZIP, 1, NULL, "ingot/kernel",
            "layer: no member ingot/kernel");
    hostile(ok, IG_OCI_MT_LAYER, 0, NULL, "../evil", "unsafe path");
    hostile(ok, IG_OCI_MT_LAYER_GZIP, 1,
            "sha256:0000000000000000000000000000000000000000000000000000000000"
            "000000",
            "ingot/kernel", "does not match the config's diff_id");
    hostile(ok, IG_OCI_MT_LAYER_GZIP, 0, NULL, "ingot/kernel",
            "layer: not gzip data");
    hostile(ok, "application/vnd.oci.image.layer.v1.tar+zstd", 0, NULL,
            "ingot/kernel", "is not a tar layer");
}

static void test_archive(void)
{
    const struct member dotdot[] = {
        {"oci-layout", 'f', "{\"imageLayoutVersion\":\"1.0.0\"}"},
        {"blobs/../../evil", 'f', "x"},
        {NULL, 0, 0}};
    const struct member link[] = {{"index.json", 'l', "/etc/passwd"},
                                  {NULL, 0, 0}};
    char *file = ig_xasprintf("%s/a.tar", work), err[768];
    char *ref = ig_xasprintf("oci-archive:%s", file);
    struct ig_oci_image img;

    make_tar(file, dotdot, 0);
    CHECK(ig_oci_extract(ref, NULL, &img, err, sizeof(err)) < 0);
    CHECK(strstr(err, "member blobs/../../evil: absolute or \"..\" path "
                      "refused") != NULL);
    CHECK_INT(tmp_left(), 0);
    make_tar(file, link, 0);
    CHECK(ig_oci_extract(ref, NULL, &img, err, sizeof(err)) < 0);
    CHECK(strstr(err, "member index.json: not a regular file or directory") !=
          NULL);
    write_all(file, "not a tar at all, just some text", 32);
    CHECK(ig_oci_extract(ref, NULL, &img, err, sizeof(err)) < 0);
    CHECK(strstr(err, "a.tar: ") != NULL);
    CHECK_INT(tmp_left(), 0);
    free(file);
    free(ref);
}

/* A layout in (dir) whose layer holds ingot/kernel of (klen) bytes, packed
 * into oci-archive (file) after (spoil) has had its way with the layout. */
static void make_archive(const char *dir, const char *file, size_t klen,
                         void (*spoil)(const char *dir))
{
    char *data = ig_xmalloc(klen + 1), err[512] = "";
    memset(data, 'k', klen);
    data[klen] = '\0';
    const struct member m[] = {{"ingot/kernel", 'f', data}, {NULL, 0, 0}};
    char *tar = ig_xasprintf("%s.layer", dir);

    make_tar(tar, m, 0);
    make_layout(dir, tar, tar, IG_OCI_MT_LAYER, NULL, "ingot/kernel");
    if (spoil)
        spoil(dir);
    CHECK(ig_oci_archive_pack(dir, file, err, sizeof(err)) == 0);
    unlink(tar);
    free(tar);
    free(data);
}

/* An 8 MiB blob the index does not reach. */
static void add_stray(const char *dir)
{
    char *p = ig_xasprintf("%s/blobs/sha256/%064d", dir, 0);
    char *zeros = calloc(1, 8 << 20);
    write_all(p, zeros, 8 << 20);
    free(zeros);
    free(p);
}

/* The layer (the largest blob) grows past what its descriptor says. */
static void grow_layer(const char *dir)
{
    char *cmd = ig_xasprintf("f=$(ls -S %s/blobs/sha256/* | head -1) && "
                             "head -c 100000 /dev/zero >> $f",
                             dir);
    CHECK(system(cmd) == 0);
    free(cmd);
}

/* oci-archives write only what their index declares, and a full disk is
 * reported as one (it once read "File exists", a stale errno). */
static void test_archive_limits(void)
{
    char *dir = ig_xasprintf("%s/lim1", work),
         *file = ig_xasprintf("%s/lim1.tar", work);
    char *out = ig_xasprintf("%s/out1", work), err[512] = "";

    make_archive(dir, file, 1000, add_stray);
    CHECK(mkdir(out, 0700) == 0);
    CHECK(ig_oci_archive_unpack(file, out, err, sizeof(err)) == 0);
    char *stray = ig_xasprintf("%s/blobs/sha256/%064d", out, 0);
    CHECK(access(stray, F_OK) < 0);
    char *ref = ig_xasprintf("oci-archive:%s:t", file);
    struct ig_oci_image img;
    CHECK(ig_oci_extract(ref, NULL, &img, err, sizeof(err)) == 0);
    ig_oci_image_free(&img);
    free(stray);
    free(ref);

    dir[strlen(dir) - 1] = '2', file[strlen(file) - 5] = '2';
    out[strlen(out) - 1] = '2';
    make_archive(dir, file, 1000, grow_layer);
    CHECK(mkdir(out, 0700) == 0);
    CHECK(ig_oci_archive_unpack(file, out, err, sizeof(err)) < 0);
    CHECK(strstr(err, " bytes, its descriptor says ") != NULL);

    /* A 64 KiB file system for a 200 KB layer (needs a mount namespace). */
    dir[strlen(dir) - 1] = '3', file[strlen(file) - 5] = '3';
    out[strlen(out) - 1] = '3';
    make_archive(dir, file, 200000, NULL);
    CHECK(mkdir(out, 0700) == 0);
    if (unshare(CLONE_NEWNS) < 0 ||
        mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
        mount("ingot-test", out, "tmpfs", 0, "size=64k") < 0) {
        printf("SKIP: ENOSPC case: no mount namespace (%s)\n", strerror(errno));
    } else {
        CHECK(ig_oci_archive_unpack(file, out, err, sizeof(err)) < 0);
        CHECK(strstr(err, "No space left on device") != NULL);
        CHECK(umount(out) == 0);
    }
    free(dir);
    free(file);
    free(out);
}

int main(void)
{
    work_init();
    test_layers();
    test_archive();
    test_archive_limits();
    ig_host_rmtree(work);
    return unit_done();
}
