/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* errnos.c: errno names, their texts (strerror, strerror_r, perror) and
 * agreement between <errno.h>, <linux/errno.h> and what calls return; the
 * output must be identical on Ingot and on Linux, a differential test.
 * Numbers are not printed: the image's are newlib's (docs/porting.md). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <linux/errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define E(x)                                                                   \
    {                                                                          \
        x, #x                                                                  \
    }

int main(void)
{
    static const struct {
        int e;
        const char *name;
    } names[] = {
        E(E2BIG),        E(EACCES),
        E(EADDRINUSE),   E(EADDRNOTAVAIL),
        E(EADV),         E(EAFNOSUPPORT),
        E(EAGAIN),       E(EALREADY),
        E(EBADE),        E(EBADF),
        E(EBADFD),       E(EBADMSG),
        E(EBADR),        E(EBADRQC),
        E(EBADSLT),      E(EBFONT),
        E(EBUSY),        E(ECANCELED),
        E(ECHILD),       E(ECHRNG),
        E(ECOMM),        E(ECONNABORTED),
        E(ECONNREFUSED), E(ECONNRESET),
        E(EDEADLK),      E(EDEADLOCK),
        E(EDESTADDRREQ), E(EDOM),
        E(EDOTDOT),      E(EDQUOT),
        E(EEXIST),       E(EFAULT),
        E(EFBIG),        E(EHOSTDOWN),
        E(EHOSTUNREACH), E(EHWPOISON),
        E(EIDRM),        E(EILSEQ),
        E(EINPROGRESS),  E(EINTR),
        E(EINVAL),       E(EIO),
        E(EISCONN),      E(EISDIR),
        E(EISNAM),       E(EKEYEXPIRED),
        E(EKEYREJECTED), E(EKEYREVOKED),
        E(EL2HLT),       E(EL2NSYNC),
        E(EL3HLT),       E(EL3RST),
        E(ELIBACC),      E(ELIBBAD),
        E(ELIBEXEC),     E(ELIBMAX),
        E(ELIBSCN),      E(ELNRNG),
        E(ELOOP),        E(EMEDIUMTYPE),
        E(EMFILE),       E(EMLINK),
        E(EMSGSIZE),     E(EMULTIHOP),
        E(ENAMETOOLONG), E(ENAVAIL),
        E(ENETDOWN),     E(ENETRESET),
        E(ENETUNREACH),  E(ENFILE),
        E(ENOANO),       E(ENOBUFS),
        E(ENOCSI),       E(ENODATA),
        E(ENODEV),       E(ENOENT),
        E(ENOEXEC),      E(ENOKEY),
        E(ENOLCK),       E(ENOLINK),
        E(ENOMEDIUM),    E(ENOMEM),
        E(ENOMSG),       E(ENONET),
        E(ENOPKG),       E(ENOPROTOOPT),
        E(ENOSPC),       E(ENOSR),
        E(ENOSTR),       E(ENOSYS),
        E(ENOTBLK),      E(ENOTCONN),
        E(ENOTDIR),      E(ENOTEMPTY),
        E(ENOTNAM),      E(ENOTRECOVERABLE),
        E(ENOTSOCK),     E(ENOTTY),
        E(ENOTUNIQ),     E(ENXIO),
        E(EOPNOTSUPP),   E(EOVERFLOW),
        E(EOWNERDEAD),   E(EPERM),
        E(EPFNOSUPPORT), E(EPIPE),
        E(EPROTO),       E(EPROTONOSUPPORT),
        E(EPROTOTYPE),   E(ERANGE),
        E(EREMCHG),      E(EREMOTE),
        E(EREMOTEIO),    E(ERESTART),
        E(ERFKILL),      E(EROFS),
        E(ESHUTDOWN),    E(ESOCKTNOSUPPORT),
        E(ESPIPE),       E(ESRCH),
        E(ESRMNT),       E(ESTALE),
        E(ESTRPIPE),     E(ETIME),
        E(ETIMEDOUT),    E(ETOOMANYREFS),
        E(ETXTBSY),      E(EUCLEAN),
        E(EUNATCH),      E(EUSERS),
        E(EWOULDBLOCK),  E(EXDEV),
        E(EXFULL),       E(ENOTSUP),
        E(EWOULDBLOCK),  E(EDEADLOCK),
    };
    char buf[64];

    setvbuf(stdout, NULL, _IOLBF, 0);
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        printf("%s: %s\n", names[i].name, strerror(names[i].e));
    printf("unknown: %s\n", strerror(12345));
    printf("strerror_r: %d %s\n", strerror_r(ENOENT, buf, sizeof(buf)), buf);
    printf("strerror_r unknown: %d %s\n",
           strerror_r(12345, buf, sizeof(buf)) == EINVAL, buf);
    printf("strerror_r short: %d %s\n", strerror_r(ENOENT, buf, 8) == ERANGE,
           buf);
    printf("aliases: %d %d\n", ENOTSUP == EOPNOTSUPP, EDEADLOCK == EDEADLK);

    /* Calls answer with the numbers every header names. */
    mkdir("errnos.d", 0755);
    mkdir("errnos.d/sub", 0755);
    printf("rmdir of a full directory: %s\n",
           rmdir("errnos.d") == -1 && errno == ENOTEMPTY ? "ENOTEMPTY"
                                                         : "other");
    rmdir("errnos.d/sub");
    rmdir("errnos.d");
    pthread_mutexattr_t a;
    pthread_mutex_t m;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&m, &a);
    pthread_mutex_lock(&m);
    printf("relock: %s\n",
           pthread_mutex_lock(&m) == EDEADLK ? "EDEADLK" : "other");
    char longname[300];
    memset(longname, 'n', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    printf("long name: %s\n",
           access(longname, F_OK) == -1 && errno == ENAMETOOLONG
               ? "ENAMETOOLONG"
               : "other");

    /* perror on stderr, here joined to stdout. */
    fflush(stdout);
    dup2(1, 2);
    errno = EAGAIN;
    perror("perror");
    errno = ECONNREFUSED;
    perror(NULL);
    printf("errnos: done\n");
    return 0;
}
