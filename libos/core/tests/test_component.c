/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_component.c: host unit test of the component table's walk. */
#include <ingot/component.h>

#include <errno.h>
#include <string.h>

#include "unit.h"

/* What the hooks saw, in call order. */
static char trace[256];

static void note(const char *what)
{
    strncat(trace, what, sizeof(trace) - strlen(trace) - 1);
    strncat(trace, " ", sizeof(trace) - strlen(trace) - 1);
}

static int a_option(const char *opt)
{
    note(opt);
    return strcmp(opt, "a.bad") == 0 ? -EINVAL : 0;
}

static int a_init(void)
{
    note("a");
    return 0;
}

static int b_init(void)
{
    note("b");
    return 0;
}

static int fail_init(void)
{
    note("fail");
    return -ENOMEM;
}

static int never_init(void)
{
    note("never");
    return 0;
}

static int fallback_option(const char *opt)
{
    note("fallback");
    note(opt);
    return 0;
}

/* Declared out of order on purpose: the walk sorts by .order, and two
 * entries of equal order keep their table position. */
IG_COMPONENT(late, .init = never_init, .order = 400);
IG_COMPONENT(b, .init = b_init, .order = 200);
IG_COMPONENT(a, .prefix = "a.", .option = a_option, .init = a_init,
             .order = 100);
IG_COMPONENT(fail, .init = fail_init, .order = 300);
IG_COMPONENT(b2, .init = b_init, .order = 200);
IG_COMPONENT(afallback, .prefix = "a.", .option = fallback_option,
             .order = IG_ORDER_FALLBACK);
IG_COMPONENT(zfallback, .prefix = "z.", .option = fallback_option,
             .order = IG_ORDER_FALLBACK);

int main(void)
{
    const char *who = NULL;

    /* Options go to the lowest-order entry with a matching prefix. */
    CHECK_INT(ig_component_option("a.x=1"), 0);
    CHECK_INT(ig_component_option("a.bad"), -EINVAL);
    CHECK_INT(ig_component_option("z.y"), 0);
    CHECK_INT(ig_component_option("q.unknown"), 1);
    CHECK_INT(ig_component_option("a"), 1); /* a prefix, not a word */
    CHECK_STR(trace, "a.x=1 a.bad fallback z.y ");

    /* Init hooks run in order and stop at the first failure. */
    trace[0] = '\0';
    CHECK_INT(ig_component_init_all(&who), -ENOMEM);
    CHECK_STR(who, "fail");
    CHECK_STR(trace, "a b b fail ");
    CHECK_STR(ig_component_a.name, "a");
    return unit_done();
}
