/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc_query.c: the answers to -dumpmachine, -print-* and friends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/host_config.h>

#include "cc.h"

char *ig_cc_sysroot(const char *libdir)
{
    const char *env = getenv("INGOT_SYSROOT");
    if (env && *env)
        return ig_xstrdup(env);
    char *dir = realpath(libdir, NULL);
    char *s = ig_host_path(dir ? dir : libdir, "sysroot");
    free(dir);
    return s;
}

/* Runs the target compiler with one query (q) and returns its status. */
static int ask_compiler(const char *q, int verbose)
{
    char *argv[] = {(char *)IG_HOST_TARGET_CC, (char *)q, NULL};
    int r = ig_proc_run(argv, verbose);
    if (r < 0)
        ig_host_error("%s: %s", argv[0], strerror(-r));
    return r < 0 ? 1 : r;
}

/* The directories an image's libraries come from, in search order:
 * the sysroot's, the library OS's, newlib's. */
static void lib_dirs(const char *libdir, struct ig_strvec *out)
{
    char *sys = ig_cc_sysroot(libdir);
    ig_strvec_pushf(out, "%s/usr/lib", sys);
    ig_strvec_push(out, libdir);
    ig_strvec_pushf(out, "%s/%s", libdir, IG_HOST_NEWLIB_LIB);
    free(sys);
}

/* -print-file-name=NAME: the compiler's own directories (include,
 * include-fixed, plugin) from the compiler; else the first library
 * directory holding NAME, else NAME itself, as gcc says "not found". */
static int file_name(const char *libdir, const char *name, int verbose)
{
    if (!strcmp(name, "include") || !strcmp(name, "include-fixed") ||
        !strcmp(name, "plugin")) {
        char *q = ig_xasprintf("-print-file-name=%s", name);
        int r = ask_compiler(q, verbose);
        free(q);
        return r;
    }
    struct ig_strvec dirs = {0};
    char *found = NULL;
    lib_dirs(libdir, &dirs);
    for (size_t i = 0; i < dirs.n && !found && *name && !strchr(name, '/');
         i++) {
        found = ig_host_path(dirs.v[i], name);
        if (access(found, F_OK) != 0) {
            free(found);
            found = NULL;
        }
    }
    printf("%s\n", found ? found : name);
    free(found);
    ig_strvec_free(&dirs);
    return 0;
}

/* The libraries line names only the image's directories, never Linux's
 * (libtool and CMake search what it lists); the programs are the
 * compiler's. */
static int search_dirs(const char *libdir)
{
    struct ig_strvec dirs = {0};
    char line[8192];
    FILE *p = popen(IG_HOST_TARGET_CC " -print-search-dirs", "r");

    lib_dirs(libdir, &dirs);
    printf("install: %s/\n", libdir);
    while (p && fgets(line, sizeof(line), p))
        if (!strncmp(line, "programs: ", 10))
            fputs(line, stdout);
    if (p)
        pclose(p);
    printf("libraries: =");
    for (size_t i = 0; i < dirs.n; i++)
        printf("%s%s/", i ? ":" : "", dirs.v[i]);
    printf("\n");
    ig_strvec_free(&dirs);
    return 0;
}

int ig_cc_query(const struct ig_cc *cc, const char *libdir)
{
    int r = 0;
    for (size_t i = 0; i < cc->query.n && r == 0; i++) {
        const char *q = cc->query.v[i];
        fflush(stdout);
        if (!strcmp(q, "-dumpmachine")) {
            printf("%s\n", IG_CC_MACHINE);
        } else if (!strcmp(q, "-print-sysroot")) {
            char *s = ig_cc_sysroot(libdir);
            printf("%s\n", s);
            free(s);
        } else if (!strcmp(q, "-print-search-dirs")) {
            r = search_dirs(libdir);
        } else if (!strncmp(q, "-print-file-name=", 17)) {
            r = file_name(libdir, q + 17, cc->verbose);
        } else if (!strcmp(q, "-print-libgcc-file-name")) {
            printf("%s\n", IG_HOST_LIBGCC);
        } else if (!strcmp(q, "-print-multiarch")) {
            printf("\n"); /* no Linux multiarch directories */
        } else if (!strcmp(q, "-print-multi-directory") ||
                   !strcmp(q, "-print-multi-os-directory")) {
            printf(".\n");
        } else if (!strcmp(q, "-print-multi-lib")) {
            printf(".;\n");
        } else {
            /* -dumpversion, -print-prog-name=...: the compiler that
             * compiles the image's code answers. */
            r = ask_compiler(q, cc->verbose);
        }
    }
    fflush(stdout);
    return r;
}
