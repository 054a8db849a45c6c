#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static unsigned char fold(char c)
{
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen, size_t limit)
{
    size_t gap = alen > blen ? alen - blen : blen - alen;
    if (gap > limit)
        return limit + 1;
    /* Three rows of the dynamic programme: two back (for swaps), one back, now. */
    size_t *rows = xmalloc(3 * (blen + 1) * sizeof *rows);
    size_t *prev2 = rows, *prev = rows + blen + 1, *cur = rows + 2 * (blen + 1);
    for (size_t j = 0; j <= blen; j++)
        prev[j] = j;
    for (size_t i = 1; i <= alen; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= blen; j++) {
            size_t cost = fold(a[i - 1]) != fold(b[j - 1]);
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
                fold(a[i - 2]) == fold(b[j - 1]) && prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
            if (cur[j] < row_min)
                row_min = cur[j];
        }
        if (row_min > limit) {
            free(rows);
            return limit + 1;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    size_t d = prev[blen];
    free(rows);
    return d > limit ? limit + 1 : d;
}

const char *suggest_closest(const char *name, size_t len, const char *const *candidates,
                            size_t ncandidates)
{
    size_t limit = len >= 12 ? 3 : len >= 5 ? 2 : 1;
    const char *best = NULL;
    size_t best_distance = limit + 1;
    for (size_t i = 0; i < ncandidates; i++) {
        size_t d = suggest_distance(name, len, candidates[i], strlen(candidates[i]), limit);
        if (d == 0)
            return NULL;
        if (d < best_distance) {
            best = candidates[i];
            best_distance = d;
        }
    }
    return best;
}
