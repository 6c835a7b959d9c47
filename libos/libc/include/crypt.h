/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* crypt.h: password hashing, as Linux programs include it. */
#ifndef INGOT_CRYPT_H
#define INGOT_CRYPT_H

/* crypt() is declared by newlib's <unistd.h>.  The library OS does not
 * define it yet (nor crypt_r()): a program that calls it fails to link
 * with a line naming it, and configure-style probes find it missing, so
 * programs that include this header unconditionally (nginx on Linux)
 * still build. */
#include <unistd.h>

#endif /* INGOT_CRYPT_H */
