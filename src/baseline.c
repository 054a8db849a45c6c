#include "baseline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "platform.h"
#include "source.h"
#include "xalloc.h"

#define BASELINE_MAGIC "# reglint baseline 1"

/* The directory part of a path, with its final separator ("" for none). */
static char *directory_of(const char *path)
{
    size_t len = strlen(path);
    while (len > 0 && !platform_is_separator(path[len - 1]))
        len--;
    char *dir = xmalloc(len + 1);
    memcpy(dir, path, len);
    dir[len] = '\0';
    return dir;
}

static void entry_of(const char *dir, const struct diag *d, struct buf *out)
{
    char *rel = config_path_from(dir, d->src->name);
    buf_printf(out, "%s %016llx %s", d->code, (unsigned long long)diag_fingerprint(d), rel);
    free(rel);
}

static int by_string(const void *pa, const void *pb)
{
    return strcmp(*(char *const *)pa, *(char *const *)pb);
}

bool baseline_load(const char *path, struct baseline *b, char **error, bool *unreadable)
{
    memset(b, 0, sizeof *b);
    *unreadable = false;
    const char *why = NULL;
    struct source *src = source_load(path, NULL, &why);
    struct buf message = BUF_INIT;
    if (!src) {
        *unreadable = true;
        buf_printf(&message, "%s: cannot read the baseline: %s", path, why ? why : "unreadable");
        *error = xstrdup(message.data);
        buf_free(&message);
        return false;
    }
    const char *text = src->d.text;
    size_t n = src->d.len;
    if (n < strlen(BASELINE_MAGIC) || strncmp(text, BASELINE_MAGIC, strlen(BASELINE_MAGIC)) != 0) {
        buf_printf(&message, "%s: not a reglint baseline (written by --write-baseline)", path);
        *error = xstrdup(message.data);
        buf_free(&message);
        source_free(src);
        return false;
    }
    size_t cap = 0;
    for (size_t i = 0; i < n;) {
        size_t end = i;
        while (end < n && text[end] != '\n')
            end++;
        size_t stop = end > i && text[end - 1] == '\r' ? end - 1 : end;
        if (stop > i && text[i] != '#') {
            b->entries = xgrow(b->entries, &cap, b->n + 1, sizeof *b->entries);
            b->entries[b->n] = xmalloc(stop - i + 1);
            memcpy(b->entries[b->n], text + i, stop - i);
            b->entries[b->n++][stop - i] = '\0';
        }
        i = end + 1;
    }
    source_free(src);
    if (b->n > 1)
        qsort(b->entries, b->n, sizeof *b->entries, by_string);
    b->used = xcalloc(b->n ? b->n : 1, sizeof *b->used);
    b->dir = directory_of(path);
    return true;
}

void baseline_free(struct baseline *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->entries[i]);
    free(b->entries);
    free(b->used);
    free(b->dir);
    memset(b, 0, sizeof *b);
}

void baseline_filter(struct baseline *b, struct diag_list *diags)
{
    struct buf entry = BUF_INIT;
    size_t kept = 0;
    for (size_t i = 0; i < diags->n; i++) {
        buf_clear(&entry);
        entry_of(b->dir, diags->items[i], &entry);
        size_t lo = 0, hi = b->n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(b->entries[mid], entry.data) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        while (lo < b->n && b->used[lo] && strcmp(b->entries[lo], entry.data) == 0)
            lo++;
        if (lo < b->n && strcmp(b->entries[lo], entry.data) == 0)
            b->used[lo] = true;
        else
            diags->items[kept++] = diags->items[i];
    }
    diags->n = kept;
    buf_free(&entry);
}

void baseline_record(const char *baseline_path, const struct diag_list *diags, enum severity min,
                     struct buf *entries)
{
    char *dir = directory_of(baseline_path);
    for (size_t i = 0; i < diags->n; i++) {
        if (diags->items[i]->severity < min)
            continue;
        entry_of(dir, diags->items[i], entries);
        buf_putc(entries, '\n');
    }
    free(dir);
}

const char *baseline_write(const char *path, const struct buf *entries, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < entries->len; i++)
        n += entries->data[i] == '\n';
    char **lines = xcalloc(n ? n : 1, sizeof *lines);
    char *copy = xmalloc(entries->len + 1);
    if (entries->len)
        memcpy(copy, entries->data, entries->len);
    copy[entries->len] = '\0';
    char *line = copy;
    for (size_t k = 0; k < n; k++) {
        char *nl = strchr(line, '\n');
        *nl = '\0';
        lines[k] = line;
        line = nl + 1;
    }
    if (n > 1)
        qsort(lines, n, sizeof *lines, by_string);
    struct buf out = BUF_INIT;
    buf_puts(&out, BASELINE_MAGIC ": findings 'reglint lint --baseline' does not report (ID FINGERPRINT FILE)\n");
    for (size_t i = 0; i < n; i++)
        buf_printf(&out, "%s\n", lines[i]);
    const char *error = platform_write_atomic(path, out.data, out.len);
    buf_free(&out);
    free(lines);
    free(copy);
    *count = n;
    return error;
}
