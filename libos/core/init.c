/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* init.c: the library OS's boot sequence, from platform hand-off to main. */
#include <ingot/cmdline.h>
#include <ingot/console.h>
#include <ingot/mm.h>
#include <ingot/panic.h>
#include <ingot/plat.h>
#include <ingot/sched.h>
#include <ingot/signal.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define IG_CMDLINE_MAX 4096

extern int main(int argc, char **argv, char **envp);
extern void ig_libc_init_array(void);
extern void ig_libc_fini_array(void);
extern char **environ;
/* The network (libos/net) is linked only when the app uses sockets; these
 * weak references stay NULL otherwise (<ingot/net.h>). */
extern int ig_net_option(const char *opt) __attribute__((weak));
extern int ig_net_init(void) __attribute__((weak));
/* Volumes (the vol. options) likewise come only with the file API. */
extern int ig_vfs_option(const char *opt) __attribute__((weak));

/* The command line is parsed into static storage: it is needed before the
 * heap could fail, and argv must outlive main's frame for atexit handlers. */
static char cmdline_buf[IG_CMDLINE_MAX + 1];
static char *cmdline_store[IG_CMDLINE_MAX / 2 + 8];

static void setup_args(struct ig_cmdline *cl)
{
    const char *src = ig_plat_cmdline();
    size_t len = strlen(src);

    if (len > IG_CMDLINE_MAX) {
        ig_printk("ingot: command line is %zu bytes; the limit is %d\n", len,
                  IG_CMDLINE_MAX);
        ig_plat_exit(255);
    }
    memcpy(cmdline_buf, src, len + 1);
    int err = ig_cmdline_parse(cmdline_buf, cmdline_store,
                               sizeof(cmdline_store) / sizeof(char *), cl);
    if (err) {
        ig_printk("ingot: bad command line: %s: \"%s\"\n",
                  err == -E2BIG ? "too many arguments"
                                : "unterminated quote or env. without '='",
                  src);
        ig_plat_exit(255);
    }
    for (int i = 0; i < cl->nunknown; i++) {
        const char *opt = cl->unknown[i];
        if (ig_net_option && strncmp(opt, "net.", 4) == 0) {
            if (ig_net_option(opt) < 0) {
                ig_printk("ingot: bad libos option '%s'\n", opt);
                ig_plat_exit(255);
            }
            continue;
        }
        if (!ig_vfs_option && strncmp(opt, "vol.", 4) == 0) {
            /* The app has no way to reach a volume: it opens no files. */
            ig_printk("ingot: ignoring volume option '%s': this image has "
                      "no volume support (ingot-cc links it into programs "
                      "that use the file API)\n",
                      opt);
            continue;
        }
        if (!ig_vfs_option || !ig_vfs_option(opt))
            ig_printk("ingot: ignoring unknown libos option '%s'\n", opt);
    }
}

/* With INGOT_BOOTTIME=1 in the environment (`ingot run -e
 * INGOT_BOOTTIME=1`), prints how long the platform and the library OS took
 * from entry to main, for `ingot bench boot`.  The variable stays visible to
 * the app. */
static void report_boottime(char **envp)
{
    for (char **e = envp; *e; e++) {
        if (strcmp(*e, "INGOT_BOOTTIME=1") == 0) {
            uint64_t ns = ig_plat_clock_since_entry();
            ig_printk("ingot: boottime %llu ns from entry to main\n",
                      (unsigned long long)ns);
            return;
        }
    }
}

_Noreturn void ig_libos_main(void)
{
    struct ig_cmdline cl;

    if (ig_mm_init() != 0) {
        ig_printk("ingot: no usable memory reported by the platform\n");
        ig_plat_exit(255);
    }
    /* Files before arguments: stdio's descriptors must exist before the
     * first message that is not a raw console write. */
    int err = ig_vfs_init();
    if (err) {
        ig_printk("ingot: cannot set up the file system: error %d\n", -err);
        ig_plat_exit(255);
    }
    /* Threads (TLS, newlib's reentrancy) before any constructor runs. */
    ig_sched_init();
    /* Host signals (SIGTERM from `ingot run`) end or reach the app from
     * here on. */
    ig_signal_init();
    setup_args(&cl);
    environ = cl.envp;
    if (ig_net_init && (err = ig_net_init()) != 0) {
        ig_printk("ingot: cannot start the network: error %d\n", -err);
        ig_plat_exit(255);
    }
    /* Destructors run at exit(), after the app's own atexit handlers. */
    atexit(ig_libc_fini_array);
    ig_libc_init_array();
    report_boottime(cl.envp);
    exit(main(cl.argc, cl.argv, cl.envp));
}
