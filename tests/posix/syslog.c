/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* syslog.c: syslog(3) lines reach the console (there is no daemon). */
#include <errno.h>
#include <stdio.h>
#include <syslog.h>

int main(void)
{
    openlog("posixlog", LOG_PID, LOG_DAEMON);
    syslog(LOG_INFO, "hello %d", 42);
    errno = ENOENT;
    syslog(LOG_ERR, "failed: %m (100%%)");
    int old = setlogmask(LOG_UPTO(LOG_WARNING));
    syslog(LOG_INFO, "filtered out");
    printf("old mask covers debug: %d\n", (old & LOG_MASK(LOG_DEBUG)) != 0);
    closelog();
    syslog(LOG_WARNING, "after closelog\n");
    printf("syslog: done\n");
    return 0;
}
