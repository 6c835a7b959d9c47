/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_internal.h: the pieces of libingot-oci, private to it and its tests. */
#ifndef INGOT_OCI_INTERNAL_H
#define INGOT_OCI_INTERNAL_H

/*
 * Functions here return 0 (or a pointer) on success and -1 (NULL) with a
 * reason in (err) that does not repeat the reference: the public entry
 * points in <ingot/oci.h> put "oci:DIR:TAG: " in front.
 */

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include <ingot/oci.h>

/* "sha256:" + 64 hex digits + NUL. */
#define IG_OCI_DIGEST_LEN 72

/* The most a JSON blob or index.json may hold, and a layer's tar. */
#define IG_OCI_JSON_MAX (4u << 20)
#define IG_OCI_LAYER_MAX (4ull << 30)

/* ---- oci_blob.c: digests and the blob store ------------------------------ */

/* Writes "sha256:<hex>" of (len) bytes at (buf) into (out). */
void ig_oci_sha256(const void *buf, size_t len, char out[IG_OCI_DIGEST_LEN]);

/* A SHA-256 being computed: ig_oci_hash_new(), any number of
 * ig_oci_hash_update(), then ig_oci_hash_end(), which writes "sha256:<hex>"
 * into (out) and frees (h). */
struct ig_oci_hash;
struct ig_oci_hash *ig_oci_hash_new(void);
void ig_oci_hash_update(struct ig_oci_hash *h, const void *buf, size_t len);
void ig_oci_hash_end(struct ig_oci_hash *h, char out[IG_OCI_DIGEST_LEN]);

/* Writes the digest of file (path) into (digest).  Returns 0, or -1 with
 * errno set. */
int ig_oci_sha256_file(const char *path, char digest[IG_OCI_DIGEST_LEN]);

/* Returns 1 if (d) is "sha256:" followed by exactly 64 lowercase hex
 * digits, the only digests (and so blob file names) accepted. */
int ig_oci_digest_ok(const char *d);

/* Returns "<dir>/blobs/sha256/<hex>" for digest (d), malloc'd. */
char *ig_oci_blob_path(const char *dir, const char *d);

/* Stores (len) bytes at (buf) as a blob of layout (dir), writing its digest
 * into (digest).  Returns 0 or -1 with the reason in (err). */
int ig_oci_blob_put(const char *dir, const void *buf, size_t len,
                    char digest[IG_OCI_DIGEST_LEN], char *err, size_t errlen);

/* Moves file (path) into layout (dir) as a blob (its digest and size are
 * computed while copying).  Returns 0 or -1 with the reason in (err). */
int ig_oci_blob_put_file(const char *dir, const char *path,
                         char digest[IG_OCI_DIGEST_LEN], int64_t *size,
                         char *err, size_t errlen);

/* Checks descriptor (desc) (an object with mediaType, digest, size):
 * stores its fields and returns 0, or -1 with the reason in (err) naming
 * (what) ("manifest", "config", "layer 0"). */
int ig_oci_desc_parse(const json_t *desc, const char *what, const char **mt,
                      const char **digest, int64_t *size, char *err,
                      size_t errlen);

/* Verifies the blob (digest) of layout (dir): present, (size) bytes long,
 * and hashing to (digest).  Returns 0 or -1 with "missing blob ...",
 * "blob ...: N bytes, its descriptor says M" or "blob ... does not match
 * its digest" in (err). */
int ig_oci_blob_verify(const char *dir, const char *digest, int64_t size,
                       char *err, size_t errlen);

/* Verifies (as above) and parses the JSON blob that descriptor (desc)
 * points to, requiring the descriptor's and the document's mediaType to
 * be (mt).  Returns the document, or NULL with the reason in (err). */
json_t *ig_oci_blob_json(const char *dir, const json_t *desc, const char *what,
                         const char *mt, char *err, size_t errlen);

/* ---- oci_json.c: JSON files -----------------------------------------------
 */

/* Parses (len) bytes at (buf) as a JSON object.  Returns it, or NULL with
 * "<name>: not valid JSON at line N: <why>" or "<name>: not a JSON object"
 * in (err). */
json_t *ig_oci_json_parse(const char *buf, size_t len, const char *name,
                          char *err, size_t errlen);

/* Reads file (path) (at most IG_OCI_JSON_MAX bytes) and parses it as
 * above.  Returns the object, or NULL with the reason in (err). */
json_t *ig_oci_json_load(const char *path, const char *name, char *err,
                         size_t errlen);

/* Returns (j) as compact JSON with sorted keys (the bytes that are hashed),
 * malloc'd; (*len) gets its length. */
char *ig_oci_json_dump(const json_t *j, size_t *len);

/* Returns a descriptor object {mediaType, digest, size}. */
json_t *ig_oci_desc_new(const char *mt, const char *digest, int64_t size);

/* Returns string member (key) of object (o), or NULL. */
const char *ig_oci_json_str(const json_t *o, const char *key);

/* Writes (len) bytes to (path) through a temporary file and rename().
 * Returns 0 or -1 with the reason in (err). */
int ig_oci_write_file(const char *path, const void *buf, size_t len, char *err,
                      size_t errlen);

/* Checks a parsed index.json: schemaVersion 2, a manifests array whose
 * entries are descriptors.  Returns 0 or -1 with the reason in (err). */
int ig_oci_index_check(const json_t *index, char *err, size_t errlen);

/* ---- oci_layout.c: references and layouts ---------------------------------
 */

struct ig_oci_layout {
    char *dir;    /* the layout directory */
    char *tmpdir; /* an oci-archive's unpacked copy, removed on close */
    char *tag;    /* TAG of the reference, or NULL */
    json_t *index;
};

/* Splits (ref) ("oci:DIR[:TAG]", "oci-archive:FILE[:TAG]") into its parts:
 * (*archive) 1 for an oci-archive, (*path) and (*tag) malloc'd ((*tag)
 * NULL without TAG).  Returns 0 or -1 with the reason in (err). */
int ig_oci_ref_split(const char *ref, int *archive, char **path, char **tag,
                     char *err, size_t errlen);

/* Opens the layout (ref) names (unpacking an archive into a private
 * directory) and loads and checks its index.json.  Returns 0 or -1 with
 * the reason in (err), having cleaned up. */
int ig_oci_layout_open(const char *ref, struct ig_oci_layout *l, char *err,
                       size_t errlen);

/* Releases (l) and removes its temporary directory. */
void ig_oci_layout_close(struct ig_oci_layout *l);

/* Returns the ref.name of index entry (e), or NULL. */
const char *ig_oci_entry_tag(const json_t *e);

/* Returns the org.ingot.platform of index entry (e), or NULL. */
const char *ig_oci_entry_platform(const json_t *e);

/* Returns 1 if index entry ref.name (refname) is what reference (want)
 * asks for: the same string, or (want) a bare TAG and (refname) NAME:TAG. */
int ig_oci_ref_match(const char *refname, const char *want);

/* Finds the ref.name to use: the one (l->tag) matches (ig_oci_ref_match()),
 * or the only one of the index.  Returns it, or NULL with the reason in
 * (err) (no tags, several tags, a bare TAG naming several images, no
 * manifest tagged TAG). */
const char *ig_oci_layout_tag(const struct ig_oci_layout *l, char *err,
                              size_t errlen);

/* Makes a new private directory under $TMPDIR (default /tmp) named
 * "ingot-<what>-XXXXXX".  Returns it malloc'd, or NULL with the reason. */
char *ig_oci_mkdtemp(const char *what, char *err, size_t errlen);

/* ---- oci_archive.c: oci-archive tars and layer paths ----------------------
 */

/* Returns 1 if (name) is a safe relative path for an archive member: not
 * empty, not absolute, no ".." component. */
int ig_oci_path_safe(const char *name);

/* Writes layout (dir) as the oci-archive (file), an uncompressed tar with
 * sorted members and fixed owners and times, through a temporary file and
 * rename().  Returns 0 or -1 with the reason in (err). */
int ig_oci_archive_pack(const char *dir, const char *file, char *err,
                        size_t errlen);

/* ---- oci_unpack.c: reading oci-archives ------------------------------------
 */

/* Unpacks the oci-archive (file) into directory (dir): every member must be
 * a directory or regular file with a path ig_oci_path_safe() accepts, but
 * only oci-layout, index.json and the blobs that index.json reaches
 * (through manifests and nested indexes held in the archive) are written,
 * each at most as long as its descriptor declares and hashing to its
 * digest; their declared total must fit in the free space of (dir).
 * Returns 0 or -1 with the reason in (err): an unsafe member, a blob
 * longer than declared or not matching its digest, "N bytes to unpack, M
 * free: No space left on device", a write error with its true errno. */
int ig_oci_archive_unpack(const char *file, const char *dir, char *err,
                          size_t errlen);

/* ---- oci_layer.c: the image layer -----------------------------------------
 */

/* Writes the layer tar (gzip'd when (gzip)) holding ingot/kernel (from
 * (kernel), mode 0755) and, unless (rootfs) is NULL, ingot/rootfs.cpio
 * (from (rootfs), mode 0644) to the file (out), with owners 0 and times
 * (mtime).  Stores the uncompressed tar's digest in (diff_id).  Returns 0
 * or -1 with the reason in (err). */
int ig_oci_layer_write(const char *out, const char *kernel, const char *rootfs,
                       int gzip, int64_t mtime, char diff_id[IG_OCI_DIGEST_LEN],
                       char *err, size_t errlen);

/* One file to take out of a layer. */
struct ig_oci_pick {
    const char *member; /* path in the layer, e.g. "ingot/kernel" */
    const char *dest;   /* file to create */
    int found;
};

/* Reads layer file (blob) of media type (mt) (IG_OCI_MT_LAYER or
 * IG_OCI_MT_LAYER_GZIP): checks that its uncompressed digest is (diff_id),
 * that every member's path is safe, then writes the (npick) members asked
 * for to their destinations.  Returns 0 or -1 with the reason in (err)
 * (bad diff_id, unsafe path, a member missing or not a regular file, a
 * corrupt archive). */
int ig_oci_layer_extract(const char *blob, const char *mt, const char *diff_id,
                         struct ig_oci_pick *pick, size_t npick, char *err,
                         size_t errlen);

/* ---- oci_pkg.c / oci_select.c ----------------------------------------------
 */

/* The manifest an index entry leads to, verified. */
struct ig_oci_loaded {
    json_t *entry;    /* borrowed from the index */
    json_t *manifest; /* owned */
    json_t *config;   /* owned */
};

/* Verifies and loads the manifest of index entry (e) and its config.
 * Returns 0 or -1 with the reason in (err). */
int ig_oci_load_manifest(const struct ig_oci_layout *l, json_t *e,
                         struct ig_oci_loaded *m, char *err, size_t errlen);

/* Frees what ig_oci_load_manifest() loaded. */
void ig_oci_loaded_free(struct ig_oci_loaded *m);

#endif /* INGOT_OCI_INTERNAL_H */
