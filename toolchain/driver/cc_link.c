/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc_link.c: components, manifest note, link, sizes, missing symbols. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host_config.h>
#include <ingot/host_image.h>

#include "analyze.h"
#include "cc.h"
#include "cc_link.h"

/* The file item (i) links: the object compiled from a source, an input,
 * or for -lNAME the libNAME.a found in an -L directory given before it,
 * else in the sysroot (ld looks at ingot-cc's own directories last).
 * Returns a malloc'd path, or NULL. */
static char *input_path(const struct ig_cc_link *l, size_t i, char *const *objs)
{
    const struct ig_cc_item *it = &l->cc->items[i];
    if (it->kind == IG_CC_SOURCE)
        return objs[i] ? ig_xstrdup(objs[i]) : NULL;
    if (it->kind == IG_CC_LINK_INPUT)
        return ig_xstrdup(it->arg);
    if (strncmp(it->arg, "-l", 2) != 0)
        return NULL;
    const char *name = it->arg[2] ? it->arg + 2 : it->arg2;
    for (size_t k = 0; name && *name != ':' && k < i; k++) {
        const struct ig_cc_item *d = &l->cc->items[k];
        if (d->kind != IG_CC_LINK_FLAG || strncmp(d->arg, "-L", 2) != 0)
            continue;
        const char *dir = d->arg[2] ? d->arg + 2 : d->arg2;
        char *p = dir ? ig_xasprintf("%s/lib%s.a", dir, name) : NULL;
        if (p && access(p, R_OK) == 0)
            return p;
        free(p);
    }
    char *sys = ig_cc_sysroot(l->libdir);
    char *p = name && *name != ':'
                  ? ig_xasprintf("%s/usr/lib/lib%s.a", sys, name)
                  : NULL;
    free(sys);
    if (p && access(p, R_OK) == 0)
        return p;
    free(p);
    return NULL;
}

/* The undefined symbols of the program's own objects and archives. */
static int read_undef(struct ig_cc_link *l, char *const *objs)
{
    int r = 0;
    for (size_t i = 0; i < l->cc->nitems && r == 0; i++) {
        char *path = input_path(l, i, objs);
        const struct ig_cc_item *it = &l->cc->items[i];
        if (path)
            r = ig_an_syms_read(path,
                                it->kind == IG_CC_LINK_FLAG ? path : it->arg,
                                &l->undef, NULL, l->err, sizeof(l->err));
        free(path);
    }
    return r;
}

/* What the platform and the required components need, so an optional
 * component they call is selected too (weak references do not count, and
 * core reaches optional components only through their registrations,
 * <ingot/component.h>). */
static int read_libos_undef(struct ig_cc_link *l)
{
    const struct ig_plat *p = ig_plat_find(l->cc->platform);
    char *plat = ig_host_path(l->libdir, p->archive);
    int r = ig_an_syms_read(plat, strrchr(plat, '/') + 1, &l->undef, NULL,
                            l->err, sizeof(l->err));
    free(plat);
    for (size_t i = 0; i < l->comps.n && r == 0; i++) {
        char *a = ig_host_path(l->libdir, l->comps.c[i].archive);
        if (l->comps.c[i].required && access(a, F_OK) == 0)
            r = ig_an_syms_read(a, l->comps.c[i].archive, &l->undef, NULL,
                                l->err, sizeof(l->err));
        free(a);
    }
    return r;
}

/* The map file the user asked ld for (-Wl,-Map=F, -Wl,-Map,F, -Xlinker
 * -Map=F, -Xlinker -Map -Xlinker F), which ld writes instead of ours, or
 * NULL.  Returns a malloc'd path. */
static char *user_map(const struct ig_cc *cc)
{
    char *found = NULL;
    int next = 0; /* the map path is the next word */
    for (size_t i = 0; i < cc->nitems; i++) {
        const struct ig_cc_item *it = &cc->items[i];
        if (it->kind != IG_CC_LINK_FLAG)
            continue;
        char *words = NULL;
        if (strncmp(it->arg, "-Wl,", 4) == 0)
            words = ig_xstrdup(it->arg + 4);
        else if (strcmp(it->arg, "-Xlinker") == 0 && it->arg2)
            words = ig_xstrdup(it->arg2);
        else
            next = 0;
        char *save = NULL;
        for (char *w = words ? strtok_r(words, ",", &save) : NULL; w;
             w = strtok_r(NULL, ",", &save)) {
            const char *v = w + (strncmp(w, "--", 2) == 0);
            if (next) {
                free(found);
                found = ig_xstrdup(w);
                next = 0;
            } else if (strncmp(v, "-Map=", 5) == 0) {
                free(found);
                found = ig_xstrdup(v + 5);
            } else if (strcmp(v, "-Map") == 0) {
                next = 1;
            }
        }
        free(words);
    }
    return found;
}

/* Every symbol some link input defines, for naming the missing ones. */
static void read_defs(struct ig_cc_link *l, char *const *objs,
                      struct ig_an_syms *defs)
{
    char e[256];
    for (size_t i = 0; i < l->cc->nitems; i++) {
        char *path = input_path(l, i, objs);
        if (path)
            ig_an_syms_read(path, path, NULL, defs, e, sizeof(e));
        free(path);
    }
    for (size_t i = 0; i < l->libos.n; i++)
        if (l->libos.v[i][0] != '-')
            ig_an_syms_read(l->libos.v[i], l->libos.v[i], NULL, defs, e,
                            sizeof(e));
    for (size_t i = 0; i < l->extra.n; i++)
        ig_an_syms_read(l->extra.v[i], l->extra.v[i], NULL, defs, e, sizeof(e));
    const struct ig_plat *p = ig_plat_find(l->cc->platform);
    char *libs[] = {ig_host_path(l->libdir, p->archive),
                    ig_xasprintf("%s/%s/libc.a", l->libdir, IG_HOST_NEWLIB_LIB),
                    ig_xasprintf("%s/%s/libm.a", l->libdir, IG_HOST_NEWLIB_LIB),
                    ig_xstrdup(IG_HOST_LIBGCC)};
    for (size_t i = 0; i < sizeof(libs) / sizeof(*libs); i++) {
        ig_an_syms_read(libs[i], libs[i], NULL, defs, e, sizeof(e));
        free(libs[i]);
    }
}

/* Reads ld's messages (at most 1 MiB). */
static char *slurp(const char *path)
{
    char *buf = ig_xmalloc(1 << 20);
    size_t n = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t r;
    while (fd >= 0 && n < (1 << 20) - 1 &&
           (r = read(fd, buf + n, (1 << 20) - 1 - n)) > 0)
        n += (size_t)r;
    if (fd >= 0)
        close(fd);
    buf[n] = '\0';
    return buf;
}

/* After a failed link: the objects' undefined symbols that no input
 * defines and that ld complained about, one line each.  Returns how many
 * lines it printed. */
static size_t report_missing(struct ig_cc_link *l, char *const *objs,
                             const char *msgs)
{
    struct ig_an_syms defs = {0}, missing = {0};
    struct ig_an_table t = {0};
    char e[256];

    read_defs(l, objs, &defs);
    for (size_t i = 0; i < l->undef.n; i++) {
        char *quoted = ig_xasprintf("`%s'", l->undef.name[i]);
        if (strstr(msgs, quoted))
            ig_an_syms_add(&missing, l->undef.name[i], l->undef.where[i]);
        free(quoted);
    }
    char *path = ig_host_path(l->libdir, "analysis/unsupported.json");
    int have_t = ig_an_table_load(&t, path, e, sizeof(e)) == 0;
    size_t n =
        ig_an_missing_report(&missing, &defs, have_t ? &t : NULL, stderr);
    if (have_t)
        ig_an_table_free(&t);
    free(path);
    ig_an_syms_free(&defs);
    ig_an_syms_free(&missing);
    return n;
}

static int run_ld(struct ig_cc_link *l, struct ig_strvec *cmd,
                  const char *errfile)
{
    struct ig_proc_opts o;
    pid_t pid;

    if (l->cc->verbose) {
        char *line = ig_shquote_argv(ig_strvec_argv(cmd));
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    int fd = open(errfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        ig_host_error("%s: %s", errfile, strerror(errno));
        return 1;
    }
    ig_proc_opts_init(&o);
    o.stderr_fd = fd;
    ig_proc_forward_start();
    int r = ig_proc_spawn(ig_strvec_argv(cmd), &o, &pid);
    if (r == 0)
        r = ig_proc_wait(pid, NULL);
    ig_proc_forward_stop();
    close(fd);
    if (r < 0) {
        ig_host_error("%s: %s", cmd->v[0], strerror(-r));
        return 1;
    }
    return r;
}

/* After a failed link: selects the left-out components whose archive
 * defines a symbol ld reported undefined (something the program needs in
 * a way its objects do not show, like -Wl,-u).  Returns how many. */
static int rescue(struct ig_cc_link *l, const char *msgs)
{
    static const char *const marks[] = {"undefined reference to `",
                                        "required symbol `"};
    int n = 0;
    for (size_t i = 0; i < l->comps.n; i++) {
        struct ig_an_comp *c = &l->comps.c[i];
        struct ig_an_syms def = {0};
        char *a = ig_host_path(l->libdir, c->archive);
        char e[256];
        if (c->selected || !c->present ||
            ig_an_syms_read(a, c->archive, NULL, &def, e, sizeof(e)) < 0)
            def.n = 0;
        for (size_t k = 0; k < 2 && def.n && !c->selected; k++) {
            for (const char *p = msgs;
                 !c->selected && (p = strstr(p, marks[k]));) {
                p += strlen(marks[k]);
                size_t len = strcspn(p, "'\n");
                char *sym = ig_xasprintf("%.*s", (int)len, p);
                if (ig_an_syms_find(&def, sym) >= 0) {
                    c->selected = 1;
                    free(c->reason);
                    c->reason = ig_xasprintf("the link needs %s", sym);
                    n++;
                }
                free(sym);
            }
        }
        ig_an_syms_free(&def);
        free(a);
    }
    return n;
}

/* Links once with the components selected now; ld's messages go to
 * (*msgs).  Returns ld's status, or 1 after printing the reason. */
static int link_once(struct ig_cc_link *l, char *const *objs,
                     const char *rootfs_obj, struct ig_strvec *unlisted,
                     char **msgs)
{
    struct ig_strvec cmd = {0};
    const struct ig_cc *cc = l->cc;

    *msgs = ig_xstrdup("");
    ig_strvec_free(&l->libos);
    ig_strvec_free(&l->extra);
    for (size_t i = 0; i < l->comps.n; i++) {
        const struct ig_an_comp *c = &l->comps.c[i];
        if (c->selected && c->entry)
            ig_strvec_pushf(&l->libos, "-Wl,-u,%s", c->entry);
        if (c->selected)
            ig_strvec_pushf(&l->libos, "%s/%s", l->libdir, c->archive);
        if (cc->verbose)
            fprintf(stderr, "ingot-cc: component %s: %s: %s\n", c->name,
                    c->selected ? "selected" : "left out", c->reason);
    }
    for (size_t i = 0; i < unlisted->n; i++) {
        ig_strvec_push(&l->libos, unlisted->v[i]);
        if (cc->verbose)
            fprintf(stderr, "ingot-cc: %s: linked: not in components.json\n",
                    unlisted->v[i]);
    }
    if (rootfs_obj)
        ig_strvec_push(&l->extra, rootfs_obj);
    if (l->manifest)
        json_decref(l->manifest);
    ig_cc_manifest_build(l);
    if (ig_cc_manifest_object(l) < 0 || ig_cc_interp_object(l) < 0) {
        ig_host_error("%s", l->err);
        return 1;
    }

    char *map = user_map(cc);
    char *errfile = ig_host_path(l->tmp, "ld.err");
    ig_cc_link_cmd(&cmd, cc, l->libdir, objs, l->extra.v, l->extra.n,
                   l->libos.v, l->libos.n);
    if (!map) {
        map = ig_host_path(l->tmp, "image.map");
        ig_strvec_pushf(&cmd, "-Wl,-Map,%s", map);
    }
    int r = run_ld(l, &cmd, errfile);
    free(*msgs);
    *msgs = slurp(errfile);
    if (r == 0 && !ig_cc_wants_debug(cc) &&
        ig_image_prune_symbols(ig_cc_output(cc), l->err, sizeof(l->err)) < 0) {
        ig_host_error("%s", l->err);
        unlink(ig_cc_output(cc));
        r = 1;
    }
    if (r == 0 && ig_cc_manifest_finish(l, map) < 0) {
        fputs(*msgs, stderr);
        **msgs = '\0';
        ig_host_error("%s", l->err);
        unlink(ig_cc_output(cc));
        r = 1;
    }
    ig_strvec_free(&cmd);
    free(map);
    free(errfile);
    return r;
}

/* After a successful link: the listed APIs the program's own objects call
 * that the image still contains (the linker dropped unreachable code), in
 * one line.  APIs listed only for certain arguments (sigaction for
 * SIGCHLD) are left out: the call as written decides those. */
static void reach_summary(struct ig_cc_link *l, char *const *objs)
{
    struct ig_an_syms mine = {0}, img = {0};
    struct ig_an_table t;
    char e[256];
    char *path = ig_host_path(l->libdir, "analysis/unsupported.json");

    if (ig_an_table_load(&t, path, e, sizeof(e)) < 0) {
        free(path);
        return;
    }
    free(path);
    for (size_t i = 0; i < l->cc->nitems; i++) {
        char *in = input_path(l, i, objs);
        if (in)
            ig_an_syms_read(in, in, &mine, NULL, e, sizeof(e));
        free(in);
    }
    ig_an_syms_read(ig_cc_output(l->cc), "image", NULL, &img, e, sizeof(e));
    char *list = ig_xstrdup("");
    size_t n = 0;
    for (size_t i = 0; i < mine.n; i++) {
        const struct ig_an_api *a = ig_an_table_find(&t, mine.name[i]);
        if (!a || a->when.index >= 0 || a->unless.index >= 0 ||
            ig_an_syms_find(&img, mine.name[i]) < 0)
            continue;
        char *more =
            ig_xasprintf("%s%s%s", list, n++ ? ", " : "", mine.name[i]);
        free(list);
        list = more;
    }
    if (n)
        fprintf(stderr,
                "ingot-cc: note: %s can reach %zu API%s that fail%s at run "
                "time in an image: %s [-Wingot-unsupported]\n",
                ig_cc_output(l->cc), n, n > 1 ? "s" : "", n > 1 ? "" : "s",
                list);
    free(list);
    ig_an_syms_free(&mine);
    ig_an_syms_free(&img);
    ig_an_table_free(&t);
}

int ig_cc_link(const struct ig_cc *cc, const char *libdir, const char *tmp,
               char *const *objs, const char *rootfs_obj)
{
    struct ig_cc_link l = {.cc = cc, .libdir = libdir, .tmp = tmp};
    struct ig_strvec unlisted = {0};
    char *msgs = NULL;
    int r = 1;

    char *path = ig_host_path(libdir, "analysis/components.json");
    if (ig_an_comps_load(&l.comps, path, l.err, sizeof(l.err)) < 0 ||
        read_undef(&l, objs) < 0 || read_libos_undef(&l) < 0 ||
        ig_an_comp_select(&l.comps, libdir, &l.undef, &unlisted, l.err,
                          sizeof(l.err)) < 0) {
        ig_host_error("%s", l.err);
        goto out;
    }
    r = link_once(&l, objs, rootfs_obj, &unlisted, &msgs);
    if (r != 0 && !ig_proc_forwarded() && rescue(&l, msgs) > 0) {
        free(msgs);
        r = link_once(&l, objs, rootfs_obj, &unlisted, &msgs);
    }
    if (r == 0) {
        fputs(msgs, stderr);
        if (ig_cc_unsupported_severity(cc) != IG_AN_OFF)
            reach_summary(&l, objs);
    } else if (!ig_proc_forwarded() && report_missing(&l, objs, msgs) == 0)
        fputs(msgs, stderr);
out:
    free(msgs);
    free(path);
    if (l.manifest)
        json_decref(l.manifest);
    ig_strvec_free(&unlisted);
    ig_strvec_free(&l.libos);
    ig_strvec_free(&l.extra);
    ig_an_syms_free(&l.undef);
    ig_an_comps_free(&l.comps);
    return r;
}
