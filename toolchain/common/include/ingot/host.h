/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* host.h: helpers shared by the host tools (ingot, ingot-cc). */
#ifndef INGOT_HOST_H
#define INGOT_HOST_H

/*
 * Call order.  A tool calls ig_host_set_prog() first, so diagnostics carry its
 * name; ig_host_libdir() then finds the library directory the tool belongs
 * to.  Everything else is stateless, except the signal forwarding of
 * ig_proc_*, which is installed around one child at a time.
 *
 * Errors.  Allocation failure is not an error the tools recover from: the
 * x* allocators print one line and exit with the tool's failure status
 * instead of returning NULL.  Functions that can fail for other
 * reasons return 0 or a negative errno.
 */

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

/* ---- diag.c: diagnostics and allocation -------------------------------- */

/* Sets the name diagnostics start with ("ingot-cc") and the exit status
 * the tool uses for its own failures (1 for ingot-cc, 125 for ingot run). */
void ig_host_set_prog(const char *name, int fail_status);

/* Returns the name set by ig_host_set_prog(), "ingot" by default. */
const char *ig_host_prog(void);

/* Prints "<prog>: <message>\n" to stderr, formatted like printf. */
void ig_host_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Rewrites (s), a NUL-terminated string in a buffer of (size) bytes, so
 * that it prints on one line: each control character (a newline, a tab,
 * DEL) becomes its C escape (\n, \t, \x7f).  What no longer fits is cut
 * at a whole character.  For texts that quote untrusted input, such as a
 * JSON parser's error.  Returns (s). */
char *ig_host_one_line(char *s, size_t size);

/* Prints "<prog>: out of memory" and exits with the tool's failure status. */
_Noreturn void ig_host_oom(void);

/* Allocators that print "out of memory" and exit(1) instead of failing. */
void *ig_xmalloc(size_t len);
void *ig_xrealloc(void *p, size_t len);
char *ig_xstrdup(const char *s);
char *ig_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *ig_xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/* ---- strvec.c: growable, NULL-terminated string vectors ------------------ */

/* An argv under construction.  Zero-initialise it; (v) is NULL-terminated
 * whenever n > 0; every string is owned by the vector. */
struct ig_strvec {
    char **v;
    size_t n;
    size_t cap;
};

/* Appends a copy of (s). */
void ig_strvec_push(struct ig_strvec *sv, const char *s);

/* Appends a printf-formatted string. */
void ig_strvec_pushf(struct ig_strvec *sv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends copies of the (n) strings of (list). */
void ig_strvec_pushv(struct ig_strvec *sv, const char *const *list, size_t n);

/* Returns the NULL-terminated array, valid until the next push or free; an
 * empty vector yields an array holding only NULL. */
char **ig_strvec_argv(struct ig_strvec *sv);

/* Frees every string and the array, leaving an empty vector. */
void ig_strvec_free(struct ig_strvec *sv);

/* Appends the names in directory (dir), sorted by strcmp() so archives of
 * a tree come out the same every time, without "." and ".." (and without
 * any name starting with '.' when (skip_hidden) is set).  Returns 0, or
 * -errno from opendir() with (sv) unchanged. */
int ig_strvec_readdir(struct ig_strvec *sv, const char *dir, int skip_hidden);

/* ---- fileio.c: writing files ------------------------------------------- */

/* Writes all (len) bytes at (buf) to (fd), continuing after short writes
 * and EINTR.  Returns 0, or the negative errno of the write that failed
 * (-ENOSPC on a full disk, never a stale errno of an earlier call). */
int ig_write_all(int fd, const void *buf, size_t len);

/* ---- shquote.c: POSIX shell quoting for printing commands ---------------- */

/* Returns (s) quoted so that a POSIX shell reads it back as one word: bare
 * when it holds only safe characters, otherwise in single quotes.  The
 * result is malloc'd. */
char *ig_shquote(const char *s);

/* Returns the words of (argv) (NULL-terminated) shell-quoted and joined by
 * single spaces, as one malloc'd line without a newline. */
char *ig_shquote_argv(char *const *argv);

/* ---- libdir.c: where the tool's libraries live --------------------------- */

/* Returns the library directory as a malloc'd absolute path: $INGOT_LIBDIR
 * when set and non-empty, otherwise <dir of the running binary>/../lib/ingot
 * with the binary found through /proc/self/exe.  Returns NULL and sets errno
 * when /proc/self/exe cannot be resolved.  The directory is not checked. */
char *ig_host_libdir(void);

/* Returns "<dir>/<rel>" as a malloc'd string. */
char *ig_host_path(const char *dir, const char *rel);

/* ---- rmtree.c ----------------------------------------------------------- */

/* Removes (path) and everything under it, not following symbolic links;
 * what cannot be removed is left. */
void ig_host_rmtree(const char *path);

/* ---- cpio.c: directory trees as initrd archives ------------------------- */

/* Writes the tree under directory (dir) to (fd) as a cpio "newc" archive
 * (libarchive's writer): directories and regular files only, entries in
 * strcmp order with names relative to (dir), permission bits kept, and
 * owner, times and inode numbers fixed, so the same tree always gives the
 * same bytes.  Returns 0, or -1 with the reason in (err): the strerror()
 * text or "not a directory" when (dir) itself is wrong, "<relative path>:
 * <why>" for an entry that cannot be read. */
int ig_cpio_write_tree(const char *dir, int fd, char *err, size_t errlen);

/* ---- proc.c: child processes ----------------------------------------------
 */

/* How to start a child.  Descriptors of -1 are inherited; others are
 * dup'ed onto 0, 1 and 2 in the child. */
struct ig_proc_opts {
    int stdin_fd;
    int stdout_fd;
    int stderr_fd;
    int die_with_parent; /* child gets SIGKILL if the tool dies */
    int block_fwd;       /* child starts with the signals ig_proc_forward_*
                            passes on blocked: a terminal's Ctrl-C to the
                            whole group then reaches it only as forwarded */
};

/* Initialises (o) to inherit everything. */
void ig_proc_opts_init(struct ig_proc_opts *o);

/* Starts (argv)[0], searched in PATH, with (argv).  On success stores the
 * child's pid in (pid), makes it the target of signal forwarding, and
 * returns 0.  Returns the negative errno of clone() or execvp() when the
 * program could not be started (-ENOENT for a missing program). */
int ig_proc_spawn(char *const *argv, const struct ig_proc_opts *o, pid_t *pid);

/* Forwards SIGINT, SIGTERM, SIGHUP and SIGQUIT received by the tool to the
 * child last started by ig_proc_spawn() until ig_proc_forward_stop().
 * ig_proc_forwarded() returns the last signal forwarded, or 0. */
void ig_proc_forward_start(void);
void ig_proc_forward_stop(void);
int ig_proc_forwarded(void);
/* With (on), forwarded signals are only recorded, for the caller to pass
 * on its own way (ingot run's kvm console channel); ig_proc_forward_take()
 * returns one recorded signal and forgets it, or 0. */
void ig_proc_forward_inband(int on);
/* With (on), signals a terminal generated (Ctrl-C, Ctrl-\: si_code
 * SI_KERNEL) are forwarded but not recorded for ig_proc_forwarded(), so
 * they start no stop timeout: under `ingot run -t` they are keys. */
void ig_proc_forward_tty(int on);
int ig_proc_forward_take(void);

/* Waits for (pid) to end, retrying on EINTR.  Returns its exit status, or
 * 128 + the signal that killed it; stores the raw waitpid() status in
 * (*raw) unless (raw) is NULL. */
int ig_proc_wait(pid_t pid, int *raw);

/* Like ig_proc_wait(), for a process that is a child subreaper
 * (PR_SET_CHILD_SUBREAPER): any other child that ends meanwhile (an
 * orphan adopted from (pid)'s descendants) is reaped and forgotten. */
int ig_proc_wait_adopting(pid_t pid);

/* Like ig_proc_wait() but gives up after (timeout_ms) milliseconds: then
 * kills the child with SIGKILL, reaps it and returns -ETIMEDOUT.  Stores
 * the elapsed wall-clock time in (*elapsed_ms) either way. */
int ig_proc_wait_timeout(pid_t pid, long timeout_ms, long *elapsed_ms);

/* Stopping a child like `docker stop`: a signal, then SIGKILL if it has
 * not ended (timeout_ms) later.  ig_proc_stop_start() sends (sig) (none
 * when 0: it was already forwarded) and starts the clock; the caller goes
 * on waiting for the child its own way and calls ig_proc_stop_check()
 * whenever it wakes: it returns the milliseconds left, or -1 once the
 * time is up and SIGKILL was sent (then (killed) is 1). */
struct ig_proc_stop {
    pid_t pid;
    long deadline_ms;
    int killed;
};
void ig_proc_stop_start(struct ig_proc_stop *s, pid_t pid, int sig,
                        long timeout_ms);
long ig_proc_stop_check(struct ig_proc_stop *s);

/* Runs (argv) to completion with forwarding on, printing the shell-quoted
 * command to stderr first when (verbose).  Returns the child's status as
 * ig_proc_wait() does, or the negative errno of ig_proc_spawn(). */
int ig_proc_run(char *const *argv, int verbose);

/* ig_proc_run(), waiting with ig_proc_wait_adopting(). */
int ig_proc_run_adopting(char *const *argv, int verbose);

/* Milliseconds on the monotonic clock, for timing children. */
long ig_host_now_ms(void);

#endif /* INGOT_HOST_H */
