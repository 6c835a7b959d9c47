/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* plat_kvm.c: the kvm platform in the tools: a PVH image booted by QEMU. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include <ingot/host_plat.h>

#include "run.h"

static int kvm_check(const struct ig_run_opts *o, const char **what, char *err,
                     size_t errlen)
{
    if (o->net == IG_RUN_NET_BRIDGE) {
        *what = "--net bridge";
        snprintf(err, errlen, "bridges are xen's; use --net tap:NAME");
        return -1;
    }
    /* microvm: 8 virtio-mmio transports, one taken by virtio-rng. */
    if (strcmp(o->machine, "microvm") == 0 &&
        1 + (o->net != IG_RUN_NET_NONE) + o->nvols > 8) {
        *what = "-v";
        snprintf(err, errlen,
                 "%d volumes%s do not fit microvm's 8 virtio-mmio slots "
                 "(one is virtio-rng); use --machine q35",
                 o->nvols, o->net != IG_RUN_NET_NONE ? " and a network" : "");
        return -1;
    }
    return 0;
}

static int kvm_argv(struct ig_strvec *out, const struct ig_run_opts *o,
                    const char *cmdline, const char *initrd)
{
    const char *qname = ig_run_qemu_name();
    char *qemu = NULL, *libdir = NULL;
    int kvm, r = -1;
    size_t max = ig_run_qemu_cmdline_max(o->machine);

    if (cmdline && strlen(cmdline) >= max) {
        ig_host_error("%s too long for --machine %s: %zu bytes; it takes at "
                      "most %zu (microvm %d)",
                      o->argv0 ? "arguments and environment" : "command line",
                      o->machine, strlen(cmdline), max - 1,
                      IG_RUN_CMDLINE_MAX - 1);
        return -1;
    }
    qemu = ig_run_which(qname);

    if (!qemu && !o->dry_run) {
        ig_host_error("%s: not found (install qemu-system-x86 or set "
                      "INGOT_QEMU)",
                      qname);
        goto out;
    }
    libdir = ig_host_libdir();
    if (o->accel == IG_RUN_ACCEL_AUTO && !qemu)
        kvm = 0; /* --dry-run without QEMU: nothing to calibrate with */
    else if (ig_run_accel_resolve(o->accel, qemu, libdir ? libdir : ".",
                                  o->argv0 != NULL, &kvm) < 0)
        goto out;
    /* TCP forwards go through ingot run's relay (run_publish.c). */
    struct ig_run_port ports[IG_RUN_MAX_PORTS];
    char perr[256];
    memcpy(ports, o->ports, sizeof(ports[0]) * (size_t)o->nports);
    if (o->net == IG_RUN_NET_USER && o->nports && !o->dry_run &&
        ig_run_publish(ports, o->nports, perr, sizeof(perr)) < 0) {
        ig_host_error("%s", perr);
        goto out;
    }
    struct ig_run_vm vm = {.qemu = qemu ? qemu : qname,
                           .initrd = initrd,
                           .machine = o->machine,
                           .kvm = kvm,
                           .mem = o->mem,
                           .kernel = o->image,
                           .cmdline = cmdline,
                           .console = 1,
                           .net = o->net,
                           .net_tap = o->net_tap,
                           .mac = o->net_mac,
                           .ports = ports,
                           .nports = o->nports,
                           .vols = o->vols,
                           .nvols = o->nvols,
                           .gdb_port = o->gdb_port,
                           .tb_mib = ig_run_tb_mib(o->code_bytes)};
    ig_run_qemu_argv(out, &vm);
    /*
     * Under TCG, QEMU asks for transparent huge pages for the guest's RAM
     * and its translation buffer, so a guest that touches a few KiB costs
     * whole 2 MiB pages: an idle hello held 5 MiB more (docs/benchmarks.md).
     * The setting is inherited by QEMU.  Under KVM huge pages back the
     * guest's nested page tables and make it faster: kept.
     */
    if (!kvm && !o->dry_run)
        prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
    r = 0;
out:
    free(libdir);
    free(qemu);
    return r;
}

const struct ig_plat ig_plat_kvm = {
    .name = "kvm",
    .ldscript = "kvm/kvm.ld",
    .archive = "kvm/libingot-kvm.a",
    .runs_as = "boots in QEMU (KVM or TCG, --accel)",
    .dry_run = "the QEMU command",
    .console_input = 1,
    .framed_stderr = 1,
    .gdb = IG_PLAT_GDB_VMM,
    .check = kvm_check,
    .argv = kvm_argv,
    .status = ig_run_end_status,
};
