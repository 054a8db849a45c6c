/* reglint diff OLD NEW [--target OS] [--view 64|32] [--format FMT] */
#include <string.h>

#include "cli.h"
#include "dump.h"
#include "hive.h"
#include "posture_report.h"
#include "semdiff.h"

static const char diff_help[] =
    "usage: reglint diff [--target OS] [--view 64|32] [--format text|json|markdown] OLD NEW\n"
    "\n"
    "Print what importing NEW does that importing OLD does not, value by value\n"
    "(added, removed, changed, with what known settings mean), then the cells\n"
    "of the effective TLS table (reglint posture) that change, and the cipher\n"
    "suites and curves added to, removed from or moved in the effective order,\n"
    "with the suite a client then offers first. The files may differ in\n"
    "encoding. Exit status 1 when anything differs.\n"
    "\n"
    "  -f, --format FMT    text (default), json, or markdown (a pull-request comment)\n"
    "      --target OS     the Windows version whose defaults fill absent values\n"
    "      --view 64|32    the table as 64-bit (default) or 32-bit programs read it\n"
    "      --root machine|user\n"
    "                      the hive of a Registry.pol outside a GPO folder\n"
    "      --mount KEY     where a registry hive is mounted (HKLM\\SYSTEM,\n"
    "                      HKLM\\SOFTWARE, HKCU...), not what its root holds\n"
    "      --all-keys      read every key of a registry hive, not only those\n"
    "                      reglint reads\n"
    "      --stdin-filename NAME\n"
    "                      the name of standard input (-) in reports\n";

static const char *const change_words[] = {
    [CHANGE_KEY_ADDED] = "key added",
    [CHANGE_KEY_REMOVED] = "key removed",
    [CHANGE_ADDED] = "added",
    [CHANGE_REMOVED] = "removed",
    [CHANGE_CHANGED] = "changed",
    [CHANGE_KEY_DELETED] = "key deleted",
    [CHANGE_KEY_NOT_DELETED] = "key no longer deleted",
    [CHANGE_VALUE_DELETED] = "deleted",
    [CHANGE_VALUE_NOT_DELETED] = "no longer deleted",
};

static const char *const change_ids[] = {
    [CHANGE_KEY_ADDED] = "key-added",
    [CHANGE_KEY_REMOVED] = "key-removed",
    [CHANGE_ADDED] = "added",
    [CHANGE_REMOVED] = "removed",
    [CHANGE_CHANGED] = "changed",
    [CHANGE_KEY_DELETED] = "key-deleted",
    [CHANGE_KEY_NOT_DELETED] = "key-no-longer-deleted",
    [CHANGE_VALUE_DELETED] = "value-deleted",
    [CHANGE_VALUE_NOT_DELETED] = "value-no-longer-deleted",
};

/* Whether a change is about a key as a whole (no value name). */
static bool key_level(const struct value_change *c)
{
    return c->kind == CHANGE_KEY_ADDED || c->kind == CHANGE_KEY_REMOVED ||
           c->kind == CHANGE_KEY_DELETED || c->kind == CHANGE_KEY_NOT_DELETED;
}

/* The line of a deletion statement. */
static uint32_t deletion_line(const struct value_change *c)
{
    return source_shown_line(c->deleted_in->file->src, c->deletion->at.start);
}

struct diff_run {
    const struct semdiff *d;
    const struct posture_files *pf; /* OLD is layer 0, NEW layer 1 */
    const enum target *target;
    enum view view;
    /* The other view's cells change otherwise (a change to one view only). */
    bool other_view_differs;
};

/* "32-bit programs (Wow6432Node) see other posture changes" and how to see
 * them, when they do. */
static void other_view_text(const struct diff_run *r, struct buf *out)
{
    if (r->view == VIEW_NATIVE)
        buf_puts(out, "32-bit programs (Wow6432Node) see other posture changes: "
                      "run with --view 32");
    else
        buf_puts(out, "64-bit programs see other posture changes: run with --view 64");
}

/* The name of a change's value as dump prints it: "@" for the default
 * value, \x40 for a value named "@". */
static void change_name(const struct diff_run *r, const struct value_change *c, struct buf *out)
{
    struct reg_name name;
    if (c->deletion) {
        name = (struct reg_name){c->value_name, (uint32_t)strlen(c->value_name)};
    } else {
        bool is_new = c->new_value != NULL;
        const struct model_value *v = is_new ? c->new_value : c->old_value;
        name = model_value_name(is_new ? r->d->new_model : r->d->old_model, v);
    }
    if (name.len == 0)
        buf_putc(out, '@');
    else if (name.len == 1 && name.s[0] == '@')
        buf_puts(out, "\\x40");
    else
        buf_append(out, name.s, name.len);
}

/* "0xA80 -> 0xA00: TLS 1.0 removed" and the like. */
static void change_text(const struct diff_run *r, const struct value_change *c, struct buf *out)
{
    if (c->deletion)
        return;
    if (c->old_value)
        semdiff_data_text(r->d->old_model, c->old_value, out);
    if (c->old_value && c->new_value)
        buf_puts(out, " -> ");
    if (c->new_value)
        semdiff_data_text(r->d->new_model, c->new_value, out);
    if (c->meaning)
        buf_printf(out, ": %s", c->meaning);
}

static void places_text(const struct diff_run *r, const struct value_change *c, struct buf *out)
{
    buf_puts(out, "(");
    if (c->deletion) {
        buf_printf(out, "%s:%u)", c->deleted_in->file->src->name, (unsigned)deletion_line(c));
        return;
    }
    if (c->old_value)
        posture_value_place(r->d->old_model, c->old_value, out);
    if (c->old_value && c->new_value)
        buf_puts(out, ", ");
    if (c->new_value)
        posture_value_place(r->d->new_model, c->new_value, out);
    buf_puts(out, ")");
}

/* The layer a side's cells name values in: each side's table is its file's
 * alone. */
static const struct posture *side_layer(const struct diff_run *r, bool is_new)
{
    return &r->pf->layers[is_new ? 1 : 0];
}

static void cell_text(const struct diff_run *r, const struct posture_cell *cell, bool is_new,
                      struct buf *out)
{
    buf_puts(out, posture_cell_label(cell));
    struct buf why = BUF_INIT;
    posture_cell_describe(cell, side_layer(r, is_new), &why);
    if (why.len)
        buf_printf(out, " (%s)", why.data);
    buf_free(&why);
}

/* ------------------------------------------------ suite and curve orders */

static void markdown_buf(struct buf *out, const struct buf *text)
{
    report_markdown_text(out, text->data ? text->data : "", text->len);
}


static const char *const order_words[] = {
    [ORDER_ADDED] = "added", [ORDER_REMOVED] = "removed",
    [ORDER_MOVED_UP] = "moved up", [ORDER_MOVED_DOWN] = "moved down"};
static const char *const order_ids[] = {
    [ORDER_ADDED] = "added", [ORDER_REMOVED] = "removed",
    [ORDER_MOVED_UP] = "moved-up", [ORDER_MOVED_DOWN] = "moved-down"};

/* "the Group Policy value (...) -> the default of Windows 11", or the one
 * source when both sides say the same. */
static void order_sources(const struct diff_run *r, const struct order_changes *oc, bool curves,
                          struct buf *out)
{
    struct buf a = BUF_INIT, b = BUF_INIT;
    posture_order_source(&oc->old_order, curves, r->target, side_layer(r, false), &a);
    posture_order_source(&oc->new_order, curves, r->target, side_layer(r, true), &b);
    if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
        buf_printf(out, "%s -> ", a.data);
    buf_puts(out, b.data);
    buf_free(&a);
    buf_free(&b);
}

/* "(3rd)", "(was 5th)", "(4th -> 1st)": places among the names used. */
static void order_places(const struct order_item *it, struct buf *out)
{
    char a[24], b[24];
    if (it->change == ORDER_ADDED)
        buf_printf(out, "(%s)", order_ordinal(it->new_pos, b));
    else if (it->change == ORDER_REMOVED)
        buf_printf(out, "(was %s)", order_ordinal(it->old_pos, a));
    else
        buf_printf(out, "(%s -> %s)", order_ordinal(it->old_pos, a), order_ordinal(it->new_pos, b));
}

/* Why a name left (or joined) the names used while still listed on the
 * other side: "disabled by Ciphers\\AES 128/128 (Enabled=0 at new.reg:4)",
 * "was not on this Windows version"; nothing otherwise. */
static void order_reason(const struct diff_run *r, const struct order_changes *oc,
                         const struct order_item *it, struct buf *out)
{
    bool removed = it->change == ORDER_REMOVED;
    if (!removed && it->change != ORDER_ADDED)
        return;
    const struct effective_order *o = removed ? &oc->new_order : &oc->old_order;
    for (size_t i = 0; i < o->n; i++) {
        const struct order_entry *e = &o->entries[i];
        if (!knowledge_name_equal(e->name, strlen(e->name), it->name))
            continue;
        buf_puts(out, removed ? "" : "was ");
        posture_entry_why(e, side_layer(r, removed), out);
        return;
    }
}

/* "first offered for TLS 1.2: X (was Y)", "first curve: X (was Y)". */
static void first_text(const struct first_change *f, struct buf *out)
{
    if (f->protocol == PROTO_COUNT)
        buf_puts(out, "first curve: ");
    else
        buf_printf(out, "first offered for %s: ", protocol_info(f->protocol)->display);
    buf_printf(out, "%s (was %s)", f->new_name ? f->new_name : "none",
               f->old_name ? f->old_name : "none");
}

static void order_text(const struct diff_run *r, const struct order_changes *oc, bool curves,
                       struct buf *out)
{
    if (!semdiff_order_changed(oc))
        return;
    buf_printf(out, "\n%s order ", curves ? "curve" : "cipher-suite");
    report_scope_phrase(r->target, r->view, false, out);
    buf_puts(out, ": ");
    order_sources(r, oc, curves, out);
    buf_putc(out, '\n');
    if (oc->needs_target)
        buf_puts(out, "  pass --target to compare it name by name with the Windows default\n");
    for (size_t i = 0; i < oc->diff.n; i++) {
        const struct order_item *it = &oc->diff.items[i];
        buf_printf(out, "  %-10s %s ", order_words[it->change], it->name);
        order_places(it, out);
        size_t before = out->len;
        buf_puts(out, ": ");
        order_reason(r, oc, it, out);
        if (out->len == before + 2)
            out->len = before;
        buf_putc(out, '\n');
    }
    for (size_t i = 0; i < oc->nfirst; i++) {
        buf_puts(out, "  ");
        first_text(&oc->first[i], out);
        buf_putc(out, '\n');
    }
}

static void order_markdown(const struct diff_run *r, const struct order_changes *oc, bool curves,
                           struct buf *out)
{
    if (!semdiff_order_changed(oc))
        return;
    struct buf t = BUF_INIT;
    buf_printf(out, "\n#### %s order changes ", curves ? "Curve" : "Cipher-suite");
    report_scope_phrase(r->target, r->view, false, &t);
    markdown_buf(out, &t);
    buf_puts(out, "\n\nFrom ");
    buf_clear(&t);
    order_sources(r, oc, curves, &t);
    markdown_buf(out, &t);
    buf_puts(out, ".\n");
    if (oc->needs_target)
        buf_puts(out, "Pass --target to compare it name by name with the Windows default.\n");
    if (oc->diff.n)
        buf_printf(out, "\n| Change | %s | Place | Why |\n|---|---|---|---|\n", curves ? "Curve" : "Suite");
    for (size_t i = 0; i < oc->diff.n; i++) {
        const struct order_item *it = &oc->diff.items[i];
        buf_printf(out, "| %s | ", order_words[it->change]);
        report_markdown_text(out, it->name, strlen(it->name));
        buf_puts(out, " | ");
        buf_clear(&t);
        order_places(it, &t);
        markdown_buf(out, &t);
        buf_puts(out, " | ");
        buf_clear(&t);
        order_reason(r, oc, it, &t);
        markdown_buf(out, &t);
        buf_puts(out, " |\n");
    }
    if (oc->nfirst)
        buf_putc(out, '\n');
    for (size_t i = 0; i < oc->nfirst; i++) {
        buf_clear(&t);
        first_text(&oc->first[i], &t);
        buf_puts(out, "- **");
        markdown_buf(out, &t);
        buf_puts(out, "**\n");
    }
    buf_free(&t);
}

static void json_name(const char *name, struct buf *out)
{
    if (name)
        text_json_string(out, name, strlen(name));
    else
        buf_puts(out, "null");
}

static void order_json(const struct diff_run *r, const struct order_changes *oc, struct buf *out)
{
    struct buf why = BUF_INIT;
    buf_printf(out, "{\"old_source\":\"%s\",\"new_source\":\"%s\",\"needs_target\":%s,\"changes\":[",
               order_source_name(oc->old_order.source), order_source_name(oc->new_order.source),
               oc->needs_target ? "true" : "false");
    for (size_t i = 0; i < oc->diff.n; i++) {
        const struct order_item *it = &oc->diff.items[i];
        buf_printf(out, "%s{\"change\":\"%s\",\"name\":", i ? "," : "", order_ids[it->change]);
        text_json_string(out, it->name, strlen(it->name));
        buf_puts(out, ",\"old_position\":");
        buf_printf(out, it->old_pos == ORDER_ABSENT ? "null" : "%zu", it->old_pos + 1);
        buf_puts(out, ",\"new_position\":");
        buf_printf(out, it->new_pos == ORDER_ABSENT ? "null" : "%zu", it->new_pos + 1);
        buf_clear(&why);
        order_reason(r, oc, it, &why);
        buf_puts(out, ",\"why\":");
        json_name(why.len ? why.data : NULL, out);
        buf_putc(out, '}');
    }
    buf_puts(out, "],\"first\":[");
    for (size_t i = 0; i < oc->nfirst; i++) {
        const struct first_change *f = &oc->first[i];
        buf_puts(out, i ? ",{\"protocol\":" : "{\"protocol\":");
        json_name(f->protocol == PROTO_COUNT ? NULL : protocol_info(f->protocol)->display, out);
        buf_puts(out, ",\"old\":");
        json_name(f->old_name, out);
        buf_puts(out, ",\"new\":");
        json_name(f->new_name, out);
        buf_putc(out, '}');
    }
    buf_puts(out, "]}");
    buf_free(&why);
}

static void diff_text(const struct diff_run *r, struct buf *out)
{
    const struct semdiff *d = r->d;
    buf_printf(out, "--- %s\n+++ %s\n", r->pf->docs[0].src->name, r->pf->docs[1].src->name);
    const char *key = NULL;
    for (size_t i = 0; i < d->nchanges; i++) {
        const struct value_change *c = &d->changes[i];
        if (key_level(c)) {
            buf_printf(out, "%s %s", change_words[c->kind], c->key_path);
            if (c->deletion) {
                buf_putc(out, ' ');
                places_text(r, c, out);
            }
            buf_putc(out, '\n');
            key = c->key_path;
            continue;
        }
        if (!key || strcmp(key, c->key_path) != 0) {
            buf_printf(out, "%s\n", c->key_path);
            key = c->key_path;
        }
        buf_printf(out, "  %-8s ", change_words[c->kind]);
        change_name(r, c, out);
        buf_putc(out, ' ');
        if (!c->deletion) {
            change_text(r, c, out);
            buf_putc(out, ' ');
        }
        places_text(r, c, out);
        buf_putc(out, '\n');
    }
    if (d->nchanges == 0)
        buf_puts(out, "no value differs\n");
    buf_puts(out, "\nposture ");
    report_scope_phrase(r->target, r->view, false, out);
    buf_puts(out, d->ncells ? ":\n" : ": no cell changes\n");
    for (size_t i = 0; i < d->ncells; i++) {
        const struct cell_change *cc = &d->cells[i];
        buf_printf(out, "  %s, %s: ", protocol_info(cc->protocol)->display,
                   component_name(cc->component));
        cell_text(r, &cc->old_cell, false, out);
        buf_puts(out, " -> ");
        cell_text(r, &cc->new_cell, true, out);
        buf_putc(out, '\n');
    }
    if (r->other_view_differs) {
        buf_puts(out, "note: ");
        other_view_text(r, out);
        buf_putc(out, '\n');
    }
    order_text(r, &d->suites, false, out);
    order_text(r, &d->curves, true, out);
}

static void diff_markdown(const struct diff_run *r, struct buf *out)
{
    const struct semdiff *d = r->d;
    struct buf t = BUF_INIT;
    buf_puts(out, "### reglint diff: ");
    buf_printf(&t, "%s -> %s", r->pf->docs[0].src->name, r->pf->docs[1].src->name);
    markdown_buf(out, &t);
    buf_puts(out, "\n\n");
    if (d->nchanges == 0) {
        buf_puts(out, "No value differs.\n");
    } else {
        buf_puts(out, "| Change | Key | Value | Data | Where |\n|---|---|---|---|---|\n");
        for (size_t i = 0; i < d->nchanges; i++) {
            const struct value_change *c = &d->changes[i];
            buf_printf(out, "| %s | ", change_words[c->kind]);
            report_markdown_text(out, c->key_path, strlen(c->key_path));
            buf_puts(out, " | ");
            if (!key_level(c) || c->deletion) {
                buf_clear(&t);
                if (!key_level(c))
                    change_name(r, c, &t);
                markdown_buf(out, &t);
                buf_puts(out, " | ");
                buf_clear(&t);
                change_text(r, c, &t);
                markdown_buf(out, &t);
                buf_puts(out, " | ");
                buf_clear(&t);
                places_text(r, c, &t);
                markdown_buf(out, &t);
            } else {
                buf_puts(out, " | | ");
            }
            buf_puts(out, " |\n");
        }
    }
    buf_puts(out, "\n#### Posture changes ");
    buf_clear(&t);
    report_scope_phrase(r->target, r->view, false, &t);
    markdown_buf(out, &t);
    buf_puts(out, "\n\n");
    if (d->ncells == 0) {
        buf_puts(out, "No cell of the effective TLS table changes.\n");
    } else {
        buf_puts(out, "| Protocol | Component | Before | After |\n|---|---|---|---|\n");
        for (size_t i = 0; i < d->ncells; i++) {
            const struct cell_change *cc = &d->cells[i];
            buf_printf(out, "| %s | %s | ", protocol_info(cc->protocol)->display,
                       component_name(cc->component));
            buf_clear(&t);
            cell_text(r, &cc->old_cell, false, &t);
            markdown_buf(out, &t);
            buf_puts(out, " | **");
            buf_clear(&t);
            cell_text(r, &cc->new_cell, true, &t);
            markdown_buf(out, &t);
            buf_puts(out, "** |\n");
        }
    }
    if (r->other_view_differs) {
        buf_clear(&t);
        other_view_text(r, &t);
        buf_puts(out, "\n");
        markdown_buf(out, &t);
        buf_puts(out, ".\n");
    }
    buf_free(&t);
    order_markdown(r, &d->suites, false, out);
    order_markdown(r, &d->curves, true, out);
}

static void json_side(const struct model *m, const struct model_value *v, struct buf *out)
{
    if (!v) {
        buf_puts(out, "null");
        return;
    }
    char scratch[16];
    struct buf t = BUF_INIT;
    semdiff_data_text(m, v, &t);
    buf_printf(out, "{\"type\":\"%s\",\"data\":", dump_type_name(model_value_type(m, v), scratch));
    text_json_string(out, t.data, t.len);
    uint32_t line = source_shown_line(m->file->src, model_value_stmt(m, v)->name_at.start);
    buf_puts(out, ",\"file\":");
    text_json_string(out, m->file->src->name, strlen(m->file->src->name));
    buf_printf(out, ",\"line\":%u}", (unsigned)line);
    buf_free(&t);
}

static void diff_json(const struct diff_run *r, struct buf *out)
{
    const struct semdiff *d = r->d;
    const char *old_name = r->pf->docs[0].src->name, *new_name = r->pf->docs[1].src->name;
    buf_puts(out, "{\"version\":1,\"old\":");
    text_json_string(out, old_name, strlen(old_name));
    buf_puts(out, ",\"new\":");
    text_json_string(out, new_name, strlen(new_name));
    buf_puts(out, ",\"target\":");
    if (r->target)
        buf_printf(out, "\"%s\"", target_info(*r->target)->name);
    else
        buf_puts(out, "null");
    buf_printf(out, ",\"view\":%d", report_view_bits(r->view));
    buf_puts(out, ",\"changes\":[");
    struct buf t = BUF_INIT;
    for (size_t i = 0; i < d->nchanges; i++) {
        const struct value_change *c = &d->changes[i];
        buf_printf(out, "%s{\"change\":\"%s\",\"key\":", i ? "," : "", change_ids[c->kind]);
        text_json_string(out, c->key_path, strlen(c->key_path));
        if (c->deletion) {
            if (!key_level(c)) {
                buf_clear(&t);
                change_name(r, c, &t);
                buf_puts(out, ",\"name\":");
                text_json_string(out, t.data, t.len);
            }
            const char *file = c->deleted_in->file->src->name;
            buf_puts(out, ",\"file\":");
            text_json_string(out, file, strlen(file));
            buf_printf(out, ",\"line\":%u", (unsigned)deletion_line(c));
        } else if (!key_level(c)) {
            buf_clear(&t);
            change_name(r, c, &t);
            buf_puts(out, ",\"name\":");
            text_json_string(out, t.data, t.len);
            buf_puts(out, ",\"old\":");
            json_side(d->old_model, c->old_value, out);
            buf_puts(out, ",\"new\":");
            json_side(d->new_model, c->new_value, out);
            buf_puts(out, ",\"meaning\":");
            if (c->meaning)
                text_json_string(out, c->meaning, strlen(c->meaning));
            else
                buf_puts(out, "null");
        }
        buf_putc(out, '}');
    }
    buf_puts(out, "],\"posture\":[");
    for (size_t i = 0; i < d->ncells; i++) {
        const struct cell_change *cc = &d->cells[i];
        buf_printf(out, "%s{\"protocol\":\"%s\",\"component\":\"%s\",\"old\":", i ? "," : "",
                   protocol_info(cc->protocol)->display, component_id(cc->component));
        posture_report_json_cell(&cc->old_cell, side_layer(r, false), out);
        buf_puts(out, ",\"new\":");
        posture_report_json_cell(&cc->new_cell, side_layer(r, true), out);
        buf_putc(out, '}');
    }
    buf_printf(out, "],\"other_view_differs\":%s,\"suites\":", r->other_view_differs ? "true" : "false");
    order_json(r, &d->suites, out);
    buf_puts(out, ",\"curves\":");
    order_json(r, &d->curves, out);
    buf_puts(out, "}\n");
    buf_free(&t);
}

/* Whether two lists of cell changes say the same. */
static bool same_cell_changes(const struct semdiff *a, const struct semdiff *b)
{
    if (a->ncells != b->ncells)
        return false;
    for (size_t i = 0; i < a->ncells; i++) {
        const struct cell_change *x = &a->cells[i], *y = &b->cells[i];
        if (x->protocol != y->protocol || x->component != y->component ||
            !posture_cell_same(&x->old_cell, &y->old_cell) ||
            !posture_cell_same(&x->new_cell, &y->new_cell))
            return false;
    }
    return true;
}

/* Every key `k` and below that holds something, for hive_want_key(). */
static void want_keys(const struct model *m, const struct model_key *k)
{
    for (; k; k = k->next_sibling) {
        if (k->exists && k->depth > 0) {
            char *path = model_key_path(m, k);
            hive_want_key(path, strlen(path));
        }
        want_keys(m, k->first_child);
    }
}

/* A hive against a .reg file (the baseline that should have produced it):
 * the hive is read for the keys the .reg file names too, not only those
 * reglint reads, so that every value of the baseline is compared. False
 * when the .reg file cannot be read (said why). */
static bool want_other_side_keys(char *const files[2])
{
    bool hive[2];
    for (int i = 0; i < 2; i++)
        hive[i] = strcmp(files[i], "-") != 0 && hive_file_is_hive(files[i]);
    /* Standard input is read once, when the files are. */
    if (hive[0] == hive[1] || strcmp(files[hive[0] ? 1 : 0], "-") == 0)
        return true;
    struct reg_doc doc;
    if (!cli_read_reg(files[hive[0] ? 1 : 0], NULL, &doc))
        return false;
    struct model *m = model_build(doc.file, doc.arena, MODEL_AS_REGEDIT);
    for (int r = 0; r < REG_ROOT_COUNT; r++)
        if (m->roots[r])
            want_keys(m, m->roots[r]->first_child);
    model_free(m);
    reg_doc_release(&doc);
    return true;
}

int cli_diff(int argc, char **argv)
{
    struct report_options o = REPORT_OPTIONS_INIT;
    char *files[2];
    size_t nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(diff_help, stdout);
            return EXIT_OK;
        }
        int taken = report_option("diff", argc, argv, &i, &o);
        if (taken < 0)
            return -taken;
        if (taken > 0)
            continue;
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_unknown_option("diff", argv[i], report_option_names);
        if (nfiles == 2)
            return cli_usage("diff", "diff takes two files, OLD and NEW");
        files[nfiles++] = argv[i];
    }
    if (nfiles < 2)
        return cli_usage("diff", "diff takes two files, OLD and NEW");
    cli_hive_notes(files, 2, &o.has_target, &o.target);
    if (!want_other_side_keys(files))
        return EXIT_IO;
    struct posture_files pf;
    if (!posture_files_load(&pf, files, 2, o.stdin_name))
        return EXIT_IO;
    const enum target *target = o.has_target ? &o.target : NULL;
    struct posture_table before, after;
    /* Each file on its own: OLD and NEW are two versions of one change. */
    posture_table(&pf.layers[0], 1, target, o.view, &before);
    posture_table(&pf.layers[1], 1, target, o.view, &after);
    struct semdiff d;
    semdiff_models(pf.models[0], pf.models[1], pf.docs[1].arena, &d);
    semdiff_cells(&before, &after, &d);
    semdiff_orders(&pf.layers[0], &pf.layers[1], target, pf.docs[1].arena, &d);
    /* The same in the other view, only to tell whether it differs. */
    enum view other = o.view == VIEW_NATIVE ? VIEW_WOW64 : VIEW_NATIVE;
    posture_table(&pf.layers[0], 1, target, other, &before);
    posture_table(&pf.layers[1], 1, target, other, &after);
    struct semdiff in_other = {0};
    semdiff_cells(&before, &after, &in_other);
    struct diff_run r = {&d, &pf, target, o.view, !same_cell_changes(&d, &in_other)};
    semdiff_free(&in_other);
    struct buf out = BUF_INIT;
    switch (o.format) {
    case REPORT_TEXT:
        diff_text(&r, &out);
        break;
    case REPORT_JSON:
        diff_json(&r, &out);
        break;
    case REPORT_MARKDOWN:
        diff_markdown(&r, &out);
        break;
    }
    fwrite(out.data, 1, out.len, stdout);
    buf_free(&out);
    int rc = d.nchanges || d.ncells || semdiff_order_changed(&d.suites) ||
                     semdiff_order_changed(&d.curves)
                 ? EXIT_FINDINGS
                 : EXIT_OK;
    semdiff_free(&d);
    posture_files_release(&pf);
    return rc;
}
