/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmdline.c: split the image command line into options, env and argv. */
#include <ingot/cmdline.h>

#include <errno.h>
#include <string.h>

/* Cuts the next token out of (*pos) in place, removing quotes and escapes.
 * Returns the token, NULL at the end, or sets (*err) on a bad quote. */
static char *next_token(char **pos, int *err)
{
    char *p = *pos;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (!*p) {
        *pos = p;
        return NULL;
    }
    char *tok = p, *out = p;
    int quoted = 0;
    for (; *p; p++) {
        if (!quoted && (*p == ' ' || *p == '\t' || *p == '\n'))
            break;
        if (*p == '"') {
            quoted = !quoted;
            continue;
        }
        if (*p == '\\' && p[1] && (!quoted || p[1] == '"' || p[1] == '\\')) {
            *out++ = *++p;
            continue;
        }
        *out++ = *p;
    }
    if (quoted) {
        *err = -EINVAL;
        return NULL;
    }
    /* The terminator may overwrite the separator we stopped at, so step
     * past it first. */
    *pos = *p ? p + 1 : p;
    *out = '\0';
    return tok;
}

int ig_cmdline_parse(char *line, char **store, size_t nstore,
                     struct ig_cmdline *out)
{
    int err = 0;
    size_t ntok = 0;
    int dashdash = -1;
    char *pos = line, *tok;

    /* First pass: tokenize in place, remembering the tokens at the end of
     * (store) so the vectors can be built at its front. */
    while ((tok = next_token(&pos, &err)) != NULL) {
        if (ntok >= nstore)
            return -E2BIG;
        store[nstore - 1 - ntok] = tok;
        if (dashdash < 0 && strcmp(tok, "--") == 0)
            dashdash = (int)ntok;
        ntok++;
    }
    if (err)
        return err;

    /* Layout in (store): argv (argc + NULL), envp (nenv + NULL), unknown
     * (n + NULL).  Every token lands in at most one slot, and the three
     * terminators plus argv[0] need four more; the tokens stay at the end
     * of (store) meanwhile, so the two must not overlap. */
    if (nstore < 4 || ntok > (nstore - 4) / 2)
        return -E2BIG;
    char **toks = store + nstore - ntok; /* in reverse order */
#define TOK(i) (toks[ntok - 1 - (i)])

    const char *argv0 = "app";
    size_t nopt = dashdash < 0 ? 0 : (size_t)dashdash;
    size_t first_arg = dashdash < 0 ? 0 : (size_t)dashdash + 1;
    size_t nargs = ntok - first_arg;
    size_t nenv = 0, nunk = 0;

    for (size_t i = 0; i < nopt; i++) {
        if (strncmp(TOK(i), "env.", 4) == 0) {
            if (!strchr(TOK(i) + 4, '=') || TOK(i)[4] == '=')
                return -EINVAL;
            nenv++;
        } else if (strncmp(TOK(i), "argv0=", 6) != 0) {
            nunk++;
        }
    }
    char **argv = store;
    char **envp = argv + nargs + 2;
    char **unknown = envp + nenv + 1;
    size_t e = 0, u = 0;
    for (size_t i = 0; i < nopt; i++) {
        if (strncmp(TOK(i), "env.", 4) == 0)
            envp[e++] = TOK(i) + 4;
        else if (strncmp(TOK(i), "argv0=", 6) == 0)
            argv0 = TOK(i) + 6;
        else
            unknown[u++] = TOK(i);
    }
    envp[e] = NULL;
    unknown[u] = NULL;
    argv[0] = (char *)argv0;
    for (size_t i = 0; i < nargs; i++)
        argv[1 + i] = TOK(first_arg + i);
    argv[1 + nargs] = NULL;

    out->argc = (int)nargs + 1;
    out->argv = argv;
    out->envp = envp;
    out->nenv = (int)nenv;
    out->unknown = unknown;
    out->nunknown = (int)nunk;
    return 0;
#undef TOK
}

size_t ig_cmdline_store_size(const char *line)
{
    size_t blanks = 0;

    for (const char *p = line; *p; p++)
        blanks += *p == ' ' || *p == '\t' || *p == '\n';
    return 2 * (blanks + 1) + 4;
}
