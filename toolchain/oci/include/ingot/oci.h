/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci.h: Ingot images as OCI image layouts and oci-archives (docs/oci.md). */
#ifndef INGOT_OCI_H
#define INGOT_OCI_H

/*
 * Three entry points, each self-contained:
 *
 *  - ig_oci_pkg() writes (or updates) a layout directory or an oci-archive
 *    with one image: a gzip'd tar layer holding the kernel and the rootfs
 *    archive, its config and manifest, and an index entry tagged TAG for
 *    the image's platform.
 *  - ig_oci_extract() resolves "oci:DIR[:TAG]" or "oci-archive:FILE[:TAG]",
 *    verifies every digest and size from index.json down to the layer's
 *    uncompressed diff_id, and extracts the kernel and rootfs into a
 *    private temporary directory; ig_oci_image_free() removes it.
 *  - ig_oci_inspect() prints the index, manifests, configs and annotations
 *    of a reference, verifying what it reads.
 *
 * Errors: every function returns 0 or -1 with a one-line reason in (err),
 * "<what>: <why>", where <what> is the reference or file concerned.
 * Allocation failure exits (<ingot/host.h>).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <ingot/host.h>

/* Media types (OCI image spec 1.1). */
#define IG_OCI_MT_INDEX "application/vnd.oci.image.index.v1+json"
#define IG_OCI_MT_MANIFEST "application/vnd.oci.image.manifest.v1+json"
#define IG_OCI_MT_CONFIG "application/vnd.oci.image.config.v1+json"
#define IG_OCI_MT_LAYER "application/vnd.oci.image.layer.v1.tar"
#define IG_OCI_MT_LAYER_GZIP "application/vnd.oci.image.layer.v1.tar+gzip"

/* Where the layer keeps the files, relative to its root. */
#define IG_OCI_KERNEL_PATH "ingot/kernel"
#define IG_OCI_ROOTFS_PATH "ingot/rootfs.cpio"

/* What ig_oci_pkg() packs. */
struct ig_oci_pkg_opts {
    const char *image;      /* the kernel: an Ingot image, already checked */
    const char *platform;   /* its platform note: "kvm", "pico" */
    const char *rootfs;     /* directory to pack as the guest's root, or NULL */
    const char *name;       /* NAME of -t NAME:TAG: the image title */
    const char *tag;        /* TAG: the index entry's ref.name */
    const char *dir;        /* layout directory to write, or NULL */
    const char *archive;    /* oci-archive to write, or NULL (one of the two) */
    uint64_t mem;           /* default guest memory in bytes, 0 for none */
    struct ig_strvec args;  /* default app arguments */
    struct ig_strvec env;   /* "NAME=VALUE" */
    struct ig_strvec ports; /* "PORT/tcp" or "PORT/udp" the app serves */
    const char *version;    /* org.opencontainers.image.version, or NULL */
    const char *source;     /* org.opencontainers.image.source, or NULL */
    int gzip;               /* compress the layer (the default) */
    char digest[72];        /* out: the manifest's "sha256:<hex>" */
};

/* Writes the image (o) into (o->dir), creating the layout if needed, or
 * into the oci-archive (o->archive), reading it first if it exists.  An
 * index entry with the same tag and platform is replaced in place; others
 * are kept, so one tag can hold a kvm and a pico manifest.  Everything is
 * reproducible: fixed owners, modes and times in the layer, gzip without
 * name or time, sorted JSON keys, and "created" from $SOURCE_DATE_EPOCH
 * (1970-01-01 when unset).  Stores the new manifest's digest in
 * (o->digest).  Returns 0, or -1 with the reason in (err):
 * the directory exists and is neither empty nor a layout, its index.json
 * (or the archive) is malformed, the tag is not a valid OCI tag,
 * $SOURCE_DATE_EPOCH is not a number of seconds, a string is not UTF-8,
 * the rootfs or a file cannot be read or written.  A layout this call
 * created is removed on failure; an existing one keeps its index.json. */
int ig_oci_pkg(struct ig_oci_pkg_opts *o, char *err, size_t errlen);

/* Returns 1 if (ref) names an OCI image ("oci:" or "oci-archive:" prefix). */
int ig_oci_is_ref(const char *ref);

/* An image extracted from a layout, ready to boot. */
struct ig_oci_image {
    char *tmpdir;   /* private directory holding the files below */
    char *kernel;   /* path of the kernel inside (tmpdir) */
    char *rootfs;   /* path of the rootfs cpio, or NULL */
    char *platform; /* org.ingot.platform */
    char *tag;      /* the tag that was resolved */
    char *digest;   /* the manifest's digest */
    uint64_t mem;   /* org.ingot.memory, 0 when absent */
    int has_args;   /* org.ingot.args was present */
    struct ig_strvec args;
    struct ig_strvec env;
};

/* Resolves (ref) to one manifest: the one tagged TAG (or, without TAG, the
 * layout's only tag) whose org.ingot.platform is (platform), or when
 * (platform) is NULL the first for a platform `ingot run` boots
 * (ig_plat_bootable()).  Verifies the index, manifest, config and layer
 * (digest, size, media type, diff_id), rejects layer entries with absolute or
 * ".." paths, and extracts the kernel and rootfs into a new directory under
 * $TMPDIR, filling (img).  The kernel file is named after the image title so
 * the guest's argv[0] is the app's name.  Returns 0, or -1 with the reason in
 * (err) (a missing, truncated or mismatching blob, malformed JSON with its
 * line, no manifest tagged TAG, no manifest for the platform, a bad
 * layer), having removed everything it created. */
int ig_oci_extract(const char *ref, const char *platform,
                   struct ig_oci_image *img, char *err, size_t errlen);

/* Removes (img)'s directory and frees its fields. */
void ig_oci_image_free(struct ig_oci_image *img);

/* Prints (ref)'s index entries and, for each manifest it selects (all of
 * TAG's, or all of them without TAG), the manifest, config and
 * annotations, as text or (json) as one JSON document, to (out); every
 * blob read is verified.  Returns 0, or -1 with the reason in (err). */
int ig_oci_inspect(const char *ref, int json, FILE *out, char *err,
                   size_t errlen);

#endif /* INGOT_OCI_H */
