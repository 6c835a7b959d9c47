/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fcntl.h: newlib's plus Linux's OFD locks, fallocate and advice. */
#ifndef INGOT_FCNTL_H
#define INGOT_FCNTL_H

#include_next <fcntl.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Linux's open flags newlib defines only for Cygwin (with the bits it
 * gives them there); O_TMPFILE includes O_DIRECTORY, as on Linux. */
#ifndef O_TMPFILE
#define O_TMPFILE (0x800000 | O_DIRECTORY)
#define O_NOATIME 0x1000000
#define O_PATH 0x2000000
#endif
#ifndef O_DSYNC
#define O_DSYNC O_SYNC
#define O_RSYNC O_SYNC
#endif

/* Open file description locks (Linux's numbers), struct flock as F_SETLK. */
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38

#define POSIX_FADV_NORMAL 0
#define POSIX_FADV_RANDOM 1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED 3
#define POSIX_FADV_DONTNEED 4
#define POSIX_FADV_NOREUSE 5

#define FALLOC_FL_KEEP_SIZE 0x01
#define FALLOC_FL_PUNCH_HOLE 0x02

#define SYNC_FILE_RANGE_WAIT_BEFORE 1
#define SYNC_FILE_RANGE_WRITE 2
#define SYNC_FILE_RANGE_WAIT_AFTER 4

/* These return an error number (posix_*) or set errno (the others). */
int posix_fallocate(int fd, off_t off, off_t len);
int posix_fadvise(int fd, off_t off, off_t len, int advice);
int fallocate(int fd, int mode, off_t off, off_t len);
int sync_file_range(int fd, off_t off, off_t nbytes, unsigned int flags);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_FCNTL_H */
