/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* an_scan.c: does preprocessed C name a listed API outside system headers? */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

/* A linemarker: '# LINE "FILE" FLAGS' (gcc) or '#line LINE "FILE"'.
 * Returns 1 and sets (*sys) from flag 3, or 0 for any other line. */
static int marker(const char *line, int *sys)
{
    const char *p = line + 1;
    while (*p == ' ')
        p++;
    if (strncmp(p, "line", 4) == 0)
        p += 4;
    while (*p == ' ')
        p++;
    if (!isdigit((unsigned char)*p))
        return 0;
    /* The flags follow the file name: 3 marks a system header. */
    const char *q = strrchr(line, '"');
    *sys = 0;
    if (!q)
        return 1;
    char *end;
    for (const char *f = q + 1;; f = end) {
        long v = strtol(f, &end, 10);
        if (end == f)
            break;
        *sys |= v == 3;
    }
    return 1;
}

int ig_an_mentions(const struct ig_an_table *t, FILE *in)
{
    char *line = NULL;
    size_t cap = 0;
    int sys = 0, hit = 0;

    while (!hit && getline(&line, &cap, in) > 0) {
        if (line[0] == '#' && marker(line, &sys))
            continue;
        if (sys)
            continue;
        for (const char *p = line; *p && !hit;) {
            if (isalpha((unsigned char)*p) || *p == '_') {
                const char *s = p;
                while (isalnum((unsigned char)*p) || *p == '_')
                    p++;
                for (size_t i = 0; i < t->n && !hit; i++)
                    hit = strlen(t->apis[i].name) == (size_t)(p - s) &&
                          memcmp(t->apis[i].name, s, (size_t)(p - s)) == 0;
            } else if (isdigit((unsigned char)*p)) {
                while (isalnum((unsigned char)*p) || *p == '_' || *p == '.')
                    p++;
            } else {
                p++;
            }
        }
    }
    free(line);
    return hit;
}
