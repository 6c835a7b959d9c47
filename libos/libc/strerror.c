/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* strerror.c: error messages as Linux programs print them. */
#define _GNU_SOURCE /* GNU's strerror_r; POSIX's is __xpg_strerror_r */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

/*
 * The numbers are Linux's (<sys/errno.h>), and so are the texts, the
 * ones errno(3) lists: newlib's differ from what every Linux program
 * prints (EAGAIN would read "No more processes").  Every function of newlib's
 * strerror.o, strerror_r.o, xpg_strerror_r.o and perror.o is defined
 * here, so the linker never takes those (they would define the same
 * names twice).
 */
static const char *const texts[] = {
    [0] = "Success",
    [EPERM] = "Operation not permitted",
    [ENOENT] = "No such file or directory",
    [ESRCH] = "No such process",
    [EINTR] = "Interrupted system call",
    [EIO] = "Input/output error",
    [ENXIO] = "No such device or address",
    [E2BIG] = "Argument list too long",
    [ENOEXEC] = "Exec format error",
    [EBADF] = "Bad file descriptor",
    [ECHILD] = "No child processes",
    [EAGAIN] = "Resource temporarily unavailable",
    [ENOMEM] = "Cannot allocate memory",
    [EACCES] = "Permission denied",
    [EFAULT] = "Bad address",
    [ENOTBLK] = "Block device required",
    [EBUSY] = "Device or resource busy",
    [EEXIST] = "File exists",
    [EXDEV] = "Invalid cross-device link",
    [ENODEV] = "No such device",
    [ENOTDIR] = "Not a directory",
    [EISDIR] = "Is a directory",
    [EINVAL] = "Invalid argument",
    [ENFILE] = "Too many open files in system",
    [EMFILE] = "Too many open files",
    [ENOTTY] = "Inappropriate ioctl for device",
    [ETXTBSY] = "Text file busy",
    [EFBIG] = "File too large",
    [ENOSPC] = "No space left on device",
    [ESPIPE] = "Illegal seek",
    [EROFS] = "Read-only file system",
    [EMLINK] = "Too many links",
    [EPIPE] = "Broken pipe",
    [EDOM] = "Numerical argument out of domain",
    [ERANGE] = "Numerical result out of range",
    [EDEADLK] = "Resource deadlock avoided",
    [ENAMETOOLONG] = "File name too long",
    [ENOLCK] = "No locks available",
    [ENOSYS] = "Function not implemented",
    [ENOTEMPTY] = "Directory not empty",
    [ELOOP] = "Too many levels of symbolic links",
    [ENOMSG] = "No message of desired type",
    [EIDRM] = "Identifier removed",
    [ECHRNG] = "Channel number out of range",
    [EL2NSYNC] = "Level 2 not synchronized",
    [EL3HLT] = "Level 3 halted",
    [EL3RST] = "Level 3 reset",
    [ELNRNG] = "Link number out of range",
    [EUNATCH] = "Protocol driver not attached",
    [ENOCSI] = "No CSI structure available",
    [EL2HLT] = "Level 2 halted",
    [EBADE] = "Invalid exchange",
    [EBADR] = "Invalid request descriptor",
    [EXFULL] = "Exchange full",
    [ENOANO] = "No anode",
    [EBADRQC] = "Invalid request code",
    [EBADSLT] = "Invalid slot",
    [EBFONT] = "Bad font file format",
    [ENOSTR] = "Device not a stream",
    [ENODATA] = "No data available",
    [ETIME] = "Timer expired",
    [ENOSR] = "Out of streams resources",
    [ENONET] = "Machine is not on the network",
    [ENOPKG] = "Package not installed",
    [EREMOTE] = "Object is remote",
    [ENOLINK] = "Link has been severed",
    [EADV] = "Advertise error",
    [ESRMNT] = "Srmount error",
    [ECOMM] = "Communication error on send",
    [EPROTO] = "Protocol error",
    [EMULTIHOP] = "Multihop attempted",
    [EDOTDOT] = "RFS specific error",
    [EBADMSG] = "Bad message",
    [EOVERFLOW] = "Value too large for defined data type",
    [ENOTUNIQ] = "Name not unique on network",
    [EBADFD] = "File descriptor in bad state",
    [EREMCHG] = "Remote address changed",
    [ELIBACC] = "Can not access a needed shared library",
    [ELIBBAD] = "Accessing a corrupted shared library",
    [ELIBSCN] = ".lib section in a.out corrupted",
    [ELIBMAX] = "Attempting to link in too many shared libraries",
    [ELIBEXEC] = "Cannot exec a shared library directly",
    [EILSEQ] = "Invalid or incomplete multibyte or wide character",
    [ERESTART] = "Interrupted system call should be restarted",
    [ESTRPIPE] = "Streams pipe error",
    [EUSERS] = "Too many users",
    [ENOTSOCK] = "Socket operation on non-socket",
    [EDESTADDRREQ] = "Destination address required",
    [EMSGSIZE] = "Message too long",
    [EPROTOTYPE] = "Protocol wrong type for socket",
    [ENOPROTOOPT] = "Protocol not available",
    [EPROTONOSUPPORT] = "Protocol not supported",
    [ESOCKTNOSUPPORT] = "Socket type not supported",
    [EOPNOTSUPP] = "Operation not supported",
    [EPFNOSUPPORT] = "Protocol family not supported",
    [EAFNOSUPPORT] = "Address family not supported by protocol",
    [EADDRINUSE] = "Address already in use",
    [EADDRNOTAVAIL] = "Cannot assign requested address",
    [ENETDOWN] = "Network is down",
    [ENETUNREACH] = "Network is unreachable",
    [ENETRESET] = "Network dropped connection on reset",
    [ECONNABORTED] = "Software caused connection abort",
    [ECONNRESET] = "Connection reset by peer",
    [ENOBUFS] = "No buffer space available",
    [EISCONN] = "Transport endpoint is already connected",
    [ENOTCONN] = "Transport endpoint is not connected",
    [ESHUTDOWN] = "Cannot send after transport endpoint shutdown",
    [ETOOMANYREFS] = "Too many references: cannot splice",
    [ETIMEDOUT] = "Connection timed out",
    [ECONNREFUSED] = "Connection refused",
    [EHOSTDOWN] = "Host is down",
    [EHOSTUNREACH] = "No route to host",
    [EALREADY] = "Operation already in progress",
    [EINPROGRESS] = "Operation now in progress",
    [ESTALE] = "Stale file handle",
    [EUCLEAN] = "Structure needs cleaning",
    [ENOTNAM] = "Not a XENIX named type file",
    [ENAVAIL] = "No XENIX semaphores available",
    [EISNAM] = "Is a named type file",
    [EREMOTEIO] = "Remote I/O error",
    [EDQUOT] = "Disk quota exceeded",
    [ENOMEDIUM] = "No medium found",
    [EMEDIUMTYPE] = "Wrong medium type",
    [ECANCELED] = "Operation canceled",
    [ENOKEY] = "Required key not available",
    [EKEYEXPIRED] = "Key has expired",
    [EKEYREVOKED] = "Key has been revoked",
    [EKEYREJECTED] = "Key was rejected by service",
    [EOWNERDEAD] = "Owner died",
    [ENOTRECOVERABLE] = "State not recoverable",
    [ERFKILL] = "Operation not possible due to RF-kill",
    [EHWPOISON] = "Memory page has hardware error",
};

/* The text of (e), or NULL for a number without one. */
static const char *text_of(int e)
{
    if (e < 0 || (size_t)e >= sizeof(texts) / sizeof(texts[0]))
        return NULL;
    return texts[e];
}

/* Linux's text for a number without one: "Unknown error N". */
static char *unknown(int e, char *buf, size_t cap)
{
    snprintf(buf, cap, "Unknown error %d", e);
    return buf;
}

char *strerror(int e)
{
    static char buf[32];
    const char *t = text_of(e);

    return t ? (char *)t : unknown(e, buf, sizeof(buf));
}

char *strerror_l(int e, locale_t loc)
{
    (void)loc; /* one locale, "C" */
    return strerror(e);
}

/* newlib's internal form: (internal) and (errptr) are unused here. */
char *_strerror_r(struct _reent *r, int e, int internal, int *errptr)
{
    (void)r, (void)internal, (void)errptr;
    return strerror(e);
}

/* GNU's strerror_r: returns the text, maybe a static one. */
char *strerror_r(int e, char *buf, size_t cap)
{
    const char *t = text_of(e);

    if (t)
        return (char *)t;
    if (cap > 0)
        unknown(e, buf, cap);
    return buf;
}

int __xpg_strerror_r(int e, char *buf, size_t cap);

/* POSIX's strerror_r (what <string.h> names it without _GNU_SOURCE):
 * copies the text; EINVAL for an unknown number (the text "Unknown error
 * N" still copied), ERANGE when it does not fit (cut to fit). */
int __xpg_strerror_r(int e, char *buf, size_t cap)
{
    char tmp[32];
    const char *t = text_of(e);
    int ret = t ? 0 : EINVAL;

    if (!t)
        t = unknown(e, tmp, sizeof(tmp));
    size_t n = strlen(t);
    if (n >= cap) {
        if (cap > 0) {
            memcpy(buf, t, cap - 1);
            buf[cap - 1] = '\0';
        }
        return ERANGE;
    }
    memcpy(buf, t, n + 1);
    return ret;
}

/* "PREFIX: text" on stderr, for the calling thread's errno; the text of
 * an unknown number goes to a buffer of its own, not strerror()'s, which
 * POSIX says perror() leaves alone. */
void _perror_r(struct _reent *r, const char *prefix)
{
    char buf[32];
    const char *t = strerror_r(errno, buf, sizeof(buf));

    (void)r;
    if (prefix && *prefix)
        fprintf(stderr, "%s: %s\n", prefix, t);
    else
        fprintf(stderr, "%s\n", t);
}

void perror(const char *prefix)
{
    _perror_r(_REENT, prefix);
}
