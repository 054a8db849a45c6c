#include "orderdiff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "knowledge.h"
#include "text.h"
#include "xalloc.h"

static bool same_name(const char *a, const char *b)
{
    return knowledge_name_equal(a, strlen(a), b);
}

/* The first place of `name` in list[0..n), or ORDER_ABSENT. */
static size_t place_of(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (same_name(list[i], name))
            return i;
    return ORDER_ABSENT;
}

/* Whether list[i] is the first of its name in the list. */
static bool first_of_its_name(const char *const *list, size_t i)
{
    return place_of(list, i, list[i]) == ORDER_ABSENT;
}

static void add_item(struct order_diff *d, size_t *cap, enum order_change change, const char *name,
                     size_t old_pos, size_t new_pos)
{
    d->items = xgrow(d->items, cap, d->n + 1, sizeof *d->items);
    d->items[d->n++] = (struct order_item){change, name, old_pos, new_pos};
}

void order_compare(const char *const *old, size_t nold, const char *const *new_list, size_t nnew,
                   struct order_diff *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    /* The names both hold, in NEW's order, with their place in OLD. */
    size_t *common_new = xcalloc(nnew ? nnew : 1, sizeof *common_new);
    size_t *common_old = xcalloc(nnew ? nnew : 1, sizeof *common_old);
    size_t ncommon = 0;
    for (size_t i = 0; i < nnew; i++) {
        size_t at = place_of(old, nold, new_list[i]);
        if (at != ORDER_ABSENT && first_of_its_name(new_list, i)) {
            common_new[ncommon] = i;
            common_old[ncommon++] = at;
        }
    }
    /* The longest run of common names that keeps OLD's order stays; the
     * others moved (lists are short: quadratic time is fine). */
    size_t *length = xcalloc(ncommon ? ncommon : 1, sizeof *length);
    size_t *previous = xcalloc(ncommon ? ncommon : 1, sizeof *previous);
    size_t best = ORDER_ABSENT;
    for (size_t i = 0; i < ncommon; i++) {
        length[i] = 1;
        previous[i] = ORDER_ABSENT;
        for (size_t j = 0; j < i; j++)
            if (common_old[j] < common_old[i] && length[j] + 1 > length[i]) {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        if (best == ORDER_ABSENT || length[i] > length[best])
            best = i;
    }
    bool *stays = xcalloc(ncommon ? ncommon : 1, sizeof *stays);
    for (size_t i = best; i != ORDER_ABSENT; i = previous[i])
        stays[i] = true;
    /* Up or down: its rank among the common names, before and after. */
    size_t k = 0;
    for (size_t i = 0; i < nnew; i++) {
        if (!first_of_its_name(new_list, i))
            continue;
        if (k < ncommon && common_new[k] == i) {
            if (!stays[k]) {
                size_t old_rank = 0;
                for (size_t j = 0; j < ncommon; j++)
                    old_rank += common_old[j] < common_old[k];
                add_item(out, &cap, k < old_rank ? ORDER_MOVED_UP : ORDER_MOVED_DOWN, new_list[i],
                         common_old[k], i);
            }
            k++;
        } else {
            add_item(out, &cap, ORDER_ADDED, new_list[i], ORDER_ABSENT, i);
        }
    }
    for (size_t i = 0; i < nold; i++)
        if (first_of_its_name(old, i) && place_of(new_list, nnew, old[i]) == ORDER_ABSENT)
            add_item(out, &cap, ORDER_REMOVED, old[i], i, ORDER_ABSENT);
    out->first_changed = (nold == 0) != (nnew == 0) ||
                         (nold > 0 && nnew > 0 && !same_name(old[0], new_list[0]));
    free(common_new);
    free(common_old);
    free(length);
    free(previous);
    free(stays);
}

void order_diff_free(struct order_diff *d)
{
    free(d->items);
    memset(d, 0, sizeof *d);
}

bool order_next_comma_name(const char *s, size_t len, size_t *i, size_t *start, size_t *end)
{
    while (*i < len) {
        *start = *i;
        while (*i < len && s[*i] != ',')
            (*i)++;
        *end = (*i)++;
        while (*start < *end && (s[*start] == ' ' || s[*start] == '\t'))
            (*start)++;
        while (*end > *start && (s[*end - 1] == ' ' || s[*end - 1] == '\t'))
            (*end)--;
        if (*end > *start)
            return true;
    }
    return false;
}

const char **order_split_commas(struct arena *arena, const char *s, size_t len, size_t *n)
{
    const char **names = NULL;
    size_t cap = 0, i = 0, start, end;
    *n = 0;
    while (order_next_comma_name(s, len, &i, &start, &end)) {
        names = arena_grow_array(arena, names, *n, &cap, sizeof *names);
        names[(*n)++] = arena_strndup(arena, s + start, end - start);
    }
    return names;
}

const char **order_split_multi_sz(struct arena *arena, const unsigned char *data, size_t len,
                                  size_t *n)
{
    const char **names = NULL;
    size_t cap = 0;
    *n = 0;
    struct buf one = BUF_INIT;
    for (size_t i = 0; i + 1 < len;) {
        size_t start = i;
        while (i + 1 < len && (data[i] || data[i + 1]))
            i += 2;
        if (i == start)
            break;
        buf_clear(&one);
        text_from_utf16le(data + start, i - start, &one);
        names = arena_grow_array(arena, names, *n, &cap, sizeof *names);
        names[(*n)++] = arena_strndup(arena, one.data ? one.data : "", one.len);
        i += 2;
    }
    buf_free(&one);
    return names;
}

const char *order_ordinal(size_t pos, char out[24])
{
    size_t n = pos + 1;
    const char *suffix = "th";
    if (n % 100 < 11 || n % 100 > 13)
        suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    snprintf(out, 24, "%zu%s", n, suffix);
    return out;
}
