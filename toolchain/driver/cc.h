/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc.h: ingot-cc's argument model and command builders (private). */
#ifndef INGOT_CC_H
#define INGOT_CC_H

/*
 * ig_cc_parse() turns the command line into a struct ig_cc: the mode, the
 * flags for the compile step, and the inputs and linker flags in the order
 * given (which matters to the linker).  The builders of cc_cmd.c then turn
 * that into the commands main.c runs.  Parsing has no side effects, so it is
 * what the unit tests exercise.
 */

#include <stddef.h>

#include <ingot/host.h>
#include <ingot/host_plat.h>

/* How far to go; a later stage never wins over an earlier one (-E beats
 * -S beats -c), as with gcc. */
enum ig_cc_mode {
    IG_CC_LINK = 0,
    IG_CC_COMPILE,    /* -c */
    IG_CC_ASSEMBLE,   /* -S */
    IG_CC_SYNTAX,     /* -fsyntax-only */
    IG_CC_PREPROCESS, /* -E, -M, -MM */
};

enum ig_cc_item_kind {
    IG_CC_SOURCE,     /* compiled before linking */
    IG_CC_LINK_INPUT, /* object, archive: handed to the linker */
    IG_CC_LINK_FLAG,  /* -l, -L, -Wl,..., -Xlinker x, -u x, -z x, -s */
};

struct ig_cc_item {
    enum ig_cc_item_kind kind;
    const char *arg;
    const char *arg2; /* second word of a two-word flag, or NULL */
    const char *lang; /* -x language in effect for a source, or NULL */
};

struct ig_cc {
    enum ig_cc_mode mode;
    const char *output;      /* -o, or NULL */
    const char *platform;    /* --platform, default ig_plat_at(0) */
    const char *rootfs;      /* --rootfs DIR, or NULL */
    int verbose;             /* -v */
    int help;                /* --help */
    int version;             /* --version */
    int deps;                /* -MD or -MMD */
    int deps_file;           /* -MF given */
    int deps_target;         /* -MT or -MQ given */
    int unsup_off;           /* -Wno-ingot-unsupported (last one wins) */
    int unsup_error;         /* -1 default, 0 -Wno-error=, 1 -Werror= */
    int no_warnings;         /* -w */
    struct ig_strvec cflags; /* compile-step flags, in order */
    struct ig_strvec query;  /* -dumpversion, -print-*: ask the compiler */
    struct ig_cc_item *items;
    size_t nitems;
    size_t nsources;
    size_t ninputs; /* sources and link inputs */
};

/* Parses (argv)[1..argc-1] into (cc), which keeps pointers into argv.
 * Returns 0, or -1 with "<what>: <why>" in (err) for a rejected or unknown
 * option, a missing option argument or an unsupported language.  Does not
 * look at the file system. */
int ig_cc_parse(struct ig_cc *cc, int argc, char **argv, char *err,
                size_t errlen);

/* Frees what ig_cc_parse() allocated. */
void ig_cc_free(struct ig_cc *cc);

/* Returns 1 if (name) is a safe platform name ([a-z0-9_-], 1..31 chars). */
int ig_cc_platform_name_ok(const char *name);

/* Appends the compiler and the flags every guest compile starts with:
 * target flags, newlib's and the compiler's headers only, -D__ingot__. */
void ig_cc_compile_prefix(struct ig_strvec *out, const char *libdir);

/* Builds the single command for the -c, -S, -E and -fsyntax-only modes:
 * the prefix, the user's compile flags, and every input in order. */
void ig_cc_compile_only_cmd(struct ig_strvec *out, const struct ig_cc *cc,
                            const char *libdir);

/* Builds the command compiling source item (src) to (obj) in link mode.
 * With -MD/-MMD it names the dependency file and target after the final
 * output, as gcc does when it compiles and links in one go. */
void ig_cc_source_cmd(struct ig_strvec *out, const struct ig_cc *cc,
                      const char *libdir, const struct ig_cc_item *src,
                      const char *obj);

/* Builds the link command for platform cc->platform, which must be one
 * ig_plat_find() knows (main.c checks before linking).  (objs) has one entry
 * per item: the object compiled from each source item, NULL otherwise.
 * (extra) lists the (nextra) objects ingot-cc made itself (--rootfs, the
 * manifest note), linked after the inputs.  (libos) lists the library-OS
 * archives (full paths) for the link group. */
void ig_cc_link_cmd(struct ig_strvec *out, const struct ig_cc *cc,
                    const char *libdir, char *const *objs, char *const *extra,
                    size_t nextra, char *const *libos, size_t nlibos);

/* Returns 1 if the compile flags ask for debug information: the last -g
 * option wins, and -g0 turns it off, as with gcc.  Without it the image
 * keeps only the symbols crash reports and gdb read back. */
int ig_cc_wants_debug(const struct ig_cc *cc);

/* ---- cc_query.c: what configure scripts ask the compiler ----------------
 *
 * -dumpmachine answers IG_CC_MACHINE; -print-sysroot, -print-search-dirs
 * and -print-file-name= answer with the image's directories (the sysroot,
 * the library directory, newlib's), never the host's; -print-multiarch is
 * empty; the rest (-dumpversion, -print-prog-name=) go to the compiler
 * that compiles the image's code. */

#define IG_CC_MACHINE "x86_64-ingot-linux"

/* Returns $INGOT_SYSROOT if set, else <libdir>/sysroot (libdir with
 * symbolic links resolved), malloc'd: where libraries built with ingot-cc are
 * installed
 * (--prefix=SYSROOT/usr), searched after the program's own -I and -L. */
char *ig_cc_sysroot(const char *libdir);

/* Answers each of cc->query in order on stdout.  Returns 0, or the
 * compiler's status for a query it answered. */
int ig_cc_query(const struct ig_cc *cc, const char *libdir);

/* ---- cc_rootfs.c: --rootfs DIR ------------------------------------------
 *
 * The tree becomes a cpio "newc" archive (ig_cpio_write_tree()), embedded
 * by an assembler file with .incbin between the symbols
 * ig_vfs_rootfs_start and ig_vfs_rootfs_end in section
 * .rodata.ig_vfs_rootfs; libos/vfs/init.c refers to them weakly and
 * unpacks the archive at boot.  Order: check, write, then compile the
 * assembler file with ig_cc_rootfs_cmd() and pass the object to
 * ig_cc_link_cmd(). */

/* Returns 0 if (dir) is a directory, or -1 with "--rootfs DIR: <why>" in
 * (err). */
int ig_cc_rootfs_check(const char *dir, char *err, size_t errlen);

/* Writes the archive of (dir) to the file (cpio) and the assembler file
 * embedding it to (asm_path), saying so on stderr when (verbose).  Returns
 * 0, or -1 with "--rootfs DIR: <why>" in (err) (an unreadable entry is
 * named relative to (dir)), or "<file>: <why>" for a temporary file. */
int ig_cc_rootfs_write(const char *dir, const char *cpio, const char *asm_path,
                       int verbose, char *err, size_t errlen);

/* Builds the command assembling (asm_path) to (obj) with the target
 * compiler. */
void ig_cc_rootfs_cmd(struct ig_strvec *out, const char *asm_path,
                      const char *obj);

/* Returns the output file the link writes: -o, else "a.out". */
const char *ig_cc_output(const struct ig_cc *cc);

/* The file -MD writes for (cc): the last -MF's, or the output's name with
 * its extension replaced by ".d", as gcc names it; malloc'd. */
char *ig_cc_deps_file(const struct ig_cc *cc);

/* ---- cc_analyze.c: unsupported-API diagnostics ----------------------------
 *
 * Before anything is compiled, every C source is parsed with libclang
 * (toolchain/analyze) and references to APIs listed in
 * <libdir>/analysis/unsupported.json are reported like compiler
 * diagnostics.  Not for -E/-M or assembler sources. */

/* Returns the severity the flags ask for: IG_AN_WARNING by default (-w
 * silences it), IG_AN_ERROR with -Werror=ingot-unsupported or -Werror
 * (unless -Wno-error=ingot-unsupported), IG_AN_OFF with
 * -Wno-ingot-unsupported. */
int ig_cc_unsupported_severity(const struct ig_cc *cc);

/* Appends the flags libclang parses a source with: the guest's defines and
 * headers (libclang keeps its own builtin headers) and the user's -D, -U,
 * -I, -isystem, -idirafter, -iquote, -include, -imacros, -std=, -ansi,
 * -pthread and -O flags. */
void ig_cc_analyze_args(struct ig_strvec *out, const struct ig_cc *cc,
                        const char *libdir);

/* Analyses every C source of (cc), printing the diagnostics to stderr.
 * Returns 0 to go on, or 1 after printing the reason when an error-severity
 * diagnostic was printed, the table cannot be loaded, or libclang fails. */
int ig_cc_analyze(const struct ig_cc *cc, const char *libdir);

/* ---- cc_link.c: the link step ---------------------------------------------
 *
 * Chooses the components from the objects' undefined symbols, embeds the
 * manifest note, links with a map file, and on success rewrites the
 * manifest with the entry symbol and per-component sizes; when ld fails
 * with symbols nobody defines, names them one per line instead. */

/* Links (objs) (one per item, NULL for non-sources; see ig_cc_link_cmd())
 * and (rootfs_obj) into ig_cc_output(cc), using the private directory
 * (tmp) for the manifest, map and ld's messages.  Returns 0, ld's status,
 * or 1 after printing the reason. */
int ig_cc_link(const struct ig_cc *cc, const char *libdir, const char *tmp,
               char *const *objs, const char *rootfs_obj);

#endif /* INGOT_CC_H */
