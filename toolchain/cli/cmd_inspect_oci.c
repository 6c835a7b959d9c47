/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_inspect_oci.c: `ingot inspect oci:…`: show a packaged image. */
#include <stdio.h>
#include <string.h>

#include <ingot/oci.h>

#include "run.h"

static const char usage[] =
    "Usage: ingot inspect [--json] oci:DIR[:TAG] | oci-archive:FILE[:TAG]\n"
    "Show an OCI image packaged by ingot pkg: the index entries (tag,\n"
    "platform, manifest digest), then for each manifest of TAG (all of\n"
    "them without TAG) its config and layers, creation time, environment\n"
    "and annotations.  Every blob shown is verified (digest, size, the\n"
    "layer's diff_id) first.\n"
    "\n"
    "  --json      print one JSON document: {reference, index, manifests:\n"
    "              [{descriptor, manifest, config}]}\n"
    "  -h, --help  print this help\n"
    "\n"
    "Exit status: 0 on success, 1 on any error.\n";

int ig_cmd_inspect_oci(int argc, char **argv)
{
    const char *ref = NULL;
    int json = 0;
    char err[1024];

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        }
        if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else if (argv[i][0] == '-') {
            ig_host_error("%s: unknown option", argv[i]);
            return 1;
        } else if (ref) {
            ig_host_error("%s: unexpected argument", argv[i]);
            return 1;
        } else {
            ref = argv[i];
        }
    }
    if (!ref) {
        ig_host_error("missing oci:DIR[:TAG] (see ingot inspect --help)");
        return 1;
    }
    if (!ig_oci_is_ref(ref)) {
        ig_host_error("%s: not an oci: or oci-archive: reference", ref);
        return 1;
    }
    if (ig_oci_inspect(ref, json, stdout, err, sizeof(err)) < 0) {
        fflush(stdout);
        ig_host_error("%s", err);
        return 1;
    }
    return 0;
}
