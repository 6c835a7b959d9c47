/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* userdb_internal.h: lines of /etc/passwd and /etc/group, found by key. */
#ifndef INGOT_USERDB_INTERNAL_H
#define INGOT_USERDB_INTERNAL_H

#include <stddef.h>

/*
 * The reader under pwd.c's getpw*() and getgr*() and under the boot's
 * `ingot run -u` and HOME (cred.c), which use it directly so that every
 * image does not link the struct passwd API.  The file is read whole on
 * the first ig_userdb_find() after ig_userdb_rewind() (which also frees
 * it), as glibc's "files" service reads it on every lookup, so a program
 * sees changes it makes itself.  A missing file stands in as its one
 * built-in line (root).  Lines that do not have exactly (nfields) fields
 * or whose id fields are not decimal ids up to INT32_MAX are skipped.
 */
struct ig_userdb {
    const char *path;
    const char *builtin;
    int nfields;
    unsigned idmask; /* which fields are ids: bit i for field i */
    int idfield;     /* the id a lookup by id compares */
    char *data;      /* the whole file while it is being read */
    size_t size, pos;
    int open;
    int done;          /* the built-in line was returned */
    int again;         /* the next find starts from the current line */
    char *line, *work; /* the line as read; a copy split into fields */
    size_t cap, workcap;
};

#define IG_USERDB_PASSWD                                                       \
    {                                                                          \
        .path = "/etc/passwd", .builtin = "root:x:0:0:root:/root:/bin/sh",     \
        .nfields = 7, .idmask = 1u << 2 | 1u << 3, .idfield = 2                \
    }
#define IG_USERDB_GROUP                                                        \
    {                                                                          \
        .path = "/etc/group", .builtin = "root:x:0:", .nfields = 4,            \
        .idmask = 1u << 2, .idfield = 2                                        \
    }

/* What a lookup wants: the entry named (name) when it is not NULL, else
 * the one whose id is (id); (all) takes the next well-formed one. */
struct ig_userdb_key {
    const char *name;
    unsigned id;
    int all;
};

/* Forgets the position and frees what (d) has read (not its line
 * buffers, which ig_userdb_free() releases). */
void ig_userdb_rewind(struct ig_userdb *d);

/* ig_userdb_rewind(), then frees the line buffers. */
void ig_userdb_free(struct ig_userdb *d);

/* Finds, from the current position of (d), the next well-formed line
 * (key) wants and splits a copy of it into (f), d->nfields pointers.
 * Returns 1, 0 at the end, or a negative errno (-ENOMEM, or the file's
 * read error).  With d->again set, returns the current line once more. */
int ig_userdb_find(struct ig_userdb *d, const struct ig_userdb_key *key,
                   char **f);

/* A decimal id up to INT32_MAX in (s): 0 with (*out) set, else -1. */
int ig_userdb_id(const char *s, unsigned *out);

#endif /* INGOT_USERDB_INTERNAL_H */
