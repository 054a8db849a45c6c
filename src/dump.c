#include "dump.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const type_names[] = {
    "REG_NONE",
    "REG_SZ",
    "REG_EXPAND_SZ",
    "REG_BINARY",
    "REG_DWORD",
    "REG_DWORD_BIG_ENDIAN",
    "REG_LINK",
    "REG_MULTI_SZ",
    "REG_RESOURCE_LIST",
    "REG_FULL_RESOURCE_DESCRIPTOR",
    "REG_RESOURCE_REQUIREMENTS_LIST",
    "REG_QWORD",
};

const char *dump_type_name(uint32_t type, char scratch[16])
{
    if (type < sizeof type_names / sizeof type_names[0])
        return type_names[type];
    snprintf(scratch, 16, "hex(%x)", (unsigned)type);
    return scratch;
}

/* Names print as UTF-8 with control characters as \xHH. */
static void put_name(struct buf *b, const char *s, size_t n)
{
    size_t plain = 0;
    while (plain < n && (unsigned char)s[plain] >= 0x20 && s[plain] != 0x7F)
        plain++;
    /* Nearly every name has no control character: copy it in one piece. */
    buf_append(b, s, plain);
    for (size_t i = plain; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F)
            buf_printf(b, "\\x%02x", c);
        else
            buf_putc(b, (char)c);
    }
}

/*
 * Dump lines sort bytewise, but they are not sorted as lines: that would hold
 * every line in memory at once. A value line starts with its key's path and
 * a TAB, which sorts before every printed character, so the lines of one key
 * are contiguous and keys come in the bytewise order of their paths; key
 * lines ("KEY\t...") sort after all value lines ("HKEY_..."). So the keys
 * are sorted by path once, then each key's values by name as it is printed.
 */

/* A key that prints, and its path as printed. */
struct printed_key {
    union {
        size_t offset;    /* in the path text while it is being built */
        const char *path; /* once it is complete */
    } at;
    const struct model_key *key;
    uint32_t len;
    bool has_values; /* prints value lines; otherwise one KEY line */
};

/* A value of the key (or keys) being printed, and its name as printed. */
struct printed_value {
    union {
        size_t offset;    /* in the name text while it is being built */
        const char *name; /* once it is complete */
    } at;
    const struct model_value *value;
    uint32_t len;
    uint32_t order; /* as listed: values with equal names keep it */
};

/* A shorter string sorts first when it is a prefix of the other. */
static int compare_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c)
        return c;
    return (alen > blen) - (alen < blen);
}

/* Keys whose paths print alike stay in the order they were listed (their
 * paths' order in the path text), as their lines would in a stable sort. */
static int compare_keys(const void *pa, const void *pb)
{
    const struct printed_key *a = pa, *b = pb;
    int c = compare_bytes(a->at.path, a->len, b->at.path, b->len);
    if (c)
        return c;
    return (a->at.path > b->at.path) - (a->at.path < b->at.path);
}

static int compare_values(const void *pa, const void *pb)
{
    const struct printed_value *a = pa, *b = pb;
    int c = compare_bytes(a->at.name, a->len, b->at.name, b->len);
    if (c)
        return c;
    return (a->order > b->order) - (a->order < b->order);
}

struct key_list {
    struct printed_key *items;
    size_t n, cap;
    struct buf paths;
};

/* Lists the existing keys the file names, with their printed paths. */
static void collect(const struct model_key *k, struct key_list *list, struct buf *path)
{
    /* Iterative over siblings, recursive over depth (at most 512 levels). */
    for (; k; k = k->next_sibling) {
        if (!k->exists)
            continue;
        size_t path_len = path->len;
        if (k->parent)
            buf_putc(path, '\\');
        put_name(path, k->name.s, k->name.len);
        if (k->named) {
            bool any = false;
            for (const struct model_value *v = k->first_value; v && !any; v = v->next)
                any = v->exists;
            list->items = xgrow(list->items, &list->cap, list->n + 1, sizeof *list->items);
            list->items[list->n++] =
                (struct printed_key){{list->paths.len}, k, (uint32_t)path->len, any};
            buf_append(&list->paths, path->data, path->len);
        }
        collect(k->first_child, list, path);
        path->len = path_len;
        path->data[path_len] = '\0';
    }
}

/* What printing reuses from line to line. */
struct printer {
    const struct model *m;
    FILE *out;
    struct buf line, data, names;
    struct printed_value *values;
    size_t cap;
};

static void print_line(struct printer *p, const struct printed_key *k,
                       const struct printed_value *pv)
{
    static const char hex[] = "0123456789abcdef";
    char scratch[16];
    const char *type = dump_type_name(model_value_type(p->m, pv->value), scratch);
    size_t type_len = strlen(type);
    buf_clear(&p->data);
    model_value_data(p->m, pv->value, &p->data);
    /* One reservation for the whole line, then plain stores. */
    struct buf *line = &p->line;
    buf_clear(line);
    buf_reserve(line, k->len + pv->len + type_len + p->data.len * 2 + 4);
    char *o = line->data;
    memcpy(o, k->at.path, k->len);
    o += k->len;
    *o++ = '\t';
    memcpy(o, pv->at.name, pv->len);
    o += pv->len;
    *o++ = '\t';
    memcpy(o, type, type_len);
    o += type_len;
    *o++ = '\t';
    for (size_t i = 0; i < p->data.len; i++) {
        unsigned char c = (unsigned char)p->data.data[i];
        *o++ = hex[c >> 4];
        *o++ = hex[c & 15];
    }
    *o++ = '\n';
    fwrite(line->data, 1, (size_t)(o - line->data), p->out);
}

/* The value lines of `n` keys whose paths print alike (nearly always just
 * one key), sorted by name. */
static void print_values(struct printer *p, const struct printed_key *keys, size_t n)
{
    size_t count = 0;
    buf_clear(&p->names);
    for (size_t k = 0; k < n; k++) {
        for (const struct model_value *v = keys[k].key->first_value; v; v = v->next) {
            if (!v->exists)
                continue;
            p->values = xgrow(p->values, &p->cap, count + 1, sizeof *p->values);
            size_t start = p->names.len;
            if (v->name.len)
                put_name(&p->names, v->name.s, v->name.len);
            else
                buf_putc(&p->names, '@');
            p->values[count] = (struct printed_value){
                {start}, v, (uint32_t)(p->names.len - start), (uint32_t)count};
            count++;
        }
    }
    for (size_t i = 0; i < count; i++)
        p->values[i].at.name = p->names.data + p->values[i].at.offset;
    if (count > 1)
        qsort(p->values, count, sizeof *p->values, compare_values);
    for (size_t i = 0; i < count; i++)
        print_line(p, keys, &p->values[i]);
}

void dump_model(const struct model *m, FILE *out)
{
    struct key_list keys = {NULL, 0, 0, BUF_INIT};
    struct buf path = BUF_INIT;
    for (int r = 0; r < REG_ROOT_COUNT; r++)
        collect(m->roots[r], &keys, &path);
    buf_free(&path);
    for (size_t i = 0; i < keys.n; i++)
        keys.items[i].at.path = keys.paths.data + keys.items[i].at.offset;
    if (keys.n > 1) /* qsort's pointer must not be NULL, even for no elements */
        qsort(keys.items, keys.n, sizeof *keys.items, compare_keys);
    struct printer p = {m, out, BUF_INIT, BUF_INIT, BUF_INIT, NULL, 0};
    for (size_t i = 0; i < keys.n;) {
        /* A control character prints as \xHH, like a subkey named xHH, so two
         * keys can print the same path; their value lines sort together. */
        size_t same = 1;
        while (i + same < keys.n &&
               compare_bytes(keys.items[i].at.path, keys.items[i].len,
                             keys.items[i + same].at.path, keys.items[i + same].len) == 0)
            same++;
        print_values(&p, keys.items + i, same);
        i += same;
    }
    for (size_t i = 0; i < keys.n; i++) {
        if (keys.items[i].has_values)
            continue;
        fputs("KEY\t", out);
        fwrite(keys.items[i].at.path, 1, keys.items[i].len, out);
        fputc('\n', out);
    }
    free(keys.items);
    buf_free(&keys.paths);
    free(p.values);
    buf_free(&p.line);
    buf_free(&p.data);
    buf_free(&p.names);
}
