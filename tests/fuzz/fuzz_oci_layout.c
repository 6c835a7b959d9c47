/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_oci_layout.c: the OCI readers on a layout whose index.json,
 * manifest, config and layer come from the input, digests made right. */
#include <ingot/oci.h>

#include <stdint.h>
#include <sys/stat.h>

#include "fuzz_oci.h"

/*
 * The input is four parts separated by "\n----\n": index.json, the
 * manifest, the config, the layer.  Digests cannot be guessed, so before
 * the blobs are stored the words @CONFIG@, @LAYER@ and @DIFFID@ become
 * the config's and the layer's digests (the layer's own, as if it were an
 * uncompressed tar), @MANIFEST@ the manifest's, and @CSIZE@, @LSIZE@ and
 * @MSIZE@ their sizes; the fuzzer mutates everything around them.
 */
static char *subst(const char *s, size_t len, const char *const (*map)[2],
                   size_t nmap, size_t *outlen)
{
    /* Each word is 7 or more bytes; no value is longer than 71. */
    char *out = ig_xmalloc(len + (len / 7 + 1) * 72);
    size_t n = 0;

    for (size_t i = 0; i < len;) {
        size_t k;
        for (k = 0; k < nmap; k++) {
            size_t wl = strlen(map[k][0]);
            if (len - i >= wl && memcmp(s + i, map[k][0], wl) == 0) {
                size_t vl = strlen(map[k][1]);
                memcpy(out + n, map[k][1], vl);
                n += vl;
                i += wl;
                break;
            }
        }
        if (k == nmap)
            out[n++] = s[i++];
    }
    *outlen = n;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *part[4] = {"", "", "", ""}, *p = (const char *)data;
    size_t plen[4] = {0, 0, 0, 0}, left = size;
    char cdig[IG_OCI_DIGEST_LEN], ldig[IG_OCI_DIGEST_LEN];
    char mdig[IG_OCI_DIGEST_LEN], err[1024], csz[24], lsz[24], msz[24];

    for (int i = 0; i < 4; i++) {
        const char *sep = i < 3 ? memmem(p, left, "\n----\n", 6) : NULL;
        part[i] = p;
        plen[i] = sep ? (size_t)(sep - p) : left;
        if (!sep)
            break;
        left -= plen[i] + 6;
        p = sep + 6;
    }
    const char *dir = fuzz_scratch();
    char *lay = ig_xasprintf("%s/layout", dir);
    ig_host_rmtree(lay);
    if (mkdir(lay, 0755) < 0)
        abort();
    size_t n;
    ig_oci_sha256(part[3], plen[3], ldig);
    snprintf(lsz, sizeof(lsz), "%zu", plen[3]);
    const char *const m1[][2] = {
        {"@LAYER@", ldig}, {"@DIFFID@", ldig}, {"@LSIZE@", lsz}};
    char *cfg = subst(part[2], plen[2], m1, 3, &n);
    if (ig_oci_blob_put(lay, part[3], plen[3], ldig, err, sizeof(err)) < 0 ||
        ig_oci_blob_put(lay, cfg, n, cdig, err, sizeof(err)) < 0)
        abort();
    snprintf(csz, sizeof(csz), "%zu", n);
    const char *const m2[][2] = {{"@CONFIG@", cdig},
                                 {"@LAYER@", ldig},
                                 {"@CSIZE@", csz},
                                 {"@LSIZE@", lsz}};
    char *man = subst(part[1], plen[1], m2, 4, &n);
    if (ig_oci_blob_put(lay, man, n, mdig, err, sizeof(err)) < 0)
        abort();
    snprintf(msz, sizeof(msz), "%zu", n);
    const char *const m3[][2] = {{"@MANIFEST@", mdig}, {"@MSIZE@", msz}};
    char *idx = subst(part[0], plen[0], m3, 2, &n);
    char *path = ig_xasprintf("%s/index.json", lay);
    if (ig_oci_write_file(path, idx, n, err, sizeof(err)) < 0)
        abort();
    free(path);
    path = ig_xasprintf("%s/oci-layout", lay);
    static const char marker[] = "{\"imageLayoutVersion\":\"1.0.0\"}";
    if (ig_oci_write_file(path, marker, sizeof(marker) - 1, err, sizeof(err)) <
        0)
        abort();
    free(path);

    char *ref = ig_xasprintf("oci:%s", lay);
    struct ig_oci_image img;
    err[0] = '\0';
    if (ig_oci_extract(ref, NULL, &img, err, sizeof(err)) == 0)
        ig_oci_image_free(&img);
    else if (!err[0] || strchr(err, '\n'))
        abort();
    else
        fuzz_why(err);
    FILE *null = fopen("/dev/null", "w");
    ig_oci_inspect(ref, size && (data[0] & 1), null, err, sizeof(err));
    fclose(null);
    fuzz_tmp_clean();
    free(ref);
    free(cfg);
    free(man);
    free(idx);
    free(lay);
    return 0;
}
