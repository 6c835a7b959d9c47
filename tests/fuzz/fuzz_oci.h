/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_oci.h: scratch space for the OCI fuzz targets. */
#ifndef INGOT_FUZZ_OCI_H
#define INGOT_FUZZ_OCI_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>

#include "oci_internal.h"

static char *fuzz_dir;

static void fuzz_cleanup(void)
{
    ig_host_rmtree(fuzz_dir);
}

/* A private directory, made once (removed at exit), where $TMPDIR points too:
 * everything a target writes stays inside and is removed after each input. */
static inline const char *fuzz_scratch(void)
{
    if (!fuzz_dir) {
        char tmpl[] = "/tmp/ingot-fuzz-XXXXXX";
        if (!mkdtemp(tmpl))
            abort();
        fuzz_dir = ig_xstrdup(tmpl);
        atexit(fuzz_cleanup);
        char *t = ig_xasprintf("%s/tmp", fuzz_dir);
        if (mkdir(t, 0700) < 0)
            abort();
        setenv("TMPDIR", t, 1);
        free(t);
    }
    return fuzz_dir;
}

/* Writes (len) bytes to "<scratch>/<name>" and returns that path. */
static inline char *fuzz_file(const char *name, const void *p, size_t len)
{
    char *path = ig_xasprintf("%s/%s", fuzz_scratch(), name);
    FILE *f = fopen(path, "wb");

    if (!f || fwrite(p, 1, len, f) != len || fclose(f) != 0)
        abort();
    return path;
}

/* Checks that nothing was left in $TMPDIR (every path cleans up). */
static inline void fuzz_tmp_clean(void)
{
    char *t = ig_xasprintf("%s/tmp", fuzz_scratch());
    if (rmdir(t) < 0 || mkdir(t, 0700) < 0)
        abort();
    free(t);
}

/* With INGOT_FUZZ_DEBUG set, says why an input was refused (to see how
 * deep a seed gets). */
static inline void fuzz_why(const char *err)
{
    if (getenv("INGOT_FUZZ_DEBUG"))
        fprintf(stderr, "refused: %s\n", err);
}

#endif /* INGOT_FUZZ_OCI_H */
