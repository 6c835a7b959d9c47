/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_run.c: `ingot run IMAGE`: boot an image and exit with its status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/host_image.h>
#include <ingot/oci.h>

#include "run.h"

static const char usage[] =
    "Usage: ingot run [options] IMAGE [-- ARG...]\n"
    "Boot IMAGE (built by ingot-cc) and pass its console through.  The\n"
    "platform comes from the image: kvm images boot in QEMU, pico images\n"
    "run as a sandboxed process under the tender ingot-pico.\n"
    "\n"
    "IMAGE may also be oci:DIR[:TAG] or oci-archive:FILE[:TAG], an image\n"
    "packaged by ingot pkg: every digest is verified, and the manifest's\n"
    "memory, rootfs, arguments and environment apply unless -m, --rootfs,\n"
    "-- or -e say otherwise (docs/oci.md).\n"
    "\n"
    "  --platform kvm|pico     which manifest of an OCI tag to boot (default:\n"
    "                          the first in the index); for a plain IMAGE,\n"
    "                          its platform must be this one\n"
    "  -m, --memory SIZE       guest memory, like 64M or 1G (default 64M)\n"
    "  --accel auto|kvm|tcg    (kvm) auto (default) uses KVM only where a\n"
    "                          one-time calibration found it faster than TCG\n"
    "  --machine microvm|q35   (kvm) QEMU machine (default microvm)\n"
    "  -e, --env NAME=VALUE    set an environment variable in the guest;\n"
    "                          -e NAME copies it from here if it is set\n"
    "  --rootfs DIR|FILE.cpio  the guest's root file system: DIR is packed\n"
    "                          as a cpio newc archive; the guest stops\n"
    "                          with 255 on a corrupt archive\n"
    "  --net none|user|tap:NAME  the guest's network: none (default\n"
    "                          without -p), QEMU user networking (kvm), or\n"
    "                          an existing tap device NAME\n"
    "  --ip A.B.C.D/N          the guest's static IPv4 address (without\n"
    "                          it the guest asks DHCP)\n"
    "  --gw A.B.C.D            its default gateway\n"
    "  --dns A.B.C.D           its DNS server\n"
    "  -p, --publish [ADDR:]HOSTPORT:GUESTPORT[/tcp|/udp]\n"
    "                          forward a host port to the guest (implies\n"
    "                          --net user)\n"
    "  -v, --volume HOSTDIR:GUESTDIR[:ro|:rw]\n"
    "                          share host directory HOSTDIR with the guest\n"
    "                          at GUESTDIR, read-only with :ro\n"
    "  --dry-run               print the QEMU or tender command instead of\n"
    "                          running it\n"
    "  -h, --help              print this help\n"
    "\n"
    "Options may come before or after IMAGE; the app's arguments go after\n"
    "--.  The guest gets \"argv0=IMAGE env.NAME=VALUE... -- ARG...\" as its\n"
    "command line (at most 4095 bytes).\n"
    "\n"
    "Environment: INGOT_QEMU (QEMU binary, default qemu-system-x86_64),\n"
    "INGOT_PICO (pico tender, default ingot-pico beside ingot),\n"
    "INGOT_LIBDIR (library directory), XDG_CACHE_HOME (the calibration is\n"
    "cached in $XDG_CACHE_HOME/ingot/accel, default ~/.cache/ingot/accel).\n"
    "\n"
    "Exit status:\n"
    "  0-255  the app's: what main() returned or exit() was given\n"
    "  125    ingot run itself failed: bad option, not a bootable image,\n"
    "         QEMU could not start\n"
    "  159    pico: the app made a system call the sandbox forbids\n"
    "  255    also: the guest crashed (after a crash report) or stopped\n"
    "         without reporting a status\n"
    "  128+N  interrupted by signal N (130 for Ctrl-C)\n";

static int fail(const char *what, const char *why)
{
    ig_host_error("%s: %s", what, why);
    return IG_RUN_STATUS_FAIL;
}

int ig_cmd_run(int argc, char **argv)
{
    struct ig_run_opts o;
    char err[512];
    int r = IG_RUN_STATUS_FAIL;

    if (ig_run_parse_args(&o, argc, argv, err, sizeof(err)) < 0)
        ig_host_error("%s", err);
    else if (o.help) {
        fputs(usage, stdout);
        r = 0;
    } else
        r = ig_run_boot(&o);
    ig_run_opts_free(&o);
    return r;
}

int ig_run_boot(struct ig_run_opts *opts)
{
    struct ig_run_opts o = *opts; /* changed by OCI references */
    struct ig_image *img = NULL;
    struct ig_oci_image oci = {0};
    struct ig_strvec qargv = {0};
    char *cmdline = NULL, *libdir = NULL, *qemu = NULL, *initrd = NULL;
    int initrd_temp = 0;
    char err[512];
    int r = IG_RUN_STATUS_FAIL, kvm;

    const char *name = o.image; /* for messages: the reference as given */
    if (ig_oci_is_ref(o.image) &&
        ig_run_oci_prepare(&o, &oci, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        goto out;
    }
    img = ig_image_open(o.image, err, sizeof(err));
    if (!img) {
        fail(name, err);
        goto out;
    }
    const char *plat = ig_image_platform(img);
    if (o.platform && strcmp(plat, o.platform) != 0) {
        snprintf(err, sizeof(err), "a %s image, not %s", plat, o.platform);
        fail(name, err);
        goto out;
    }
    if (strcmp(plat, "kvm") != 0 && strcmp(plat, "pico") != 0) {
        snprintf(err, sizeof(err),
                 "built for platform %s, which ingot run cannot boot yet",
                 plat);
        fail(name, err);
        goto out;
    }
    /* Volumes: host directories on pico, virtio-9p on kvm. */
    if (ig_run_volumes_resolve(&o, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        goto out;
    }
    /* pico reaches a network only through a tap device. */
    if (o.net == IG_RUN_NET_USER && strcmp(plat, "pico") == 0) {
        fail(o.nports ? "-p" : "--net user",
             "pico images have no user networking; use --net tap:NAME");
        goto out;
    }
    /* microvm: 8 virtio-mmio transports, one taken by virtio-rng. */
    if (strcmp(plat, "kvm") == 0 && strcmp(o.machine, "microvm") == 0 &&
        1 + (o.net != IG_RUN_NET_NONE) + o.nvols > 8) {
        snprintf(err, sizeof(err),
                 "%d volumes%s do not fit microvm's 8 virtio-mmio slots "
                 "(one is virtio-rng); use --machine q35",
                 o.nvols, o.net != IG_RUN_NET_NONE ? " and a network" : "");
        fail("-v", err);
        goto out;
    }
    if (ig_run_cmdline(&o, &cmdline) < 0) {
        snprintf(err, sizeof(err), "%zu bytes; the guest takes at most %d",
                 strlen(cmdline), IG_RUN_CMDLINE_MAX - 1);
        fail(o.argv0 ? "arguments and environment too long"
                     : "command line too long",
             err);
        goto out;
    }
    if (strcmp(plat, "pico") == 0) {
        if (o.rootfs && ig_run_rootfs(o.rootfs, &initrd, &initrd_temp, err,
                                      sizeof(err)) < 0) {
            ig_host_error("%s", err);
            goto out;
        }
        r = ig_run_pico(&o, img, cmdline, initrd);
        goto out;
    }

    const char *qname = ig_run_qemu_name();
    qemu = ig_run_which(qname);
    if (!qemu && !o.dry_run) {
        fail(qname, "not found (install qemu-system-x86 or set INGOT_QEMU)");
        goto out;
    }
    libdir = ig_host_libdir();
    if (o.accel == IG_RUN_ACCEL_AUTO && !qemu)
        kvm = 0; /* --dry-run without QEMU: nothing to calibrate with */
    else if (ig_run_accel_resolve(o.accel, qemu, libdir ? libdir : ".",
                                  o.argv0 != NULL, &kvm) < 0)
        goto out;

    if (o.rootfs &&
        ig_run_rootfs(o.rootfs, &initrd, &initrd_temp, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        goto out;
    }
    struct ig_run_vm vm = {.qemu = qemu ? qemu : qname,
                           .initrd = initrd,
                           .machine = o.machine,
                           .kvm = kvm,
                           .mem = o.mem,
                           .kernel = o.image,
                           .cmdline = cmdline,
                           .console = 1,
                           .net = o.net,
                           .net_tap = o.net_tap,
                           .ports = o.ports,
                           .nports = o.nports,
                           .vols = o.vols,
                           .nvols = o.nvols};
    ig_run_qemu_argv(&qargv, &vm);
    if (o.dry_run) {
        char *line = ig_shquote_argv(ig_strvec_argv(&qargv));
        printf("%s\n", line);
        free(line);
        r = 0;
    } else {
        fflush(stdout);
        r = ig_run_guest(ig_strvec_argv(&qargv), img);
    }
out:
    /* A dry run prints a command meant to be run later: the archive of
     * the rootfs directory must outlive it. */
    if (initrd_temp && o.dry_run && r == 0)
        fprintf(stderr,
                "ingot: kept the archive of %s as %s for this command; "
                "remove it when done\n",
                o.rootfs, initrd);
    else if (initrd_temp)
        unlink(initrd);
    if (oci.tmpdir && o.dry_run && r == 0) {
        fprintf(stderr,
                "ingot: kept the extracted image in %s for this command; "
                "remove it when done\n",
                oci.tmpdir);
        free(oci.tmpdir);
        oci.tmpdir = NULL;
    }
    ig_oci_image_free(&oci);
    free(initrd);
    ig_strvec_free(&qargv);
    free(cmdline);
    free(libdir);
    free(qemu);
    ig_image_close(img);
    *opts = o;
    return r;
}
