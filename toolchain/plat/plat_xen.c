/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* plat_xen.c: the xen platform in the tools: a PVH domU started by `xl`. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ingot/host.h>
#include <ingot/host_plat.h>
#include <ingot/kvm_abi.h>

#include "run.h"

static int xen_check(const struct ig_run_opts *o, const char **what, char *err,
                     size_t errlen)
{
    if (o->tty) {
        *what = "-t";
        snprintf(err, errlen, "a terminal is not supported on xen yet");
        return -1;
    }
    if (o->nvols) {
        *what = "-v";
        snprintf(err, errlen, "volumes are not supported on xen yet");
        return -1;
    }
    if (o->net == IG_RUN_NET_USER || o->net == IG_RUN_NET_TAP) {
        *what = o->nports                   ? "-p"
                : o->net == IG_RUN_NET_USER ? "--net user"
                                            : "--net tap";
        snprintf(err, errlen,
                 "xen guests reach networks through a vif on a dom0 bridge: "
                 "use --net bridge:NAME");
        return -1;
    }
    return 0;
}

/* (s) as an xl configuration string: double quotes, with backslash
 * escapes for '"' and '\' (libxlu's syntax). */
static char *xl_string(const char *s)
{
    size_t n = 3;
    for (const char *p = s; *p; p++)
        n += 1 + (*p == '"' || *p == '\\');
    char *out = ig_xmalloc(n), *q = out;
    *q++ = '"';
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            *q++ = '\\';
        *q++ = *p;
    }
    *q++ = '"';
    *q = '\0';
    return out;
}

/* Pushes one configuration setting KEY=<string VALUE>. */
static void push_str(struct ig_strvec *out, const char *key, const char *val)
{
    char *q = xl_string(val);
    ig_strvec_pushf(out, "%s=%s", key, q);
    free(q);
}

static int xen_argv(struct ig_strvec *out, const struct ig_run_opts *o,
                    const char *cmdline, const char *initrd)
{
    const char *env = getenv("INGOT_XL");
    const char *xl = env && *env ? env : "xl";
    char *xlpath = ig_run_which(xl);
    char kernel[PATH_MAX], ramdisk[PATH_MAX], name[48];

    if (!xlpath && !o->dry_run) {
        ig_host_error("%s: not found (ingot run boots xen images from a Xen "
                      "dom0 with the xl toolstack; set INGOT_XL)",
                      xl);
        return -1;
    }
    /* xl resolves paths itself, after ingot run may have moved on. */
    if (!realpath(o->image, kernel)) {
        ig_host_error("%s: cannot resolve its path", o->image);
        free(xlpath);
        return -1;
    }
    if (initrd && !realpath(initrd, ramdisk)) {
        ig_host_error("%s: cannot resolve its path", initrd);
        free(xlpath);
        return -1;
    }
    snprintf(name, sizeof(name), "ingot-%ld", (long)getpid());

    /* -F: stay in the foreground until the domain is gone; -c: its
     * console on our stdout.  The configuration is all on the command
     * line, after an empty configuration file. */
    ig_strvec_push(out, xlpath ? xlpath : xl);
    ig_strvec_push(out, "create");
    ig_strvec_push(out, "-F");
    ig_strvec_push(out, "-c");
    ig_strvec_push(out, "/dev/null");
    push_str(out, "name", name);
    push_str(out, "type", "pvh");
    push_str(out, "kernel", kernel);
    if (initrd)
        push_str(out, "ramdisk", ramdisk);
    push_str(out, "cmdline", cmdline);
    ig_strvec_pushf(out, "memory=%llu",
                    (unsigned long long)((o->mem + (1ull << 20) - 1) >> 20));
    ig_strvec_push(out, "vcpus=1");
    if (o->net == IG_RUN_NET_BRIDGE) {
        char *bridge = ig_xasprintf("bridge=%s", o->net_tap);
        char *q = xl_string(bridge);
        ig_strvec_pushf(out, "vif=[%s]", q);
        free(q);
        free(bridge);
    }
    push_str(out, "on_poweroff", "destroy");
    push_str(out, "on_reboot", "destroy");
    push_str(out, "on_crash", "destroy");
    free(xlpath);
    return 0;
}

static int xen_status(const struct ig_run_end *e)
{
    if (e->record >= 0)
        return e->record;
    if (e->signalled)
        return 128 + e->signalled;
    if (WIFSIGNALED(e->qemu_raw)) {
        ig_host_error("xl was killed by signal %d", WTERMSIG(e->qemu_raw));
        return IG_RUN_STATUS_FAIL;
    }
    /* xl refused the configuration or could not build the domain; it
     * said why on stderr. */
    if (WEXITSTATUS(e->qemu_raw) != 0 && !e->saw_console)
        return IG_RUN_STATUS_FAIL;
    ig_host_error("guest stopped without reporting an exit status");
    return IG_KVM_STATUS_LOST;
}

const struct ig_plat ig_plat_xen = {
    .name = "xen",
    .ldscript = "xen/xen.ld",
    .archive = "xen/libingot-xen.a",
    .runs_as = "starts a PVH domU with xl create -F -c (on a Xen dom0)",
    .dry_run = "the xl command with the whole domain configuration",
    .framed_stderr = 1,
    .check = xen_check,
    .argv = xen_argv,
    .status = xen_status,
};
