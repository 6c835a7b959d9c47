/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_analyze.c: the analysis tables, component choice, ELF symbols,
 * missing-symbol lines, map sizes and the manifest note, under ASan. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze.h"
#include "unit.h"

static char dir[] = "/tmp/ingot-unit-analyze.XXXXXX";
static char err[512];

/* Writes (text) to <dir>/<name> and returns the path (static buffer). */
static const char *put(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_table(void)
{
    struct ig_an_table t;
    const char *p =
        put("t.json",
            "{\"apis\": [{\"names\": [\"fork\", \"vfork\"], \"message\": "
            "\"{}() is out\", \"note\": \"not {}\"},\n"
            " {\"names\": [\"signal\"], \"message\": \"m\", \"when_arg\": "
            "{\"index\": 0, \"spelled\": [\"SIGCHLD\"]}}]}");
    CHECK_INT(ig_an_table_load(&t, p, err, sizeof(err)), 0);
    CHECK_INT(t.n, 3);
    const struct ig_an_api *a = ig_an_table_find(&t, "vfork");
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->message, "vfork() is out");
        CHECK_STR(a->note, "not vfork");
        CHECK_INT(a->when.index, -1);
    }
    a = ig_an_table_find(&t, "signal");
    CHECK(a && a->when.index == 0 && a->when.nspelled == 1 && a->note == NULL);
    CHECK(ig_an_table_find(&t, "printf") == NULL);
    ig_an_table_free(&t);

    p = put("bad.json", "{\"apis\": [\n  {\"names\": [\"x\"],}]}");
    CHECK_INT(ig_an_table_load(&t, p, err, sizeof(err)), -1);
    CHECK(strstr(err, "bad.json:2:") != NULL);
    p = put("nomsg.json", "{\"apis\": [{\"names\": [\"x\"]}]}");
    CHECK_INT(ig_an_table_load(&t, p, err, sizeof(err)), -1);
    CHECK(strstr(err, "nomsg.json: entry 0: needs \"names\"") != NULL);
    p = put("badcond.json", "{\"apis\": [{\"names\": [\"x\"], \"message\": "
                            "\"m\", \"unless_arg\": {\"index\": 0}}]}");
    CHECK_INT(ig_an_table_load(&t, p, err, sizeof(err)), -1);
    CHECK(strstr(err, "argument condition") != NULL);
    CHECK_INT(ig_an_table_load(&t, "/nonexistent/u.json", err, sizeof(err)),
              -1);
    CHECK(strstr(err, "/nonexistent/u.json") == err);
}

static void test_elf(const char *fakelib)
{
    struct ig_an_syms undef = {0}, def = {0};
    char ar[256];
    snprintf(ar, sizeof(ar), "%s/libingot-net.a", fakelib);
    CHECK_INT(ig_an_syms_read(ar, "n.a", &undef, &def, err, sizeof(err)), 0);
    /* The weak reference is not something the link must satisfy. */
    CHECK(ig_an_syms_find(&undef, "helper_needed") >= 0);
    CHECK(ig_an_syms_find(&undef, "maybe_there") < 0);
    long i = ig_an_syms_find(&def, "socket");
    CHECK(i >= 0);
    if (i >= 0)
        CHECK_STR(def.where[i], "n.a(fixture_net.c.o)");
    ig_an_syms_free(&def);
    /* Definitions only: the archive index. */
    CHECK_INT(ig_an_syms_read(ar, "n.a", NULL, &def, err, sizeof(err)), 0);
    CHECK(ig_an_syms_find(&def, "lwip_secret_fn") >= 0);
    ig_an_syms_free(&def);
    CHECK_INT(ig_an_syms_read(put("x.txt", "hello"), "x", &undef, NULL, err,
                              sizeof(err)),
              -1);
    CHECK(strstr(err, "x.txt: not an ELF object file or archive") != NULL);
    ig_an_syms_free(&undef);
}

static const char comps_json[] =
    "{\"components\": [\n"
    " {\"name\": \"core\", \"archive\": \"libingot-core.a\", \"why\": "
    "\"c\", \"required\": true},\n"
    " {\"name\": \"net\", \"archive\": \"libingot-net.a\", \"why\": \"n\", "
    "\"triggers\": [\"bind\", \"inet_*\"]},\n"
    " {\"name\": \"blk\", \"archive\": \"libingot-blk.a\", \"why\": \"b\", "
    "\"triggers\": [\"blk_read\"]}]}";

static const char *select_with(const char *fakelib, const char *sym,
                               struct ig_an_comps *cs)
{
    struct ig_an_syms undef = {0};
    struct ig_strvec extra = {0};
    static char reason[256];

    CHECK_INT(ig_an_comps_load(cs, put("c.json", comps_json), err, sizeof(err)),
              0);
    ig_an_syms_add(&undef, "puts", "app.c");
    if (sym)
        ig_an_syms_add(&undef, sym, "app.c");
    CHECK_INT(ig_an_comp_select(cs, fakelib, &undef, &extra, err, sizeof(err)),
              0);
    /* The unlisted archive is linked anyway. */
    CHECK_INT(extra.n, 1);
    if (extra.n)
        CHECK(strstr(extra.v[0], "/libingot-zz.a") != NULL);
    snprintf(reason, sizeof(reason), "%s", cs->n > 1 ? cs->c[1].reason : "");
    CHECK(cs->n == 3 && cs->c[0].selected && !cs->c[2].selected);
    if (cs->n == 3)
        CHECK_STR(cs->c[2].reason, "libingot-blk.a is not built");
    ig_strvec_free(&extra);
    ig_an_syms_free(&undef);
    return reason;
}

static void test_comps(const char *fakelib)
{
    struct ig_an_comps cs;

    CHECK_STR(select_with(fakelib, NULL, &cs), "nothing references it");
    CHECK(!cs.c[1].selected);
    ig_an_comps_free(&cs);
    CHECK_STR(select_with(fakelib, "inet_addr", &cs),
              "app.c references inet_addr");
    CHECK(cs.c[1].selected);
    ig_an_comps_free(&cs);
    /* Not a trigger, but the archive defines it. */
    CHECK_STR(select_with(fakelib, "lwip_secret_fn", &cs),
              "app.c references lwip_secret_fn");
    ig_an_comps_free(&cs);

    /* A required component that is not built is an error. */
    struct ig_an_syms undef = {0};
    struct ig_strvec extra = {0};
    CHECK_INT(
        ig_an_comps_load(&cs, put("c.json", comps_json), err, sizeof(err)), 0);
    CHECK_INT(ig_an_comp_select(&cs, dir, &undef, &extra, err, sizeof(err)),
              -1);
    CHECK(strstr(err, "libingot-core.a: missing") != NULL);
    ig_an_comps_free(&cs);
    ig_strvec_free(&extra);
    CHECK_INT(ig_an_comps_load(&cs,
                               put("c2.json", "{\"components\": "
                                              "[{\"name\": \"x\"}]}"),
                               err, sizeof(err)),
              -1);
    CHECK(strstr(err, "c2.json: component 0: needs") != NULL);
}

static void test_missing(void)
{
    struct ig_an_syms undef = {0}, defs = {0};
    struct ig_an_table t;
    char line[512] = "";

    ig_an_syms_add(&undef, "puts", "a.c");
    ig_an_syms_add(&undef, "frob", "b.c");
    ig_an_syms_add(&undef, "fork", "c.c");
    ig_an_syms_add(&undef, "main", "libingot-core.a(init.c.o)");
    ig_an_syms_add(&defs, "puts", "libc.a(puts.o)");
    CHECK_INT(ig_an_table_load(&t,
                               put("t.json", "{\"apis\": [{\"names\": "
                                             "[\"fork\"], \"message\": "
                                             "\"{}() is out\"}]}"),
                               err, sizeof(err)),
              0);
    FILE *f = tmpfile();
    ig_host_set_prog("ingot-cc", 1);
    CHECK_INT(ig_an_missing_report(&undef, &defs, &t, f), 3);
    rewind(f);
    CHECK(fgets(line, sizeof(line), f) != NULL);
    CHECK_STR(line, "ingot-cc: b.c: frob: not provided by the Ingot library "
                    "OS (nor defined by any input of the link)\n");
    CHECK(fgets(line, sizeof(line), f) != NULL);
    CHECK_STR(line, "ingot-cc: c.c: fork: not provided by the Ingot library "
                    "OS (fork() is out)\n");
    CHECK(fgets(line, sizeof(line), f) != NULL);
    CHECK_STR(line, "ingot-cc: no main(): the program must define main, "
                    "which the library OS calls\n");
    fclose(f);
    ig_an_table_free(&t);
    ig_an_syms_free(&undef);
    ig_an_syms_free(&defs);
}

static const char *classify(const char *in, void *arg)
{
    (void)arg;
    return strstr(in, "libingot-core.a(") ? "core" : "app";
}

/* The manifest note round trip, on an object assembled by (cc), which also
 * serves as the "image" whose section kinds the map refers to. */
static void test_manifest_and_map(const char *cc)
{
    char s[256], o[256];
    snprintf(s, sizeof(s), "%s/m.s", dir);
    snprintf(o, sizeof(o), "%s/m.o", dir);
    CHECK_INT(ig_an_manifest_asm(s, "{\"a\":\"q\\\"\"}", 16, err, sizeof(err)),
              0);
    char *argv[] = {(char *)cc, "-c", s, "-o", o, NULL};
    CHECK_INT(ig_proc_run(argv, 0), 0);
    int fd = open(o, O_RDONLY);
    long long off = 0;
    size_t size = 0;
    char *m = ig_an_manifest_read(fd, &off, &size);
    close(fd);
    CHECK_STR(m, "{\"a\":\"q\\\"\"}                ");
    CHECK_INT(size, 11 + 16 + 1);
    free(m);
    CHECK_INT(ig_an_manifest_patch(o, "{\"b\":1}", err, sizeof(err)), 0);
    fd = open(o, O_RDONLY);
    m = ig_an_manifest_read(fd, NULL, NULL);
    close(fd);
    CHECK(m && strncmp(m, "{\"b\":1}  ", 9) == 0 && strlen(m) == 27);
    free(m);
    CHECK_INT(ig_an_manifest_patch(o, "{\"c\":\"0123456789012345678901234\"}",
                                   err, sizeof(err)),
              -1);
    CHECK(strstr(err, "does not fit") != NULL);

    struct ig_an_sizes sz;
    const char *map =
        put("m.map", "Discarded input sections\n"
                     " .text.gone     0x0  0x99 /x/libingot-core.a(z.o)\n"
                     "Linker script and memory map\n\n"
                     ".text           0x0000000000001000      0x100\n"
                     " *(.text .text.*)\n"
                     " .text          0x0000000000001000       0x40 "
                     "/x/libingot-core.a(a.o)\n"
                     "                0x0000000000001000                sym\n"
                     " *fill*         0x0000000000001040        0x4 \n"
                     " .text.a_long_function_name\n"
                     "                0x0000000000001044       0x20 /t/app.o\n"
                     ".note.ingot.manifest\n"
                     "                0x0  0x30\n"
                     " .note.ingot.manifest\n"
                     "                0x0  0x30 /t/app.o\n"
                     "LOAD /t/app.o\n");
    CHECK_INT(ig_an_map_sizes(map, o, classify, NULL, &sz, err, sizeof(err)),
              0);
    CHECK_INT(sz.n, 2);
    if (sz.n == 2) {
        CHECK_STR(sz.v[0].component, "core");
        CHECK_INT(sz.v[0].text, 0x40);
        CHECK_STR(sz.v[1].component, "app");
        CHECK_INT(sz.v[1].text, 0x20);
        CHECK_INT(sz.v[1].data + sz.v[1].bss, 0);
    }
    ig_an_sizes_free(&sz);
    CHECK_INT(ig_an_map_sizes(put("n.map", "not a map\n"), o, classify, NULL,
                              &sz, err, sizeof(err)),
              -1);
    CHECK(strstr(err, "n.map: not a GNU ld map file") != NULL);
}

/* ig_an_mentions() on preprocessed text (gcc -E linemarkers). */
static int mentions(const struct ig_an_table *t, const char *text)
{
    FILE *f = fopen(put("x.i", text), "r");
    int r = ig_an_mentions(t, f);
    fclose(f);
    return r;
}

static void test_scan(void)
{
    struct ig_an_table t;
    static const char head[] = "# 0 \"x.c\"\n"
                               "# 1 \"/inc/unistd.h\" 1 3 4\n"
                               "int fork(void);\n"
                               "# 3 \"x.c\" 2\n";
    char text[512];

    CHECK_INT(ig_an_table_load(&t,
                               put("t.json", "{\"apis\": [{\"names\": "
                                             "[\"fork\", \"kill\"], "
                                             "\"message\": \"m\"}]}"),
                               err, sizeof(err)),
              0);
    /* Declared in a system header only: nothing to look at. */
    snprintf(text, sizeof(text),
             "%sint main(void) { return forked + "
             "fork2 + 0x1fork; }\n",
             head);
    CHECK_INT(mentions(&t, text), 0);
    snprintf(text, sizeof(text), "%sint main(void) { return fork(); }\n", head);
    CHECK_INT(mentions(&t, text), 1);
    /* Back in a system header after a user part, and out again. */
    snprintf(text, sizeof(text),
             "%s# 1 \"/inc/signal.h\" 1 3 4\nint kill(int, int);\n"
             "# 9 \"x.c\" 2\nint x;\n# 1 \"local.h\" 1\ns.kill = 0;\n",
             head);
    CHECK_INT(mentions(&t, text), 1);
    ig_an_table_free(&t);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_analyze FAKELIB CC\n");
        return 2;
    }
    if (!mkdtemp(dir))
        return 2;
    test_table();
    test_scan();
    test_elf(argv[1]);
    test_comps(argv[1]);
    test_missing();
    test_manifest_and_map(argv[2]);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    if (system(cmd) != 0)
        unit_failures++;
    return unit_done();
}
