/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* analyze.h: build-time analysis: unsupported APIs, components, manifest. */
#ifndef INGOT_ANALYZE_H
#define INGOT_ANALYZE_H

/*
 * Four steps of ingot-cc, each driven by data installed in
 * <libdir>/analysis/:
 *
 *   1. an_table.c + an_clang.c: unsupported.json lists the APIs a
 *      single-process unikernel cannot provide; every C source is parsed
 *      with libclang (loaded with dlopen, only when there is C to parse)
 *      and each reference to one of them becomes a compiler-style
 *      diagnostic [-Wingot-unsupported].
 *   2. an_comp.c: components.json lists the library-OS archives; the
 *      undefined symbols of the program's objects (libelf) decide which go
 *      on the link line.
 *   3. an_missing.c: when the link fails, the objects' undefined symbols
 *      that no input defines are named one per line instead of ld's output.
 *   4. an_manifest.c + an_map.c: a JSON manifest note is linked into the
 *      image with room to spare, then rewritten in place with the entry
 *      symbol and the per-component sizes read from the linker map.
 *
 * Errors are returned as -1 with "<what>: <why>" in (err); allocation
 * failures exit through the ig_x* allocators.
 */

#include <stddef.h>
#include <stdio.h>

#include <ingot/host.h>

/* ---- an_table.c: the unsupported-API table -------------------------------
 */

/* How a reference to a listed API is reported. */
enum ig_an_severity { IG_AN_OFF, IG_AN_WARNING, IG_AN_ERROR };

/* A condition on one argument of a call: it holds when the argument's
 * tokens, joined without spaces, equal one of (spelled). */
struct ig_an_cond {
    int index; /* -1: no condition */
    char **spelled;
    size_t nspelled;
};

struct ig_an_api {
    char *name;
    char *message;            /* "{}" already replaced by the name */
    char *note;               /* suggested alternative, or NULL */
    struct ig_an_cond when;   /* report only calls where this holds */
    struct ig_an_cond unless; /* never report calls where this holds */
};

struct ig_an_table {
    struct ig_an_api *apis;
    size_t n;
};

/* Reads the JSON object in file (path) with jansson; returns a json_t *
 * the caller releases with json_decref(), or NULL with "<path>: <strerror>"
 * when it cannot be opened, "<path>:<line>:<column>: <why>" when it is not
 * JSON, or "<path>: not a JSON object" in (err). */
void *ig_an_json_load(const char *path, char *err, size_t errlen);

/* Loads the table from (path): {"apis": [{"names": [...], "message": "...
 * {}() ...", "note": "...", "when_arg"/"unless_arg": {"index": N,
 * "spelled": [...]}}]}.  Returns 0, or -1 with "<path>: <why>" in (err)
 * when the file cannot be read, is not JSON (with line and column), or an
 * entry lacks names or message or has a field of the wrong type. */
int ig_an_table_load(struct ig_an_table *t, const char *path, char *err,
                     size_t errlen);

/* Returns the entry for function (name), or NULL. */
const struct ig_an_api *ig_an_table_find(const struct ig_an_table *t,
                                         const char *name);

/* Frees what ig_an_table_load() allocated. */
void ig_an_table_free(struct ig_an_table *t);

/* ---- an_clang.c: diagnostics with libclang -------------------------------
 */

/* Parses the C source (path) with libclang and the compiler flags (args),
 * and prints for every reference to an API of (t) outside system headers
 * "<file>:<line>:<col>: error|warning: <message> [-Wingot-unsupported]"
 * followed by notes (the alternative; the macro it was expanded from) to
 * (out).  References are calls, taking the function's address, and uses
 * inside macros (reported where the macro is expanded).  Adds the number
 * of diagnostics printed to (*count).  libclang is $INGOT_LIBCLANG when
 * set, else the library found at build time.  Returns 0, or -1 with
 * "libclang: <why>" in (err) when libclang cannot be loaded, lacks a
 * function, or cannot parse the file at all (a file with compile errors is
 * still analysed). */
int ig_an_check_source(const struct ig_an_table *t, const char *path,
                       char *const *args, size_t nargs, enum ig_an_severity sev,
                       FILE *out, int *count, char *err, size_t errlen);

/* ---- an_scan.c: a cheap look before libclang ------------------------------
 */

/* Reads preprocessed C with linemarkers (gcc -E) from (in) and returns 1 if
 * an identifier in a part that does not come from a system header (flag 3)
 * is the name of an API in (t), else 0.  A hit may be a false alarm (a
 * string, a member named "kill"); no hit means libclang would report
 * nothing, so it need not be loaded. */
int ig_an_mentions(const struct ig_an_table *t, FILE *in);

/* ---- an_elf.c: symbols of link inputs (libelf) ---------------------------
 */

/* A set of symbol names, each with the input that refers to or defines it. */
struct ig_an_syms {
    char **name;
    char **where;
    size_t n, cap;
};

/* Adds to (undef) the global undefined, non-weak symbols of the object,
 * the executable (an image) or every member of the archive (path), each with
 * (label) (members as "label(member)"), and to (def) the symbols it defines,
 * either may be NULL.  Returns 0, or -1 with "<path>: <why>" in (err) when it
 * is not readable ELF. */
int ig_an_syms_read(const char *path, const char *label,
                    struct ig_an_syms *undef, struct ig_an_syms *def, char *err,
                    size_t errlen);

/* Returns the index of (name) in (s), or -1. */
long ig_an_syms_find(const struct ig_an_syms *s, const char *name);

/* Adds (name) with (where), copying both. */
void ig_an_syms_add(struct ig_an_syms *s, const char *name, const char *where);

/* Frees the set, leaving it empty. */
void ig_an_syms_free(struct ig_an_syms *s);

/* ---- an_comp.c: components -----------------------------------------------
 */

struct ig_an_comp {
    char *name;
    char *archive; /* file name inside the library directory */
    char *why;     /* what the component does */
    int required;
    char **triggers; /* symbol names; "prefix*" matches a prefix */
    size_t ntriggers;
    char *entry; /* symbol the link must pull in when selected, or NULL */
    /* Filled by ig_an_comp_select(): */
    int present;  /* the archive exists */
    int selected; /* goes on the link line */
    char *reason; /* "always", "hello.o references socket, bind", ... */
};

struct ig_an_comps {
    struct ig_an_comp *c;
    size_t n;
};

/* Loads components.json: {"components": [{"name", "archive", "why",
 * "required": bool, "triggers": [...]}]}.  Returns 0, or -1 with
 * "<path>: <why>" in (err) as ig_an_table_load() does. */
int ig_an_comps_load(struct ig_an_comps *cs, const char *path, char *err,
                     size_t errlen);

/* Decides which components of (cs) the program needs: required ones, and
 * those whose archive (under libdir) exists and defines or is triggered by
 * one of the symbols in (undef).  Archives of the library OS that the table
 * does not list are appended to (extra) as full paths, so a component added
 * without a table entry still links.  Returns 0, or -1 with the reason in
 * (err) when a listed archive is unreadable or a required one is missing. */
int ig_an_comp_select(struct ig_an_comps *cs, const char *libdir,
                      const struct ig_an_syms *undef, struct ig_strvec *extra,
                      char *err, size_t errlen);

/* Frees what ig_an_comps_load() and ig_an_comp_select() allocated. */
void ig_an_comps_free(struct ig_an_comps *cs);

/* ---- an_missing.c: friendly undefined-symbol messages --------------------
 */

/* Prints "<prog>: <where>: <sym>: not provided by the Ingot library OS
 * (<why>)" for each symbol of (undef) that (defs) does not define, <why>
 * being the unsupported-API message of (t) (may be NULL) or "nor defined
 * by any input of the link"; a missing main is named as the program's
 * ("<prog>: no main(): ...").  Returns how many lines it printed. */
size_t ig_an_missing_report(const struct ig_an_syms *undef,
                            const struct ig_an_syms *defs,
                            const struct ig_an_table *t, FILE *out);

/* ---- an_map.c: per-component sizes from a GNU ld map file ---------------
 */

/* Sizes of the loaded sections an input file contributed, as size(1)
 * counts them: read-only and code as text, writable as data, NOBITS as
 * bss. */
struct ig_an_size {
    char *component;
    unsigned long long text, data, bss;
};

struct ig_an_sizes {
    struct ig_an_size *v;
    size_t n;
};

/* Maps a link input path to the name of the component it belongs to. */
typedef const char *(*ig_an_classify_fn)(const char *input, void *arg);

/* Reads the GNU ld map (map_path) of the image (image_path) and sums the
 * sizes of the input sections that landed in loaded output sections, per
 * component as (classify) names them.  Returns 0, or -1 with "<file>:
 * <why>" in (err) when either file cannot be read or the map is not a GNU
 * ld map. */
int ig_an_map_sizes(const char *map_path, const char *image_path,
                    ig_an_classify_fn classify, void *arg,
                    struct ig_an_sizes *out, char *err, size_t errlen);

/* Frees the sizes. */
void ig_an_sizes_free(struct ig_an_sizes *s);

/* ---- an_manifest.c: the manifest note ------------------------------------
 */

/* Writes an assembler file (asm_path) holding an Ingot note of type
 * IG_NOTE_MANIFEST whose descriptor is (json) padded with spaces to leave
 * (spare) bytes for later additions, in the SHT_NOTE section
 * .note.ingot.manifest.  The section is not allocated: it costs the
 * running image nothing and sits in no segment.  Returns 0, or -1 with
 * "<file>: <why>" in (err). */
int ig_an_manifest_asm(const char *asm_path, const char *json, size_t spare,
                       char *err, size_t errlen);

/* Rewrites the manifest note of the linked image (path) in place with
 * (json), padded with spaces to the note's size.  Returns 0, or -1 with
 * "<path>: <why>" in (err) when the image has no manifest note or (json)
 * does not fit. */
int ig_an_manifest_patch(const char *path, const char *json, char *err,
                         size_t errlen);

/* Finds the manifest note of the ELF file open as (fd) and returns its
 * descriptor as a malloc'd NUL-terminated string (trailing padding kept),
 * or NULL when there is none.  Stores the descriptor's file offset and
 * size in (off) and (size) unless NULL. */
char *ig_an_manifest_read(int fd, long long *off, size_t *size);

#endif /* INGOT_ANALYZE_H */
