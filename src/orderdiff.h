/*
 * orderdiff: how one ordered list of names differs from another, as a
 * reviewer reads a cipher-suite or curve order: names added, names removed,
 * and names moved up or down.
 *
 * Names compare as the registry's ASCII names do, without regard to case. A
 * name counts as moved only when its place among the names both lists hold
 * changed and keeping it would not keep the most of them in order (the
 * fewest moves that turn one order into the other): adding a name at the top
 * moves nothing, swapping two neighbours moves one.
 *
 * order_split_commas() and order_split_multi_sz() read the two forms a
 * list takes in the registry: the policy's comma-separated REG_SZ and a
 * REG_MULTI_SZ.
 *
 * It compares; it knows nothing about TLS, and reports nothing.
 *
 * Ownership: order_compare() fills arrays the caller frees with
 * order_diff_free(); names point into the lists given. The split functions
 * put their names in the arena given.
 */
#ifndef REGLINT_ORDERDIFF_H
#define REGLINT_ORDERDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

enum order_change {
    ORDER_ADDED,      /* in NEW only */
    ORDER_REMOVED,    /* in OLD only */
    ORDER_MOVED_UP,   /* in both, earlier in NEW than its neighbours let it stay */
    ORDER_MOVED_DOWN, /* in both, later in NEW */
};

#define ORDER_ABSENT ((size_t)-1)

struct order_item {
    enum order_change change;
    const char *name;     /* as NEW spells it, else as OLD does */
    size_t old_pos;       /* 0-based; ORDER_ABSENT when not in OLD */
    size_t new_pos;       /* 0-based; ORDER_ABSENT when not in NEW */
};

struct order_diff {
    struct order_item *items; /* NEW's added and moved names in NEW's order, then OLD's removed ones */
    size_t n;
    /* The first name differs (a peer that takes the first name it knows gets another). */
    bool first_changed;
};

/* Fills `out` with what turns `old` into `new_list`. A name listed twice
 * counts at its first place. */
void order_compare(const char *const *old, size_t nold, const char *const *new_list, size_t nnew,
                   struct order_diff *out);
void order_diff_free(struct order_diff *d);

/* The next name of the comma-separated list s[0..len), from *i on: its
 * bounds, blanks around it trimmed, in *start and *end; empty names are
 * passed over; false when none is left. The one way reglint splits a REG_SZ
 * suite list. */
bool order_next_comma_name(const char *s, size_t len, size_t *i, size_t *start, size_t *end);
/* The names of "A, B,C", by order_next_comma_name(). *n is set to the count. */
const char **order_split_commas(struct arena *arena, const char *s, size_t len, size_t *n);
/* The strings of REG_MULTI_SZ data (UTF-16LE), up to the first empty one,
 * as UTF-8. */
const char **order_split_multi_sz(struct arena *arena, const unsigned char *data, size_t len,
                                  size_t *n);

/* "1st", "2nd", "3rd", "11th", ... for 0-based position `pos`, in `out` (of
 * at least 24 bytes). */
const char *order_ordinal(size_t pos, char out[24]);

#endif
