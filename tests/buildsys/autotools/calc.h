/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* calc.h: the library's one function. */
double calc_hypot(double a, double b);
