/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_run.c: `ingot run IMAGE`: boot an image and exit with its status. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/host_image.h>
#include <ingot/host_plat.h>
#include <ingot/oci.h>

#include "mgr.h"
#include "run.h"

static const char usage_head[] =
    "Usage: ingot run [options] IMAGE [-- ARG...]\n"
    "Boot IMAGE (built by ingot-cc) and pass its console through.  The\n"
    "platform comes from the image:\n";

static const char usage_body[] =
    "\n"
    "IMAGE may also be oci:DIR[:TAG] or oci-archive:FILE[:TAG], an image\n"
    "packaged by ingot pkg: every digest is verified, and the manifest's\n"
    "memory, rootfs, arguments and environment apply unless -m, --rootfs,\n"
    "-- or -e say otherwise (docs/oci.md).\n"
    "\n"
    "  --platform NAME         which manifest of an OCI tag to boot (default:\n"
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
    "  --net none|user|tap:NAME|bridge:NAME  the guest's network: none\n"
    "                          (default without -p), QEMU user networking\n"
    "                          (kvm), an existing tap device NAME (kvm,\n"
    "                          pico), or a vif on dom0's bridge NAME (xen)\n"
    "  --ip A.B.C.D/N          the guest's static IPv4 address (without\n"
    "                          it the guest asks DHCP)\n"
    "  --gw A.B.C.D            its default gateway\n"
    "  --dns A.B.C.D           its DNS server\n"
    "  --mac XX:XX:XX:XX:XX:XX its MAC address (default: QEMU's on kvm, a\n"
    "                          random one on pico)\n"
    "  -p, --publish [ADDR:]HOSTPORT:GUESTPORT[/tcp|/udp]\n"
    "                          forward a host port to the guest (implies\n"
    "                          --net user)\n"
    "  -v, --volume HOSTDIR:GUESTDIR[:ro|:rw]\n"
    "                          share host directory HOSTDIR with the guest\n"
    "                          at GUESTDIR, read-only with :ro\n"
    "  -t, --tty               the guest's standard streams are the terminal\n"
    "                          on standard input: its attributes (echo,\n"
    "                          line editing, Ctrl-C) follow the guest's\n"
    "                          tcsetattr and are restored at the end; its\n"
    "                          window size and SIGWINCH reach the guest;\n"
    "                          TERM=xterm unless set\n"
    "  -i, --interactive       accepted (standard input is always passed)\n"
    "  --stop-timeout SECONDS  after passing SIGINT, SIGTERM, SIGHUP,\n"
    "                          SIGUSR1 or SIGUSR2 on to the guest, kill it\n"
    "                          if it has not ended this long later\n"
    "                          (default 10, like docker stop)\n"
    "  --gdb[=PORT]            wait for gdb on 127.0.0.1:PORT (default 1234)\n"
    "                          before the guest's first instruction: kvm\n"
    "                          through QEMU's gdb stub, pico through\n"
    "                          gdbserver (docs/debugging.md)\n"
    "  --core DIR              when the guest crashes, write an ELF core\n"
    "                          file DIR/core.IMAGE.PID for gdb IMAGE CORE\n"
    "  --dry-run               print the platform's command (above) instead\n"
    "                          of running it\n"
    "\n"
    "Detached (docs/manage.md; ingot ps, logs, stop, kill, rm, wait,\n"
    "inspect and stats manage what runs):\n"
    "  -d, --detach            run in the background under a monitor\n"
    "                          process; print the instance's ID once the\n"
    "                          guest has started\n"
    "  --name NAME             the instance's name, unique on the host\n"
    "                          (default: IMAGE's name and a random suffix)\n"
    "  --rm                    remove the instance when it ends\n"
    "  --restart no|on-failure[:N]|always\n"
    "                          run it again when it ends (on-failure: with\n"
    "                          a status other than 0, at most N times);\n"
    "                          never after ingot stop\n"
    "  --log-opt max-size=SIZE|max-file=N\n"
    "                          rotate its log at SIZE (default 1M), keep N\n"
    "                          files (default 3)\n"
    "  INGOT_STATE_DIR         (environment) where instances are kept\n"
    "                          (default /run/ingot, $XDG_RUNTIME_DIR/ingot)\n"
    "  -h, --help              print this help\n"
    "\n"
    "Options may come before or after IMAGE; the app's arguments go after\n"
    "--.  The guest gets \"argv0=IMAGE env.NAME=VALUE... -- ARG...\" as its\n"
    "command line (at most 131071 bytes).\n"
    "\n"
    "Environment: INGOT_QEMU (QEMU binary, default qemu-system-x86_64),\n"
    "INGOT_XL (Xen's xl, default xl),\n"
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
    "  128+N  ended by signal N (130 for Ctrl-C): the guest's default\n"
    "         action, or ingot run's when the guest cannot receive it\n"
    "  137    also: killed after --stop-timeout\n"
    "With -d: 0 once the instance started (its ID printed; `ingot wait`\n"
    "gives the app's status), 125 when it could not start.\n";

/* The help, with one entry per platform `ingot run` boots. */
static void print_usage(void)
{
    const struct ig_plat *p;

    fputs(usage_head, stdout);
    for (size_t i = 0; (p = ig_plat_at(i)); i++)
        if (p->argv)
            printf("  %-6s %s;\n         --dry-run prints %s\n", p->name,
                   p->runs_as, p->dry_run);
    fputs(usage_body, stdout);
}

void (*ig_run_boot_hook)(const struct ig_run_opts *o, const char *plat,
                         char *const *argv);

static int fail(const char *what, const char *why)
{
    ig_host_error("%s: %s", what, why);
    return IG_RUN_STATUS_FAIL;
}

/* The guest crashed with --core: its stream becomes DIR/core.*. */
static void write_core(const struct ig_run_core *core, const char *dir,
                       const char *image, const char *name)
{
    char err[512] = "", *path = NULL;

    if (ig_run_core_write(core, dir, image, &path, err, sizeof(err)) < 0) {
        ig_host_error("--core %s: no core file: %s", dir, err);
        return;
    }
    fprintf(stderr, "ingot: core file %s (gdb %s %s)\n", path, name, path);
    free(path);
}

int ig_cmd_run(int argc, char **argv)
{
    struct ig_run_opts o;
    char err[512];
    int r = IG_RUN_STATUS_FAIL;

    if (ig_run_parse_args(&o, argc, argv, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
    } else if (o.help) {
        print_usage();
        r = 0;
    } else if (o.detach) {
        r = ig_mgr_run_detached(&o, argc, argv);
    } else {
        r = ig_run_boot(&o);
    }
    ig_run_opts_free(&o);
    return r;
}

int ig_run_boot(struct ig_run_opts *opts)
{
    struct ig_run_opts o = *opts; /* changed by OCI references */
    struct ig_image *img = NULL;
    struct ig_oci_image oci = {0};
    struct ig_strvec qargv = {0};
    char *cmdline = NULL, *initrd = NULL;
    int initrd_temp = 0;
    char err[512];
    int r = IG_RUN_STATUS_FAIL;
    struct ig_run_tty tty = {0};

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
    o.code_bytes = ig_image_code_size(img);
    if (o.platform && strcmp(plat, o.platform) != 0) {
        snprintf(err, sizeof(err), "a %s image, not %s", plat, o.platform);
        fail(name, err);
        goto out;
    }
    const struct ig_plat *p = ig_plat_bootable(plat);
    if (!p) {
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
    const char *what = NULL;
    if (p->check && p->check(&o, &what, err, sizeof(err)) < 0) {
        fail(what, err);
        goto out;
    }
    if (ig_run_debug_prepare(&o, p, img, name) < 0)
        goto out;
    if (ig_run_tty_prepare(&o, &tty, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
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
    if (o.rootfs &&
        ig_run_rootfs(o.rootfs, &initrd, &initrd_temp, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        goto out;
    }
    o.exec = p->execs && !ig_run_boot_hook && !o.core_dir && !o.gdb_port &&
             !o.tty && !oci.tmpdir;
    o.initrd_unlink = o.exec && initrd_temp && !o.dry_run;
    if (p->argv(&qargv, &o, cmdline, initrd) < 0)
        goto out;
    if (o.dry_run) {
        char *line = ig_shquote_argv(ig_strvec_argv(&qargv));
        printf("%s\n", line);
        free(line);
        r = 0;
    } else if (o.exec) {
        /* One process per guest: the tender takes over our pid, streams
         * and signals, and its status is the app's. */
        char *const *av = ig_strvec_argv(&qargv);
        fflush(stdout);
        fflush(stderr);
        execvp(av[0], av);
        ig_host_error("%s: %s", av[0], strerror(errno));
    } else {
        struct ig_run_end end;
        struct ig_run_core core = {0};
        struct ig_run_pump_opts po = {.pass_stdin = p->reads_stdin,
                                      .input_channel = p->console_input,
                                      .framed_stderr = p->framed_stderr,
                                      .stop_ms = o.stop_timeout * 1000,
                                      .tty = o.tty};

        if (o.core_dir)
            po.core = &core;
        if (p->gdb == IG_PLAT_GDB_ATTACH)
            po.gdbserver_port = o.gdb_port;
        fflush(stdout);
        if (ig_run_boot_hook)
            ig_run_boot_hook(&o, plat, ig_strvec_argv(&qargv));
        r = ig_run_pump(ig_strvec_argv(&qargv), img, &po, &end) < 0
                ? IG_RUN_STATUS_FAIL
                : p->status(&end);
        if (core.len || core.too_big)
            write_core(&core, o.core_dir, o.image, name);
        ig_run_core_free(&core);
    }
out:
    ig_run_tty_restore(&tty);
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
    ig_image_close(img);
    *opts = o;
    return r;
}
