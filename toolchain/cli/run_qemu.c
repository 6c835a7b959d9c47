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
    const char *bus;     /* "device" (virtio-mmio) or "pci" */
    size_t cmdline_max;  /* the longest -append it boots, with the NUL */
} machines[] = {
    /* The command line stays exactly as given; nothing reads ACPI (saves
     * ~2.5 ms).  pit, rtc and isa-serial stay on: clock calibration, the
     * wall clock and the console need them. */
    /* virtio-rng feeds ig_plat_entropy (measured: ~1 ms of boot under TCG,
     * within the noise).  The kvm driver speaks only virtio 1.x, and QEMU
     * 7.2 makes virtio-mmio transports legacy unless told otherwise. */
    {"microvm", "microvm,auto-kernel-cmdline=off,acpi=off", "virtio-rng-device",
     "device", IG_RUN_CMDLINE_MAX},
    /* SeaBIOS stops probing a disk controller nobody uses (~12 ms). */
    /* QEMU's PVH option ROM on pc machines builds start_info right after
     * a 4 KiB command-line area: a longer line overwrites it (measured with
     * QEMU 7.2: 6,000 bytes do). */
    {"q35", "q35,sata=off", NULL, "pci", 4096},
};

/* KVM passes the host CPU through, minus IA32_ARCH_CAPABILITIES: nested
 * KVM hosts (like the CI machines) refuse writes to that MSR and QEMU then
 * aborts; the guest has no use for it. */
static const char *const kvm_cpu = "host,-arch-capabilities";
static const char *const tcg_cpu = "max";

static const char *const common_opts[] = {
    "-smp",     "1",    "-nodefaults", "-no-user-config",
    "-display", "none", "-no-reboot"};

/*
 * QEMU reserves 1 GiB for translated code and never gives back what it
 * has written: every block translated since boot stays resident until the
 * buffer fills and is flushed.  Most of an image's code runs once (start-
 * up), so a buffer a few times the code holds what keeps running and caps
 * what start-up leaves behind: apps/httpd (233 KiB of code) wrote 2.2 MiB
 * of translations into the default buffer by its first answer, 1 MiB with
 * tb-size=1, and served wrk as fast (docs/benchmarks.md).  A loop whose
 * translations outgrow the buffer would flush it over and over, hence
 * the generous factor.
 */
unsigned ig_run_tb_mib(uint64_t code_bytes)
{
    /* 8 * code_bytes / 1 MiB, without overflow. */
    uint64_t mib =
        code_bytes / (1u << 20) * 8 + code_bytes % (1u << 20) * 8 / (1u << 20);

    if (code_bytes == 0)
        return 0;
    return mib < 1 ? 1 : mib > 1024 ? 1024 : (unsigned)mib;
}

int ig_run_machine_ok(const char *name)
{
    for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
        if (strcmp(name, machines[i].name) == 0)
            return 1;
    return 0;
}

/* (s) with every ',' doubled, as QEMU's option syntax wants inside a
 * value.  Malloc'd. */
static char *qemu_escape(const char *s)
{
    size_t n = strlen(s), extra = 0;
    char *r, *p;

    for (size_t i = 0; i < n; i++)
        extra += s[i] == ',';
    r = p = ig_xmalloc(n + extra + 1);
    for (size_t i = 0; i < n; i++) {
        *p++ = s[i];
        if (s[i] == ',')
            *p++ = ',';
    }
    *p = '\0';
    return r;
}

/* The network device and its backend: slirp with the port forwards, or
 * an existing tap device (no scripts: the host set it up). */
static void net_args(struct ig_strvec *out, const struct ig_run_vm *vm,
                     const char *bus)
{
    struct ig_strvec nd = {0};
    char *line;

    if (vm->net == IG_RUN_NET_USER) {
        ig_strvec_push(&nd, "user,id=n0");
        for (int i = 0; i < vm->nports; i++) {
            const struct ig_run_port *p = &vm->ports[i];

            ig_strvec_pushf(&nd, ",hostfwd=%s:%s:%u-:%u",
                            p->udp ? "udp" : "tcp", p->host_addr,
                            (unsigned)p->host, (unsigned)p->guest);
        }
    } else if (vm->net == IG_RUN_NET_TAP) {
        char *tap = qemu_escape(vm->net_tap);

        ig_strvec_pushf(&nd, "tap,id=n0,ifname=%s,script=no,downscript=no",
                        tap);
        free(tap);
    } else {
        return;
    }
    line = ig_xstrdup("");
    for (size_t i = 0; i < nd.n; i++) {
        char *t = ig_xasprintf("%s%s", line, nd.v[i]);

        free(line);
        line = t;
    }
    ig_strvec_push(out, "-netdev");
    ig_strvec_push(out, line);
    ig_strvec_push(out, "-device");
    if (vm->mac)
        ig_strvec_pushf(out, "virtio-net-%s,netdev=n0,mac=%s", bus, vm->mac);
    else
        ig_strvec_pushf(out, "virtio-net-%s,netdev=n0", bus);
    free(line);
    ig_strvec_free(&nd);
}

/* Host directories over virtio-9p, QEMU's local backend: volume i is
 * fsdev "v<i>" with mount tag "v<i>" (the guest's vol.v<i>= token says
 * where it goes).  security_model=none: files keep the host's owners.
 * multidevs=remap for a tree spanning file systems (ingot exec's "/"),
 * so inode numbers from different devices cannot collide. */
static void volume_args(struct ig_strvec *out, const struct ig_run_vm *vm,
                        const char *bus)
{
    for (int i = 0; i < vm->nvols; i++) {
        char *path = qemu_escape(vm->vols[i].host);

        ig_strvec_push(out, "-fsdev");
        ig_strvec_pushf(out, "local,id=v%d,path=%s,security_model=none%s%s", i,
                        path, vm->vols[i].ro ? ",readonly=on" : "",
                        vm->vols[i].multidev ? ",multidevs=remap" : "");
        ig_strvec_push(out, "-device");
        ig_strvec_pushf(out, "virtio-9p-%s,fsdev=v%d,mount_tag=v%d", bus, i, i);
        free(path);
    }
}

void ig_run_qemu_argv(struct ig_strvec *out, const struct ig_run_vm *vm)
{
    const char *bus = "device";

    ig_strvec_push(out, vm->qemu);
    for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++) {
        if (strcmp(vm->machine, machines[i].name) == 0) {
            ig_strvec_push(out, "-M");
            ig_strvec_push(out, machines[i].machine);
        }
    }
    ig_strvec_push(out, "-accel");
    if (vm->kvm)
        ig_strvec_push(out, "kvm");
    else if (vm->tb_mib)
        ig_strvec_pushf(out, "tcg,tb-size=%u", vm->tb_mib);
    else
        ig_strvec_push(out, "tcg");
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
        if (strcmp(vm->machine, machines[i].name) != 0)
            continue;
        bus = machines[i].bus;
        if (machines[i].device) {
            ig_strvec_push(out, "-global");
            ig_strvec_push(out, "virtio-mmio.force-legacy=false");
            ig_strvec_push(out, "-device");
            ig_strvec_push(out, machines[i].device);
        }
    }
    net_args(out, vm, bus);
    volume_args(out, vm, bus);
    if (vm->gdb_port) {
        ig_strvec_push(out, "-gdb");
        ig_strvec_pushf(out, "tcp:127.0.0.1:%d", vm->gdb_port);
        ig_strvec_push(out, "-S");
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

size_t ig_run_qemu_cmdline_max(const char *machine)
{
    for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
        if (strcmp(machine, machines[i].name) == 0)
            return machines[i].cmdline_max;
    return IG_RUN_CMDLINE_MAX;
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
