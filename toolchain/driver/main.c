/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* main.c: ingot-cc, a cc-compatible driver that builds bootable images. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>
#include <ingot/host_config.h>
#include <ingot/host_image.h>

#include "cc.h"

static const char usage[] =
    "Usage: ingot-cc [options] file...\n"
    "Compile C and assembly sources and link them with the Ingot library OS\n"
    "into a bootable image, like cc.  Run the image with `ingot run IMAGE`.\n"
    "\n"
    "  -o FILE            write the output to FILE (default a.out)\n"
    "  -c, -S, -E         compile, compile to assembly, or preprocess only\n"
    "  --platform=NAME    platform to link for (default kvm)\n"
    "  --rootfs=DIR       embed DIR as the image's root file system\n"
    "  -v                 print each command before running it, and the\n"
    "                     library-OS components selected and why\n"
    "  -Wno-ingot-unsupported, -Werror=ingot-unsupported\n"
    "                     do not report, or refuse to link, calls to APIs a\n"
    "                     single-process unikernel lacks (fork, exec*, ...;\n"
    "                     a warning by default; see docs/porting.md)\n"
    "  --help, --version  print this help or the version\n"
    "\n"
    "Passed to the compiler: -O*, -g*, -D, -U, -I, -isystem, -iquote,\n"
    "-include, -std=, -W*, -w, -f*, -m*, -x, -pipe, -pthread, -M* (dependency\n"
    "files).  Passed to the linker in order with the inputs: objects,\n"
    "archives, -L, -l, -Wl,*, -Xlinker, -u, -z, -s.  Accepted and ignored:\n"
    "-static, -no-pie, -nostdlib, -m64.  Refused because the image would not\n"
    "work: -m32, -mred-zone, -shared, -pie, -T, -fstack-protector*,\n"
    "-fsanitize=*, profiling.\n"
    "\n"
    "The libraries are found in <dir of ingot-cc>/../lib/ingot, or in\n"
    "$INGOT_LIBDIR; $INGOT_LIBCLANG names another libclang shared library.\n"
    "Exit status: the compiler's or linker's, 1 for ingot-cc's own errors.\n";

static int fail(const char *fmt, const char *a, const char *b)
{
    char line[1024];
    snprintf(line, sizeof(line), fmt, a, b);
    ig_host_error("%s", line);
    return 1;
}

static int exists(const char *path, int want_dir)
{
    struct stat st;
    return stat(path, &st) == 0 &&
           (want_dir ? S_ISDIR(st.st_mode) : !S_ISDIR(st.st_mode));
}

/* Lists the platforms built in (libdir), for the "not available" message:
 * those of the table whose archive is there. */
static void list_platforms(const char *libdir, char *buf, size_t len)
{
    const struct ig_plat *p;
    size_t used = 0;

    buf[0] = '\0';
    for (size_t i = 0; (p = ig_plat_at(i)); i++) {
        char *lib = ig_host_path(libdir, p->archive);
        if (exists(lib, 0) && used + strlen(p->name) + 3 < len)
            used += (size_t)snprintf(buf + used, len - used, "%s%s",
                                     used ? ", " : "", p->name);
        free(lib);
    }
    if (!used)
        snprintf(buf, len, "none");
}

static int check_file(const char *path, const char *what)
{
    if (exists(path, 0))
        return 0;
    return fail("%s: missing: %s", path, what);
}

/* The files every link needs, so a half-built tree fails in one clear line
 * rather than with a page of undefined references. */
static int check_link_files(const char *libdir, const struct ig_plat *plat)
{
    char *ld = ig_host_path(libdir, plat->ldscript);
    char *lib = ig_host_path(libdir, plat->archive);
    char *what = ig_xasprintf("the %s platform is not built", plat->name);
    int r = check_file(ld, what) || check_file(lib, what);
    free(ld), free(lib), free(what);
    if (r)
        return r;
    static const char *const need[] = {"libingot-core.a",
                                       "libingot-console.a",
                                       "libingot-mm.a",
                                       "libingot-libc.a",
                                       IG_HOST_NEWLIB_LIB "/libc.a",
                                       IG_HOST_NEWLIB_LIB "/libm.a",
                                       "analysis/components.json"};
    for (size_t i = 0; i < sizeof(need) / sizeof(need[0]) && !r; i++) {
        char *p = ig_host_path(libdir, need[i]);
        r = check_file(p, "the library OS is not built");
        free(p);
    }
    return r;
}

/* Removes the private temporary directory and everything in it. */
static void remove_tmp(const char *tmp)
{
    DIR *d = opendir(tmp);
    struct dirent *e;

    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlinkat(dirfd(d), e->d_name, 0);
    }
    if (d)
        closedir(d);
    rmdir(tmp);
}

static int run(struct ig_strvec *cmd, int verbose)
{
    int r = ig_proc_run(ig_strvec_argv(cmd), verbose);
    if (r < 0)
        return fail("%s: %s", cmd->v[0], strerror(-r));
    return r;
}

/* Links into the output, or, when the output exists and is not a regular
 * file (-o /dev/null, a pipe), into a temporary image whose bytes are then
 * written there: the note is rewritten in place and a failed link removes
 * its output, which must never happen to /dev/null. */
static int link_to_output(struct ig_cc *cc, const char *libdir, const char *tmp,
                          char **objs, const char *rootfs_obj)
{
    struct stat st;
    const char *out = ig_cc_output(cc);
    if (stat(out, &st) < 0 || S_ISREG(st.st_mode))
        return ig_cc_link(cc, libdir, tmp, objs, rootfs_obj);

    struct ig_cc c = *cc;
    char *img = ig_host_path(tmp, "image.out");
    c.output = img;
    int r = ig_cc_link(&c, libdir, tmp, objs, rootfs_obj);
    int in = r ? -1 : open(img, O_RDONLY | O_CLOEXEC);
    int o = in >= 0 ? open(out, O_WRONLY | O_CLOEXEC) : -1;
    char buf[65536];
    ssize_t n = 0;
    while (o >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
        if (write(o, buf, (size_t)n) != n) {
            n = -1;
            break;
        }
    if (!r && (in < 0 || o < 0 || n < 0))
        r = fail("%s: %s", out, strerror(errno));
    if (o >= 0)
        close(o);
    if (in >= 0)
        close(in);
    unlink(img);
    free(img);
    return r;
}

/* One source's dependency rules appended to (out); 0 or -1 (reported). */
static int append_file(FILE *out, const char *path)
{
    FILE *in = fopen(path, "r");
    char buf[8192];
    size_t n;

    if (!in)
        return fail("%s: %s", path, strerror(errno));
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            break;
    int bad = ferror(in) || ferror(out);
    fclose(in);
    return bad ? fail("%s: %s", path, strerror(EIO)) : 0;
}

/* -MD with several sources in one compile-and-link: gcc writes each
 * source's rules over the previous one's, so a build system reading the
 * file would miss every header but the last source's.  Each source wrote
 * its own file in (tmp) (i-deps.d, for the sources' indexes i); here they
 * become the one file, in the sources' order.  0 or the exit status. */
static int merge_deps(const struct ig_cc *cc, const char *tmp)
{
    char *path = ig_cc_deps_file(cc);
    char *part = ig_xasprintf("%s.ingot-cc-tmp", path);
    FILE *out = fopen(part, "w");
    int r = out ? 0 : fail("%s: %s", part, strerror(errno));

    for (size_t i = 0; !r && i < cc->nitems; i++) {
        if (cc->items[i].kind != IG_CC_SOURCE)
            continue;
        char *d = ig_xasprintf("%s/%zu-deps.d", tmp, i);
        r = append_file(out, d);
        free(d);
    }
    if (out && fclose(out) != 0 && !r)
        r = fail("%s: %s", part, strerror(errno));
    if (!r && rename(part, path) != 0)
        r = fail("%s: %s", path, strerror(errno));
    if (r)
        unlink(part);
    free(part);
    free(path);
    return r;
}

static int compile_and_link(struct ig_cc *cc, const char *libdir)
{
    struct ig_strvec cmd = {0};
    int r = check_link_files(libdir, ig_plat_find(cc->platform));
    if (r)
        return r;

    const char *base = getenv("TMPDIR");
    char *tmp =
        ig_xasprintf("%s/ingot-cc.XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmp)) {
        r = fail("%s: %s", tmp, strerror(errno));
        free(tmp);
        return r;
    }

    /* Like cc, compile every source even after one fails, so all the
     * errors show; only an interrupt stops early. */
    size_t nsrc = 0;
    for (size_t i = 0; i < cc->nitems; i++)
        nsrc += cc->items[i].kind == IG_CC_SOURCE;
    int split_deps = cc->deps && nsrc > 1;
    char **objs = ig_xmalloc(cc->nitems * sizeof(*objs));
    for (size_t i = 0; i < cc->nitems; i++) {
        const struct ig_cc_item *it = &cc->items[i];
        objs[i] = NULL;
        if (it->kind != IG_CC_SOURCE || ig_proc_forwarded())
            continue;
        const char *slash = strrchr(it->arg, '/');
        const char *name =
            strcmp(it->arg, "-") ? (slash ? slash + 1 : it->arg) : "stdin";
        const char *dot = strrchr(name, '.');
        int stem =
            (int)(dot && dot != name ? (size_t)(dot - name) : strlen(name));
        objs[i] = ig_xasprintf("%s/%zu-%.*s.o", tmp, i, stem, name);
        ig_cc_source_cmd(&cmd, cc, libdir, it, objs[i]);
        if (split_deps) { /* the last -MF is the one the compiler uses */
            ig_strvec_push(&cmd, "-MF");
            ig_strvec_pushf(&cmd, "%s/%zu-deps.d", tmp, i);
        }
        int st = run(&cmd, cc->verbose);
        if (!r)
            r = st;
        ig_strvec_free(&cmd);
    }
    char *rootfs_obj = NULL;
    if (!r && cc->rootfs && !ig_proc_forwarded()) {
        char err[1024];
        char *cpio = ig_xasprintf("%s/rootfs.cpio", tmp);
        char *asm_path = ig_xasprintf("%s/rootfs.s", tmp);
        rootfs_obj = ig_xasprintf("%s/rootfs.o", tmp);
        if (ig_cc_rootfs_write(cc->rootfs, cpio, asm_path, cc->verbose, err,
                               sizeof(err)) < 0) {
            ig_host_error("%s", err);
            r = 1;
        } else {
            ig_cc_rootfs_cmd(&cmd, asm_path, rootfs_obj);
            r = run(&cmd, cc->verbose);
            ig_strvec_free(&cmd);
        }
        free(cpio);
        free(asm_path);
    }
    if (!r && split_deps && !ig_proc_forwarded())
        r = merge_deps(cc, tmp);
    if (!r && !ig_proc_forwarded())
        r = link_to_output(cc, libdir, tmp, objs, rootfs_obj);
    remove_tmp(tmp);
    free(rootfs_obj);
    for (size_t i = 0; i < cc->nitems; i++)
        free(objs[i]);
    free(objs);
    free(tmp);
    return r;
}

/* --version: ours, then the compiler's own, which says which compiler
 * the image's code is compiled by (Meson and configure scripts identify
 * the compiler family from it).  -v alone: ours with the target and the
 * directories, then the compiler's -v, all on stderr as gcc does. */
static int version(int verbose, const char *libdir)
{
    FILE *out = verbose ? stderr : stdout;
    fprintf(out, "ingot-cc version %s\n", IG_HOST_VERSION);
    if (verbose)
        fprintf(stderr, "Target: %s\nCompiler: %s\nLibrary directory: %s\n",
                IG_CC_MACHINE, IG_HOST_TARGET_CC,
                libdir ? libdir : "(unknown)");
    fflush(out);
    char *argv[] = {(char *)IG_HOST_TARGET_CC,
                    (char *)(verbose ? "-v" : "--version"), NULL};
    struct ig_proc_opts o;
    pid_t pid;
    ig_proc_opts_init(&o);
    if (verbose)
        o.stdout_fd = STDERR_FILENO;
    if (ig_proc_spawn(argv, &o, &pid) == 0)
        ig_proc_wait(pid, NULL);
    return 0;
}

int main(int argc, char **argv)
{
    struct ig_cc cc;
    char err[512];
    int r;

    ig_host_set_prog("ingot-cc", 1);
    if (ig_cc_parse(&cc, argc, argv, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        ig_cc_free(&cc);
        return 1;
    }
    if (cc.help) {
        fputs(usage, stdout);
        ig_cc_free(&cc);
        return 0;
    }

    char *libdir = ig_host_libdir();
    if (cc.version || (cc.verbose && cc.ninputs == 0 && cc.query.n == 0)) {
        r = version(cc.verbose, libdir);
        goto out;
    }
    /* Only linker flags: -Wl,--version and -Wl,-v ask the linker who it
     * is (Meson does); the compiler driver passes them on as cc would. */
    int only_wl = cc.ninputs == 0 && cc.query.n == 0 && cc.nitems > 0 &&
                  cc.mode == IG_CC_LINK;
    for (size_t i = 0; only_wl && i < cc.nitems; i++)
        only_wl = strncmp(cc.items[i].arg, "-Wl,", 4) == 0;
    if (only_wl) {
        struct ig_strvec ld = {0};
        ig_strvec_push(&ld, IG_HOST_TARGET_CC);
        for (size_t i = 0; i < cc.nitems; i++)
            ig_strvec_push(&ld, cc.items[i].arg);
        r = run(&ld, cc.verbose);
        ig_strvec_free(&ld);
        goto out;
    }
    r = 1;
    /* The user's mistakes first, as cc reports them, then the toolchain's. */
    if (cc.ninputs == 0 && cc.query.n == 0) {
        ig_host_error("no input files");
        goto out;
    }
    for (size_t i = 0; i < cc.nitems; i++) {
        const char *in = cc.items[i].arg;
        if (cc.items[i].kind != IG_CC_LINK_FLAG && strcmp(in, "-") &&
            access(in, R_OK) < 0) {
            fail("%s: %s", in, strerror(errno));
            goto out;
        }
        /* ld's own complaints about a bad object run to several lines and
         * can mislead ("treating as linker script"); say it in one. */
        char why[200];
        if (cc.mode == IG_CC_LINK && cc.items[i].kind == IG_CC_LINK_INPUT &&
            ig_object_check(in, why, sizeof(why)) < 0) {
            fail("%s: %s", in, why);
            goto out;
        }
    }
    if (cc.rootfs && ig_cc_rootfs_check(cc.rootfs, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        goto out;
    }
    if (!libdir) {
        ig_host_error("/proc/self/exe: %s", strerror(errno));
        goto out;
    }
    if (!exists(libdir, 1)) {
        fail("%s: %s", libdir,
             "library directory not found (build Ingot or set INGOT_LIBDIR)");
        goto out;
    }
    const struct ig_plat *plat = ig_plat_find(cc.platform);
    char *platdir = plat ? ig_host_path(libdir, plat->name) : NULL;
    int have = platdir && exists(platdir, 1);
    free(platdir);
    if (!have) {
        char list[256];
        list_platforms(libdir, list, sizeof(list));
        ig_host_error("--platform=%s: platform not available (available: %s)",
                      cc.platform, list);
        goto out;
    }

    struct ig_strvec cmd = {0};
    if (cc.query.n) {
        r = ig_cc_query(&cc, libdir);
        goto out;
    }
    char *inc = ig_host_path(libdir, IG_HOST_NEWLIB_INCLUDE "/stdio.h");
    r = check_file(inc, "newlib is not built");
    free(inc);
    if (r)
        goto out;

    /* Unsupported APIs are reported before anything is compiled, so an
     * error leaves no output behind. */
    r = ig_cc_analyze(&cc, libdir);
    if (r)
        goto out;
    if (cc.mode != IG_CC_LINK) {
        ig_cc_compile_only_cmd(&cmd, &cc, libdir);
        r = run(&cmd, cc.verbose);
        ig_strvec_free(&cmd);
    } else {
        r = compile_and_link(&cc, libdir);
    }

out:
    free(libdir);
    ig_cc_free(&cc);
    /* Die of the signal that stopped the compiler, after cleaning up, so
     * make sees an interrupted build rather than a failed one. */
    int sig = ig_proc_forwarded();
    if (sig) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
    return r;
}
