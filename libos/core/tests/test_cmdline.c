/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_cmdline.c: host unit test of the image command-line parser. */
#include <ingot/cmdline.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static int parse(const char *text, struct ig_cmdline *cl, char **store,
                 size_t n, char *buf)
{
    strcpy(buf, text);
    return ig_cmdline_parse(buf, store, n, cl);
}

int main(void)
{
    char buf[512];
    char *store[64];
    struct ig_cmdline cl;

    /* Empty line: argv = {"app"}. */
    CHECK(parse("", &cl, store, 64, buf) == 0);
    CHECK(cl.argc == 1 && strcmp(cl.argv[0], "app") == 0 && !cl.argv[1]);
    CHECK(cl.nenv == 0 && cl.envp[0] == NULL);

    /* No "--": everything is an argument. */
    CHECK(parse("  a  b\tc ", &cl, store, 64, buf) == 0);
    CHECK(cl.argc == 4 && strcmp(cl.argv[1], "a") == 0 &&
          strcmp(cl.argv[3], "c") == 0 && cl.argv[4] == NULL);

    /* Options, env, argv0 and arguments. */
    CHECK(parse("argv0=hello env.FOO=bar env.EMPTY= verbose -- x -- y", &cl,
                store, 64, buf) == 0);
    CHECK(cl.argc == 4);
    CHECK(strcmp(cl.argv[0], "hello") == 0);
    CHECK(strcmp(cl.argv[1], "x") == 0 && strcmp(cl.argv[2], "--") == 0 &&
          strcmp(cl.argv[3], "y") == 0 && cl.argv[4] == NULL);
    CHECK(cl.nenv == 2 && strcmp(cl.envp[0], "FOO=bar") == 0 &&
          strcmp(cl.envp[1], "EMPTY=") == 0 && cl.envp[2] == NULL);
    CHECK(cl.nunknown == 1 && strcmp(cl.unknown[0], "verbose") == 0);

    /* Quotes and escapes. */
    CHECK(parse("-- \"hello world\" a\\ b \"q\\\"x\" \"\" \"back\\\\\"", &cl,
                store, 64, buf) == 0);
    CHECK(cl.argc == 6);
    CHECK(strcmp(cl.argv[1], "hello world") == 0);
    CHECK(strcmp(cl.argv[2], "a b") == 0);
    CHECK(strcmp(cl.argv[3], "q\"x") == 0);
    CHECK(strcmp(cl.argv[4], "") == 0);
    CHECK(strcmp(cl.argv[5], "back\\") == 0);
    CHECK(parse("env.\"MSG=two words\" --", &cl, store, 64, buf) == 0);
    CHECK(cl.nenv == 1 && strcmp(cl.envp[0], "MSG=two words") == 0);
    CHECK(cl.argc == 1);

    /* Malformed. */
    CHECK(parse("-- \"open", &cl, store, 64, buf) == -EINVAL);
    CHECK(parse("env.NOEQUALS --", &cl, store, 64, buf) == -EINVAL);
    CHECK(parse("env.=x --", &cl, store, 64, buf) == -EINVAL);
    CHECK(parse("a b c d e", &cl, store, 12, buf) == -E2BIG);
    CHECK(parse("a b c d", &cl, store, 12, buf) == 0);
    CHECK(parse("a", &cl, store, 3, buf) == -E2BIG);

    /* Many tokens, the longest line: the store sized by
     * ig_cmdline_store_size() suffices, as the boot code sizes it. */
    char *big = malloc(IG_CMDLINE_MAX);
    size_t k = 0;
    for (; k + 2 < IG_CMDLINE_MAX; k += 2) {
        big[k] = 'x';
        big[k + 1] = ' ';
    }
    big[k] = '\0';
    size_t n = ig_cmdline_store_size(big);
    char **bigstore = malloc(n * sizeof(char *));
    CHECK(n == 2 * (IG_CMDLINE_MAX / 2 - 1 + 1) + 4);
    CHECK(ig_cmdline_parse(big, bigstore, n, &cl) == 0);
    CHECK(cl.argc == IG_CMDLINE_MAX / 2 - 1 + 1);
    CHECK(strcmp(cl.argv[cl.argc - 1], "x") == 0 && !cl.argv[cl.argc]);
    /* A long environment: few tokens, each long. */
    memset(big, 'v', IG_CMDLINE_MAX - 1);
    big[IG_CMDLINE_MAX - 1] = '\0';
    memcpy(big, "env.A=", 6);
    memcpy(big + 60000, " env.B=", 7);
    memcpy(big + 120000, " -- z", 5);
    n = ig_cmdline_store_size(big);
    CHECK(n == 2 * 4 + 4);
    CHECK(ig_cmdline_parse(big, bigstore, n, &cl) == 0);
    CHECK(cl.nenv == 2 && strlen(cl.envp[0]) == 60000 - 4);
    CHECK(cl.argc == 2 && strlen(cl.argv[1]) == IG_CMDLINE_MAX - 1 - 120004);
    free(bigstore);
    free(big);

    return unit_done();
}
