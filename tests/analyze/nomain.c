/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* nomain.c: a program without main, which the library OS calls. */
int not_main(void)
{
    return 0;
}
