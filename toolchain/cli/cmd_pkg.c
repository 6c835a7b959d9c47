/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_pkg.c: `ingot pkg IMAGE`: package an image as an OCI artifact. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host_image.h>
#include <ingot/oci.h>

#include "run.h"

static const char usage[] =
    "Usage: ingot pkg IMAGE -t NAME[:TAG] (-o DIR | --archive FILE.tar)\n"
    "                 [options] [-- ARG...]\n"
    "Package IMAGE (built by ingot-cc) as an OCI image (spec 1.1) that\n"
    "registries and tools such as skopeo store, copy and inspect, that\n"
    "`ingot run oci:DIR:NAME:TAG` (or oci:DIR:TAG) boots and that container\n"
    "engines run through the ingot-runc runtime (docs/cloud.md).  The platform "
    "comes from the image;\n"
    "packaging a kvm and a pico image under one tag keeps both manifests\n"
    "(docs/oci.md).\n"
    "\n"
    "  -t, --tag NAME[:TAG]    image title and tag (default tag: latest),\n"
    "                          recorded as ref.name NAME:TAG; a manifest\n"
    "                          with the same NAME:TAG and platform is\n"
    "                          replaced, others are kept\n"
    "  -o, --output DIR        write or update an OCI image layout in DIR\n"
    "  --archive FILE.tar      write or update an oci-archive instead\n"
    "  --rootfs DIR            pack DIR as the guest's root file system\n"
    "  -m, --memory SIZE       default guest memory, like 64M\n"
    "  -e, --env NAME=VALUE    default environment variable (repeatable)\n"
    "  -p, --port PORT[/tcp|/udp]  a port the app serves (recorded, like\n"
    "                          EXPOSE; `ingot run -p` publishes it)\n"
    "  --version VERSION       org.opencontainers.image.version (default TAG)\n"
    "  --source URL            org.opencontainers.image.source\n"
    "  --no-gzip               leave the layer uncompressed\n"
    "  -h, --help              print this help\n"
    "\n"
    "ARGs after -- are the app's default arguments.  The output is\n"
    "reproducible: the same inputs give the same bytes; the creation time\n"
    "is $SOURCE_DATE_EPOCH, or 1970-01-01 when it is unset.\n"
    "\n"
    "On success it prints the reference, the platform and the manifest's\n"
    "digest, e.g. \"oci:hello.oci:hello:1.0 kvm sha256:...\".\n"
    "\n"
    "Exit status: 0 on success, 1 on any error.\n";

/* Checks "PORT[/tcp|/udp]" and appends it as "PORT/proto". */
static int add_port(struct ig_strvec *ports, const char *v)
{
    char *end;
    long n = strtol(v, &end, 10);
    const char *proto = "tcp";

    if (end == v || *v < '0' || *v > '9' || n < 1 || n > 65535)
        return -1;
    if (*end == '/' &&
        (strcmp(end + 1, "tcp") == 0 || strcmp(end + 1, "udp") == 0))
        proto = end + 1;
    else if (*end)
        return -1;
    ig_strvec_pushf(ports, "%ld/%s", n, proto);
    return 0;
}

static int parse(struct ig_oci_pkg_opts *o, int argc, char **argv,
                 const char **tagopt, int *help)
{
    static const struct option longopts[] = {
        {"tag", required_argument, NULL, 't'},
        {"output", required_argument, NULL, 'o'},
        {"archive", required_argument, NULL, 'A'},
        {"rootfs", required_argument, NULL, 'R'},
        {"memory", required_argument, NULL, 'm'},
        {"env", required_argument, NULL, 'e'},
        {"port", required_argument, NULL, 'p'},
        {"version", required_argument, NULL, 'V'},
        {"source", required_argument, NULL, 'S'},
        {"no-gzip", no_argument, NULL, 'Z'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;

    /* The app's arguments are cut off first: getopt would permute them. */
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            ig_strvec_pushv(&o->args, (const char *const *)argv + i + 1,
                            (size_t)(argc - i - 1));
            argc = i;
            break;
        }
    opterr = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, ":t:o:m:e:p:h", longopts, NULL)) !=
           -1) {
        switch (c) {
        case 't':
            *tagopt = optarg;
            break;
        case 'o':
            o->dir = optarg;
            break;
        case 'A':
            o->archive = optarg;
            break;
        case 'R':
            o->rootfs = optarg;
            break;
        case 'V':
            o->version = optarg;
            break;
        case 'S':
            o->source = optarg;
            break;
        case 'Z':
            o->gzip = 0;
            break;
        case 'h':
            *help = 1;
            return 0;
        case 'm':
            if (ig_run_parse_size(optarg, &o->mem) < 0 ||
                o->mem < IG_RUN_MEM_MIN || o->mem > IG_RUN_MEM_MAX ||
                o->mem % (1u << 20)) {
                ig_host_error("-m %s: not a memory size (whole MiB from 2M "
                              "to 1024G, like 64M)",
                              optarg);
                return -1;
            }
            break;
        case 'e':
            if (!strchr(optarg, '=') || optarg[0] == '=' ||
                strcspn(optarg, "=") != strspn(optarg,
                                               "ABCDEFGHIJKLMNOPQRSTU"
                                               "VWXYZabcdefghijklmnopq"
                                               "rstuvwxyz0123456789_")) {
                ig_host_error("-e %s: not NAME=VALUE", optarg);
                return -1;
            }
            ig_strvec_push(&o->env, optarg);
            break;
        case 'p':
            if (add_port(&o->ports, optarg) < 0) {
                ig_host_error("-p %s: not PORT[/tcp|/udp] (1-65535)", optarg);
                return -1;
            }
            break;
        case ':':
            ig_host_error("%s: missing value", argv[optind - 1]);
            return -1;
        default:
            ig_host_error("%s: unknown option", argv[optind - 1]);
            return -1;
        }
    }
    for (int i = optind; i < argc; i++) {
        if (o->image) {
            ig_host_error("%s: unexpected argument (put the app's arguments "
                          "after --)",
                          argv[i]);
            return -1;
        }
        o->image = argv[i];
    }
    return 0;
}

int ig_cmd_pkg(int argc, char **argv)
{
    struct ig_oci_pkg_opts o = {.gzip = 1};
    const char *tagopt = NULL;
    char err[1024];
    int help = 0, r = 1;
    char *name = NULL;
    struct ig_image *img = NULL;

    if (parse(&o, argc, argv, &tagopt, &help) < 0)
        goto out;
    if (help) {
        fputs(usage, stdout);
        r = 0;
        goto out;
    }
    if (!o.image) {
        ig_host_error("missing IMAGE (see ingot pkg --help)");
        goto out;
    }
    if (!tagopt || !*tagopt) {
        ig_host_error("missing -t NAME[:TAG] (see ingot pkg --help)");
        goto out;
    }
    if (!o.dir == !o.archive) {
        ig_host_error("give one of -o DIR and --archive FILE.tar");
        goto out;
    }
    /* A tag has no '/', so "host:5000/app" is a name without a tag. */
    const char *colon = strrchr(tagopt, ':');
    if (colon && !strchr(colon, '/')) {
        name = ig_xasprintf("%.*s", (int)(colon - tagopt), tagopt);
        o.tag = colon + 1;
    } else {
        name = ig_xstrdup(tagopt);
        o.tag = "latest";
    }
    o.name = name;
    if (!*name) {
        ig_host_error("-t %s: NAME is empty", tagopt);
        goto out;
    }
    if (!(img = ig_image_open(o.image, err, sizeof(err)))) {
        ig_host_error("%s: %s", o.image, err);
        goto out;
    }
    o.platform = ig_image_platform(img);
    if (ig_oci_pkg(&o, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        goto out;
    }
    printf("%s:%s:%s:%s %s %s\n", o.dir ? "oci" : "oci-archive",
           o.dir ? o.dir : o.archive, o.name, o.tag, o.platform, o.digest);
    r = 0;
out:
    ig_image_close(img);
    free(name);
    ig_strvec_free(&o.args);
    ig_strvec_free(&o.env);
    ig_strvec_free(&o.ports);
    return r;
}
