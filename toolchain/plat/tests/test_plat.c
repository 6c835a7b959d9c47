/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_plat.c: the platform table: lookups, lists, complete descriptors. */
#include <stdio.h>
#include <string.h>

#include <ingot/host_plat.h>

#include "run.h"
#include "unit.h"

static void test_lookup(void)
{
    CHECK_STR(ig_plat_at(0)->name, "kvm"); /* ingot-cc's default */
    CHECK(ig_plat_find("pico") != NULL);
    CHECK_STR(ig_plat_find("pico")->name, "pico");
    CHECK(ig_plat_find("nonesuch") == NULL);
    CHECK(ig_plat_find("") == NULL);
    CHECK(ig_plat_find(NULL) == NULL);
    CHECK(ig_plat_bootable("kvm") == ig_plat_find("kvm"));
    CHECK(ig_plat_bootable("nonesuch") == NULL);
}

static void test_list(void)
{
    char buf[64];

    ig_plat_list_bootable(buf, sizeof(buf), " or ");
    CHECK_STR(buf, "kvm, pico or xen");
    /* Too small for the second name: the first stays whole. */
    ig_plat_list_bootable(buf, 8, " or ");
    CHECK_STR(buf, "kvm");
    ig_plat_list_bootable(buf, 3, " or ");
    CHECK_STR(buf, "");
}

/* Every row is complete: a new platform that half-fills its descriptor
 * fails here rather than in a crash of ingot-cc or ingot run. */
static void test_rows(void)
{
    const struct ig_plat *p;
    size_t i;

    for (i = 0; (p = ig_plat_at(i)); i++) {
        char want[128];

        CHECK(p->name && *p->name);
        CHECK(ig_plat_find(p->name) == p); /* names are unique */
        snprintf(want, sizeof(want), "%s/", p->name);
        CHECK(p->ldscript && strncmp(p->ldscript, want, strlen(want)) == 0);
        CHECK(p->archive && strncmp(p->archive, want, strlen(want)) == 0);
        if (p->argv) {
            CHECK(p->status != NULL);
            CHECK(p->runs_as && *p->runs_as);
            CHECK(p->dry_run && *p->dry_run);
        }
    }
    CHECK(i >= 2);
}

/* The options each platform refuses, with the option named. */
static void test_check(void)
{
    struct ig_run_opts o;
    const char *what = NULL;
    char err[256];

    memset(&o, 0, sizeof(o));
    o.machine = "microvm";
    o.net = IG_RUN_NET_USER;
    o.nports = 1;
    CHECK(ig_plat_find("pico")->check(&o, &what, err, sizeof(err)) < 0);
    CHECK_STR(what, "-p");
    CHECK_STR(err, "pico images have no user networking; use --net tap:NAME");
    CHECK(ig_plat_find("kvm")->check(&o, &what, err, sizeof(err)) == 0);

    o.net = IG_RUN_NET_NONE;
    o.nports = 0;
    o.nvols = 7;
    CHECK(ig_plat_find("kvm")->check(&o, &what, err, sizeof(err)) == 0);
    o.nvols = 8;
    CHECK(ig_plat_find("kvm")->check(&o, &what, err, sizeof(err)) < 0);
    CHECK_STR(what, "-v");
    o.machine = "q35";
    CHECK(ig_plat_find("kvm")->check(&o, &what, err, sizeof(err)) == 0);
    CHECK(ig_plat_find("pico")->check(&o, &what, err, sizeof(err)) == 0);
}

int main(void)
{
    test_lookup();
    test_list();
    test_rows();
    test_check();
    return unit_done();
}
