/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmdline.h: the image command line, split into libos options, env, argv. */
#ifndef INGOT_CMDLINE_H
#define INGOT_CMDLINE_H

/*
 * Syntax (documented for users in docs/architecture.md):
 *
 *     [libos options…] -- [app arguments…]
 *
 * Tokens are separated by spaces or tabs.  A token may be quoted with double
 * quotes; inside quotes, \" and \\ stand for " and \.  Outside quotes a
 * backslash also escapes the next character.  Before "--":
 *
 *     argv0=NAME        the program name the app sees as argv[0]
 *     env.NAME=VALUE    sets environment variable NAME to VALUE
 *
 * The parser leaves other options in (unknown); at boot each component
 * claims its own (vol.TAG=DIR[:ro]: ig_vfs_option()), and the rest are
 * reported and ignored.  Without "--" every token is an
 * app argument.  argv[0] is "app" unless argv0= says otherwise.
 *
 * Call ig_cmdline_parse() once on a writable copy of the command line; the
 * resulting vectors point into that copy and into (store).
 */

#include <stddef.h>

/* The longest command line a platform passes, counting its NUL: Linux's
 * limit on one execve() string (MAX_ARG_STRLEN, 32 pages), which bounds
 * QEMU's -append and the pico tender's argument alike.  A configure run's
 * whole environment fits; every platform refuses more in one line. */
#define IG_CMDLINE_MAX (128u << 10)

struct ig_cmdline {
    int argc;
    char **argv; /* argc entries then NULL */
    char **envp; /* NAME=VALUE strings then NULL */
    int nenv;
    int nunknown; /* libos options that were not understood */
    char **unknown;
};

/* Splits (line) in place and fills (out), using (store), an array of
 * (nstore) pointers, for argv, envp and unknown: it needs twice the number
 * of tokens plus four (the tokens, then the vectors with their NULL
 * terminators; ig_cmdline_store_size() gives enough).  Returns 0, -E2BIG
 * when (store) is too small, or -EINVAL for an unterminated quote or an
 * env. option without '='. */
int ig_cmdline_parse(char *line, char **store, size_t nstore,
                     struct ig_cmdline *out);

/* The number of (store) entries ig_cmdline_parse() needs at most for
 * (line): tokens are separated by blanks, so there are at most one more
 * than the blanks. */
size_t ig_cmdline_store_size(const char *line);

#endif /* INGOT_CMDLINE_H */
