/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ldfmt.h: exact long double conversions behind printf's and scanf's %L. */
#ifndef INGOT_LDFMT_H
#define INGOT_LDFMT_H

/* newlib's printf and scanf families convert long doubles through double.
 * ldprintf.c and ldscanf.c take the place of newlib's four core routines
 * (_vfprintf_r, _svfprintf_r, _vfscanf_r, __ssvfscanf_r: newlib's own are
 * renamed __ig_nl_* in its archive, toolchain/cmake/newlib.cmake): a
 * format without a long double conversion goes straight to newlib's
 * routine; one with goes through a walk of the format that converts each
 * %L conversion here and hands every other one to newlib's routine. */

/* Flags of a conversion. */
#define IG_LD_MINUS 0x01 /* '-': left-justified */
#define IG_LD_PLUS 0x02  /* '+': a sign always */
#define IG_LD_SPACE 0x04 /* ' ': a space for a positive sign */
#define IG_LD_HASH 0x08  /* '#': the alternative form */
#define IG_LD_ZERO 0x10  /* '0': padded with zeros */

/* Formats (v) as printf formats it for conversion (conv), one of
 * "aAeEfFgG", with the flags (IG_LD_*), field width (width, at least 0)
 * and precision (prec, negative for the default), exactly as glibc does
 * on x86_64 in the round-to-nearest mode: every digit is the exact
 * decimal (or hexadecimal) expansion, rounded half to even.  Stores a
 * malloc'd, NUL-terminated text in (*out).  Returns its length, or -1
 * with errno ENOMEM. */
int ig_libc_ldfmt(char **out, long double v, unsigned flags, int width,
                  int prec, int conv);

/* Writes (v) in decimal at (p), with leading zeros to at least (min)
 * digits (an exponent's, a field width); returns the end. */
char *ig_libc_ld_putdec(char *p, unsigned long v, int min);

#endif /* INGOT_LDFMT_H */
