#include "linediff.h"

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

/* Marks the lines of a[0..n) deleted and of b[0..m) inserted by a shortest
 * edit script (Myers 1986, with the V array of each step kept for the way
 * back; memory grows with the square of the number of differences). */
static void shortest_edit(const struct line *a, size_t n, const struct line *b, size_t m,
                          bool *deleted, bool *inserted)
{
    long max = (long)(n + m);
    long *v = xcalloc((size_t)(2 * max + 3), sizeof *v);
    long *vk = v + max + 1; /* vk[k] for k in [-max-1, max+1] */
    long **trace = xcalloc((size_t)max + 1, sizeof *trace);
    long d_end = 0;
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
            d_end = d;
            break;
        }
    }
    long x = (long)n, y = (long)m;
    for (long d = d_end; d > 0; d--) {
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
    for (long d = 0; d <= d_end; d++)
        free(trace[d]);
    free(trace);
    free(v);
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

static void print_line(struct buf *out, char mark, const struct line *l)
{
    buf_putc(out, mark);
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
                       const struct lines *b)
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
            print_line(out, '+', &b->items[s->line]);
        else
            print_line(out, s->op == OP_SAME ? ' ' : '-', &a->items[s->line]);
    }
}

bool linediff_unified(const char *old_text, size_t old_len, const char *new_text, size_t new_len,
                      const char *old_name, const char *new_name, struct buf *out)
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
    shortest_edit(a.items + prefix, a.n - prefix - suffix, b.items + prefix, b.n - prefix - suffix,
                  deleted + prefix, inserted + prefix);
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
        print_hunk(out, steps, from, to, old_before, new_before, &a, &b);
        i = last + 1;
    }
    free(steps);
    free(deleted);
    free(inserted);
    free(a.items);
    free(b.items);
    return true;
}
