/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_oci.c: OCI writer and verifying reader: round trip, reproducibility,
 * and layouts corrupted after packaging. */
#include "oci_util.h"

static const char *kvm_img, *pico_img;

static void test_names(void)
{
    char d[IG_OCI_DIGEST_LEN], err[256], *path, *tag;
    int archive;

    ig_oci_sha256("abc", 3, d);
    CHECK_STR(d, "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff"
                 "61f20015ad");
    CHECK(ig_oci_digest_ok(d));
    CHECK(!ig_oci_digest_ok("sha256:../../../etc/passwd"));
    CHECK(!ig_oci_digest_ok("sha512:ba78"));
    d[10] = 'A';
    CHECK(!ig_oci_digest_ok(d));

    CHECK(ig_oci_path_safe("ingot/kernel"));
    CHECK(ig_oci_path_safe("./ingot/..x"));
    CHECK(!ig_oci_path_safe("../evil"));
    CHECK(!ig_oci_path_safe("ingot/../../evil"));
    CHECK(!ig_oci_path_safe("/etc/passwd"));
    CHECK(!ig_oci_path_safe(""));

    CHECK(ig_oci_is_ref("oci:x") && ig_oci_is_ref("oci-archive:x"));
    CHECK(!ig_oci_is_ref("/path/oci:x"));
    CHECK(ig_oci_ref_split("oci:/a/b:v1", &archive, &path, &tag, err,
                           sizeof(err)) == 0);
    CHECK(!archive);
    CHECK_STR(path, "/a/b");
    CHECK_STR(tag, "v1");
    free(path);
    free(tag);
    /* Like skopeo: the path ends at the first colon. */
    CHECK(ig_oci_ref_split("oci-archive:x.tar:reg/app:1.0", &archive, &path,
                           &tag, err, sizeof(err)) == 0);
    CHECK(archive);
    CHECK_STR(path, "x.tar");
    CHECK_STR(tag, "reg/app:1.0");
    free(path);
    free(tag);
    CHECK(ig_oci_ref_match("hello:1.0", "hello:1.0"));
    CHECK(ig_oci_ref_match("hello:1.0", "1.0"));
    CHECK(ig_oci_ref_match("1.0", "1.0"));
    CHECK(!ig_oci_ref_match("hello:1.0", "other:1.0"));
    CHECK(!ig_oci_ref_match("hello:1.0", "hello"));
    CHECK(!ig_oci_ref_match("reg:5000/app", "5000/app"));
    CHECK(ig_oci_ref_split("oci:dir:", &archive, &path, &tag, err,
                           sizeof(err)) < 0);
    CHECK_STR(err, "expected oci:DIR[:REF]");

    json_t *j = ig_oci_json_parse("{\n\"a\": 1,\n\"b\" 2}", 17, "index.json",
                                  err, sizeof(err));
    CHECK(j == NULL);
    CHECK(strncmp(err, "index.json: not valid JSON at line 3: ", 38) == 0);
    CHECK(!ig_oci_json_parse("[1]", 3, "x", err, sizeof(err)));
    CHECK_STR(err, "x: not a JSON object");
}

static int gzip_layers = 1;

static int pkg(const char *dir, const char *archive, const char *image,
               const char *plat, const char *tag, const char *rootfs)
{
    struct ig_oci_pkg_opts o = {.image = image,
                                .platform = plat,
                                .name = "hello",
                                .tag = tag,
                                .dir = dir,
                                .archive = archive,
                                .rootfs = rootfs,
                                .mem = 32 << 20,
                                .gzip = gzip_layers};
    char err[512];
    ig_strvec_push(&o.args, "two words");
    ig_strvec_push(&o.env, "A=b");
    ig_strvec_push(&o.ports, "8080/tcp");
    int r = ig_oci_pkg(&o, err, sizeof(err));
    if (r < 0)
        fprintf(stderr, "pkg: %s\n", err);
    ig_strvec_free(&o.args);
    ig_strvec_free(&o.env);
    ig_strvec_free(&o.ports);
    return r;
}

static int same_file(const char *a, const char *b)
{
    size_t la, lb;
    char *x = read_all(a, &la), *y = read_all(b, &lb);
    int same = x && y && la == lb && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return same;
}

static void test_round_trip(void)
{
    char *lay = ig_xasprintf("%s/lay", work), err[768];
    char *root = ig_xasprintf("%s/root", work);
    CHECK(mkdir(root, 0755) == 0);
    char *motd = ig_xasprintf("%s/motd", root);
    write_all(motd, "hi\n", 3);

    CHECK(pkg(lay, NULL, kvm_img, "kvm", "1.0", NULL) == 0);
    CHECK(pkg(lay, NULL, pico_img, "pico", "1.0", root) == 0);
    /* Again: replaced in place, not added. */
    CHECK(pkg(lay, NULL, kvm_img, "kvm", "1.0", NULL) == 0);
    char *ref = ig_xasprintf("oci:%s:1.0", lay);
    struct ig_oci_layout l;
    CHECK(ig_oci_layout_open(ref, &l, err, sizeof(err)) == 0);
    CHECK_INT(json_array_size(json_object_get(l.index, "manifests")), 2);
    ig_oci_layout_close(&l);

    struct ig_oci_image img;
    CHECK(ig_oci_extract(ref, NULL, &img, err, sizeof(err)) == 0);
    CHECK_STR(img.platform, "kvm");
    CHECK(img.rootfs == NULL);
    CHECK(same_file(img.kernel, kvm_img));
    CHECK(strstr(img.kernel, "/hello") != NULL);
    CHECK_INT(img.mem, 32 << 20);
    CHECK(img.has_args && img.args.n == 1);
    CHECK_STR(img.args.v[0], "two words");
    CHECK_STR(img.env.v[0], "A=b");
    char *tmpdir = ig_xstrdup(img.tmpdir);
    ig_oci_image_free(&img);
    CHECK(access(tmpdir, F_OK) < 0);
    free(tmpdir);

    CHECK(ig_oci_extract(ref, "pico", &img, err, sizeof(err)) == 0);
    CHECK_STR(img.platform, "pico");
    CHECK(same_file(img.kernel, pico_img));
    CHECK(img.rootfs != NULL);
    size_t n;
    char *cpio = img.rootfs ? read_all(img.rootfs, &n) : NULL;
    CHECK(cpio && n > 6 && memcmp(cpio, "070701", 6) == 0);
    CHECK(cpio && memmem(cpio, n, "motd", 4) != NULL);
    free(cpio);
    ig_oci_image_free(&img);

    /* Without TAG: the only tag.  A second tag makes it ambiguous. */
    char *notag = ig_xasprintf("oci:%s", lay);
    CHECK(ig_oci_extract(notag, NULL, &img, err, sizeof(err)) == 0);
    ig_oci_image_free(&img);
    CHECK(pkg(lay, NULL, kvm_img, "kvm", "2.0", NULL) == 0);
    CHECK(ig_oci_extract(notag, NULL, &img, err, sizeof(err)) < 0);
    CHECK(strstr(err, "several tags (hello:1.0, hello:2.0, ...)") != NULL);

    /* The same inputs give the same bytes, in a layout or an archive. */
    char *lay2 = ig_xasprintf("%s/lay2", work);
    CHECK(pkg(lay2, NULL, kvm_img, "kvm", "1.0", NULL) == 0);
    CHECK(pkg(lay2, NULL, pico_img, "pico", "1.0", root) == 0);
    CHECK(pkg(lay2, NULL, kvm_img, "kvm", "2.0", NULL) == 0);
    char *cmd = ig_xasprintf("diff -r %s %s", lay, lay2);
    CHECK(system(cmd) == 0);
    free(cmd);
    char *a1 = ig_xasprintf("%s/a1.tar", work);
    char *a2 = ig_xasprintf("%s/a2.tar", work);
    CHECK(pkg(NULL, a1, pico_img, "pico", "x", root) == 0);
    CHECK(pkg(NULL, a1, kvm_img, "kvm", "x", NULL) == 0);
    CHECK(pkg(NULL, a2, pico_img, "pico", "x", root) == 0);
    CHECK(pkg(NULL, a2, kvm_img, "kvm", "x", NULL) == 0);
    CHECK(same_file(a1, a2));
    char *aref = ig_xasprintf("oci-archive:%s:x", a1);
    FILE *f;
    CHECK(ig_oci_extract(aref, "kvm", &img, err, sizeof(err)) == 0);
    CHECK(same_file(img.kernel, kvm_img));
    ig_oci_image_free(&img);
    /* --no-gzip: a plain tar layer, read back the same way. */
    char *plain = ig_xasprintf("%s/plain", work);
    char *pref = ig_xasprintf("oci:%s:p", plain);
    gzip_layers = 0;
    CHECK(pkg(plain, NULL, pico_img, "pico", "p", root) == 0);
    gzip_layers = 1;
    CHECK(ig_oci_extract(pref, NULL, &img, err, sizeof(err)) == 0);
    CHECK(same_file(img.kernel, pico_img));
    ig_oci_image_free(&img);
    f = open_memstream(&cmd, &n);
    CHECK(ig_oci_inspect(pref, 0, f, err, sizeof(err)) == 0);
    fclose(f);
    CHECK(strstr(cmd, "layer 0  " IG_OCI_MT_LAYER "  sha256:") != NULL);
    free(cmd);
    free(pref);
    free(plain);
    /* SOURCE_DATE_EPOCH moves the creation time, and only it. */
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    CHECK(pkg(NULL, a2, pico_img, "pico", "x", root) == 0);
    unsetenv("SOURCE_DATE_EPOCH");
    CHECK(!same_file(a1, a2));
    f = open_memstream(&cmd, &n);
    CHECK(ig_oci_inspect(aref + 0, 0, f, err, sizeof(err)) == 0);
    fclose(f);
    CHECK(strstr(cmd, "created  1970-01-01T00:00:00Z") != NULL);
    CHECK(strstr(cmd, "org.ingot.ports=8080/tcp") != NULL);
    free(cmd);
    free(aref);
    aref = ig_xasprintf("oci-archive:%s:x", a2);
    f = open_memstream(&cmd, &n);
    CHECK(ig_oci_inspect(aref, 1, f, err, sizeof(err)) == 0);
    fclose(f);
    CHECK(strstr(cmd, "\"created\": \"2023-11-14T22:13:20Z\"") != NULL);
    free(cmd);

    free(aref);
    free(a1);
    free(a2);
    free(lay2);
    free(notag);
    free(ref);
    free(motd);
    free(root);
    free(lay);
}

/* Runs ig_oci_extract() on a copy of the good layout spoiled by (spoil)
 * and requires an error containing (want). */
static void spoiled(const char *what, void (*spoil)(const char *dir),
                    const char *tag, const char *want)
{
    char *good = ig_xasprintf("%s/lay", work);
    char *bad = ig_xasprintf("%s/bad", work);
    char *ref = ig_xasprintf("oci:%s:%s", bad, tag), err[768] = "";
    struct ig_oci_image img;

    copy_tree(good, bad);
    if (spoil)
        spoil(bad);
    int r = ig_oci_extract(ref, NULL, &img, err, sizeof(err));
    if (r == 0 || !strstr(err, want) || strncmp(err, ref, strlen(ref)) != 0) {
        fprintf(stderr, "%s: got \"%s\", want \"%s\"\n", what, err, want);
        unit_failures++;
    }
    if (r == 0)
        ig_oci_image_free(&img);
    CHECK_INT(tmp_left(), 0);
    free(good);
    free(bad);
    free(ref);
}

static void flip_layer(const char *d)
{
    char *p = blob_of(d, 'l');
    flip(p, -20);
    free(p);
}
static void flip_manifest(const char *d)
{
    char *p = blob_of(d, 'm');
    flip(p, 5);
    free(p);
}
static void cut_config(const char *d)
{
    char *p = blob_of(d, 'c');
    CHECK(truncate(p, 10) == 0);
    free(p);
}
static void drop_config(const char *d)
{
    char *p = blob_of(d, 'c');
    CHECK(unlink(p) == 0);
    free(p);
}
static void edit_index(const char *d, const char *from, const char *to)
{
    char *p = ig_xasprintf("%s/index.json", d);
    size_t n;
    char *s = read_all(p, &n), *at = strstr(s, from);
    CHECK(at != NULL);
    if (at) {
        char *t =
            ig_xasprintf("%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
        write_all(p, t, strlen(t));
        free(t);
    }
    free(s);
    free(p);
}
static void bad_json(const char *d)
{
    edit_index(d, "    {\n", "    {,\n"); /* line 3 */
}
static void cut_index(const char *d)
{
    char *p = ig_xasprintf("%s/index.json", d);
    CHECK(truncate(p, 100) == 0);
    free(p);
}
static void wrong_type(const char *d)
{
    edit_index(d, "manifest.v1+json", "layer.v1.tar");
}
static void evil_digest(const char *d)
{
    edit_index(d, "\"digest\": \"sha256:", "\"digest\": \"sha256:../");
}
static void no_marker(const char *d)
{
    char *p = ig_xasprintf("%s/oci-layout", d);
    CHECK(unlink(p) == 0);
    free(p);
}

static void test_spoiled(void)
{
    spoiled("intact", NULL, "nope", "no manifest tagged nope");
    spoiled("layer", flip_layer, "1.0", "does not match its digest");
    spoiled("manifest", flip_manifest, "1.0", "does not match its digest");
    spoiled("config cut", cut_config, "1.0", "bytes, its descriptor says");
    spoiled("config gone", drop_config, "1.0", "missing blob sha256:");
    spoiled("index", bad_json, "1.0", "index.json: not valid JSON at line 3: ");
    spoiled("index cut", cut_index, "1.0", "index.json: not valid JSON");
    spoiled("type", wrong_type, "1.0",
            "manifest: media type application/vnd.oci.image.layer.v1.tar, "
            "expected application/vnd.oci.image.manifest.v1+json");
    spoiled("digest", evil_digest, "1.0", "is not sha256:<64 hex>");
    spoiled("marker", no_marker, "1.0", "no oci-layout file");
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_oci KVM_IMAGE PICO_IMAGE\n");
        return 2;
    }
    kvm_img = argv[1];
    pico_img = argv[2];
    work_init();
    test_names();
    test_round_trip();
    test_spoiled();
    CHECK_INT(tmp_left(), 0);
    ig_host_rmtree(work);
    return unit_done();
}
