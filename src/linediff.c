#include "linediff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct line {
    const char *s;
    size_t len;     /* with the line ending */
    size_t content; /* without it */
};

struct lines {
    struct line *items;
    size_t n;
    size_t cap;
};

static void split_lines(const char *s, size_t len, struct lines *out)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && s[i] != '\n' && s[i] != '\r')
            i++;
        size_t content = i - start;
        if (i < len && s[i] == '\r')
            i++;
        if (i < len && s[i] == '\n')
            i++;
        out->items = xgrow(out->items, &out->cap, out->n + 1, sizeof *out->items);
        out->items[out->n++] = (struct line){s + start, i - start, content};
    }
}

static bool same_line(const struct line *a, const struct line *b)
{
    return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

enum op { OP_SAME, OP_DELETE, OP_INSERT };

/* Beyond this many differences in one stretch between anchors, the stretch
 * is shown as replaced, so that time and memory stay bounded. */
#define MAX_EDIT_STEPS 1000

/* Marks the lines of a[0..n) deleted and of b[0..m) inserted by a shortest
 * edit script (Myers 1986, with the V array of each step kept for the way
 * back; memory grows with the square of the number of differences).
 * Returns false, marking nothing, past MAX_EDIT_STEPS differences. */
static bool shortest_edit(const struct line *a, size_t n, const struct line *b, size_t m,
                          bool *deleted, bool *inserted)
{
    long max = (long)(n + m);
    if (max > MAX_EDIT_STEPS)
        max = MAX_EDIT_STEPS;
    long *v = xcalloc((size_t)(2 * max + 3), sizeof *v);
    long *vk = v + max + 1; /* vk[k] for k in [-max-1, max+1] */
    long **trace = xcalloc((size_t)max + 1, sizeof *trace);
    long d_end = -1;
    long d_last = max;
    for (long d = 0; d <= max; d++) {
        /* Before step d, vk[-(d-1) .. d-1] holds step d-1's reach. */
        trace[d] = xmalloc((size_t)(2 * d + 1) * sizeof **trace);
        memcpy(trace[d], vk - d, (size_t)(2 * d + 1) * sizeof **trace);
        bool done = false;
        for (long k = -d; k <= d && !done; k += 2) {
            long x = (k == -d || (k != d && vk[k - 1] < vk[k + 1])) ? vk[k + 1] : vk[k - 1] + 1;
            long y = x - k;
            while (x < (long)n && y < (long)m && same_line(&a[x], &b[y])) {
                x++;
                y++;
            }
            vk[k] = x;
            done = x >= (long)n && y >= (long)m;
        }
        if (done) {
            d_end = d_last = d;
            break;
        }
    }
    bool found = d_end >= 0;
    long x = (long)n, y = (long)m;
    for (long d = found ? d_end : 0; d > 0; d--) {
        const long *prev = trace[d] + d; /* prev[k] for k in [-d, d] */
        long k = x - y;
        long prev_k = (k == -d || (k != d && prev[k - 1] < prev[k + 1])) ? k + 1 : k - 1;
        long prev_x = prev[prev_k];
        long prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) {
            x--;
            y--;
        }
        if (x == prev_x)
            inserted[prev_y] = true;
        else
            deleted[prev_x] = true;
        x = prev_x;
        y = prev_y;
    }
    for (long d = 0; d <= d_last; d++)
        free(trace[d]);
    free(trace);
    free(v);
    return found;
}

/* Diffs one stretch: common first and last lines are kept, the rest goes
 * to shortest_edit(), or is shown as replaced when that gives up. */
static void diff_stretch(const struct line *a, size_t n, const struct line *b, size_t m,
                         bool *deleted, bool *inserted)
{
    size_t prefix = 0;
    while (prefix < n && prefix < m && same_line(&a[prefix], &b[prefix]))
        prefix++;
    size_t suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix &&
           same_line(&a[n - 1 - suffix], &b[m - 1 - suffix]))
        suffix++;
    a += prefix, b += prefix, deleted += prefix, inserted += prefix;
    n -= prefix + suffix;
    m -= prefix + suffix;
    if (shortest_edit(a, n, b, m, deleted, inserted))
        return;
    for (size_t i = 0; i < n; i++)
        deleted[i] = true;
    for (size_t j = 0; j < m; j++)
        inserted[j] = true;
}

/* A line's count in each text, and where it was last seen. */
struct line_count {
    const struct line *line; /* NULL: empty slot */
    uint64_t hash;
    size_t in_a, in_b;
    size_t at_a, at_b;
};

static uint64_t line_hash(const struct line *l)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < l->len; i++)
        h = (h ^ (unsigned char)l->s[i]) * 1099511628211u;
    return h;
}

static struct line_count *count_of(struct line_count *table, size_t mask, const struct line *l)
{
    uint64_t h = line_hash(l);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        struct line_count *c = &table[i];
        if (!c->line) {
            c->line = l;
            c->hash = h;
            return c;
        }
        if (c->hash == h && same_line(c->line, l))
            return c;
    }
}

/* Lines found once in each text, in an order both texts agree on (the
 * longest such sequence; patience diff's anchors): anchors[k] is the line
 * of `a`, anchors_b[k] that of `b`. Returns how many. */
static size_t find_anchors(const struct line *a, size_t n, const struct line *b, size_t m,
                           size_t **anchors_a, size_t **anchors_b)
{
    size_t size = 1;
    while (size < 2 * (n + m) + 2)
        size *= 2;
    struct line_count *table = xcalloc(size, sizeof *table);
    for (size_t i = 0; i < n; i++) {
        struct line_count *c = count_of(table, size - 1, &a[i]);
        c->in_a++;
        c->at_a = i;
    }
    for (size_t j = 0; j < m; j++) {
        struct line_count *c = count_of(table, size - 1, &b[j]);
        c->in_b++;
        c->at_b = j;
    }
    /* Candidates in the order of `a`; the longest run increasing in `b`
     * by patience sorting: tails[k] ends the best run of length k+1. */
    size_t *cand_a = xmalloc((n + 1) * sizeof *cand_a), *cand_b = xmalloc((n + 1) * sizeof *cand_b);
    size_t ncand = 0;
    for (size_t i = 0; i < n; i++) {
        const struct line_count *c = count_of(table, size - 1, &a[i]);
        if (c->in_a == 1 && c->in_b == 1) {
            cand_a[ncand] = i;
            cand_b[ncand++] = c->at_b;
        }
    }
    free(table);
    size_t *tails = xmalloc((ncand + 1) * sizeof *tails), *before = xmalloc((ncand + 1) * sizeof *before);
    size_t len = 0;
    for (size_t k = 0; k < ncand; k++) {
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cand_b[tails[mid]] < cand_b[k])
                lo = mid + 1;
            else
                hi = mid;
        }
        before[k] = lo > 0 ? tails[lo - 1] : SIZE_MAX;
        tails[lo] = k;
        if (lo == len)
            len++;
    }
    *anchors_a = xmalloc((len + 1) * sizeof **anchors_a);
    *anchors_b = xmalloc((len + 1) * sizeof **anchors_b);
    size_t k = len ? tails[len - 1] : SIZE_MAX;
    for (size_t r = len; r > 0; r--, k = before[k]) {
        (*anchors_a)[r - 1] = cand_a[k];
        (*anchors_b)[r - 1] = cand_b[k];
    }
    free(tails);
    free(before);
    free(cand_a);
    free(cand_b);
    return len;
}

/* Moves each run of changed lines down while the line after it equals its
 * first line, as GNU diff does: the same script, but added blocks follow
 * the lines they repeat instead of splitting them. */
static void slide_down(const struct lines *l, bool *changed)
{
    size_t s = 0;
    while (s < l->n) {
        if (!changed[s]) {
            s++;
            continue;
        }
        size_t e = s;
        while (e < l->n && changed[e])
            e++;
        while (e < l->n && !changed[e] && same_line(&l->items[s], &l->items[e])) {
            changed[s++] = false;
            changed[e++] = true;
            while (e < l->n && changed[e])
                e++;
        }
        s = e;
    }
}

struct step {
    enum op op;
    size_t line; /* index in the old text (same, delete) or the new (insert) */
};

static void print_line(struct buf *out, char mark, const struct line *l, bool keep_ends)
{
    buf_putc(out, mark);
    if (keep_ends && l->len > l->content) {
        buf_append(out, l->s, l->len);
        return;
    }
    buf_append(out, l->s, l->content);
    buf_putc(out, '\n');
    if (l->len == l->content)
        buf_puts(out, "\\ No newline at end of file\n");
}

static void print_range(struct buf *out, size_t before, size_t count)
{
    buf_printf(out, "%zu", before + (count ? 1 : 0));
    if (count != 1)
        buf_printf(out, ",%zu", count);
}

/* A hunk of steps[from..to); old_before and new_before count the lines of
 * each text before it. */
static void print_hunk(struct buf *out, const struct step *steps, size_t from, size_t to,
                       size_t old_before, size_t new_before, const struct lines *a,
                       const struct lines *b, bool keep_ends)
{
    size_t old_count = 0, new_count = 0;
    for (size_t i = from; i < to; i++) {
        old_count += steps[i].op != OP_INSERT;
        new_count += steps[i].op != OP_DELETE;
    }
    buf_puts(out, "@@ -");
    print_range(out, old_before, old_count);
    buf_puts(out, " +");
    print_range(out, new_before, new_count);
    buf_puts(out, " @@\n");
    for (size_t i = from; i < to; i++) {
        const struct step *s = &steps[i];
        if (s->op == OP_INSERT)
            print_line(out, '+', &b->items[s->line], keep_ends);
        else
            print_line(out, s->op == OP_SAME ? ' ' : '-', &a->items[s->line], keep_ends);
    }
}

static bool unified(const char *old_text, size_t old_len, const char *new_text, size_t new_len,
                    const char *old_name, const char *new_name, bool keep_ends, struct buf *out)
{
    if (old_len == new_len && memcmp(old_text, new_text, old_len) == 0)
        return false;
    struct lines a, b;
    split_lines(old_text, old_len, &a);
    split_lines(new_text, new_len, &b);
    size_t prefix = 0;
    while (prefix < a.n && prefix < b.n && same_line(&a.items[prefix], &b.items[prefix]))
        prefix++;
    size_t suffix = 0;
    while (suffix < a.n - prefix && suffix < b.n - prefix &&
           same_line(&a.items[a.n - 1 - suffix], &b.items[b.n - 1 - suffix]))
        suffix++;
    bool *deleted = xcalloc(a.n + 1, sizeof *deleted);
    bool *inserted = xcalloc(b.n + 1, sizeof *inserted);
    /* Between lines both texts have once, each stretch is diffed alone: a
     * fixed file differs from its input in small places. */
    size_t *anchors_a, *anchors_b;
    size_t n = a.n - prefix - suffix, m = b.n - prefix - suffix;
    size_t nanchors = find_anchors(a.items + prefix, n, b.items + prefix, m, &anchors_a, &anchors_b);
    size_t from_a = 0, from_b = 0;
    for (size_t k = 0; k <= nanchors; k++) {
        size_t to_a = k < nanchors ? anchors_a[k] : n, to_b = k < nanchors ? anchors_b[k] : m;
        diff_stretch(a.items + prefix + from_a, to_a - from_a, b.items + prefix + from_b, to_b - from_b,
                     deleted + prefix + from_a, inserted + prefix + from_b);
        from_a = to_a + 1;
        from_b = to_b + 1;
    }
    free(anchors_a);
    free(anchors_b);
    slide_down(&a, deleted);
    slide_down(&b, inserted);

    /* The script in file order: deletions before insertions at each change. */
    struct step *steps = xmalloc((a.n + b.n + 1) * sizeof *steps);
    size_t nsteps = 0;
    for (size_t i = 0, j = 0; i < a.n || j < b.n;) {
        if (i < a.n && deleted[i])
            steps[nsteps++] = (struct step){OP_DELETE, i++};
        else if (j < b.n && inserted[j])
            steps[nsteps++] = (struct step){OP_INSERT, j++};
        else {
            steps[nsteps++] = (struct step){OP_SAME, i};
            i++;
            j++;
        }
    }

    buf_printf(out, "--- %s\n+++ %s\n", old_name, new_name);
    size_t i = 0, counted = 0, old_before = 0, new_before = 0;
    while (i < nsteps) {
        while (i < nsteps && steps[i].op == OP_SAME)
            i++;
        if (i == nsteps)
            break;
        size_t from = i > LINEDIFF_CONTEXT ? i - LINEDIFF_CONTEXT : 0;
        /* Extend over changes separated by at most twice the context. */
        size_t last = i;
        for (size_t j = i; j < nsteps; j++) {
            if (steps[j].op != OP_SAME)
                last = j;
            else if (j - last > 2 * LINEDIFF_CONTEXT)
                break;
        }
        size_t to = last + 1 + LINEDIFF_CONTEXT < nsteps ? last + 1 + LINEDIFF_CONTEXT : nsteps;
        for (; counted < from; counted++) {
            old_before += steps[counted].op != OP_INSERT;
            new_before += steps[counted].op != OP_DELETE;
        }
        print_hunk(out, steps, from, to, old_before, new_before, &a, &b, keep_ends);
        i = last + 1;
    }
    free(steps);
    free(deleted);
    free(inserted);
    free(a.items);
    free(b.items);
    return true;
}

bool linediff_unified(const char *old_text, size_t old_len, const char *new_text, size_t new_len,
                      const char *old_name, const char *new_name, struct buf *out)
{
    return unified(old_text, old_len, new_text, new_len, old_name, new_name, false, out);
}

bool linediff_patch(const char *old_bytes, size_t old_len, const char *new_bytes, size_t new_len,
                    const char *old_name, const char *new_name, struct buf *out)
{
    return unified(old_bytes, old_len, new_bytes, new_len, old_name, new_name, true, out);
}
