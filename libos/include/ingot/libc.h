/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* libc.h: what the boot sequence calls of libos/libc, newlib's glue. */
#ifndef INGOT_LIBC_H
#define INGOT_LIBC_H

/*
 * ig_libos_main() calls ig_libc_init() right after ig_sched_init(), then,
 * after the command line, ig_libc_init_array() before main and registers
 * ig_libc_fini_array() with atexit().  Everything of newlib's internals
 * (struct _reent, _impure_ptr, __sinit, _reclaim_reent, its retargetable
 * locks) stays inside libos/libc.
 */

/* Sets up newlib's state for the first thread (its stdin, stdout and
 * stderr, which later threads share) and hands the scheduler the hooks
 * that give each thread its own struct _reent (ig_sched_set_libc()). */
void ig_libc_init(void);

/* The libos option user=USER[:GROUP] (ingot run -u): makes the process's
 * real, effective and saved user ids USER's, its group ids GROUP's, or
 * USER's group in /etc/passwd, or 0.  A name is looked up in /etc/passwd
 * or /etc/group.  Returns 0, -EINVAL for a malformed (spec), -ENOENT when
 * a name is in neither. */
int ig_libc_set_user(const char *spec);

/* The home directory of the process's real user in /etc/passwd ("/" when
 * the user has none or is not there), for the boot's HOME, in memory the
 * caller frees; NULL when out of memory. */
char *ig_libc_user_home(void);

/* The libos options of the run's terminals (termios.c), from `ingot run`:
 * tty=MASK (bit n: standard stream n is a terminal on the host; all three
 * with -t), and with -t tty.attr=HEX (the host terminal's attributes, a
 * struct ig_plat_termios as 72 hex digits: changes then go to the host,
 * ig_plat_tty_set()) and tty.size=ROWS,COLS,XPIXEL,YPIXEL (its window
 * size at the start).  Returns 0, -EINVAL for a malformed value, or 1
 * when (opt) is none of these. */
int ig_libc_tty_option(const char *opt);

/* ioctl(2)'s terminal requests (TIOCGWINSZ, TIOCSWINSZ) on (fd): 0, or
 * -ENOTTY, -EBADF, -EFAULT; 1 when (req) is not one of them. */
int ig_libc_tty_ioctl(int fd, unsigned long req, void *arg);

/* Runs the image's preinit and init arrays (constructors). */
void ig_libc_init_array(void);

/* Runs the fini array (destructors) in reverse order. */
void ig_libc_fini_array(void);

/* opendir() under a name that is not one of the vol component's triggers
 * (components.json): libc's own users of directories (glob) call this,
 * so an image that never names a file call links no volume code. */
struct ig_libc_dir;
struct ig_libc_dir *ig_libc_opendir(const char *path);

#endif /* INGOT_LIBC_H */
