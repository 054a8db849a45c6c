#include "semdiff.h"

#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "knowledge.h"
#include "text.h"
#include "xalloc.h"

/* Hex data longer than this is shortened: a diff names a change, it does
 * not reproduce a blob. */
#define DATA_SHOWN_BYTES 16

struct walk {
    const struct model *old_model, *new_model;
    struct arena *arena;
    struct semdiff *d;
    struct buf old_data, new_data;
};

static bool value_set(const struct model_value *v)
{
    return v && v->exists;
}

static bool name_equal(const struct reg_name *n, const char *s)
{
    return knowledge_name_equal(n->s, n->len, s);
}

/* The protocols of a DefaultSecureProtocols/SecureProtocols bitmask, as
 * "TLS 1.1, TLS 1.2", with a suffix per name (" added", " removed") and any
 * bit that names no protocol. */
static void bits_text(struct buf *out, uint32_t bits, const char *suffix)
{
    for (int p = 0; p < PROTO_COUNT; p++) {
        uint32_t bit = protocol_info((enum protocol)p)->bit;
        if (bit && (bits & bit)) {
            buf_printf(out, "%s%s%s", out->len ? ", " : "", protocol_info((enum protocol)p)->display,
                       suffix);
            bits &= ~bit;
        }
    }
    if (bits)
        buf_printf(out, "%sunknown bits 0x%X%s", out->len ? ", " : "", (unsigned)bits, suffix);
}

/* What a DWORD switch means: the words for 0 and for anything else. */
static const char *switch_word(const struct reg_name *name, uint32_t v)
{
    if (name_equal(name, "Enabled"))
        return v ? "enabled" : "disabled";
    if (name_equal(name, "DisabledByDefault"))
        return v ? "disabled by default" : "not disabled by default";
    if (name_equal(name, "SystemDefaultTlsVersions"))
        return v == 1 ? "the OS chooses the protocols" : "the framework chooses the protocols";
    if (name_equal(name, "SchUseStrongCrypto"))
        return v == 1 ? "strong cryptography" : "no strong cryptography";
    return NULL;
}

/* The meaning of a change to a setting reglint knows, or NULL. */
static const char *meaning_of(struct walk *w, const struct model_value *old_value,
                              const struct model_value *new_value)
{
    const struct model *m = new_value ? w->new_model : w->old_model;
    const struct model_value *any = new_value ? new_value : old_value;
    struct reg_name name = model_value_name(m, any);
    uint32_t before = 0, after = 0;
    bool has_before = old_value && model_value_dword(w->old_model, old_value, &before);
    bool has_after = new_value && model_value_dword(w->new_model, new_value, &after);
    if ((old_value && !has_before) || (new_value && !has_after))
        return NULL;
    struct buf text = BUF_INIT;
    if (name_equal(&name, "DefaultSecureProtocols") || name_equal(&name, "SecureProtocols")) {
        if (old_value && new_value) {
            bits_text(&text, before & ~after, " removed");
            bits_text(&text, after & ~before, " added");
        } else if (new_value) {
            bits_text(&text, after, "");
            if (!text.len)
                buf_puts(&text, "no protocol");
        } else {
            buf_puts(&text, "the default applies again");
        }
    } else {
        const char *was = has_before ? switch_word(&name, before) : NULL;
        const char *now = has_after ? switch_word(&name, after) : NULL;
        if (was && now)
            buf_printf(&text, "%s -> %s", was, now);
        else if (now)
            buf_puts(&text, now);
        else if (was)
            buf_puts(&text, "the default applies again");
    }
    const char *meaning = text.len ? arena_strdup(w->arena, text.data) : NULL;
    buf_free(&text);
    return meaning;
}

static void add_change(struct walk *w, enum change_kind kind, const struct model_key *key,
                       const struct model_value *old_value, const struct model_value *new_value)
{
    struct semdiff *d = w->d;
    d->changes = xgrow(d->changes, &d->changes_cap, d->nchanges + 1, sizeof *d->changes);
    const struct model *m = kind == CHANGE_KEY_REMOVED || (!new_value && old_value)
                                ? w->old_model
                                : w->new_model;
    struct value_change *c = &d->changes[d->nchanges++];
    c->kind = kind;
    c->key_path = model_key_path(m, key);
    c->old_value = old_value;
    c->new_value = new_value;
    c->meaning = kind == CHANGE_KEY_ADDED || kind == CHANGE_KEY_REMOVED
                     ? NULL
                     : meaning_of(w, old_value, new_value);
    c->deleted_in = NULL;
    c->deletion = NULL;
    c->value_name = NULL;
}

static bool same_data(struct walk *w, const struct model_value *a, const struct model_value *b)
{
    if (model_value_type(w->old_model, a) != model_value_type(w->new_model, b))
        return false;
    buf_clear(&w->old_data);
    buf_clear(&w->new_data);
    model_value_data(w->old_model, a, &w->old_data);
    model_value_data(w->new_model, b, &w->new_data);
    return w->old_data.len == w->new_data.len &&
           (w->old_data.len == 0 || memcmp(w->old_data.data, w->new_data.data, w->old_data.len) == 0);
}

static const struct model_value *counterpart(const struct model *m, const struct model_key *key,
                                             const struct model *from, const struct model_value *v)
{
    if (!key)
        return NULL;
    struct reg_name name = model_value_name(from, v);
    const struct model_value *found = model_find_value(m, key, name.s, name.len);
    return value_set(found) ? found : NULL;
}

/* Compares the key `o` of OLD with the key `n` of NEW (either may be NULL
 * or deleted), then their children. A key added or removed with the key
 * above it (`above_changed`) is not named again. */
static void walk_keys(struct walk *w, const struct model_key *o, const struct model_key *n,
                      bool above_changed)
{
    bool old_exists = o && o->exists, new_exists = n && n->exists;
    /* Keys that only lead to a named key (HKLM\SYSTEM above a deletion) are
     * not news: a key counts when a key line or deletion names it. */
    bool changed = old_exists != new_exists && ((o && o->named) || (n && n->named));
    if (changed && !above_changed)
        add_change(w, new_exists ? CHANGE_KEY_ADDED : CHANGE_KEY_REMOVED, new_exists ? n : o, NULL,
                   NULL);
    if (new_exists) {
        for (const struct model_value *v = n->first_value; v; v = v->next) {
            if (!v->exists)
                continue;
            const struct model_value *before =
                old_exists ? counterpart(w->old_model, o, w->new_model, v) : NULL;
            if (!before)
                add_change(w, CHANGE_ADDED, n, NULL, v);
            else if (!same_data(w, before, v))
                add_change(w, CHANGE_CHANGED, n, before, v);
        }
    }
    if (old_exists) {
        for (const struct model_value *v = o->first_value; v; v = v->next)
            if (v->exists && !(new_exists && counterpart(w->new_model, n, w->old_model, v)))
                add_change(w, CHANGE_REMOVED, o, v, NULL);
    }
    if (n) {
        for (const struct model_key *c = n->first_child; c; c = c->next_sibling)
            walk_keys(w, o ? model_child(w->old_model, o, c->name.s, c->name.len) : NULL, c,
                      changed || above_changed);
    }
    if (o) {
        for (const struct model_key *c = o->first_child; c; c = c->next_sibling)
            if (!n || !model_child(w->new_model, n, c->name.s, c->name.len))
                walk_keys(w, c, NULL, changed || above_changed);
    }
}

/* A deletion statement of one file, with its target folded as Windows
 * compares names (each character upper-cased by its table) for comparison:
 * "PATH" for a key, "PATH\001NAME" for a value, "PATH\001" for the default
 * value, which a value named "@" is not. */
struct deletion {
    char *folded;
    const char *path;
    const char *name; /* as written ("" for the default value); NULL for a key */
    const struct reg_stmt *st;
};

static void put_folded(struct buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len;)
        text_put_utf8(b, text_upcase(text_next_cp(s, len, &i)));
}

/* `name` is NULL for a key, "" for the default value. */
static char *fold(struct arena *arena, const char *path, const char *name)
{
    struct buf b = BUF_INIT;
    put_folded(&b, path, strlen(path));
    if (name) {
        buf_putc(&b, '\001');
        put_folded(&b, name, strlen(name));
    }
    char *s = arena_strndup(arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

static int by_folded(const void *a, const void *b)
{
    return strcmp(((const struct deletion *)a)->folded, ((const struct deletion *)b)->folded);
}

/* The key and value deletions regedit carries out for `m`'s file, sorted,
 * one per target (the first statement kept). */
static struct deletion *find_deletions(const struct model *m, struct arena *arena, size_t *count)
{
    struct deletion *dels = NULL;
    size_t n = 0, cap = 0;
    const char *current = NULL; /* the key value lines go to */
    for (size_t i = 0; i < m->stop_at; i++) {
        const struct reg_stmt *st = &m->file->stmts[i];
        const char *path = NULL, *name = NULL;
        if (st->kind == REG_STMT_KEY) {
            current = st->as.key.usable ? reg_key_path_string(arena, m->file, &st->as.key) : NULL;
        } else if (st->kind == REG_STMT_KEY_DELETE) {
            current = NULL;
            if (st->as.key.usable)
                path = reg_key_path_string(arena, m->file, &st->as.key);
        } else if (st->kind == REG_STMT_VALUE_DELETE && current) {
            path = current;
            struct reg_name spelt = reg_value_name(m->file, &st->as.value);
            name = spelt.len ? arena_strndup(arena, spelt.s, spelt.len) : "";
        }
        if (path) {
            dels = xgrow(dels, &cap, n + 1, sizeof *dels);
            dels[n++] = (struct deletion){fold(arena, path, name), path, name, st};
        }
    }
    if (n > 1)
        qsort(dels, n, sizeof *dels, by_folded);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (kept == 0 || strcmp(dels[kept - 1].folded, dels[i].folded) != 0)
            dels[kept++] = dels[i];
    *count = kept;
    return dels;
}

static void add_deletion(struct walk *w, const struct model *m, const struct deletion *del,
                         bool by_new)
{
    struct semdiff *d = w->d;
    d->changes = xgrow(d->changes, &d->changes_cap, d->nchanges + 1, sizeof *d->changes);
    enum change_kind kind = del->name ? (by_new ? CHANGE_VALUE_DELETED : CHANGE_VALUE_NOT_DELETED)
                                      : (by_new ? CHANGE_KEY_DELETED : CHANGE_KEY_NOT_DELETED);
    d->changes[d->nchanges++] =
        (struct value_change){kind, del->path, NULL, NULL, NULL, m, del->st, del->name};
}

/* The deletions one file makes and the other does not, merged in order. */
static void compare_deletions(struct walk *w)
{
    size_t nold, nnew;
    struct deletion *old_dels = find_deletions(w->old_model, w->arena, &nold);
    struct deletion *new_dels = find_deletions(w->new_model, w->arena, &nnew);
    size_t i = 0, j = 0;
    while (i < nold || j < nnew) {
        int c = i == nold ? 1 : j == nnew ? -1 : strcmp(old_dels[i].folded, new_dels[j].folded);
        if (c < 0) {
            add_deletion(w, w->old_model, &old_dels[i++], false);
        } else if (c > 0) {
            add_deletion(w, w->new_model, &new_dels[j++], true);
        } else {
            i++;
            j++;
        }
    }
    free(old_dels);
    free(new_dels);
}

void semdiff_models(const struct model *old_model, const struct model *new_model,
                    struct arena *arena, struct semdiff *d)
{
    memset(d, 0, sizeof *d);
    d->old_model = old_model;
    d->new_model = new_model;
    struct walk w = {old_model, new_model, arena, d, BUF_INIT, BUF_INIT};
    /* Roots always exist; what differs starts below them. */
    for (int r = 0; r < REG_ROOT_COUNT; r++) {
        const struct model_key *o = old_model->roots[r], *n = new_model->roots[r];
        for (const struct model_key *c = n->first_child; c; c = c->next_sibling)
            walk_keys(&w, model_child(old_model, o, c->name.s, c->name.len), c, false);
        for (const struct model_key *c = o->first_child; c; c = c->next_sibling)
            if (!model_child(new_model, n, c->name.s, c->name.len))
                walk_keys(&w, c, NULL, false);
    }
    compare_deletions(&w);
    buf_free(&w.old_data);
    buf_free(&w.new_data);
}

void semdiff_cells(const struct posture_table *old_table, const struct posture_table *new_table,
                   struct semdiff *d)
{
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (!posture_table_row((enum protocol)p))
            continue;
        for (int c = 0; c < COMP_COUNT; c++) {
            const struct posture_cell *a = &old_table->cell[p][c], *b = &new_table->cell[p][c];
            if (posture_cell_same(a, b))
                continue;
            d->cells = xgrow(d->cells, &d->cells_cap, d->ncells + 1, sizeof *d->cells);
            d->cells[d->ncells++] =
                (struct cell_change){(enum protocol)p, (enum component)c, *a, *b};
        }
    }
}

/* The names an order uses, in order. */
static const char **used_names(const struct effective_order *o, struct arena *arena, size_t *n)
{
    const char **names = arena_alloc(arena, (o->n + 1) * sizeof *names);
    *n = 0;
    for (size_t i = 0; i < o->n; i++)
        if (o->entries[i].fate == FATE_USED)
            names[(*n)++] = o->entries[i].name;
    return names;
}

/* The first entry used that a client of `p` offers (any, for PROTO_COUNT). */
static const char *first_used(const struct effective_order *o, enum protocol p)
{
    for (size_t i = 0; i < o->n; i++) {
        const struct order_entry *e = &o->entries[i];
        if (e->fate == FATE_USED && (p == PROTO_COUNT || (e->suite && suite_applies_to(e->suite, p))))
            return e->name;
    }
    return NULL;
}

static void compare_order(struct order_changes *oc, bool curves, const enum target *target,
                          struct arena *arena)
{
    oc->needs_target = !target && (oc->old_order.source == ORDER_DEFAULT ||
                                   oc->new_order.source == ORDER_DEFAULT);
    if (oc->needs_target)
        return;
    size_t nold, nnew;
    const char **old_names = used_names(&oc->old_order, arena, &nold);
    const char **new_names = used_names(&oc->new_order, arena, &nnew);
    order_compare(old_names, nold, new_names, nnew, &oc->diff);
    static const enum protocol versions[] = {PROTO_TLS_1_0, PROTO_TLS_1_1, PROTO_TLS_1_2,
                                             PROTO_TLS_1_3};
    for (size_t i = 0; i < (curves ? 1 : sizeof versions / sizeof versions[0]); i++) {
        enum protocol p = curves ? PROTO_COUNT : versions[i];
        const char *was = first_used(&oc->old_order, p), *now = first_used(&oc->new_order, p);
        if ((was == NULL) != (now == NULL) ||
            (was && !knowledge_name_equal(was, strlen(was), now)))
            oc->first[oc->nfirst++] = (struct first_change){p, was, now};
    }
}

void semdiff_orders(const struct posture *old_layer, const struct posture *new_layer,
                    const enum target *target, struct arena *arena, struct semdiff *d)
{
    suites_effective(old_layer, 1, target, arena, &d->suites.old_order, &d->curves.old_order);
    suites_effective(new_layer, 1, target, arena, &d->suites.new_order, &d->curves.new_order);
    compare_order(&d->suites, false, target, arena);
    compare_order(&d->curves, true, target, arena);
}

bool semdiff_order_changed(const struct order_changes *oc)
{
    const struct effective_order *a = &oc->old_order, *b = &oc->new_order;
    return oc->diff.n > 0 || oc->nfirst > 0 || a->source != b->source ||
           (oc->needs_target && (a->value.value != NULL) != (b->value.value != NULL));
}

void semdiff_free(struct semdiff *d)
{
    order_diff_free(&d->suites.diff);
    order_diff_free(&d->curves.diff);
    free(d->changes);
    free(d->cells);
    memset(d, 0, sizeof *d);
}

void semdiff_data_text(const struct model *m, const struct model_value *v, struct buf *out)
{
    uint32_t dword;
    if (model_value_dword(m, v, &dword)) {
        buf_printf(out, dword < 10 ? "%u" : "0x%X", (unsigned)dword);
        return;
    }
    const struct reg_value_stmt *st = model_value_stmt(m, v);
    if (st->form == REG_FORM_STRING) {
        buf_putc(out, '"');
        buf_append(out, reg_value_text(m->file, st), st->len);
        buf_putc(out, '"');
        return;
    }
    /* The bytes as the file lists them. */
    char scratch[16];
    buf_printf(out, "%s:", dump_type_name(model_value_type(m, v), scratch));
    struct buf decoded = BUF_INIT;
    const unsigned char *bytes = reg_value_bytes(m->file, st, &decoded);
    for (size_t i = 0; i < st->len && i < DATA_SHOWN_BYTES; i++)
        buf_printf(out, "%s%02x", i ? "," : "", bytes[i]);
    buf_free(&decoded);
    if (st->len > DATA_SHOWN_BYTES)
        buf_printf(out, ",... (%u bytes)", (unsigned)st->len);
}
