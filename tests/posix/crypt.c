/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* crypt.c: crypt() and crypt_r() with SHA-512-crypt settings; the output
 * must be identical on Ingot and on Linux (libxcrypt), a differential
 * test.  Settings of other schemes are not compared: Ingot has only
 * "$6$". */
#include <crypt.h>
#include <stdio.h>
#include <string.h>

#include "ename.h"

int main(void)
{
    static const char *const cases[][2] = {
        /* The specification's own examples. */
        {"Hello world!", "$6$saltstring"},
        {"Hello world!", "$6$rounds=10000$saltstringsaltstring"},
        {"This is just a test", "$6$rounds=5000$toolongsaltstring"},
        {"a very much longer text to encrypt.  This one even stretches over"
         "morethan one line.",
         "$6$rounds=1400$anotherlongsaltstring"},
        {"we have a short salt string but not a short password",
         "$6$rounds=2000$short"},
        /* A stored hash as the setting verifies a password. */
        {"secret", "$6$abc$ignored-rest"},
        {"", "$6$salt$"},
        {"x", "$6$"},
        {"x", "$6$rounds=1000$salt"},
        {"0123456789012345678901234567890123456789012345678901234567890123456"
         "789",
         "$6$longkey"},
        /* Settings libxcrypt refuses. */
        {"x", "$6$rounds=10$abc$def"},
        {"x", "$6$rounds=0999$salt"},
        {"x", "$6$rounds=abc$salt"},
        {"x", "$6$rounds=1000000000$salt"},
        {"x", "$6$a:b"},
        {"x", "$9$abc"},
        {"x", "*0"},
    };
    struct crypt_data data;

    (void)show;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        errno = 0;
        const char *r = crypt(cases[i][0], cases[i][1]);
        printf("%s -> %s %s\n", cases[i][1], r ? r : "NULL",
               errno ? ename(errno) : "");
    }
    memset(&data, 0, sizeof(data));
    const char *r = crypt_r("Hello world!", "$6$saltstring", &data);
    printf("crypt_r: %s, in data %d\n", r, r == data.output);
    r = crypt("Hello world!", r);
    printf("verifies: %d\n", !strcmp(r, data.output));
    printf("crypt: done\n");
    return 0;
}
