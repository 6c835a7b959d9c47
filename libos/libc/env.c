/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* env.c: setenv, unsetenv and putenv with Linux's checks on the name. */
#include <ingot/posix.h>

#include <errno.h>
#include <reent.h>
#include <stdlib.h>
#include <string.h>

/*
 * newlib's setenv() and unsetenv() accept an empty name or one holding
 * '=' (setenv("a=b", ...) then made an entry getenv("a") found) and crash
 * on NULL; its putenv("NAME") without '=' adds nothing instead of removing
 * NAME as glibc's does.  These take their places (they define what
 * newlib's setenv.o and putenv.o define, and come first on the link
 * line) and hand valid calls to newlib's _setenv_r, _unsetenv_r and
 * _putenv_r, which keep the environment and its lock.
 */
int _unsetenv_r(struct _reent *r, const char *name);
int _putenv_r(struct _reent *r, char *string);

/* 0 for a name setenv() and unsetenv() may use, else -EINVAL. */
static int check(const char *name)
{
    return name && *name && !strchr(name, '=') ? 0 : -EINVAL;
}

int setenv(const char *name, const char *value, int overwrite)
{
    int err = check(name);

    if (err)
        return (int)ig_posix_ret(err);
    return _setenv_r(_REENT, name, value, overwrite);
}

int unsetenv(const char *name)
{
    int err = check(name);

    if (err)
        return (int)ig_posix_ret(err);
    return _unsetenv_r(_REENT, name);
}

/* GNU and SVID: a string without '=' removes that variable. */
int putenv(char *string)
{
    if (!string)
        return (int)ig_posix_ret(-EINVAL);
    if (!strchr(string, '='))
        return *string ? _unsetenv_r(_REENT, string) : 0;
    return _putenv_r(_REENT, string);
}
