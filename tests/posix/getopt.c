/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* getopt.c: getopt, getopt_long and getopt_long_only on the command lines
 * GNU programs see (permuted operands, "-", "--", optional arguments with
 * '=', abbreviations, errors and their messages); the output must be
 * identical on Ingot and on Linux, a differential test. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int flag;
static const struct option longs[] = {
    {"in-place", optional_argument, NULL, 'i'},
    {"expression", required_argument, NULL, 'e'},
    {"posix", no_argument, NULL, 'p'},
    {"post", no_argument, NULL, 'P'},
    {"flag", no_argument, &flag, 7},
    {"verbose", no_argument, NULL, 'v'},
    {NULL, 0, NULL, 0}};

/* Parses the command line (words separated by spaces) with (how): 's'
 * getopt, 'l' getopt_long, 'o' getopt_long_only. */
static void parse(char how, const char *opts, const char *line)
{
    char buf[256], *argv[32];
    int argc = 0, c, idx;

    snprintf(buf, sizeof(buf), "prog %s", line);
    for (char *t = strtok(buf, " "); t && argc < 31; t = strtok(NULL, " "))
        argv[argc++] = strcmp(t, "''") == 0 ? "" : t;
    argv[argc] = NULL;
    printf("%c %-12s %-28s:", how, opts, line);
    fflush(stdout);
    optind = 0;
    flag = 0;
    for (;;) {
        idx = -1;
        c = how == 's'   ? getopt(argc, argv, opts)
            : how == 'l' ? getopt_long(argc, argv, opts, longs, &idx)
                         : getopt_long_only(argc, argv, opts, longs, &idx);
        if (c == -1)
            break;
        printf(" [%c", c == 0 ? '0' : c == 1 ? '1' : c);
        if (optarg)
            printf("=%s", optarg);
        if (c == '?' || c == ':')
            printf(" optopt %d", optopt);
        if (idx >= 0)
            printf(" #%d", idx);
        printf("]");
    }
    printf(" flag %d |", flag);
    for (int i = optind; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
    fflush(stdout);
}

int main(void)
{
    /* The messages go to stderr, here joined to stdout. */
    dup2(1, 2);
    setvbuf(stderr, NULL, _IONBF, 0);
    const char *sed = "bsnrzuEe:f:l:i::V:";
    parse('l', sed, "-i s/b/X/ -");
    parse('l', sed, "-i==*== = c");
    parse('l', sed, "-i*** = ./e");
    parse('l', sed, "a -n b -e p c");
    parse('l', sed, "-ne p -- -x -n");
    parse('l', sed, "--in-place=.bak --expression=p f");
    parse('l', sed, "--in-place .bak --expr p f");
    parse('l', sed, "--pos x");
    parse('l', sed, "--posix=1 x");
    parse('l', sed, "--nope x");
    parse('l', sed, "--expression");
    parse('l', sed, "--flag -q x");
    parse('l', sed, "-e");
    parse('l', ":e:", "-e");
    parse('l', ":e:", "-x");
    parse('l', "+ne:", "a -n");
    parse('l', "-ne:", "a -n b");
    parse('s', "ab:c::", "-abX -c -cY - '' x");
    parse('s', "ab:", "-a -b");
    parse('o', "ve:", "-verbose -e x -expr y -v");
    parse('o', "ve:", "-posi -post -flag z");
    printf("getopt: done\n");
    return 0;
}
