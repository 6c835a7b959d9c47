/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* crypt.h: password hashing, as Linux programs include it. */
#ifndef INGOT_CRYPT_H
#define INGOT_CRYPT_H

/* crypt() is declared by newlib's <unistd.h>; the library OS defines it
 * and crypt_r() with SHA-512-crypt ("$6$"), the scheme Linux
 * distributions hash passwords with besides yescrypt.  Other settings
 * fail with the token "*0" and EINVAL (docs/porting.md). */
#include <unistd.h>

#define CRYPT_OUTPUT_SIZE 384
#define CRYPT_MAX_PASSPHRASE_SIZE 512

/* The work area of crypt_r(); (output) holds its result.  As with
 * libxcrypt, (initialized) may be set to 0 before the first use. */
struct crypt_data {
    char output[CRYPT_OUTPUT_SIZE];
    char setting[CRYPT_OUTPUT_SIZE];
    char input[CRYPT_MAX_PASSPHRASE_SIZE];
    char initialized;
};

char *crypt(const char *key, const char *setting);
char *crypt_r(const char *key, const char *setting,
              struct crypt_data *__restrict data);

#endif /* INGOT_CRYPT_H */
