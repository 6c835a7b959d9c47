/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* getopt.c: getopt, getopt_long and getopt_long_only as GNU's behave. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * newlib's getopt differs from glibc's where GNU programs notice: a lone
 * "-" (standard input, an operand) came back as an option 0, an optional
 * argument attached to a short option lost a leading '=' (sed
 * -i'==*==' got "=*=="), and optind started at 0.  This one takes the
 * place of newlib's getopt.o (toolchain/cmake/newlib.cmake removes it) and
 * follows GNU's rules: operands are permuted to the end unless the option
 * string starts with '+' or POSIXLY_CORRECT is set ('-' returns each
 * operand as the argument of option 1); "--" ends the options; a leading
 * ':' (after '+' or '-') returns ':' for a missing argument and prints
 * nothing; "W;" is not supported (W is an ordinary letter); the messages
 * are glibc's; optind = 0 starts a new scan.
 */
char *optarg;
int optind = 1, opterr = 1, optopt = '?';

static char *next;       /* the rest of a group of short options */
static int first_op = 1; /* operands skipped over: [first_op, last_op) */
static int last_op = 1;
static int started;

/* Rotates the block of operands [first_op, last_op) past the options
 * [last_op, optind): afterwards the operands end at optind. */
static void rotate(char **argv)
{
    int nops = last_op - first_op, nopts = optind - last_op;

    if (nops <= 0 || nopts <= 0)
        return;
    for (int k = 0; k < nopts; k++) {
        char *opt = argv[last_op + k];
        memmove(&argv[first_op + k + 1], &argv[first_op + k],
                (size_t)nops * sizeof(char *));
        argv[first_op + k] = opt;
    }
    first_op += nopts;
    last_op = optind;
}

static int is_opt(const char *a)
{
    return a[0] == '-' && a[1] != '\0';
}

/* A long option (after "--", or "-" for getopt_long_only) at argv[optind]
 * holding (name); returns its value, '?' or ':' for an error, or -2 when
 * (short_ok) and it matches no long option (getopt_long_only: read it as
 * short options). */
static int long_opt(int argc, char **argv, const char *optstring,
                    const struct option *longopts, int *longindex,
                    const char *dashes, char *name, int short_ok, int colon)
{
    size_t len = strcspn(name, "=");
    const struct option *found = NULL;
    int ambiguous = 0, idx = -1;

    for (int i = 0; longopts[i].name; i++) {
        if (strncmp(longopts[i].name, name, len) != 0)
            continue;
        if (strlen(longopts[i].name) == len) { /* exact */
            found = &longopts[i];
            idx = i;
            ambiguous = 0;
            break;
        }
        if (!found) {
            found = &longopts[i];
            idx = i;
        } else if (found->has_arg != longopts[i].has_arg ||
                   found->flag != longopts[i].flag ||
                   found->val != longopts[i].val) {
            ambiguous = 1;
        }
    }
    if (ambiguous) {
        if (opterr) {
            fprintf(stderr,
                    "%s: option '%s%.*s' is ambiguous; possibilities:", argv[0],
                    dashes, (int)len, name);
            for (int i = 0; longopts[i].name; i++)
                if (strncmp(longopts[i].name, name, len) == 0)
                    fprintf(stderr, " '%s%s'", dashes, longopts[i].name);
            fputc('\n', stderr);
        }
        optind++;
        optopt = 0;
        return '?';
    }
    if (!found) {
        if (short_ok && strchr(optstring, *name))
            return -2;
        if (opterr)
            fprintf(stderr, "%s: unrecognized option '%s%s'\n", argv[0], dashes,
                    name);
        optind++;
        optopt = 0;
        return '?';
    }
    optind++;
    if (name[len] == '=') {
        if (found->has_arg == no_argument) {
            if (opterr)
                fprintf(stderr, "%s: option '%s%s' doesn't allow an argument\n",
                        argv[0], dashes, found->name);
            optopt = found->flag ? 0 : found->val;
            return '?';
        }
        optarg = name + len + 1;
    } else if (found->has_arg == required_argument) {
        if (optind >= argc) {
            if (opterr && !colon)
                fprintf(stderr, "%s: option '%s%s' requires an argument\n",
                        argv[0], dashes, found->name);
            optopt = found->flag ? 0 : found->val;
            return colon ? ':' : '?';
        }
        optarg = argv[optind++];
    }
    if (longindex)
        *longindex = idx;
    if (found->flag) {
        *found->flag = found->val;
        return 0;
    }
    return found->val;
}

static int scan(int argc, char *const *cargv, const char *optstring,
                const struct option *longopts, int *longindex, int only)
{
    char **argv = (char **)cargv; /* GNU permutes the caller's array */
    int in_order = 0, posix = getenv("POSIXLY_CORRECT") != NULL;

    if (*optstring == '-')
        in_order = 1, optstring++;
    else if (*optstring == '+')
        posix = 1, optstring++;
    int colon = *optstring == ':';
    optarg = NULL;
    if (optind == 0 || !started) {
        if (optind == 0)
            optind = 1;
        first_op = last_op = optind;
        next = NULL;
        started = 1;
    }
    if (!next || !*next) {
        next = NULL;
        /* A caller that moved optind: start the permutation there. */
        if (last_op > optind || first_op > optind)
            first_op = last_op = optind;
        if (!posix && !in_order) {
            rotate(argv);
            if (first_op == last_op)
                first_op = last_op = optind;
            while (optind < argc && !is_opt(argv[optind]))
                optind++;
            last_op = optind;
        }
        if (optind < argc && strcmp(argv[optind], "--") == 0) {
            optind++;
            rotate(argv);
            if (first_op != last_op)
                optind = first_op;
            first_op = last_op = optind;
            return -1;
        }
        if (optind >= argc) {
            if (first_op != last_op)
                optind = first_op; /* the operands, moved to the end */
            return -1;
        }
        if (!is_opt(argv[optind])) {
            if (in_order) {
                optarg = argv[optind++];
                return 1;
            }
            if (first_op != last_op)
                optind = first_op;
            return -1; /* POSIX: the first operand ends the options */
        }
        if (longopts && argv[optind][1] == '-')
            return long_opt(argc, argv, optstring, longopts, longindex, "--",
                            argv[optind] + 2, 0, colon);
        if (longopts && only &&
            (argv[optind][2] || !strchr(optstring, argv[optind][1]))) {
            int r = long_opt(argc, argv, optstring, longopts, longindex, "-",
                             argv[optind] + 1, 1, colon);
            if (r != -2)
                return r;
        }
        next = argv[optind] + 1;
    }
    int c = (unsigned char)*next++;
    const char *spec = c == ':' || c == ';' ? NULL : strchr(optstring, c);

    if (!spec) {
        if (opterr && !colon)
            fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
        optopt = c;
        if (!*next)
            optind++, next = NULL;
        return '?';
    }
    if (spec[1] != ':') {
        if (!*next)
            optind++, next = NULL;
        return c;
    }
    if (*next) { /* attached argument, '=' and all */
        optarg = next;
        optind++;
    } else if (spec[2] == ':') { /* optional, only attached */
        optind++;
    } else if (optind + 1 < argc) {
        optarg = argv[optind + 1];
        optind += 2;
    } else {
        optind++;
        next = NULL;
        if (opterr && !colon)
            fprintf(stderr, "%s: option requires an argument -- '%c'\n",
                    argv[0], c);
        optopt = c;
        return colon ? ':' : '?';
    }
    next = NULL;
    return c;
}

int getopt(int argc, char *const argv[], const char *optstring)
{
    return scan(argc, argv, optstring, NULL, NULL, 0);
}

int getopt_long(int argc, char *const argv[], const char *optstring,
                const struct option *longopts, int *longindex)
{
    return scan(argc, argv, optstring, longopts, longindex, 0);
}

int getopt_long_only(int argc, char *const argv[], const char *optstring,
                     const struct option *longopts, int *longindex)
{
    return scan(argc, argv, optstring, longopts, longindex, 1);
}
