/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ucontext.h: ucontext_t (sys/ucontext.h); no getcontext() family. */
#ifndef INGOT_UCONTEXT_H
#define INGOT_UCONTEXT_H

#include <sys/ucontext.h>

#endif /* INGOT_UCONTEXT_H */
