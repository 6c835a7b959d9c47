/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* plat_pico.c: the pico platform in the tools: a process under a tender. */
#include <stdio.h>
#include <stdlib.h>

#include <ingot/host_plat.h>

#include "run.h"

static int pico_check(const struct ig_run_opts *o, const char **what, char *err,
                      size_t errlen)
{
    /* pico reaches a network only through a tap device. */
    if (o->net == IG_RUN_NET_USER) {
        *what = o->nports ? "-p" : "--net user";
        snprintf(err, errlen,
                 "pico images have no user networking; use --net tap:NAME");
        return -1;
    }
    if (o->net == IG_RUN_NET_BRIDGE) {
        *what = "--net bridge";
        snprintf(err, errlen, "bridges are xen's; use --net tap:NAME");
        return -1;
    }
    return 0;
}

static int pico_argv(struct ig_strvec *out, const struct ig_run_opts *o,
                     const char *cmdline, const char *initrd)
{
    char *tender = ig_run_pico_tender();

    /* Volumes first: ig_run_pico_argv() ends with "--" and the image. */
    ig_strvec_push(out, tender);
    if (o->gdb_port)
        ig_strvec_push(out, "--gdb-stop");
    if (o->tty)
        ig_strvec_push(out, "--tty");
    ig_run_pico_volumes(out, o);
    if (o->net_mac) {
        ig_strvec_push(out, "--mac");
        ig_strvec_push(out, o->net_mac);
    }
    if (o->exec) {
        /* No `ingot run` left to escalate a stop: the tender does. */
        ig_strvec_push(out, "--stop-timeout");
        ig_strvec_pushf(out, "%ld", o->stop_timeout);
    }
    if (o->initrd_unlink)
        ig_strvec_push(out, "--initrd-unlink");
    ig_run_pico_argv(out, NULL, o->mem, initrd,
                     o->net == IG_RUN_NET_TAP ? o->net_tap : NULL, o->image,
                     cmdline);
    free(tender);
    return 0;
}

const struct ig_plat ig_plat_pico = {
    .name = "pico",
    .ldscript = "pico/pico.ld",
    .archive = "pico/libingot-pico.a",
    .runs_as = "runs as a sandboxed process under the tender ingot-pico",
    .dry_run = "the tender command",
    .reads_stdin = 1,
    .execs = 1,
    .gdb = IG_PLAT_GDB_ATTACH,
    .check = pico_check,
    .argv = pico_argv,
    .status = ig_run_pico_status,
};
