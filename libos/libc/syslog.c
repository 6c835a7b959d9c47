/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* syslog.c: syslog(3) to the console: an image has no syslog daemon. */
#include <ingot/plat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

/* Set by libos/core from argv[0]. */
extern char *program_invocation_short_name;

static const char *log_ident;
static int log_option;
static int log_mask = 0xff;

void openlog(const char *ident, int option, int facility)
{
    (void)facility;
    log_ident = ident;
    log_option = option;
}

void closelog(void)
{
    log_ident = NULL;
    log_option = 0;
}

int setlogmask(int mask)
{
    int old = log_mask;

    if (mask)
        log_mask = mask;
    return old;
}

/* One line: "IDENT[PID]: MESSAGE\n", cut at 1 KiB like a datagram to a
 * syslog daemon would be, and written with one console write so lines
 * from several threads do not interleave. */
void vsyslog(int priority, const char *fmt, va_list ap)
{
    char line[1024], msg[1024], fmt2[512];
    int saved = errno;
    const char *ident = log_ident;

    if (!(log_mask & LOG_MASK(LOG_PRI(priority))))
        return;
    if (!ident)
        ident = program_invocation_short_name;
    /* %m is strerror(errno), expanded before the arguments. */
    size_t o = 0;
    for (const char *p = fmt; *p && o < sizeof(fmt2) - 1; p++) {
        if (p[0] == '%' && p[1] == 'm') {
            const char *e = strerror(saved);
            for (; *e && o < sizeof(fmt2) - 1; e++) {
                if (*e == '%' && o < sizeof(fmt2) - 2)
                    fmt2[o++] = '%';
                fmt2[o++] = *e;
            }
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            fmt2[o++] = *p++;
            if (o < sizeof(fmt2) - 1)
                fmt2[o++] = *p;
        } else {
            fmt2[o++] = *p;
        }
    }
    fmt2[o] = '\0';
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vsnprintf(msg, sizeof(msg), fmt2, ap);
#pragma GCC diagnostic pop
    int n = (log_option & LOG_PID)
                ? snprintf(line, sizeof(line), "%s[%d]: %s", ident,
                           (int)getpid(), msg)
                : snprintf(line, sizeof(line), "%s: %s", ident, msg);
    if (n < 0)
        return;
    size_t len = (size_t)n < sizeof(line) - 1 ? (size_t)n : sizeof(line) - 2;
    if (len == 0 || line[len - 1] != '\n')
        line[len++] = '\n';
    ig_plat_console_write(line, len);
}

void syslog(int priority, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsyslog(priority, fmt, ap);
    va_end(ap);
}
