/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* init.c: the library OS's boot sequence, from platform hand-off to main. */
#include <ingot/cmdline.h>
#include <ingot/component.h>
#include <ingot/console.h>
#include <ingot/libc.h>
#include <ingot/mm.h>
#include <ingot/panic.h>
#include <ingot/plat.h>
#include <ingot/sched.h>
#include <ingot/signal.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern int main(int argc, char **argv, char **envp);
extern char **environ;

/* The command line is parsed into heap memory sized for it (it may be
 * 128 KiB: a configure run's environment); argv must outlive main's frame
 * for atexit handlers, so it is never freed. */
/* hostname=NAME, user=USER[:GROUP] and the terminal's tty options: 0,
 * -EINVAL, or 1 when (opt) is none of them. */
static int process_option(const char *opt)
{
    if (strncmp(opt, "tty", 3) == 0)
        return ig_libc_tty_option(opt);
    if (strncmp(opt, "hostname=", 9) == 0)
        return sethostname(opt + 9, strlen(opt + 9)) == 0 ? 0 : -EINVAL;
    if (strncmp(opt, "user=", 5) == 0) {
        int r = ig_libc_set_user(opt + 5);
        if (r == -ENOENT) { /* as docker run: the boot stops */
            ig_printk("ingot: user %s: not in /etc/passwd or /etc/group\n",
                      opt + 5);
            ig_plat_exit(255);
        }
        return r;
    }
    return 1;
}

static void setup_args(struct ig_cmdline *cl)
{
    const char *src = ig_plat_cmdline();
    size_t len = strnlen(src, IG_CMDLINE_MAX);

    if (len >= IG_CMDLINE_MAX) {
        ig_printk("ingot: command line longer than %u bytes\n",
                  IG_CMDLINE_MAX - 1);
        ig_plat_exit(255);
    }
    size_t nstore = ig_cmdline_store_size(src);
    char *buf = malloc(len + 1);
    char **store = calloc(nstore, sizeof(char *));
    if (!buf || !store) {
        ig_printk("ingot: no memory for a command line of %zu bytes\n", len);
        ig_plat_exit(255);
    }
    memcpy(buf, src, len + 1);
    int err = ig_cmdline_parse(buf, store, nstore, cl);
    if (err) {
        ig_printk("ingot: bad command line: %s: \"%s\"\n",
                  err == -E2BIG ? "too many arguments"
                                : "unterminated quote or env. without '='",
                  src);
        ig_plat_exit(255);
    }
    /* The rest belong to the process itself (ingot run --hostname, -u)
     * or to the linked components (<ingot/component.h>). */
    for (int i = 0; i < cl->nunknown; i++) {
        const char *opt = cl->unknown[i];
        int r = process_option(opt);
        if (r > 0)
            r = ig_component_option(opt);
        if (r < 0) {
            ig_printk("ingot: bad libos option '%s'\n", opt);
            ig_plat_exit(255);
        }
        if (r > 0)
            ig_printk("ingot: ignoring unknown libos option '%s'\n", opt);
    }
}

/* The variables a container's process finds set (docker run's defaults),
 * unless the run set them (`ingot run -e`): PATH, HOME (root's, or the
 * -u user's from /etc/passwd, else /), HOSTNAME (--hostname's). */
static void default_env(void)
{
    char host[65]; /* HOST_NAME_MAX + 1 */
    const char *home = "/root";
    char *user_home = NULL;

    setenv("PATH",
           "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 0);
    if (getuid() != 0)
        home = (user_home = ig_libc_user_home()) ? user_home : "/";
    setenv("HOME", home, 0);
    free(user_home);
    if (gethostname(host, sizeof(host)) == 0)
        setenv("HOSTNAME", host, 0);
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

/* The program's name as glibc keeps it (libos/libc/crt.c). */
extern char *program_invocation_name, *program_invocation_short_name;

_Noreturn void ig_libos_main(void)
{
    struct ig_cmdline cl;
    const char *who;

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
    ig_libc_init();
    /* Host signals (SIGTERM from `ingot run`) end or reach the app from
     * here on. */
    ig_signal_init();
    setup_args(&cl);
    environ = cl.envp;
    if (cl.argc > 0) {
        char *slash = strrchr(cl.argv[0], '/');
        program_invocation_name = cl.argv[0];
        program_invocation_short_name = slash ? slash + 1 : cl.argv[0];
    }
    default_env();
    if ((err = ig_component_init_all(&who)) != 0) {
        ig_printk("ingot: cannot start %s: error %d\n", who, -err);
        ig_plat_exit(255);
    }
    /* Destructors run at exit(), after the app's own atexit handlers. */
    atexit(ig_libc_fini_array);
    ig_libc_init_array();
    report_boottime(cl.envp);
    exit(main(cl.argc, cl.argv, cl.envp));
}
