/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* list.h: the library OS's one intrusive doubly-linked list. */
#ifndef INGOT_LIST_H
#define INGOT_LIST_H

/*
 * A tail queue in the manner of queue(3)'s TAILQ, as functions: the
 * object embeds a struct ig_link per list it can be on, and the list is a
 * struct ig_list of two pointers.  An all-zero list is empty and an
 * all-zero link is on no list, so static, calloc'ed and embedded lists
 * (wait queues inside sem_t, say) need no initialization call.  Every
 * operation is O(1) except walking.  Nothing locks: the scheduler is
 * cooperative (<ingot/sched.h>).
 *
 *     struct ig_thread { struct ig_link q; ... };
 *     ig_list_push_tail(&runq, &t->q);
 *     struct ig_link *l = ig_list_pop_head(&runq);
 *     struct ig_thread *t = l ? IG_LIST_ENTRY(l, struct ig_thread, q) : NULL;
 */

#include <stddef.h>

struct ig_link {
    struct ig_link *next, *prev;
};

struct ig_list {
    struct ig_link *first, *last;
};

/* The object of type (type) whose member (member) is (link), not NULL. */
#define IG_LIST_ENTRY(link, type, member)                                      \
    ((type *)ig_list_object_(link, offsetof(type, member)))

static inline void *ig_list_object_(struct ig_link *link, size_t offset)
{
    return (char *)link - offset;
}

/* Walks (list) from first to last with (it), a struct ig_link *.  The body
 * must not remove (it); use ig_list_pop_head() to drain a list. */
#define IG_LIST_FOREACH(it, list)                                              \
    for (struct ig_link *it = (list)->first; it; it = it->next)

static inline int ig_list_empty(const struct ig_list *l)
{
    return l->first == NULL;
}

/* Whether (n) is on (l), given that it is on (l) or on no list. */
static inline int ig_list_linked(const struct ig_list *l,
                                 const struct ig_link *n)
{
    return n->prev != NULL || l->first == n;
}

/* Links (n) into (l) before (pos), which is on (l); at the tail when
 * (pos) is NULL. */
static inline void ig_list_insert_before(struct ig_list *l, struct ig_link *pos,
                                         struct ig_link *n)
{
    n->next = pos;
    n->prev = pos ? pos->prev : l->last;
    if (n->prev)
        n->prev->next = n;
    else
        l->first = n;
    if (pos)
        pos->prev = n;
    else
        l->last = n;
}

static inline void ig_list_push_tail(struct ig_list *l, struct ig_link *n)
{
    ig_list_insert_before(l, NULL, n);
}

static inline void ig_list_push_head(struct ig_list *l, struct ig_link *n)
{
    ig_list_insert_before(l, l->first, n);
}

/* Unlinks (n), which is on (l), and clears it. */
static inline void ig_list_remove(struct ig_list *l, struct ig_link *n)
{
    if (n->prev)
        n->prev->next = n->next;
    else
        l->first = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        l->last = n->prev;
    n->next = n->prev = NULL;
}

/* Unlinks and returns the first link of (l), NULL when it is empty. */
static inline struct ig_link *ig_list_pop_head(struct ig_list *l)
{
    struct ig_link *n = l->first;

    if (n)
        ig_list_remove(l, n);
    return n;
}

#endif /* INGOT_LIST_H */
