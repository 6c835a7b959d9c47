/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_oci_archive.c: `ingot run oci-archive:FILE` on any file: unpacking,
 * index.json, manifests, configs and the layer, all from the input. */
#include <ingot/oci.h>

#include <stdint.h>

#include "fuzz_oci.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *file = fuzz_file("a.tar", data, size);
    char *ref = ig_xasprintf("oci-archive:%s", file);
    struct ig_oci_image img;
    char err[1024] = "";

    if (ig_oci_extract(ref, NULL, &img, err, sizeof(err)) == 0)
        ig_oci_image_free(&img);
    else if (!err[0] || strchr(err, '\n'))
        abort();
    else
        fuzz_why(err); /* one line, always */
    fuzz_tmp_clean();
    unlink(file);
    free(ref);
    free(file);
    return 0;
}
