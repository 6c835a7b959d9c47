/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_exec.c: `ingot exec IMAGE [ARG...]`: run an image like a host program. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/host_image.h>

#include "analyze.h"
#include "run.h"

extern char **environ;

static const char usage[] =
    "Usage: ingot exec [--argv0 NAME] [--dry-run] IMAGE [ARG...]\n"
    "Run IMAGE (built by ingot-cc) like a host program.  Executing an image\n"
    "directly (./a.out) does this: its program interpreter, ingot-exec in\n"
    "the Ingot library directory, calls `ingot exec`.  The app gets\n"
    "\n"
    "  - ARG... as its arguments and NAME (default: IMAGE) as argv[0];\n"
    "  - this process's whole environment;\n"
    "  - the host's files at the same paths, read-only, and the working\n"
    "    directory and everything beneath it read-write (the working\n"
    "    directory is the same; with / as working directory nothing is\n"
    "    writable); images that use no file API see only their own files;\n"
    "  - the console on stdout, and its exit status as ours.\n"
    "\n"
    "pico images run under the tender (no QEMU), kvm images boot in QEMU\n"
    "(--accel auto).  Memory: $INGOT_MEMORY (like 256M), default 64M.\n"
    "Unlike `ingot run`, this is no sandbox for the host's files: use\n"
    "`ingot run` to run untrusted images.\n"
    "\n"
    "  --argv0 NAME   the app's argv[0]\n"
    "  --dry-run      print the QEMU or tender command instead of running it\n"
    "  -h, --help     print this help\n"
    "\n"
    "Exit status: as for `ingot run` (the app's; 125 when the image cannot\n"
    "be started).\n";

/* Returns 1 if the image's manifest lists component (name) as linked. */
static int has_component(const char *path, const char *name)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC), found = 0;
    char *text = fd >= 0 ? ig_an_manifest_read(fd, NULL, NULL) : NULL;
    json_t *m = text ? json_loads(text, 0, NULL) : NULL, *c;
    size_t i;

    json_array_foreach(json_object_get(m, "components"), i, c)
    {
        const char *n = json_string_value(json_object_get(c, "name"));
        found |= n && strcmp(n, name) == 0;
    }
    json_decref(m);
    free(text);
    if (fd >= 0)
        close(fd);
    return found;
}

/* Shares "/" read-only and (cwd) read-write at the same paths. */
static void add_volumes(struct ig_run_opts *o, const char *cwd)
{
    ig_strvec_push(&o->owned, "/");
    o->vols[o->nvols++] =
        (struct ig_run_volume){.host = o->owned.v[o->owned.n - 1],
                               .guest = o->owned.v[o->owned.n - 1],
                               .ro = 1,
                               .multidev = 1};
    if (strcmp(cwd, "/") == 0)
        return;
    ig_strvec_push(&o->owned, cwd);
    o->vols[o->nvols++] =
        (struct ig_run_volume){.host = o->owned.v[o->owned.n - 1],
                               .guest = o->owned.v[o->owned.n - 1],
                               .multidev = 1};
}

int ig_cmd_exec(int argc, char **argv)
{
    struct ig_run_opts o;
    char cwd[PATH_MAX];
    int i = 1, r;

    memset(&o, 0, sizeof(o));
    o.mem = IG_RUN_MEM_DEFAULT;
    o.machine = "microvm";
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(argv[i], "--dry-run") == 0) {
            o.dry_run = 1;
        } else if (strcmp(argv[i], "--argv0") == 0 && i + 1 < argc) {
            o.argv0 = argv[++i];
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            ig_host_error("exec: %s: %s", argv[i],
                          strcmp(argv[i], "--argv0") ? "unknown option"
                                                     : "missing argument");
            return IG_RUN_STATUS_FAIL;
        }
    }
    if (i >= argc) {
        ig_host_error("exec: missing IMAGE (see ingot exec --help)");
        return IG_RUN_STATUS_FAIL;
    }
    const char *mem = getenv("INGOT_MEMORY");
    if (mem && *mem && ig_run_parse_size(mem, &o.mem) < 0) {
        ig_host_error("INGOT_MEMORY=%s: not a size (like 64M or 1G)", mem);
        return IG_RUN_STATUS_FAIL;
    }
    if (mem && *mem && (o.mem < IG_RUN_MEM_MIN || o.mem > IG_RUN_MEM_MAX)) {
        ig_host_error("INGOT_MEMORY=%s: out of range (2M to 1T)", mem);
        return IG_RUN_STATUS_FAIL;
    }
    o.image = argv[i];
    o.args = argv + i + 1;
    o.nargs = argc - i - 1;
    if (!o.argv0)
        o.argv0 = o.image;
    for (char **e = environ; e && *e; e++)
        if (strchr(*e, '=') && **e != '=')
            ig_strvec_push(&o.env, *e);
    /* Only an image with the volume component can mount anything; others
     * would print that they ignore the options. */
    if (has_component(o.image, "vol")) {
        if (!getcwd(cwd, sizeof(cwd))) {
            ig_host_error("exec: working directory: %s", strerror(errno));
            ig_run_opts_free(&o);
            return IG_RUN_STATUS_FAIL;
        }
        add_volumes(&o, cwd);
        o.cwd = o.owned.v[o.owned.n - 1];
    }
    r = ig_run_boot(&o);
    ig_run_opts_free(&o);
    return r;
}
