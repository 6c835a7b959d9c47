/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* glob.h: pathname expansion with Linux's glob_t, flags and errors. */
#ifndef INGOT_GLOB_H
#define INGOT_GLOB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Replaces newlib's BSD <glob.h>, whose glob_t and numbers differ and
 * which has no GLOB_NOMATCH. */
typedef struct {
    size_t gl_pathc; /* matches */
    char **gl_pathv; /* gl_offs NULLs, the matches, then NULL */
    size_t gl_offs;  /* slots reserved at the start (GLOB_DOOFFS) */
    int gl_flags;
    void (*gl_closedir)(void *);
    void *(*gl_readdir)(void *);
    void *(*gl_opendir)(const char *);
    int (*gl_lstat)(const char *, void *);
    int (*gl_stat)(const char *, void *);
} glob_t;

#define GLOB_ERR (1 << 0)
#define GLOB_MARK (1 << 1)
#define GLOB_NOSORT (1 << 2)
#define GLOB_DOOFFS (1 << 3)
#define GLOB_NOCHECK (1 << 4)
#define GLOB_APPEND (1 << 5)
#define GLOB_NOESCAPE (1 << 6)
#define GLOB_PERIOD (1 << 7)
#define GLOB_MAGCHAR (1 << 8)
#define GLOB_ALTDIRFUNC (1 << 9)
#define GLOB_BRACE (1 << 10)
#define GLOB_NOMAGIC (1 << 11)
#define GLOB_TILDE (1 << 12)
#define GLOB_ONLYDIR (1 << 13)
#define GLOB_TILDE_CHECK (1 << 14)

#define GLOB_NOSPACE 1
#define GLOB_ABORTED 2
#define GLOB_NOMATCH 3
#define GLOB_NOSYS 4

/* Expands (pattern) into (g), sorted unless GLOB_NOSORT.  Returns 0,
 * GLOB_NOMATCH, GLOB_NOSPACE, GLOB_ABORTED (a directory could not be read
 * and GLOB_ERR was given or (errfunc) returned non-zero) or GLOB_NOSYS for
 * GLOB_ALTDIRFUNC, GLOB_BRACE, GLOB_TILDE and GLOB_TILDE_CHECK, which are
 * not implemented.  globfree() releases what glob() stored. */
int glob(const char *pattern, int flags, int (*errfunc)(const char *, int),
         glob_t *g);
void globfree(glob_t *g);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_GLOB_H */
