/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_inspect.c: `ingot inspect IMAGE`: manifest and size per component. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/host.h>
#include <ingot/host_image.h>

#include <ingot/oci.h>

#include "analyze.h"
#include "inspect.h"
#include "mgr.h"
#include "run.h"

static const char usage[] =
    "Usage: ingot inspect [--json] IMAGE\n"
    "       ingot inspect [--json] oci:DIR[:TAG] | oci-archive:FILE[:TAG]\n"
    "       ingot inspect NAME|ID\n"
    "Print what ingot-cc recorded in IMAGE's manifest note: platform, entry\n"
    "symbol, the library-OS components linked (and why) or left out, the\n"
    "build flags, and a size report per component (text, data and bss in\n"
    "bytes, as size(1) counts them; from the linker map at build time).\n"
    "The total row is read from IMAGE itself.\n"
    "\n"
    "  --json      print the manifest as JSON, with \"file\" and \"total\"\n"
    "  -h, --help  print this help\n"
    "\n"
    "An oci: or oci-archive: reference shows a packaged OCI image instead\n"
    "(`ingot inspect oci: --help` describes that form).\n"
    "\n"
    "NAME or ID (no file of that name here) shows an instance started by\n"
    "ingot run -d as JSON: its command line, the QEMU or tender command,\n"
    "state, exit status, restarts and processes (docs/manage.md).\n"
    "\n"
    "Exit status: 0, or 1 when IMAGE cannot be read, is not an Ingot image\n"
    "(not ELF, truncated, no Ingot platform note) or has no manifest.\n";

int ig_inspect_totals(int fd, struct ig_inspect_total *t)
{
    memset(t, 0, sizeof(*t));
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    if (!e || elf_kind(e) != ELF_K_ELF) {
        if (e)
            elf_end(e);
        return -1;
    }
    for (Elf_Scn *s = elf_nextscn(e, NULL); s; s = elf_nextscn(e, s)) {
        GElf_Shdr sh;
        if (!gelf_getshdr(s, &sh) || !(sh.sh_flags & SHF_ALLOC))
            continue;
        if (sh.sh_type == SHT_NOBITS)
            t->bss += sh.sh_size;
        else if (sh.sh_flags & SHF_WRITE)
            t->data += sh.sh_size;
        else
            t->text += sh.sh_size;
    }
    elf_end(e);
    return 0;
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "?";
}

static void print_components(json_t *list, const char *title)
{
    size_t i;
    json_t *c;
    if (!json_array_size(list))
        return;
    printf("%s\n", title);
    json_array_foreach(list, i, c)
    {
        printf("  %-8s %s\n", str(c, "name"), str(c, "reason"));
        printf("  %-8s (%s)\n", "", str(c, "why"));
    }
}

static void print_flags(json_t *flags, const char *key, const char *title)
{
    size_t i;
    json_t *f;
    printf("%-11s", title);
    json_array_foreach(json_object_get(flags, key), i, f)
        printf(" %s", json_string_value(f) ? json_string_value(f) : "?");
    printf("\n");
}

static void print_sizes(json_t *sizes, const struct ig_inspect_total *t)
{
    const char *name;
    json_t *v;
    uint64_t sum[3] = {0, 0, 0};

    printf("%-12s %10s %10s %10s\n", "size", "text", "data", "bss");
    json_object_foreach(sizes, name, v)
    {
        uint64_t x[3] = {
            (uint64_t)json_integer_value(json_object_get(v, "text")),
            (uint64_t)json_integer_value(json_object_get(v, "data")),
            (uint64_t)json_integer_value(json_object_get(v, "bss"))};
        printf("  %-10s %10llu %10llu %10llu\n", name, (unsigned long long)x[0],
               (unsigned long long)x[1], (unsigned long long)x[2]);
        for (int k = 0; k < 3; k++)
            sum[k] += x[k];
    }
    /* Alignment padding and linker-made sections belong to no input. */
    uint64_t tot[3] = {t->text, t->data, t->bss};
    if (json_object_size(sizes))
        printf("  %-10s %10lld %10lld %10lld\n", "(padding)",
               (long long)(tot[0] - sum[0]), (long long)(tot[1] - sum[1]),
               (long long)(tot[2] - sum[2]));
    printf("  %-10s %10llu %10llu %10llu\n", "total",
           (unsigned long long)tot[0], (unsigned long long)tot[1],
           (unsigned long long)tot[2]);
}

static int fail(const char *path, const char *why)
{
    ig_host_error("%s: %s", path, why);
    return 1;
}

int ig_cmd_inspect(int argc, char **argv)
{
    const char *path = NULL;
    int as_json = 0;
    char why[256];

    ig_host_set_prog("ingot", 1);
    /* OCI references belong to cmd_inspect_oci.c, --help included. */
    for (int i = 1; i < argc; i++)
        if (ig_oci_is_ref(argv[i]))
            return ig_cmd_inspect_oci(argc, argv);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(argv[i], "--json") == 0) {
            as_json = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return fail(argv[i], "unknown option");
        } else if (path) {
            return fail(argv[i], "unexpected argument (one IMAGE only)");
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        ig_host_error("missing IMAGE (see ingot inspect --help)");
        return 1;
    }
    if (!strchr(path, '/') && access(path, F_OK) != 0)
        return ig_mgr_inspect(path); /* an instance */
    struct ig_image *img = ig_image_open(path, why, sizeof(why));
    if (!img)
        return fail(path, why);
    uint64_t entry = ig_image_entry(img);
    ig_image_close(img);

    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(path, strerror(errno));
    struct ig_inspect_total tot;
    char *text = ig_an_manifest_read(fd, NULL, NULL);
    int r = ig_inspect_totals(fd, &tot);
    close(fd);
    if (!text || r < 0) {
        free(text);
        return fail(path, "no manifest note (not linked by ingot-cc 0.1 or "
                          "later)");
    }
    json_error_t je;
    json_t *m = json_loads(text, 0, &je);
    free(text);
    if (!json_is_object(m)) {
        snprintf(why, sizeof(why), "malformed manifest note: %s",
                 ig_host_one_line(je.text, sizeof(je.text)));
        json_decref(m);
        return fail(path, why);
    }

    if (as_json) {
        json_object_set_new(m, "file", json_string(path));
        json_object_set_new(
            m, "total",
            json_pack("{s:I, s:I, s:I}", "text", (json_int_t)tot.text, "data",
                      (json_int_t)tot.data, "bss", (json_int_t)tot.bss));
        json_dumpf(m, stdout, JSON_INDENT(2));
        printf("\n");
    } else {
        printf("%-11s %s\n", "image:", path);
        printf("%-11s %s\n", "platform:", str(m, "platform"));
        printf("%-11s %s (0x%llx)\n", "entry:", str(m, "entry"),
               (unsigned long long)entry);
        printf("%-11s %s\n", "libos:", str(m, "libos_version"));
        printf("%-11s %s\n", "rootfs:",
               json_is_true(json_object_get(m, "rootfs")) ? "embedded"
                                                          : "none");
        print_flags(json_object_get(m, "flags"), "compile", "cflags:");
        print_flags(json_object_get(m, "flags"), "link", "ldflags:");
        print_components(json_object_get(m, "components"), "components:");
        print_components(json_object_get(m, "left_out"), "left out:");
        print_sizes(json_object_get(m, "sizes"), &tot);
    }
    json_decref(m);
    return fflush(stdout) == 0 ? 0 : 1;
}
