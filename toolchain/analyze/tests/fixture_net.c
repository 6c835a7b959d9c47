/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fixture_net.c: stands in for a component archive in test_analyze. */
extern int helper_needed(int);
extern int maybe_there(int) __attribute__((weak));

int socket(int domain, int type, int protocol)
{
    return helper_needed(domain + type + protocol);
}

int lwip_secret_fn(void)
{
    return maybe_there ? maybe_there(1) : 0;
}
