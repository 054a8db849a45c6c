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

/* Whether s[i] starts an unpaired UTF-16 surrogate, which the decoder keeps
 * as its WTF-8 bytes (ED A0..BF xx). */
static bool at_surrogate(const char *s, size_t n, size_t i)
{
    return (unsigned char)s[i] == 0xED && i + 2 < n && (unsigned char)s[i + 1] >= 0xA0;
}

/* How much of a name surely prints as it is: up to its first control
 * character or 0xED byte (which may start an unpaired surrogate; the
 * check is left to put_name(), as such bytes are rare). */
static size_t plain_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] >= 0x20 && s[i] != 0x7F && (unsigned char)s[i] != 0xED)
        i++;
    return i;
}

/* Names print as UTF-8, with control characters as \xHH and unpaired
 * surrogates (not UTF-8) as \uHHHH. */
static void put_name(struct buf *b, const char *s, size_t n)
{
    size_t plain = plain_prefix(s, n);
    /* Nearly every name is plain: copy it in one piece. */
    buf_append(b, s, plain);
    for (size_t i = plain; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F) {
            buf_printf(b, "\\x%02x", c);
        } else if (at_surrogate(s, n, i)) {
            unsigned cp = 0xD000u | ((unsigned)(s[i + 1] & 0x3F) << 6) | (unsigned)(s[i + 2] & 0x3F);
            buf_printf(b, "\\u%04x", cp);
            i += 2;
        } else {
            buf_putc(b, (char)c);
        }
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

/* A key that prints. Its path is not kept: a table of every printed path
 * would cost memory in proportion to the file; it is printed again when
 * needed. */
struct printed_key {
    const struct model_key *key;
    uint32_t order;  /* as listed: keys whose paths print alike keep it */
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

/* The path of `k` as printed from below `top` (the whole path when `top` is
 * NULL), in place of the contents of `path`. */
static void print_path_below(struct buf *path, const struct model_key *k,
                             const struct model_key *top)
{
    if (k->parent != top) {
        print_path_below(path, k->parent, top);
        buf_putc(path, '\\');
    } else {
        buf_clear(path);
    }
    put_name(path, k->name.s, k->name.len);
}

/* Whether put_name() surely prints the name of `k` as it is. */
static bool plain_name(const struct model_key *k)
{
    return plain_prefix(k->name.s, k->name.len) == k->name.len;
}

/* Scratch for compare_keys(), which qsort() gives no context. */
static struct buf path_a, path_b;

/* Keys compare by printed path. Both paths print alike down to their
 * deepest common key, so only what lies below it is printed to compare;
 * a key's path is a prefix of its descendants' paths. Keys whose paths
 * print alike stay in the order they were listed, as their lines would in a
 * stable sort. */
static int compare_keys(const void *pa, const void *pb)
{
    const struct printed_key *a = pa, *b = pb;
    const struct model_key *ka = a->key, *kb = b->key;
    while (ka->depth > kb->depth)
        ka = ka->parent;
    while (kb->depth > ka->depth)
        kb = kb->parent;
    while (ka->parent != kb->parent) {
        ka = ka->parent;
        kb = kb->parent;
    }
    int c;
    size_t shorter = ka->name.len < kb->name.len ? ka->name.len : kb->name.len;
    if (ka == kb) { /* one is the other or its ancestor */
        c = (a->key->depth > b->key->depth) - (a->key->depth < b->key->depth);
    } else if (plain_name(ka) && plain_name(kb) &&
               (c = memcmp(ka->name.s, kb->name.s, shorter)) != 0) {
        /* Names that print as they are and differ decide alone. */
    } else {
        print_path_below(&path_a, a->key, ka->parent);
        print_path_below(&path_b, b->key, kb->parent);
        c = compare_bytes(path_a.data, path_a.len, path_b.data, path_b.len);
    }
    if (c)
        return c;
    return (a->order > b->order) - (a->order < b->order);
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
};

/* Lists the existing keys the file names. */
static void collect(const struct model_key *k, struct key_list *list)
{
    /* Iterative over siblings, recursive over depth (at most 512 levels). */
    for (; k; k = k->next_sibling) {
        if (!k->exists)
            continue;
        if (k->named) {
            bool any = false;
            for (const struct model_value *v = k->first_value; v && !any; v = v->next)
                any = v->exists;
            list->items = xgrow(list->items, &list->cap, list->n + 1, sizeof *list->items);
            list->items[list->n] = (struct printed_key){k, (uint32_t)list->n, any};
            list->n++;
        }
        collect(k->first_child, list);
    }
}

/* What printing reuses from line to line. */
struct printer {
    const struct model *m;
    FILE *out;
    struct buf path; /* of the key (or keys) being printed */
    struct buf line, data, names;
    struct printed_value *values;
    size_t cap;
};

static void print_line(struct printer *p, const struct printed_value *pv)
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
    buf_reserve(line, p->path.len + pv->len + type_len + p->data.len * 2 + 4);
    char *o = line->data;
    memcpy(o, p->path.data, p->path.len);
    o += p->path.len;
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
 * one key; p->path), sorted by name. */
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
            struct reg_name name = model_value_name(p->m, v);
            if (name.len == 0)
                buf_putc(&p->names, '@');
            else if (name.len == 1 && name.s[0] == '@')
                buf_puts(&p->names, "\\x40"); /* a value named "@", not the default */
            else
                put_name(&p->names, name.s, name.len);
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
        print_line(p, &p->values[i]);
}

void dump_model(const struct model *m, FILE *out)
{
    struct key_list keys = {NULL, 0, 0};
    for (int r = 0; r < REG_ROOT_COUNT; r++)
        collect(m->roots[r], &keys);
    if (keys.n > 1) /* qsort's pointer must not be NULL, even for no elements */
        qsort(keys.items, keys.n, sizeof *keys.items, compare_keys);
    buf_free(&path_a);
    buf_free(&path_b);
    struct printer p = {m, out, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, NULL, 0};
    struct buf next = BUF_INIT;
    if (keys.n > 0)
        print_path_below(&p.path, keys.items[0].key, NULL);
    for (size_t i = 0; i < keys.n;) {
        /* A control character prints as \xHH, like a subkey named xHH, so two
         * keys can print the same path; their value lines sort together. */
        size_t same = 1;
        for (; i + same < keys.n; same++) {
            print_path_below(&next, keys.items[i + same].key, NULL);
            if (compare_bytes(p.path.data, p.path.len, next.data, next.len) != 0)
                break;
        }
        print_values(&p, keys.items + i, same);
        i += same;
        /* `next` holds the path of the next key, if any. */
        struct buf printed = p.path;
        p.path = next;
        next = printed;
    }
    for (size_t i = 0; i < keys.n; i++) {
        if (keys.items[i].has_values)
            continue;
        print_path_below(&p.path, keys.items[i].key, NULL);
        fputs("KEY\t", out);
        fwrite(p.path.data, 1, p.path.len, out);
        fputc('\n', out);
    }
    free(keys.items);
    buf_free(&next);
    free(p.values);
    buf_free(&p.path);
    buf_free(&p.line);
    buf_free(&p.data);
    buf_free(&p.names);
}
