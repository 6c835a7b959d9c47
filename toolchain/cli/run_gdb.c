/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_gdb.c: `ingot run --gdb` and `--core`: checks before the guest starts. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <ingot/host_image.h>
#include <ingot/host_plat.h>

#include "run.h"

/* Binds 127.0.0.1:(port) as the gdb server will (SO_REUSEADDR, as QEMU
 * and gdbserver set it).  Returns 0 or the errno. */
static int port_free(int port)
{
    struct sockaddr_in sa = {.sin_family = AF_INET,
                             .sin_port = htons((uint16_t)port),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int one = 1, err = 0;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (fd < 0)
        return errno;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 1) < 0)
        err = errno;
    close(fd);
    return err;
}

int ig_run_debug_prepare(const struct ig_run_opts *o, const struct ig_plat *p,
                         struct ig_image *img, const char *name)
{
    char err[512];

    if (o->core_dir &&
        ig_run_core_check_dir(o->core_dir, err, sizeof(err)) < 0) {
        ig_host_error("--core %s: %s", o->core_dir, err);
        return -1;
    }
    if (!o->gdb_port)
        return 0;
    if (p->gdb == IG_PLAT_GDB_NONE) {
        ig_host_error("--gdb: %s images cannot be debugged yet", p->name);
        return -1;
    }
    if (p->gdb == IG_PLAT_GDB_ATTACH && !o->dry_run) {
        char *g = ig_run_which("gdbserver");
        if (!g) {
            ig_host_error("--gdb: gdbserver: not found (install gdbserver)");
            return -1;
        }
        free(g);
    }
    if (o->dry_run)
        return 0;
    int e = port_free(o->gdb_port);
    if (e) {
        ig_host_error("--gdb=%d: cannot listen on 127.0.0.1:%d: %s (choose "
                      "another port with --gdb=PORT)",
                      o->gdb_port, o->gdb_port, strerror(e));
        return -1;
    }
    if (!ig_image_has_debug(img))
        fprintf(stderr,
                "ingot: warning: %s has no debug information (build it with "
                "ingot-cc -g); gdb will see function names only\n",
                name);
    /* The helper (guest threads, TLS) ships in the library directory. */
    char *libdir = ig_host_libdir();
    char *helper = libdir ? ig_xasprintf("%s/gdb/ingot-gdb.py", libdir) : NULL;
    char *x = helper && access(helper, R_OK) == 0
                  ? ig_xasprintf("-x %s ", helper)
                  : ig_xstrdup("");
    fprintf(stderr,
            "ingot: the guest waits for gdb on 127.0.0.1:%d: gdb %s%s -ex "
            "'target remote :%d' (docs/debugging.md)\n",
            o->gdb_port, x, name, o->gdb_port);
    free(x);
    free(helper);
    free(libdir);
    return 0;
}
