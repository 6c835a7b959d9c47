/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_run_cmdline.c: guest command-line quoting survives a round trip. */
#include <errno.h>
#include <stdlib.h>

#include "run.h"
#include "unit.h"

/* The guest's rules, as documented for the libos parser: tokens split at
 * white space; "..." groups, and inside it \" and \\ stand for " and \.
 * Returns the number of tokens written to (out). */
static int split(const char *s, char out[][256], int max)
{
    int n = 0;

    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
               *s == '\v' || *s == '\f')
            s++;
        if (!*s || n == max)
            return n;
        size_t k = 0;
        if (*s == '"') {
            for (s++; *s && *s != '"'; s++) {
                if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
                    s++;
                if (k < 255)
                    out[n][k++] = *s;
            }
            if (*s == '"')
                s++;
        } else {
            while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' &&
                   *s != '\v' && *s != '\f')
                if (k < 255)
                    out[n][k++] = *s++;
        }
        out[n++][k] = '\0';
    }
}

static void test_quote(void)
{
    static const char *const tokens[] = {"plain",
                                         "",
                                         " ",
                                         "two words",
                                         "tab\there",
                                         "new\nline",
                                         "\"",
                                         "\\",
                                         "\\\"",
                                         "end\\",
                                         "\"start",
                                         "mixed \"q\" \\b\\ ",
                                         "unicode-\xc3\xa9",
                                         "a=b",
                                         "--",
                                         "'single'",
                                         "\"\"",
                                         "\\\\"};
    char got[4][256];

    for (size_t i = 0; i < sizeof(tokens) / sizeof(tokens[0]); i++) {
        char *q = ig_run_quote(tokens[i]);
        int n = split(q, got, 4);
        if (n != 1 || strcmp(got[0], tokens[i]) != 0) {
            fprintf(stderr, "token %zu: quoted as [%s], read back %d [%s]\n", i,
                    q, n, n ? got[0] : "");
            unit_failures++;
        }
        free(q);
    }

    char *q = ig_run_quote("simple");
    CHECK_STR(q, "simple");
    free(q);
    q = ig_run_quote("a \"b\\");
    CHECK_STR(q, "\"a \\\"b\\\\\"");
    free(q);
}

static void test_cmdline(void)
{
    struct ig_run_opts o = {0};
    char *args[] = {"x y", "", "--", "\"q\""};
    char got[16][256];
    char *line;

    o.image = "/some dir/my app.elf";
    ig_strvec_push(&o.env, "NAME=hello world");
    ig_strvec_push(&o.env, "EMPTY=");
    o.args = args;
    o.nargs = 4;
    CHECK_INT(ig_run_cmdline(&o, &line), 0);
    CHECK_STR(line, "\"argv0=my app.elf\" \"env.NAME=hello world\" "
                    "env.EMPTY= -- \"x y\" \"\" -- \"\\\"q\\\"\"");
    int n = split(line, got, 16);
    CHECK_INT(n, 8);
    if (n == 8) {
        CHECK_STR(got[0], "argv0=my app.elf");
        CHECK_STR(got[1], "env.NAME=hello world");
        CHECK_STR(got[3], "--");
        CHECK_STR(got[5], "");
        CHECK_STR(got[7], "\"q\"");
    }
    free(line);

    /* No app arguments: the separator is still there. */
    o.nargs = 0;
    ig_strvec_free(&o.env);
    o.image = "hello";
    CHECK_INT(ig_run_cmdline(&o, &line), 0);
    CHECK_STR(line, "argv0=hello --");
    free(line);

    /* --ip, --gw and --dns become libos options before the separator. */
    o.net_ip = "10.0.0.2/24";
    o.net_gw = "10.0.0.1";
    o.net_dns = "10.0.0.53";
    CHECK_INT(ig_run_cmdline(&o, &line), 0);
    CHECK_STR(line, "argv0=hello net.ip=10.0.0.2/24 net.gw=10.0.0.1 "
                    "net.dns=10.0.0.53 --");
    free(line);
    o.net_ip = o.net_gw = o.net_dns = NULL;

    /* --hostname, -w and -u: after the volumes they may depend on. */
    o.hostname = "box";
    o.cwd = "/srv";
    o.user = "1000:100";
    CHECK_INT(ig_run_cmdline(&o, &line), 0);
    CHECK_STR(line, "argv0=hello cwd=/srv hostname=box user=1000:100 --");
    free(line);
    o.hostname = o.cwd = o.user = NULL;

    /* The limit counts the terminating NUL: 131071 bytes fit, 131072 do
     * not. */
    static char big[IG_RUN_CMDLINE_MAX + 16];
    char *one[] = {big};
    o.args = one;
    o.nargs = 1;
    size_t fixed = strlen("argv0=hello -- ");
    memset(big, 'a', IG_RUN_CMDLINE_MAX - 1 - fixed);
    CHECK_INT(ig_run_cmdline(&o, &line), 0);
    CHECK_INT(strlen(line), IG_RUN_CMDLINE_MAX - 1);
    free(line);
    big[IG_RUN_CMDLINE_MAX - 1 - fixed] = 'a';
    CHECK_INT(ig_run_cmdline(&o, &line), -E2BIG);
    CHECK_INT(strlen(line), IG_RUN_CMDLINE_MAX);
    free(line);
}

int main(void)
{
    test_quote();
    test_cmdline();
    return unit_done();
}
