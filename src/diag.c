#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "printf_like.h"
#include "xalloc.h"

void diag_list_init(struct diag_list *list, struct arena *arena)
{
    memset(list, 0, sizeof *list);
    list->arena = arena;
}

void diag_list_release(struct diag_list *list)
{
    free(list->items);
    free(list->hidden);
    list->items = list->hidden = NULL;
    list->n = list->cap = list->nhidden = list->hidden_cap = 0;
    free(list->suppressed);
    list->suppressed = NULL;
    list->nsuppressed = list->suppressed_cap = 0;
}

void diag_list_suppress(struct diag_list *list, struct diag *d, const char *justification)
{
    list->suppressed = xgrow(list->suppressed, &list->suppressed_cap, list->nsuppressed + 1,
                             sizeof *list->suppressed);
    d->justification = justification;
    list->suppressed[list->nsuppressed++] = d;
}

/* A finding with its message, not yet in the list. */
static struct diag *new_diag(struct diag_list *list, struct source *src, struct span at,
                             const char *fmt, va_list ap) PRINTF_LIKE(4, 0);

static struct diag *new_diag(struct diag_list *list, struct source *src, struct span at,
                             const char *fmt, va_list ap)
{
    struct diag *d = arena_alloc(list->arena, sizeof *d);
    d->src = src;
    d->at = at;
    d->message = arena_vprintf(list->arena, fmt, ap);
    return d;
}

static void append(struct diag_list *list, struct diag *d)
{
    list->items = xgrow(list->items, &list->cap, list->n + 1, sizeof *list->items);
    list->items[list->n++] = d;
}

struct diag *diag_add(struct diag_list *list, enum rule_id rule, struct source *src,
                      struct span at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = new_diag(list, src, at, fmt, ap);
    va_end(ap);
    d->rule = rule;
    d->code = rule_info(rule)->id;
    d->severity = rule_info(rule)->severity;
    if (list->kept[rule] >= DIAG_PER_RULE_LIMIT) {
        list->dropped[rule]++;
        list->hidden = xgrow(list->hidden, &list->hidden_cap, list->nhidden + 1, sizeof *list->hidden);
        list->hidden[list->nhidden++] = d;
        return d;
    }
    list->kept[rule]++;
    append(list, d);
    return d;
}

struct diag *diag_add_coded(struct diag_list *list, const char *code, enum severity severity,
                            struct source *src, struct span at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = new_diag(list, src, at, fmt, ap);
    va_end(ap);
    d->rule = RULE_COUNT;
    d->code = arena_strdup(list->arena, code);
    d->severity = severity;
    append(list, d);
    return d;
}

void diag_help(struct diag_list *list, struct diag *d, const char *fmt, ...)
{
    d->help = arena_grow_array(list->arena, d->help, d->nhelp, &d->help_cap, sizeof *d->help);
    va_list ap;
    va_start(ap, fmt);
    d->help[d->nhelp++] = arena_vprintf(list->arena, fmt, ap);
    va_end(ap);
}

struct fix *diag_fix(struct diag_list *list, struct diag *d, enum fix_applicability how,
                     const char *fmt, ...)
{
    struct fix *fix = arena_alloc(list->arena, sizeof *fix);
    fix->applicability = how;
    va_list ap;
    va_start(ap, fmt);
    fix->message = arena_vprintf(list->arena, fmt, ap);
    va_end(ap);
    d->fix = fix;
    return fix;
}

void diag_fix_edit(struct diag_list *list, struct fix *fix, struct span at, const char *text)
{
    fix->edits = arena_grow_array(list->arena, fix->edits, fix->nedits, &fix->edits_cap, sizeof *fix->edits);
    fix->edits[fix->nedits].at = at;
    fix->edits[fix->nedits].text = arena_strdup(list->arena, text);
    fix->nedits++;
}

static size_t filter(struct diag **items, size_t n, bool (*keep)(struct diag *d, void *ctx),
                     void *ctx)
{
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (keep(items[i], ctx))
            items[kept++] = items[i];
    return kept;
}

void diag_list_filter(struct diag_list *list, bool (*keep)(struct diag *d, void *ctx), void *ctx)
{
    list->n = filter(list->items, list->n, keep, ctx);
    list->nhidden = filter(list->hidden, list->nhidden, keep, ctx);
    memset(list->dropped, 0, sizeof list->dropped);
    for (size_t i = 0; i < list->nhidden; i++)
        list->dropped[list->hidden[i]->rule]++;
}

struct diag *diag_list_any(const struct diag_list *list, size_t i)
{
    return i < list->n ? list->items[i] : list->hidden[i - list->n];
}

/* Merge sort: stable, and the list can be long on bad input. */
static void merge_sort(struct diag **a, struct diag **tmp, size_t n)
{
    if (n < 2)
        return;
    size_t mid = n / 2;
    merge_sort(a, tmp, mid);
    merge_sort(a + mid, tmp, n - mid);
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n)
        tmp[k++] = a[j]->at.start < a[i]->at.start ? a[j++] : a[i++];
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

static void sort_diags(struct diag **items, size_t n)
{
    if (n < 2)
        return;
    struct diag **tmp = xmalloc(n * sizeof *tmp);
    merge_sort(items, tmp, n);
    free(tmp);
}

void diag_list_sort(struct diag_list *list)
{
    sort_diags(list->items, list->n);
    sort_diags(list->suppressed, list->nsuppressed);
}

size_t diag_count_at_least(const struct diag_list *list, enum severity sev)
{
    size_t count = 0;
    for (size_t i = 0; i < list->n; i++)
        count += list->items[i]->severity >= sev;
    return count;
}

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t diag_fingerprint(const struct diag *d)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    h = fnv1a(h, d->code, strlen(d->code) + 1);
    if (d->anchor_key)
        h = fnv1a(h, d->anchor_key, strlen(d->anchor_key));
    h = fnv1a(h, "", 1);
    if (d->anchor_value)
        h = fnv1a(h, d->anchor_value, strlen(d->anchor_value));
    h = fnv1a(h, "", 1);
    uint32_t line, col;
    source_position(d->src, d->at.start, &line, &col);
    struct span ls = source_line(d->src, line);
    for (uint32_t i = ls.start; i < ls.end; i++) {
        char c = d->src->d.text[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            h = fnv1a(h, &c, 1);
    }
    return h;
}
