/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* host_plat.h: the platforms the tools know, one descriptor each. */
#ifndef INGOT_HOST_PLAT_H
#define INGOT_HOST_PLAT_H

/*
 * Everything the host tools know about a platform is its descriptor: a
 * `const struct ig_plat ig_plat_<name>` in toolchain/plat/plat_<name>.c,
 * listed once in the table in plat.c.  ingot-cc links with its linker
 * script and archive, `ingot run` checks options against it and launches
 * the image through it, and the OCI reader picks a manifest `ingot run`
 * can boot by it.  No tool compares platform names anywhere else.
 *
 * A platform's name is also what its images carry in their ELF platform
 * note, what `ingot pkg` writes as the org.ingot.platform annotation and
 * what --platform takes (ingot-cc, ingot run).
 */

#include <stddef.h>

struct ig_run_opts;
struct ig_run_end;
struct ig_strvec;

struct ig_plat {
    const char *name; /* [a-z0-9_-], the note and annotation value */
    /* ingot-cc: files relative to the library directory. */
    const char *ldscript; /* "kvm/kvm.ld" */
    const char *archive;  /* "kvm/libingot-kvm.a", linked whole */

    /* `ingot run`; a platform it cannot boot leaves these NULL. */
    const char *runs_as; /* for --help: "boots in QEMU" */
    const char *dry_run; /* for --help: what --dry-run prints */
    /* The host command reads `ingot run`'s standard input itself (and
     * hands it to the guest); 0: it gets /dev/null. */
    int reads_stdin;
    /* The guest's console takes standard input and signals in-band, as
     * <ingot/kvm_abi.h> frames them: `ingot run` writes them into the
     * host command's standard input. */
    int console_input;
    /* The guest's standard error comes framed on its console
     * (<ingot/kvm_abi.h>): `ingot run` writes it to its own stderr. */
    int framed_stderr;
    /* The host command needs nothing from `ingot run` once started: it
     * takes the standard streams and signals itself, names the frames of
     * a crash report and ends with the app's status.  `ingot run` then
     * replaces itself with it (exec), one process per guest, unless a
     * feature needs it to stay (ig_run_opts.exec). */
    int execs;
    /* `ingot run --gdb`: NONE refuses it; VMM: argv() starts the VMM's
     * own gdb stub, paused before the first instruction; ATTACH: argv()
     * makes the host command stop itself (SIGSTOP) before the guest's
     * first instruction and ingot run attaches gdbserver to it. */
    enum { IG_PLAT_GDB_NONE, IG_PLAT_GDB_VMM, IG_PLAT_GDB_ATTACH } gdb;
    /* Refuses run options this platform cannot honour.  Returns 0, or -1
     * with the option in (*what) and the reason in (err). */
    int (*check)(const struct ig_run_opts *o, const char **what, char *err,
                 size_t errlen);
    /* Appends the host command that boots (o)->image with the guest
     * command line (cmdline) and initrd file (initrd, or NULL) to (out),
     * its console on stdout.  Returns 0, or -1 after printing why (a
     * missing program, a failed calibration). */
    int (*argv)(struct ig_strvec *out, const struct ig_run_opts *o,
                const char *cmdline, const char *initrd);
    /* Returns `ingot run`'s exit status for a run that ended as (e),
     * printing why when it is not the app's own. */
    int (*status)(const struct ig_run_end *e);
};

/* Returns the descriptor of platform (name), or NULL if no tool knows it. */
const struct ig_plat *ig_plat_find(const char *name);

/* Returns the descriptor for index (i) of the table, NULL past its end:
 * for (i = 0; (p = ig_plat_at(i)); i++).  Index 0 is ingot-cc's default. */
const struct ig_plat *ig_plat_at(size_t i);

/* Returns the descriptor of (name) if `ingot run` can boot it, else NULL. */
const struct ig_plat *ig_plat_bootable(const char *name);

/* Writes the names of the platforms `ingot run` boots into (buf), joined
 * like "kvm or pico" or "kvm, pico or xen" (last: the final joiner).  A
 * name that does not fit in (len) bytes is left out, with those after it. */
void ig_plat_list_bootable(char *buf, size_t len, const char *last);

#endif /* INGOT_HOST_PLAT_H */
