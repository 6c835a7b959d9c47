/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* component.h: optional library-OS components register themselves. */
#ifndef INGOT_COMPONENT_H
#define INGOT_COMPONENT_H

/*
 * An optional component (the network, volumes, ...) declares one
 * IG_COMPONENT entry in the file that holds its start-up code.  The entry
 * lands in the linker section "ig_components", so the table holds exactly
 * the components ingot-cc linked into the image: leaving a component's
 * archive out removes its entry, and libos/core names no component.
 *
 * Lifecycle.  ig_libos_main() (core/init.c) sets up memory, the file
 * system and the scheduler, then:
 *   1. hands every libos option of the command line (the tokens before
 *      "--" that core does not handle itself: argv0= and env.) to
 *      ig_component_option(), in command-line order;
 *   2. calls ig_component_init_all() once: every entry's init hook, in
 *      ascending (order);
 *   3. runs constructors and main.
 *
 * Linking.  An entry is kept because the linker scripts KEEP the section
 * (platforms/<plat>/<plat>.ld), but only an archive member that is linked
 * contributes one: put the entry in an object that the component's users
 * pull in, or name ig_component_<name> as the component's "entry" in
 * toolchain/analyze/components.json (ingot-cc then passes -u).
 */

struct ig_component {
    const char *name;   /* for messages: "net" */
    const char *prefix; /* the libos options it takes ("net."), or NULL */
    /* Handles one option that starts with (prefix); (opt) is the whole
     * token.  Returns 0, or -EINVAL when the option is unknown or its
     * value malformed (boot then stops: "ingot: bad libos option"). */
    int (*option)(const char *opt);
    /* Starts the component after all options.  Returns 0 or -errno (boot
     * then stops: "ingot: cannot start <name>: error N"). */
    int (*init)(void);
    /* Init hooks and option handlers run in ascending order; when two
     * entries take the same prefix, the lower order gets the option. */
    int order;
};

/* Orders of the components in the tree; a newcomer picks a free number. */
enum {
    IG_ORDER_COREDUMP = 50,  /* core=: the crash hook, set first */
    IG_ORDER_VOL = 100,      /* volumes: mounted while options are read */
    IG_ORDER_NET = 200,      /* the network: started after all options */
    IG_ORDER_FALLBACK = 900, /* a placeholder for an absent component */
};

/* Declares component (cname) with the designated initializers that
 * follow, e.g.
 *
 *     IG_COMPONENT(net, .prefix = "net.", .option = ig_net_option,
 *                  .init = ig_net_init, .order = IG_ORDER_NET);
 *
 * It defines the global ig_component_<cname> (a name ld's -u can pull in)
 * and its pointer in the table. */
#define IG_COMPONENT(cname, ...)                                               \
    const struct ig_component ig_component_##cname = {.name = #cname,          \
                                                      __VA_ARGS__};            \
    static const struct ig_component *const ig_component_ptr_##cname           \
        __attribute__((used, section("ig_components"),                         \
                       aligned(sizeof(void *)))) = &ig_component_##cname

/* Passes (opt) to the option handler of the first component (by order)
 * whose prefix it starts with.  Returns that handler's result, or 1 when
 * no component takes it (the caller reports it as unknown). */
int ig_component_option(const char *opt);

/* Runs every component's init hook in ascending order.  Returns 0, or
 * stops at the first failure and returns its -errno, with (*who) naming
 * that component. */
int ig_component_init_all(const char **who);

#endif /* INGOT_COMPONENT_H */
