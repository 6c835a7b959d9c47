/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* main.c: ingot-pico, the tender: load, map, confine, jump to the guest. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tender.h"

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif

#define MEM_DEFAULT (64ull << 20)
#define MEM_MIN (2ull << 20)
/* Thread stacks: 124 KiB above a guard page, as on kvm; a quarter of the
 * memory left after image and boot stack, at most 256 threads. */
#define STACK_SLOT (128ull << 10)
#define STACK_SLOTS_MAX 256u
#define STOP_TIMEOUT_MAX 86400 /* as ingot run's */

static const char usage[] =
    "Usage: ingot-pico [-v] [-m BYTES] [--initrd FILE] [--volume[-ro] "
    "TAG=DIR]\n"
    "                  [--tap NAME [--mac MAC]] [--tty] [--stop-timeout "
    "SECONDS]\n"
    "                  [--] IMAGE [CMDLINE]\n"
    "Run a pico image (built with ingot-cc --platform=pico) in this process,\n"
    "confined by seccomp and Landlock.  Usually started by `ingot run`.\n"
    "\n"
    "  -m BYTES   memory for image, initrd, stacks and heap (suffix K, M\n"
    "             or G; default 64M)\n"
    "  --initrd FILE\n"
    "             a cpio newc archive for the guest's root file system,\n"
    "             read into memory before confinement\n"
    "  --initrd-unlink\n"
    "             remove the --initrd file once it is open (a temporary\n"
    "             archive ingot run made of a --rootfs directory)\n"
    "  --volume TAG=DIR, --volume-ro TAG=DIR\n"
    "             share host directory DIR (read-write, or read-only) as\n"
    "             the guest's host directory TAG; Landlock confines the\n"
    "             guest to it (refused on kernels without Landlock)\n"
    "  --tap NAME attach to the existing tap interface NAME: the guest's\n"
    "             network device (needs CAP_NET_ADMIN or the tap's owner)\n"
    "  --mac XX:XX:XX:XX:XX:XX\n"
    "             the guest's MAC address (default: a random one)\n"
    "  --tty      standard input is a terminal the guest may set up (ingot\n"
    "             run -t): its attributes and window size, and SIGWINCH\n"
    "  --gdb-stop stop (SIGSTOP) before confining and entering the guest;\n"
    "             once continued, wait for SIGCHLD (ingot run --gdb sends\n"
    "             it when gdbserver is attached)\n"
    "  --stop-timeout SECONDS\n"
    "             after SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1 or\n"
    "             SIGUSR2 (each reaches the guest), end the run with 137\n"
    "             if it has not ended this long later (ingot run\n"
    "             --stop-timeout)\n"
    "  -v         report each confinement step on stderr\n"
    "\n"
    "Exit status: the app's; 125 if the tender fails before the guest runs;\n"
    "159 (128 + SIGSYS) when the guest makes a forbidden system call; 255\n"
    "when it crashes.\n";

static _Noreturn void fail(const char *what, const char *why)
{
    fprintf(stderr, "ingot-pico: %s: %s\n", what, why);
    exit(IG_PICO_STATUS_FAIL);
}

static int parse_size(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;
    int shift = 0;

    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    if (*end == 'k' || *end == 'K')
        shift = 10;
    else if (*end == 'm' || *end == 'M')
        shift = 20;
    else if (*end == 'g' || *end == 'G')
        shift = 30;
    if (shift)
        end++;
    if (*end || v > (UINT64_MAX >> shift))
        return -1;
    v <<= shift;
    *out = v;
    return 0;
}

static void *map_rw(uint64_t len, const char *what)
{
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        fail(what, strerror(errno));
    return p;
}

/* Enters the guest on its stack: a zero return address ends backtraces,
 * and %rsp then looks as it does right after a call. */
static _Noreturn void jump(uint64_t entry, uint64_t sp, struct ig_pico_boot *b)
{
    __asm__ volatile("mov %0, %%rsp\n\t"
                     "pushq $0\n\t"
                     "xor %%ebp, %%ebp\n\t"
                     "jmp *%1"
                     :
                     : "S"(sp), "d"(entry), "D"(b)
                     : "memory");
    __builtin_unreachable();
}

/* --gdb-stop: stops (SIGSTOP tells ingot run the image is mapped), then,
 * continued, waits for SIGCHLD, which ingot run sends once gdbserver is
 * attached.  Continued before the attach, the debugger meets a running
 * process and no stop signal is left over for it to report; taken by
 * sigwaitinfo, the SIGCHLD never reaches the debugger either. */
static void wait_for_debugger(void)
{
    sigset_t chld, old;

    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    raise(SIGSTOP);
    while (sigwaitinfo(&chld, NULL) < 0)
        ;
    sigprocmask(SIG_SETMASK, &old, NULL);
}

int main(int argc, char **argv)
{
    struct ig_tender_image img;
    struct ig_pico_boot *boot;
    uint64_t mem = MEM_DEFAULT, budget;
    static const struct option longopts[] = {
        {"initrd", required_argument, NULL, 'i'},
        {"volume", required_argument, NULL, 'V'},
        {"volume-ro", required_argument, NULL, 'R'},
        {"tap", required_argument, NULL, 't'},
        {"mac", required_argument, NULL, 'M'},
        {"gdb-stop", no_argument, NULL, 'G'},
        {"tty", no_argument, NULL, 'T'},
        {"stop-timeout", required_argument, NULL, 'S'},
        {"initrd-unlink", no_argument, NULL, 'U'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    struct ig_tender_volume vols[IG_PICO_VOLUMES_MAX];
    int nvols = 0;
    uint64_t initrd_len = 0;
    const char *path, *cmdline = "", *initrd = NULL, *tap = NULL;
    const char *mac = NULL;
    uint8_t macb[6];
    char err[512], *stack;
    int verbose = 0, opt, initrd_fd = -1, gdb_stop = 0, tty = 0;
    int initrd_unlink = 0;
    long stop_timeout = -1;

    opterr = 0; /* a bad option is one line below, not getopt's two */
    while ((opt = getopt_long(argc, argv, "+:hm:v", longopts, NULL)) != -1) {
        switch (opt) {
        case 'i':
            initrd = optarg;
            break;
        case 'V':
        case 'R':
            if (nvols == IG_PICO_VOLUMES_MAX)
                fail(optarg, "too many volumes (at most 16)");
            if (ig_tender_volume_parse(optarg, opt == 'R', &vols[nvols], err,
                                       sizeof(err)) < 0)
                fail(optarg, err);
            nvols++;
            break;
        case 't':
            tap = optarg;
            break;
        case 'M':
            mac = optarg;
            if (strlen(mac) != 17 ||
                sscanf(mac, "%2hhx:%2hhx:%2hhx:%2hhx:%2hhx:%2hhx", &macb[0],
                       &macb[1], &macb[2], &macb[3], &macb[4], &macb[5]) != 6 ||
                (macb[0] & 1))
                fail(mac, "not a unicast MAC address (like 02:42:ac:11:00:02)");
            break;
        case 'm':
            if (parse_size(optarg, &mem) < 0)
                fail(optarg, "not a size (BYTES, or with K, M or G)");
            break;
        case 'v':
            verbose = 1;
            break;
        case 'G':
            gdb_stop = 1;
            break;
        case 'T':
            if (!isatty(STDIN_FILENO))
                fail("--tty", "standard input is not a terminal");
            tty = 1;
            break;
        case 'U':
            initrd_unlink = 1;
            break;
        case 'S': {
            char *end;
            errno = 0;
            stop_timeout = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || stop_timeout < 0 ||
                stop_timeout > STOP_TIMEOUT_MAX)
                fail("--stop-timeout", "not whole seconds from 0 to 86400");
            break;
        }
        case 'h':
            fputs(usage, stdout);
            return 0;
        case ':':
            fail(argv[optind - 1], "needs a value (see ingot-pico --help)");
        default:
            fail(argv[optind - 1], "unknown option (see ingot-pico --help)");
        }
    }
    if (optind >= argc)
        fail("IMAGE", "missing (see ingot-pico --help)");
    if (argc - optind > 2)
        fail(argv[optind + 2], "unexpected argument: the guest's command "
                               "line is one argument (see ingot-pico --help)");
    path = argv[optind];
    if (optind + 1 < argc)
        cmdline = argv[optind + 1];
    if (strlen(cmdline) >= IG_PICO_CMDLINE_MAX)
        fail("command line", "longer than 131071 bytes");
    /* struct ig_pico_boot, then the command line in the pages after it. */
    size_t boot_pages = 1 + (strlen(cmdline) + IG_TENDER_PAGE) / IG_TENDER_PAGE;
    if (mem < MEM_MIN)
        fail("-m", "at least 2M is needed");
    /* Volume directories become descriptors 3, 4 ...: nothing inherited
     * stays open, and the guest knows them from the boot page. */
    if (nvols)
        syscall(SYS_close_range, 3, ~0u, 0);
    /* The initrd first: a temporary archive (--initrd-unlink) is gone as
     * soon as it is open, before anything else can fail.  Its descriptor
     * moves above those the volumes and the tap device take. */
    if (initrd) {
        int r = ig_tender_initrd_open(initrd, &initrd_fd, &initrd_len, err,
                                      sizeof(err));
        if (initrd_unlink)
            unlink(initrd);
        if (r == 0) {
            int high =
                fcntl(initrd_fd, F_DUPFD_CLOEXEC, 3 + IG_PICO_VOLUMES_MAX + 1);
            if (high < 0)
                snprintf(err, sizeof(err), "%s", strerror(errno));
            close(initrd_fd);
            initrd_fd = high;
            r = high < 0 ? -1 : 0;
        }
        if (r < 0) {
            char what[512];

            snprintf(what, sizeof(what), "--initrd %s", initrd);
            fail(what, err);
        }
    }
    for (int i = 0; i < nvols; i++)
        if (ig_tender_volume_open(&vols[i], 3 + i, err, sizeof(err)) < 0)
            fail(vols[i].dir, err);

    if (ig_tender_load(path, &img, err, sizeof(err)) < 0)
        fail(path, err);

    /* -m is the whole guest, as on kvm: image, initrd, stack and heap. */
    size_t stack_size = (size_t)(mem / 32) & ~(size_t)(IG_TENDER_PAGE - 1);
    if (stack_size < IG_PICO_STACK_MIN)
        stack_size = IG_PICO_STACK_MIN;
    if (stack_size > IG_PICO_STACK_MAX)
        stack_size = IG_PICO_STACK_MAX;
    if (initrd_len > mem)
        fail("-m", "too small for this initrd");
    budget = (img.hi - img.lo) +
             ((initrd_len + IG_TENDER_PAGE - 1) & ~(IG_TENDER_PAGE - 1)) +
             IG_TENDER_PAGE + stack_size + boot_pages * IG_TENDER_PAGE;
    if (budget + (1u << 20) > mem)
        fail("-m", initrd_len ? "too small for this image and initrd plus 1 "
                                "MiB of heap"
                              : "too small for this image plus 1 MiB of heap");

    boot = map_rw(boot_pages * IG_TENDER_PAGE, "boot page");
    stack = map_rw(IG_TENDER_PAGE + stack_size, "stack");
    if (mprotect(stack, IG_TENDER_PAGE, PROT_NONE) < 0)
        fail("stack guard", strerror(errno));
    if (initrd_fd >= 0 && initrd_len == 0)
        close(initrd_fd); /* empty: no initrd, the root starts empty */
    else if (initrd_fd >= 0) {
        if (ig_tender_initrd_read(initrd_fd, initrd_len, &boot->initrd_base,
                                  err, sizeof(err)) < 0) {
            char what[512];

            snprintf(what, sizeof(what), "--initrd %s", initrd);
            fail(what, err);
        }
        boot->initrd_len = initrd_len;
    }
    boot->magic = IG_PICO_BOOT_MAGIC;
    boot->version = IG_PICO_ABI_VERSION;
    boot->size = sizeof(*boot);
    boot->stacks_count = (uint32_t)((mem - budget) / 4 / STACK_SLOT);
    if (boot->stacks_count > STACK_SLOTS_MAX)
        boot->stacks_count = STACK_SLOTS_MAX;
    /* The thread stacks lie right above the guest's memory, in the reach
     * of its mprotect (memory.c): the guest puts each slot's guard page
     * in place before the slot's first use (pico_abi.h).  Placing all of
     * them here, used or not, took 123 madvise(MADV_GUARD_INSTALL) calls
     * at -m 64M, 11% of the tender's CPU even as one process_madvise(). */
    uint64_t pool_len = (uint64_t)boot->stacks_count * STACK_SLOT;
    if (boot->stacks_count) {
        boot->stacks_slot = STACK_SLOT;
        budget += pool_len;
    }
    if (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE)
        boot->flags |= IG_PICO_F_FSGSBASE;
    if (tty)
        boot->flags |= IG_PICO_F_TTY;
    /* glibc keeps its TCB's own address at %fs:0. */
    __asm__("mov %%fs:0, %0" : "=r"(boot->tender_fs));
    boot->mem_len = (mem - budget) & ~(IG_TENDER_PAGE - 1);
    boot->mem_base = (uint64_t)(uintptr_t)ig_tender_mem_map(
        boot->mem_len + pool_len, img.fd);
    if (!boot->mem_base)
        fail("memory", strerror(errno));
    close(img.fd);
    if (boot->stacks_count)
        boot->stacks_base = boot->mem_base + boot->mem_len;
    boot->stack_lo = (uint64_t)(uintptr_t)(stack + IG_TENDER_PAGE);
    boot->stack_hi = boot->stack_lo + stack_size;
    boot->console_fd = STDOUT_FILENO;
    boot->stdin_fd = fcntl(STDIN_FILENO, F_GETFD) >= 0 ? STDIN_FILENO : -1;
    for (int fd = 0; fd < 3; fd++)
        if (isatty(fd))
            boot->tty |= 1u << fd;
    boot->tap_fd = -1;
    if (tap && ig_tender_tap_open(tap, 3 + nvols, boot, err, sizeof(err)) < 0) {
        char what[512];

        snprintf(what, sizeof(what), "--tap %s", tap);
        fail(what, err);
    }
    if (tap && mac)
        memcpy(boot->tap_mac, macb, sizeof(macb));
    memcpy((char *)boot + IG_TENDER_PAGE, cmdline, strlen(cmdline) + 1);
    boot->cmdline = (uint64_t)(uintptr_t)boot + IG_TENDER_PAGE;
    boot->fault_entry = 0;
    boot->symtab = img.symtab;
    boot->nsyms = img.nsyms;
    boot->strtab = img.strtab;
    boot->strtab_len = img.strtab_len;
    boot->code_lo = img.code_lo;
    boot->code_hi = img.code_hi;
    boot->vdso_clock_gettime = ig_tender_vdso_clock();
    boot->nvolumes = (uint32_t)nvols;
    for (int i = 0; i < nvols; i++) {
        boot->volumes[i].fd = vols[i].fd;
        boot->volumes[i].flags = vols[i].ro ? IG_PICO_VOL_RDONLY : 0;
        memcpy(boot->volumes[i].tag, vols[i].tag, sizeof(vols[i].tag));
    }

    if (ig_tender_faults_install(boot, img.lo, img.hi, stop_timeout) < 0)
        fail("signal handlers", strerror(errno));
    if (verbose)
        fprintf(stderr,
                "ingot-pico: image 0x%llx-0x%llx entry 0x%llx, memory "
                "%llu KiB at %p, initrd %llu bytes at %p\n",
                (unsigned long long)img.lo, (unsigned long long)img.hi,
                (unsigned long long)img.entry,
                (unsigned long long)(boot->mem_len >> 10),
                (void *)(uintptr_t)boot->mem_base,
                (unsigned long long)boot->initrd_len,
                (void *)(uintptr_t)boot->initrd_base);
    /* Nothing the tender opened (or inherited) beyond stdio, the volumes
     * and the tap device stays open. */
    syscall(SYS_close_range,
            3 + (unsigned)nvols + (boot->tap_fd >= 0 ? 1u : 0u), ~0u, 0);
    fflush(stdout);
    if (gdb_stop) {
        /* A debugger that is not our ancestor (gdbserver, started by ingot
         * run) may attach where Yama restricts ptrace.  The guest has not
         * run; once gdb continues, confinement follows as always, and
         * ptrace from outside is not subject to this process's filter. */
        prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
        wait_for_debugger();
    }
    if (ig_tender_confine(vols, nvols, boot->tap_fd, tty, stop_timeout, verbose,
                          boot->mem_base, boot->mem_len + pool_len) < 0)
        return IG_PICO_STATUS_FAIL;
    jump(img.entry, boot->stack_hi, boot);
}
