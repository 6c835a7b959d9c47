/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_qemu.c: the QEMU command line for booting a kvm image. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/kvm_abi.h>

#include "run.h"

/* Every machine-specific option lives here, so tuning boot time is a
 * one-line change. */
static const struct {
    const char *name;
    const char *machine; /* -M value */
    const char *device;  /* a -device every image gets, or NULL */
} machines[] = {
    /* The command line stays exactly as given; nothing reads ACPI (saves
     * ~2.5 ms).  pit, rtc and isa-serial stay on: clock calibration, the
     * wall clock and the console need them. */
    /* virtio-rng feeds ig_plat_entropy (measured: ~1 ms of boot under TCG,
     * within the noise).  The kvm driver speaks only virtio 1.x, and QEMU
     * 7.2 makes virtio-mmio transports legacy unless told otherwise. */
    {"microvm", "microvm,auto-kernel-cmdline=off,acpi=off",
     "virtio-rng-device"},
    /* SeaBIOS stops probing a disk controller nobody uses (~12 ms). */
    {"q35", "q35,sata=off", NULL},
};

/* KVM passes the host CPU through, minus IA32_ARCH_CAPABILITIES: nested
 * KVM hosts (like the CI machines) refuse writes to that MSR and QEMU then
 * aborts; the guest has no use for it. */
static const char *const kvm_cpu = "host,-arch-capabilities";
static const char *const tcg_cpu = "max";

static const char *const common_opts[] = {
    "-smp",     "1",    "-nodefaults", "-no-user-config",
    "-display", "none", "-no-reboot"};

int ig_run_machine_ok(const char *name)
{
    for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
        if (strcmp(name, machines[i].name) == 0)
            return 1;
    return 0;
}

void ig_run_qemu_argv(struct ig_strvec *out, const struct ig_run_vm *vm)
{
    ig_strvec_push(out, vm->qemu);
    for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++) {
        if (strcmp(vm->machine, machines[i].name) == 0) {
            ig_strvec_push(out, "-M");
            ig_strvec_push(out, machines[i].machine);
        }
    }
    ig_strvec_push(out, "-accel");
    ig_strvec_push(out, vm->kvm ? "kvm" : "tcg");
    ig_strvec_push(out, "-cpu");
    ig_strvec_push(out, vm->kvm ? kvm_cpu : tcg_cpu);
    ig_strvec_push(out, "-m");
    ig_strvec_pushf(out, "%lluM", (unsigned long long)(vm->mem >> 20));
    ig_strvec_pushv(out, common_opts,
                    sizeof(common_opts) / sizeof(common_opts[0]));
    if (vm->console) {
        ig_strvec_push(out, "-serial");
        ig_strvec_push(out, "stdio");
    }
    ig_strvec_push(out, "-device");
    ig_strvec_pushf(out, "isa-debug-exit,iobase=%#x,iosize=4",
                    IG_KVM_DEBUG_EXIT_PORT);
    for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++) {
        if (strcmp(vm->machine, machines[i].name) == 0 && machines[i].device) {
            ig_strvec_push(out, "-global");
            ig_strvec_push(out, "virtio-mmio.force-legacy=false");
            ig_strvec_push(out, "-device");
            ig_strvec_push(out, machines[i].device);
        }
    }
    ig_strvec_push(out, "-kernel");
    ig_strvec_push(out, vm->kernel);
    if (vm->initrd) {
        ig_strvec_push(out, "-initrd");
        ig_strvec_push(out, vm->initrd);
    }
    if (vm->cmdline) {
        ig_strvec_push(out, "-append");
        ig_strvec_push(out, vm->cmdline);
    }
}

const char *ig_run_qemu_name(void)
{
    const char *q = getenv("INGOT_QEMU");
    return q && *q ? q : "qemu-system-x86_64";
}

char *ig_run_which(const char *name)
{
    if (strchr(name, '/'))
        return access(name, X_OK) == 0 ? ig_xstrdup(name) : NULL;

    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        size_t n = strcspn(path, ":");
        char *cand = n ? ig_xasprintf("%.*s/%s", (int)n, path, name)
                       : ig_xasprintf("./%s", name);
        if (access(cand, X_OK) == 0)
            return cand;
        free(cand);
        path += n + (path[n] == ':');
    }
    return NULL;
}
