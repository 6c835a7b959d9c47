/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_pico.c: `ingot run` for pico images: start the tender, ingot-pico. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ingot/pico_abi.h>

#include "run.h"

char *ig_run_pico_tender(void)
{
    const char *env = getenv("INGOT_PICO");
    char self[PATH_MAX];
    ssize_t n;

    if (env && *env)
        return ig_xstrdup(env);
    /* Installed side by side in bin/, in the build tree and in a prefix. */
    n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n <= 0)
        return ig_xstrdup("ingot-pico");
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (slash)
        slash[1] = '\0';
    return ig_xasprintf("%singot-pico", slash ? self : "");
}

void ig_run_pico_argv(struct ig_strvec *out, const char *tender, uint64_t mem,
                      const char *initrd, const char *tap, const char *image,
                      const char *cmdline)
{
    if (tender) /* NULL: the caller pushed it, with options of its own */
        ig_strvec_push(out, tender);
    ig_strvec_push(out, "-m");
    ig_strvec_pushf(out, "%llu", (unsigned long long)mem);
    if (initrd) {
        ig_strvec_push(out, "--initrd");
        ig_strvec_push(out, initrd);
    }
    if (tap) {
        ig_strvec_push(out, "--tap");
        ig_strvec_push(out, tap);
    }
    ig_strvec_push(out, "--"); /* an image named "-x" is still an image */
    ig_strvec_push(out, image);
    ig_strvec_push(out, cmdline);
}

void ig_run_pico_volumes(struct ig_strvec *out, const struct ig_run_opts *o)
{
    for (int i = 0; i < o->nvols; i++) {
        ig_strvec_push(out, o->vols[i].ro ? "--volume-ro" : "--volume");
        ig_strvec_pushf(out, "v%d=%s", i, o->vols[i].host);
    }
}

/* A forwarded signal went to the guest, whose handler or default action
 * decided the status; only a tender that died of it answers 128+N. */
int ig_run_pico_status(const struct ig_run_end *e)
{
    if (e->killed)
        return 128 + SIGKILL;
    if (e->signalled == SIGPIPE) /* our stdout went away */
        return 128 + SIGPIPE;
    if (WIFSIGNALED(e->qemu_raw)) {
        int sig = WTERMSIG(e->qemu_raw);

        if (sig == e->signalled)
            return 128 + sig;
        /* SIGKILL from the kernel (out of memory) or SIGSYS from a filter
         * that kills: not the app's own doing, so say what happened. */
        ig_host_error("the pico tender was killed by signal %d (%s)", sig,
                      strsignal(sig));
        return 128 + sig;
    }
    return WEXITSTATUS(e->qemu_raw);
}
