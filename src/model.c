#include "model.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

/*
 * {=====================================================================
 * Name tables: open addressing from (owner, name in any case) to a key or
 * a value. One table maps keys by (parent, name), the other values by
 * (key, name).
 *
 * Only owners with many children or values are in the tables: most keys hold
 * a handful, which a walk along the list finds as fast, and a table slot per
 * item would cost memory in proportion to the whole file.
 * =====================================================================
 */

/* An owner's items go into a table once it has this many. Below it a walk
 * costs less than hashing the name and reaching a slot far in memory: two
 * names that differ are mostly told apart by their last characters
 * (text_names_equal()). */
#define TABLE_MIN_ITEMS 16

/* A slot holds a struct model_key * or struct model_value *, NULL if free.
 * No hash is kept beside it, which would double the table: a value keeps
 * its own, and keys, far fewer, have theirs computed again. */

struct model_table {
    bool holds_values;
    const struct reg_file *file; /* where values' names are */
    void **slots;
    size_t cap; /* a power of two */
    size_t n;
};

static uint32_t hash_name(const void *owner, const char *s, size_t len)
{
    return text_name_hash((uint64_t)(uintptr_t)owner, s, len);
}

static const void *slot_owner(const struct model_table *t, const void *item)
{
    return t->holds_values ? (const void *)((const struct model_value *)item)->key
                           : (const void *)((const struct model_key *)item)->parent;
}

static struct reg_name value_name(const struct reg_file *file, const struct model_value *v)
{
    return reg_value_name(file, &file->stmts[v->name_stmt].as.value);
}

static struct reg_name slot_name(const struct model_table *t, const void *item)
{
    return t->holds_values ? value_name(t->file, item) : ((const struct model_key *)item)->name;
}

/* A table with room for `expected` items before it grows: growing moves
 * every item, and a large file's values would move a dozen times. */
static struct model_table *table_new(bool holds_values, const struct reg_file *file,
                                     size_t expected)
{
    struct model_table *t = xcalloc(1, sizeof *t);
    t->holds_values = holds_values;
    t->file = file;
    t->cap = 64;
    while ((expected + 1) * 10 > t->cap * 7)
        t->cap *= 2;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    return t;
}

static void table_free(struct model_table *t)
{
    if (t) {
        free(t->slots);
        free(t);
    }
}

static void *table_find(const struct model_table *t, const void *owner, const char *s,
                        size_t len, uint32_t hash)
{
    size_t mask = t->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        void *item = t->slots[i];
        if (!item)
            return NULL;
        if (t->holds_values && ((const struct model_value *)item)->hash != hash)
            continue;
        if (slot_owner(t, item) == owner) {
            struct reg_name name = slot_name(t, item);
            if (text_names_equal(name.s, name.len, s, len))
                return item;
        }
    }
}

static void table_put(struct model_table *t, uint32_t hash, void *item);

static void table_grow(struct model_table *t)
{
    void **old = t->slots;
    size_t old_cap = t->cap;
    t->cap *= 2;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    t->n = 0;
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i])
            continue;
        if (t->holds_values) {
            table_put(t, ((const struct model_value *)old[i])->hash, old[i]);
        } else {
            struct reg_name name = slot_name(t, old[i]);
            table_put(t, hash_name(slot_owner(t, old[i]), name.s, name.len), old[i]);
        }
    }
    free(old);
}

static void table_put(struct model_table *t, uint32_t hash, void *item)
{
    if ((t->n + 1) * 10 > t->cap * 7)
        table_grow(t);
    size_t mask = t->cap - 1;
    size_t i = hash & mask;
    while (t->slots[i])
        i = (i + 1) & mask;
    t->slots[i] = item;
    if (t->holds_values)
        ((struct model_value *)item)->hash = hash;
    t->n++;
}

/* }===================================================================== */

/*
 * {=====================================================================
 * Histories: the statements that touched a key or value, for those touched
 * more than once, by the key or value (its owner). Few are: a list head in
 * every key and value would cost memory in proportion to the file.
 * =====================================================================
 */

struct model_history_slot {
    const void *owner; /* NULL if free */
    struct model_event *events;
};

struct model_histories {
    struct model_history_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
};

static size_t owner_hash(const void *owner)
{
    /* Arena objects are 8-aligned: the low bits say nothing. */
    return (size_t)(((uintptr_t)owner >> 3) * 0x9E3779B97F4A7C15u >> 16);
}

static struct model_history_slot *history_slot(const struct model_histories *h, const void *owner)
{
    size_t mask = h->cap - 1;
    size_t i = owner_hash(owner) & mask;
    while (h->slots[i].owner && h->slots[i].owner != owner)
        i = (i + 1) & mask;
    return &h->slots[i];
}

/* The list head of `owner`, made empty if it has none. Valid until the next
 * call. */
static struct model_event **history_list(struct model_histories *h, const void *owner)
{
    if ((h->n + 1) * 10 > h->cap * 7) {
        struct model_history_slot *old = h->slots;
        size_t old_cap = h->cap;
        h->cap = old_cap ? old_cap * 2 : 64;
        h->slots = xcalloc(h->cap, sizeof *h->slots);
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].owner)
                *history_slot(h, old[i].owner) = old[i];
        free(old);
    }
    struct model_history_slot *slot = history_slot(h, owner);
    if (!slot->owner) {
        slot->owner = owner;
        h->n++;
    }
    return &slot->events;
}

static const struct model_event *history_find(const struct model *m, const void *owner)
{
    return history_slot(m->histories, owner)->events;
}

/* }===================================================================== */

static void push_event(struct model *m, const void *owner, uint32_t stmt)
{
    struct model_event *e = arena_alloc(m->arena, sizeof *e);
    struct model_event **list = history_list(m->histories, owner);
    e->stmt = stmt;
    e->next = *list;
    *list = e;
}

/* Records `stmt` as touching `owner` after `newest`, the one statement so
 * far (MODEL_NO_STMT if none) when it has no history yet: the list starts
 * only with a second statement. */
static void add_event(struct model *m, const void *owner, bool *has_history, uint32_t newest,
                      size_t stmt)
{
    if (!*has_history) {
        if (newest == MODEL_NO_STMT)
            return;
        *has_history = true;
        push_event(m, owner, newest);
    }
    push_event(m, owner, (uint32_t)stmt);
}

static void add_key_event(struct model *m, struct model_key *k, size_t stmt)
{
    add_event(m, k, &k->has_history, k->stmt, stmt);
    k->stmt = (uint32_t)stmt;
}

const struct model_event *model_value_history(const struct model *m, const struct model_value *v,
                                              struct model_event *single)
{
    if (v->has_history)
        return history_find(m, v);
    *single = (struct model_event){v->stmt, NULL};
    return single;
}

const struct model_event *model_key_history(const struct model *m, const struct model_key *k,
                                            struct model_event *single)
{
    if (k->has_history)
        return history_find(m, k);
    if (k->stmt == MODEL_NO_STMT)
        return NULL;
    *single = (struct model_event){k->stmt, NULL};
    return single;
}

struct model_key *model_child(const struct model *m, const struct model_key *parent,
                              const char *name, size_t len)
{
    if (parent->nchildren >= TABLE_MIN_ITEMS)
        return table_find(m->keys_by_name, parent, name, len, hash_name(parent, name, len));
    for (struct model_key *k = parent->first_child; k; k = k->next_sibling)
        if (text_names_equal(k->name.s, k->name.len, name, len))
            return k;
    return NULL;
}

struct model_value *model_find_value(const struct model *m, const struct model_key *key,
                                     const char *name, size_t len)
{
    if (key->nvalues >= TABLE_MIN_ITEMS)
        return table_find(m->values_by_name, key, name, len, hash_name(key, name, len));
    for (struct model_value *v = key->first_value; v; v = v->next) {
        struct reg_name spelt = value_name(m->file, v);
        if (text_names_equal(spelt.s, spelt.len, name, len))
            return v;
    }
    return NULL;
}

/* Puts a new item of an owner that now has `count` items into `t`:
 * with all its earlier items when the owner has just reached the minimum. */
static void table_add(struct model_table *t, const void *owner, uint32_t count, void *item)
{
    if (count < TABLE_MIN_ITEMS)
        return;
    if (count > TABLE_MIN_ITEMS) {
        struct reg_name name = slot_name(t, item);
        table_put(t, hash_name(owner, name.s, name.len), item);
        return;
    }
    if (t->holds_values) {
        for (struct model_value *v = ((const struct model_key *)owner)->first_value; v;
             v = v->next) {
            struct reg_name name = value_name(t->file, v);
            table_put(t, hash_name(owner, name.s, name.len), v);
        }
    } else {
        for (struct model_key *k = ((const struct model_key *)owner)->first_child; k;
             k = k->next_sibling)
            table_put(t, hash_name(owner, k->name.s, k->name.len), k);
    }
}

/* The child named `name`, created (not yet existing) if the file never
 * named it before. */
static struct model_key *child_for(struct model *m, struct model_key *parent,
                                   const struct reg_name *name)
{
    struct model_key *k = model_child(m, parent, name->s, name->len);
    if (k)
        return k;
    k = arena_alloc(m->arena, sizeof *k);
    k->parent = parent;
    k->name = *name;
    k->root = parent->root;
    k->depth = parent->depth + 1;
    k->stmt = MODEL_NO_STMT;
    /* Newest first until put_in_order(). */
    k->next_sibling = parent->first_child;
    parent->first_child = k;
    table_add(m->keys_by_name, parent, ++parent->nchildren, k);
    m->nkeys++;
    return k;
}

/* The value the value statement `stmt` names, created if new. */
static struct model_value *value_for(struct model *m, struct model_key *key, size_t stmt)
{
    struct reg_name name = reg_value_name(m->file, &m->file->stmts[stmt].as.value);
    struct model_value *v = model_find_value(m, key, name.s, name.len);
    if (v)
        return v;
    v = arena_alloc_aligned(m->arena, sizeof *v, alignof(struct model_value));
    v->key = key;
    v->name_stmt = (uint32_t)stmt;
    /* Newest first until put_in_order(). */
    v->next = key->first_value;
    key->first_value = v;
    table_add(m->values_by_name, key, ++key->nvalues, v);
    m->nvalues++;
    return v;
}

/* The children and values that came to exist in a deleted key since its
 * last deletion (some may have been deleted again on their own since). The
 * next deletion of the key visits these instead of every child and value it
 * ever had: a key deleted and filled again N times would otherwise cost
 * N * N / 2 visits of children that no longer exist. */
struct model_since_deletion {
    struct model_key **children;
    size_t nchildren, children_cap;
    struct model_value **values;
    size_t nvalues, values_cap;
};

/* The lists of a key deleted before, made when something first comes to
 * exist in it again. */
static struct model_since_deletion *since_deletion(struct model *m, struct model_key *k)
{
    if (!k->since_deletion)
        k->since_deletion = arena_alloc(m->arena, sizeof *k->since_deletion);
    return k->since_deletion;
}

/* Records that `k` has just come to exist, for the next deletion of its
 * parent when the parent has been deleted before. */
static void note_key_exists(struct model *m, struct model_key *k)
{
    if (!k->parent || !k->parent->was_deleted)
        return;
    struct model_since_deletion *since = since_deletion(m, k->parent);
    since->children = arena_grow_array(m->arena, since->children, since->nchildren,
                                       &since->children_cap, sizeof *since->children);
    since->children[since->nchildren++] = k;
}

/* The same for a value that has just come to exist. */
static void note_value_exists(struct model *m, struct model_value *v)
{
    if (!v->key->was_deleted)
        return;
    struct model_since_deletion *since = since_deletion(m, v->key);
    since->values = arena_grow_array(m->arena, since->values, since->nvalues,
                                     &since->values_cap, sizeof *since->values);
    since->values[since->nvalues++] = v;
}

static void delete_value(struct model *m, struct model_value *v, size_t stmt)
{
    if (v->exists) {
        /* An existing value was set, so v->stmt touched it. */
        v->exists = false;
        add_event(m, v, &v->has_history, v->stmt, stmt);
    }
}

/* Deletes a key, its subtree and their values (RegDeleteTree). A key that
 * does not exist has no existing descendants, and one deleted before has
 * only those its since_deletion lists, so each deletion visits only what
 * exists and what was deleted on its own since: the whole import stays
 * linear in the file. */
static void delete_tree(struct model *m, struct model_key *top, size_t stmt)
{
    size_t cap = 0, n = 0;
    struct model_key **stack = NULL;
    stack = xgrow(stack, &cap, 1, sizeof *stack);
    stack[n++] = top;
    while (n > 0) {
        struct model_key *k = stack[--n];
        if (!k->exists)
            continue;
        k->exists = false;
        add_key_event(m, k, stmt);
        if (!k->was_deleted) {
            m->deletion_visits += k->nvalues + k->nchildren;
            for (struct model_value *v = k->first_value; v; v = v->next)
                delete_value(m, v, stmt);
            for (struct model_key *c = k->first_child; c; c = c->next_sibling) {
                if (c->exists) {
                    stack = xgrow(stack, &cap, n + 1, sizeof *stack);
                    stack[n++] = c;
                }
            }
            k->was_deleted = true;
        } else if (k->since_deletion) {
            struct model_since_deletion *since = k->since_deletion;
            m->deletion_visits += since->nvalues + since->nchildren;
            for (size_t i = 0; i < since->nvalues; i++)
                delete_value(m, since->values[i], stmt);
            for (size_t i = 0; i < since->nchildren; i++) {
                stack = xgrow(stack, &cap, n + 1, sizeof *stack);
                stack[n++] = since->children[i];
            }
            since->nvalues = since->nchildren = 0;
        }
    }
    free(stack);
}

/* Creates the key and the missing keys above it, as RegCreateKeyEx does. A
 * key created again after a deletion takes its new spelling.
 *
 * `prev` is the path of the previous key line and `prev_key` its key, or NULL
 * when a deletion may have removed them since. Exports list keys depth-first,
 * so most paths repeat the previous one but for the last segment or two; the
 * walk starts from the deepest key both share, which exists, rather than
 * looking up every segment again. */
static struct model_key *create_path(struct model *m, const struct reg_path *path,
                                     const struct reg_path *prev, struct model_key *prev_key)
{
    struct model_key *k = m->roots[path->root];
    uint32_t i = 0;
    if (prev_key && prev->root == path->root) {
        while (i < path->depth && i < prev->depth &&
               path->segments[i].len == prev->segments[i].len &&
               memcmp(path->text + path->segments[i].start, prev->text + prev->segments[i].start,
                      path->segments[i].len) == 0)
            i++;
        k = prev_key;
        for (uint32_t up = prev->depth; up > i; up--)
            k = k->parent;
    }
    for (; i < path->depth; i++) {
        struct reg_name segment = reg_path_segment(path, i);
        k = child_for(m, k, &segment);
        if (!k->exists) {
            k->name = segment;
            k->exists = true;
            note_key_exists(m, k);
        }
    }
    return k;
}

static struct model_key *find_path(const struct model *m, const struct reg_path *path)
{
    struct model_key *k = m->roots[path->root];
    for (uint32_t i = 0; i < path->depth && k; i++)
        k = model_child(m, k, path->text + path->segments[i].start, path->segments[i].len);
    return k;
}

static void apply(struct model *m)
{
    const struct reg_file *f = m->file;
    struct model_key *current = NULL;
    /* The last key line's path and key, while no deletion has intervened;
     * paths are read into the two buffers in turn. */
    struct reg_path_buf bufs[2];
    unsigned next_buf = 0;
    const struct reg_path *prev = NULL;
    struct model_key *prev_key = NULL;
    for (size_t i = 0; i < f->nstmts; i++) {
        const struct reg_stmt *st = &f->stmts[i];
        if (st->at.start >= f->read_end) {
            m->stop_at = i;
            return;
        }
        switch (st->kind) {
        case REG_STMT_KEY:
            current = NULL;
            if (st->as.key.usable) {
                const struct reg_path *path = reg_key_path(f, &st->as.key, &bufs[next_buf]);
                next_buf ^= 1;
                current = create_path(m, path, prev, prev_key);
                prev = path;
                prev_key = current;
                current->named = true;
                add_key_event(m, current, i);
            }
            break;
        case REG_STMT_KEY_DELETE: {
            const struct reg_key_stmt *key = &st->as.key;
            current = NULL;
            if (key->aborts) {
                if (key->resolved)
                    m->roots[key->root]->named = true;
                m->stop_at = i;
                return;
            }
            if (!key->usable)
                break;
            struct reg_path_buf buf;
            struct model_key *k = find_path(m, reg_key_path(f, key, &buf));
            if (k) {
                k->named = true;
                delete_tree(m, k, i);
                prev_key = NULL;
            }
            break;
        }
        case REG_STMT_VALUE:
        case REG_STMT_VALUE_DELETE: {
            if (!current)
                break;
            size_t known = m->nvalues;
            struct model_value *v = value_for(m, current, i);
            bool setting = st->kind == REG_STMT_VALUE;
            if (setting && !v->exists) {
                v->name_stmt = (uint32_t)i;
                note_value_exists(m, v);
            }
            /* A value found again was touched last by v->stmt or a deletion
             * of its key, which started its list. */
            add_event(m, v, &v->has_history, m->nvalues > known ? MODEL_NO_STMT : v->stmt, i);
            v->exists = setting;
            v->stmt = (uint32_t)i;
            break;
        }
        case REG_STMT_COMMENT:
        case REG_STMT_SKIPPED:
            break;
        }
    }
}

/* Turns every list of children and values, built newest first (which needs
 * no pointer to the last item in every key), into order of creation. */
static void put_in_order(struct model_key *top)
{
    size_t cap = 0, n = 0;
    struct model_key **stack = NULL;
    stack = xgrow(stack, &cap, 1, sizeof *stack);
    stack[n++] = top;
    while (n > 0) {
        struct model_key *k = stack[--n];
        struct model_key *children = NULL;
        while (k->first_child) {
            struct model_key *c = k->first_child;
            k->first_child = c->next_sibling;
            c->next_sibling = children;
            children = c;
            stack = xgrow(stack, &cap, n + 1, sizeof *stack);
            stack[n++] = c;
        }
        k->first_child = children;
        struct model_value *values = NULL;
        while (k->first_value) {
            struct model_value *v = k->first_value;
            k->first_value = v->next;
            v->next = values;
            values = v;
        }
        k->first_value = values;
    }
    free(stack);
}

struct model *model_build(const struct reg_file *file, struct arena *arena, enum model_mode mode)
{
    struct model *m = arena_alloc(arena, sizeof *m);
    m->file = file;
    m->arena = arena;
    m->stop_at = file->nstmts;
    m->keys_by_name = table_new(false, file, 0);
    /* At most one value a statement. */
    m->values_by_name = table_new(true, file, file->nstmts);
    m->histories = xcalloc(1, sizeof *m->histories);
    for (int r = 0; r < REG_ROOT_COUNT; r++) {
        struct model_key *k = arena_alloc(arena, sizeof *k);
        const char *name = reg_root_name((enum reg_root)r);
        k->name = (struct reg_name){name, (uint32_t)strlen(name)};
        k->root = (enum reg_root)r;
        k->stmt = MODEL_NO_STMT;
        k->exists = true;
        m->roots[r] = k;
    }
    if (mode == MODEL_IGNORE_HEADER || reg_version_imports(file->version))
        apply(m);
    for (int r = 0; r < REG_ROOT_COUNT; r++)
        put_in_order(m->roots[r]);
    return m;
}

void model_free(struct model *m)
{
    if (!m)
        return;
    table_free(m->keys_by_name);
    table_free(m->values_by_name);
    m->keys_by_name = m->values_by_name = NULL;
    free(m->histories->slots);
    free(m->histories);
    m->histories = NULL;
}

struct model_key *model_find_key(const struct model *m, enum reg_root root, const char *path)
{
    struct model_key *k = m->roots[root];
    const char *s = path;
    while (k && *s) {
        const char *end = strchr(s, '\\');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len)
            k = model_child(m, k, s, len);
        s += len + (end != NULL);
    }
    return k;
}

struct reg_name model_value_name(const struct model *m, const struct model_value *v)
{
    return value_name(m->file, v);
}

const struct reg_value_stmt *model_value_stmt(const struct model *m, const struct model_value *v)
{
    return &m->file->stmts[v->stmt].as.value;
}

uint32_t model_value_type(const struct model *m, const struct model_value *v)
{
    return model_value_stmt(m, v)->type;
}

void model_value_data(const struct model *m, const struct model_value *v, struct buf *out)
{
    const struct reg_value_stmt *st = model_value_stmt(m, v);
    bool utf16_file = m->file->src->d.encoding == TEXT_UTF16LE;
    if (st->form == REG_FORM_STRING) {
        text_to_utf16le(reg_value_text(m->file, st), st->len, out);
        buf_append(out, "\0\0", 2);
        return;
    }
    size_t start = out->len;
    reg_value_append_bytes(m->file, st, out);
    bool stringish = st->type == REG_TYPE_SZ || st->type == REG_TYPE_EXPAND_SZ ||
                     st->type == REG_TYPE_MULTI_SZ;
    if (st->form != REG_FORM_HEX || !stringish || st->len == 0)
        return;
    /* regedit makes sure string data ends in one NUL character; in an ANSI
     * file the bytes are ANSI text, widened after that. */
    if (utf16_file) {
        /* regedit looks at the last whole character (per Wine): data ending
         * in a NUL character is stored as it is, an odd byte after it
         * included; otherwise a NUL character goes after the last whole
         * one, over an odd byte. (What regedit stores past that, and for a
         * single byte, is undefined: RL1012.) */
        size_t whole = start + st->len / 2 * 2;
        if (whole - start >= 2 && out->data[whole - 2] == 0 && out->data[whole - 1] == 0)
            return;
        out->len = whole;
        buf_append(out, "\0\0", 2);
        return;
    }
    /* Widen in place, from the last byte back. */
    size_t n = st->len;
    buf_reserve(out, start + 2 * n + 2);
    unsigned char *b = (unsigned char *)out->data + start;
    bool ends_in_nul = b[n - 1] == 0;
    for (size_t i = n; i-- > 0;) {
        uint32_t cp = text_cp1252_decode(b[i]);
        b[2 * i] = (unsigned char)(cp & 0xFF);
        b[2 * i + 1] = (unsigned char)(cp >> 8);
    }
    out->len = start + 2 * n;
    if (!ends_in_nul)
        buf_append(out, "\0\0", 2);
}

bool model_value_dword(const struct model *m, const struct model_value *v, uint32_t *out)
{
    const struct reg_value_stmt *st = model_value_stmt(m, v);
    if (st->type != REG_TYPE_DWORD || st->len != 4)
        return false;
    struct buf scratch = BUF_INIT;
    const unsigned char *b = reg_value_bytes(m->file, st, &scratch);
    *out = (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) | ((uint32_t)b[3] << 24);
    buf_free(&scratch);
    return true;
}

char *model_key_path(const struct model *m, const struct model_key *k)
{
    size_t n = 0;
    for (const struct model_key *p = k; p; p = p->parent)
        n += p->name.len + 1;
    char *s = arena_alloc(m->arena, n);
    size_t end = n - 1;
    s[end] = '\0';
    for (const struct model_key *p = k; p; p = p->parent) {
        end -= p->name.len;
        memcpy(s + end, p->name.s, p->name.len);
        if (p->parent)
            s[--end] = '\\';
    }
    return s;
}
