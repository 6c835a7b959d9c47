/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* errnos.c: errno names, their numbers and texts (strerror, strerror_r,
 * perror), agreement between <errno.h>, <linux/errno.h> and what calls
 * return, and the numbers a wide set of failing calls leave in errno; the
 * output must be identical on Ingot and on Linux, a differential test. */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/errno.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Prints the errno a failing call left, as a number: "what: -1 errno N". */
#define FAILS(what, call)                                                      \
    do {                                                                       \
        errno = 0;                                                             \
        long r_ = (long)(call);                                                \
        printf("%s: %ld errno %d\n", what, r_, errno);                         \
    } while (0)
/* The same for calls that return the error number (pthreads). */
#define RETURNS(what, call) printf("%s: returns %d\n", what, (int)(call))

static void *nothing(void *arg)
{
    return arg;
}

/* Each call fails the way Linux's does; the numbers must be Linux's. */
static void calls(void)
{
    int p[2], fd, s, s2;
    char buf[16], longname[300];
    struct sockaddr_in sin = {.sin_family = AF_INET};

    mkdir("errnos.n", 0755);
    mkdir("errnos.n/sub", 0755);
    fd = open("errnos.n/file", O_CREAT | O_RDWR | O_TRUNC, 0644);
    FAILS("open missing", open("errnos.n/missing", O_RDONLY));
    FAILS("open dir for writing", open("errnos.n", O_WRONLY));
    FAILS("open O_DIRECTORY file",
          open("errnos.n/file", O_RDONLY | O_DIRECTORY));
    FAILS("open O_EXCL existing",
          open("errnos.n/file", O_CREAT | O_EXCL | O_RDWR, 0644));
    FAILS("open under a file", open("errnos.n/file/x", O_RDONLY));
    memset(longname, 'n', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    FAILS("access long name", access(longname, F_OK));
    FAILS("close bad fd", close(9999));
    FAILS("read bad fd", read(-1, buf, 1));
    FAILS("dup2 to -1", dup2(fd, -1));
    FAILS("fcntl bad cmd", fcntl(fd, 9999));
    FAILS("ioctl TIOCGWINSZ on a file", ioctl(fd, TIOCGWINSZ, buf));
    FAILS("mkdir existing", mkdir("errnos.n/sub", 0755));
    FAILS("rmdir non-empty", rmdir("errnos.n"));
    FAILS("rmdir a file", rmdir("errnos.n/file"));
    FAILS("unlink a directory", unlink("errnos.n/sub"));
    FAILS("rename into itself", rename("errnos.n", "errnos.n/sub/x"));
    FAILS("opendir missing", opendir("errnos.n/missing"));
    FAILS("getcwd short buffer", getcwd(buf, 1));
    FAILS("lseek bad whence", lseek(fd, 0, 77));

    pipe(p);
    FAILS("lseek on a pipe", lseek(p[0], 0, SEEK_SET));
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    FAILS("read empty nonblocking pipe", read(p[0], buf, 1));
    signal(SIGPIPE, SIG_IGN);
    close(p[0]);
    FAILS("write without a reader", write(p[1], "x", 1));
    close(p[1]);

    FAILS("socket bad family", socket(12345, SOCK_STREAM, 0));
    FAILS("socket bad type", socket(AF_INET, 12345, 0));
    FAILS("getsockopt on a file",
          getsockopt(fd, SOL_SOCKET, SO_TYPE, buf, &(socklen_t){sizeof(buf)}));
    s = socket(AF_INET, SOCK_STREAM, 0);
    FAILS("recv unconnected", recv(s, buf, 1, 0));
    FAILS("accept not listening", accept(s, NULL, NULL));
    FAILS("setsockopt bad level",
          setsockopt(s, 12345, 1, &(int){1}, sizeof(int)));
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sin.sin_port = htons(1); /* nobody listens on port 1 */
    FAILS("connect refused", connect(s, (struct sockaddr *)&sin, sizeof(sin)));
    close(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    s2 = socket(AF_INET, SOCK_STREAM, 0);
    sin.sin_port = 0;
    bind(s, (struct sockaddr *)&sin, sizeof(sin));
    listen(s, 1);
    getsockname(s, (struct sockaddr *)&sin, &(socklen_t){sizeof(sin)});
    FAILS("bind in use", bind(s2, (struct sockaddr *)&sin, sizeof(sin)));
    close(s);
    close(s2);

    FAILS("syscall unknown number", syscall(99999));
    FAILS("nanosleep bad nsec",
          nanosleep(&(struct timespec){0, 2000000000}, NULL));
    FAILS("mq_open missing", mq_open("/errnos-missing", O_RDONLY));
    FAILS("strtol overflow", (strtol("99999999999999999999", NULL, 10), -1));

    sem_t sem;
    sem_init(&sem, 0, 0);
    FAILS("sem_trywait at 0", sem_trywait(&sem));
    struct timespec past = {1, 0};
    FAILS("sem_timedwait past", sem_timedwait(&sem, &past));
    sem_destroy(&sem);

    pthread_mutexattr_t a;
    pthread_mutex_t m;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&m, &a);
    RETURNS("unlock not owned", pthread_mutex_unlock(&m));
    pthread_mutex_lock(&m);
    RETURNS("relock errorcheck", pthread_mutex_lock(&m));
    RETURNS("destroy locked", pthread_mutex_destroy(&m));
    pthread_mutex_unlock(&m);
    pthread_mutex_destroy(&m);
    RETURNS("settype bad", pthread_mutexattr_settype(&a, 12345));
    pthread_mutexattr_destroy(&a);
    RETURNS("join self", pthread_join(pthread_self(), NULL));
    pthread_t t;
    pthread_create(&t, NULL, nothing, NULL);
    pthread_join(t, NULL);
    RETURNS(
        "setschedparam bad policy",
        pthread_setschedparam(pthread_self(), 12345, &(struct sched_param){0}));

    close(fd);
    unlink("errnos.n/file");
    rmdir("errnos.n/sub");
    rmdir("errnos.n");
}

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
        printf("%s %d: %s\n", names[i].name, names[i].e, strerror(names[i].e));
    printf("unknown: %s\n", strerror(12345));
    printf("strerror_r: %d %s\n", strerror_r(ENOENT, buf, sizeof(buf)), buf);
    printf("strerror_r unknown: %d %s\n",
           strerror_r(12345, buf, sizeof(buf)) == EINVAL, buf);
    printf("strerror_r short: %d %s\n", strerror_r(ENOENT, buf, 8) == ERANGE,
           buf);
    printf("aliases: %d %d\n", ENOTSUP == EOPNOTSUPP, EDEADLOCK == EDEADLK);
    printf("strerror(0): %s\n", strerror(0));
    for (int e = 0; e <= 140; e++)
        printf("%d: %s\n", e, strerror(e));

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

    calls();

    /* perror on stderr, here joined to stdout. */
    fflush(stdout);
    dup2(1, 2);
    errno = EAGAIN;
    perror("perror");
    errno = ECONNREFUSED;
    perror(NULL);
    /* perror of an unknown number leaves strerror's text alone (gnulib's
     * test-perror2). */
    char *msg = strerror(1729576), kept[64];
    snprintf(kept, sizeof(kept), "%s", msg);
    errno = -5;
    perror("perror");
    printf("strerror's text after perror: %s\n",
           strcmp(msg, kept) == 0 ? "kept" : "overwritten");
    printf("errnos: done\n");
    return 0;
}
