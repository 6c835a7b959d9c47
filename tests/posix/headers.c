/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* headers.c: every header Linux programs include that newlib lacks
 * compiles under ingot-cc with -Wall -Werror, alone and together, and the
 * macros and types they promise are there. */
#include <crypt.h>
#include <endian.h>
#include <features.h>
#include <glob.h>
#include <grp.h>
#include <ifaddrs.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <linux/capability.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/tcp.h>
#include <pwd.h>
#include <sched.h>
#include <setjmp.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/termios.h>
#include <sys/sysinfo.h>
#include <sys/timerfd.h>
#include <sys/ucontext.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <syslog.h>
#include <sysexits.h>
#include <termios.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#if !defined(__linux__)
#error "__linux__ must stay defined"
#endif
#if SSIZE_MAX != LONG_MAX
#error "SSIZE_MAX"
#endif
#if FD_SETSIZE < 1024
#error "FD_SETSIZE is smaller than Linux's"
#endif
#if SYS_gettid != 186 || SYS_getrandom != 318
#error "SYS_* numbers are not Linux x86_64's"
#endif
#if EX_USAGE != 64 || EX_CONFIG != 78 || SO_MARK != 36 || IPPROTO_SCTP != 132
#error "sysexits, SO_* or IPPROTO_* values are not Linux's"
#endif

int main(void)
{
    cpu_set_t set;
    struct sockaddr_un sun = {.sun_family = AF_UNIX};
    struct statfs sfs;
    struct rlimit rl = {RLIM_INFINITY, RLIM_INFINITY};
    struct rusage ru;
    struct sysinfo si;
    struct utsname u;
    struct winsize ws;
    eventfd_t ev = 0;
    jmp_buf jb;

    CPU_ZERO(&set);
    CPU_SET(1, &set);
    (void)sizeof(sun);
    (void)sizeof(sfs);
    (void)sizeof(ru);
    (void)sizeof(si);
    (void)sizeof(u);
    (void)sizeof(ws);
    (void)rl;
    (void)ev;
    (void)jb;
    (void)(MAP_ANONYMOUS | MAP_PRIVATE | PROT_READ | MREMAP_MAYMOVE);
    (void)(LOG_PID | LOG_DAEMON | LOG_UPTO(LOG_INFO));
    (void)(PR_SET_NAME | EPOLLIN | LOCK_EX | EFD_NONBLOCK | TFD_CLOEXEC);
    (void)(FIONBIO | FIONREAD | TIOCGWINSZ | TCP_NODELAY | IFF_UP);
    (void)sizeof(struct ifaddrs);
    (void)(CAP_NET_BIND_SERVICE | RLIMIT_NOFILE | RUSAGE_THREAD);
    return CPU_COUNT(&set) - 1;
}
