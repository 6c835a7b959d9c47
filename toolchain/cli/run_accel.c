/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_accel.c: choose KVM or TCG by measuring which is faster here. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

/* Calibration gives TCG this long before declaring QEMU broken. */
#define TCG_TIMEOUT_MS 60000
/* KVM is stopped after 3x the TCG time, but never before this: QEMU's own
 * start-up must not decide the matter on a host where TCG is quick. */
#define KVM_TIMEOUT_MIN_MS 500

static int kvm_usable(void)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    close(fd);
    return 0;
}

int ig_run_calib_decide(const struct ig_run_calib *c)
{
    return c->kvm_finished && c->kvm_status == IG_RUN_CALIB_STATUS &&
           c->kvm_ms < c->tcg_ms;
}

void ig_run_calib_notice(const struct ig_run_calib *c, char *buf, size_t len)
{
    if (c->kvm_finished && c->kvm_status != IG_RUN_CALIB_STATUS)
        snprintf(buf, len,
                 "/dev/kvm failed here (calibration: kvm exit status %d, "
                 "tcg %ld ms); using TCG",
                 c->kvm_status, c->tcg_ms);
    else
        snprintf(buf, len,
                 "/dev/kvm is slow here (calibration: kvm %s%ld ms, tcg %ld "
                 "ms); using TCG",
                 c->kvm_finished ? "" : ">", c->kvm_ms, c->tcg_ms);
}

/* Boots the calibration guest once; returns QEMU's status or -ETIMEDOUT. */
static int calib_boot(const char *qemu, const char *calib, int kvm,
                      long timeout_ms, long *ms)
{
    struct ig_strvec argv = {0};
    struct ig_run_vm vm = {.qemu = qemu,
                           .machine = "microvm",
                           .kvm = kvm,
                           .mem = 16u << 20,
                           .kernel = calib};
    struct ig_proc_opts po;
    pid_t pid;

    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    ig_proc_opts_init(&po);
    po.stdin_fd = po.stdout_fd = po.stderr_fd = null;
    po.die_with_parent = 1;
    ig_run_qemu_argv(&argv, &vm);
    int r = ig_proc_spawn(ig_strvec_argv(&argv), &po, &pid);
    if (r == 0)
        r = ig_proc_wait_timeout(pid, timeout_ms, ms);
    ig_strvec_free(&argv);
    if (null >= 0)
        close(null);
    return r;
}

static int calibrate(const char *qemu, const char *libdir,
                     struct ig_run_calib *c)
{
    char *calib = ig_host_path(libdir, "kvm/calib.elf");
    int r = -1;

    if (access(calib, R_OK) < 0) {
        ig_host_error("%s: %s; cannot calibrate /dev/kvm, using TCG", calib,
                      strerror(errno));
        goto out;
    }
    int st = calib_boot(qemu, calib, 0, TCG_TIMEOUT_MS, &c->tcg_ms);
    if (st != IG_RUN_CALIB_STATUS) {
        ig_host_error("%s: calibration under TCG %s %d; using TCG", calib,
                      st < 0 ? "failed:" : "ended with status",
                      st < 0 ? -st : st);
        goto out;
    }
    long limit = 3 * c->tcg_ms;
    if (limit < KVM_TIMEOUT_MIN_MS)
        limit = KVM_TIMEOUT_MIN_MS;
    st = calib_boot(qemu, calib, 1, limit, &c->kvm_ms);
    c->kvm_finished = st != -ETIMEDOUT;
    c->kvm_status = st < 0 ? -1 : st;
    c->use_kvm = ig_run_calib_decide(c);
    r = 0;
out:
    free(calib);
    return r;
}

int ig_run_accel_resolve(enum ig_run_accel accel, const char *qemu,
                         const char *libdir, int quiet, int *kvm)
{
    int err = accel == IG_RUN_ACCEL_TCG ? 0 : kvm_usable();

    *kvm = 0;
    if (accel == IG_RUN_ACCEL_TCG)
        return 0;
    if (accel == IG_RUN_ACCEL_KVM) {
        if (err) {
            ig_host_error("--accel kvm: /dev/kvm: %s", strerror(-err));
            return -1;
        }
        *kvm = 1;
        return 0;
    }
    if (err)
        return 0; /* no KVM here: TCG, nothing to say */

    struct ig_run_calib want, have;
    char *path = ig_run_calib_path();
    memset(&want, 0, sizeof(want));
    int keyed = ig_run_calib_key(&want, qemu) == 0;
    if (keyed && path && ig_run_calib_load(path, &have) == 0 &&
        ig_run_calib_same_key(&want, &have)) {
        want = have;
    } else if (calibrate(qemu, libdir, &want) == 0) {
        if (keyed && path)
            ig_run_calib_store(path, &want);
    } else {
        free(path);
        return 0;
    }
    free(path);
    *kvm = want.use_kvm;
    if (!want.use_kvm && !quiet) {
        char line[256];
        ig_run_calib_notice(&want, line, sizeof(line));
        ig_host_error("%s", line);
    }
    return 0;
}
