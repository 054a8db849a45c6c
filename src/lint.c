#include "lint.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lint_check.h"
#include "printf_like.h"
#include "suppress.h"

void lint_options_init(struct lint_options *o)
{
    memset(o, 0, sizeof *o);
    for (int r = 0; r < RULE_COUNT; r++)
        o->enabled[r] = rule_info((enum rule_id)r)->on_by_default;
    o->inline_suppressions = true;
}

bool lint_options_select(struct lint_options *o, char *list, bool on, const char **bad)
{
    for (char *item = strtok(list, ", "); item; item = strtok(NULL, ", ")) {
        if (!rule_selector_valid(item)) {
            *bad = item;
            return false;
        }
        for (int r = 0; r < RULE_COUNT; r++)
            if (rule_matches((enum rule_id)r, item))
                o->enabled[r] = on;
    }
    return true;
}

bool lint_on(const struct lint_ctx *c, enum rule_id rule)
{
    return c->o->enabled[rule];
}

/* ------------------------------------------------------------- helpers */

static struct diag *add_v(struct lint_ctx *c, enum rule_id rule, struct span at, const char *fmt,
                          va_list ap) PRINTF_LIKE(4, 0);
static struct diag *add_v(struct lint_ctx *c, enum rule_id rule, struct span at, const char *fmt,
                          va_list ap)
{
    char *message = arena_vprintf(c->diags->arena, fmt, ap);
    return diag_add(c->diags, rule, c->src, at, "%s", message);
}

const struct reg_value_stmt *lint_value_stmt(const struct lint_ctx *c, const struct model_value *v)
{
    return &c->file->stmts[v->stmt].as.value;
}

const char *lint_value_name(struct lint_ctx *c, const struct model_value *v)
{
    struct reg_name name = model_value_name(c->m, v);
    if (name.len == 0)
        return "@";
    return arena_strndup(c->diags->arena, name.s, name.len);
}

static void anchor_key(struct lint_ctx *c, struct diag *d, const struct model_key *k)
{
    d->anchor_key = model_key_path(c->m, k);
}

struct diag *lint_at_value(struct lint_ctx *c, enum rule_id rule, const struct model_value *v,
                           enum value_part part, const char *fmt, ...)
{
    const struct reg_stmt *st = &c->file->stmts[v->stmt];
    struct span at = st->at;
    if (st->kind == REG_STMT_VALUE || st->kind == REG_STMT_VALUE_DELETE) {
        if (part == PART_NAME)
            at = st->as.value.name_at;
        else if (part == PART_DATA && st->kind == REG_STMT_VALUE)
            at = st->as.value.data_at;
    }
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = add_v(c, rule, at, fmt, ap);
    va_end(ap);
    anchor_key(c, d, v->key);
    d->anchor_value = lint_value_name(c, v);
    return d;
}

/* The earliest statement that names `k` or a key below it. */
static uint32_t first_stmt(const struct model *m, const struct model_key *k, uint32_t best)
{
    struct model_event single;
    for (const struct model_event *e = model_key_history(m, k, &single); e; e = e->next)
        if (e->stmt < best)
            best = e->stmt;
    for (const struct model_key *ch = k->first_child; ch; ch = ch->next_sibling)
        best = first_stmt(m, ch, best);
    return best;
}

struct diag *lint_at_key(struct lint_ctx *c, enum rule_id rule, const struct model_key *k,
                         const char *fmt, ...)
{
    uint32_t stmt = first_stmt(c->m, k, UINT32_MAX);
    struct span at = {0, 0};
    if (stmt != UINT32_MAX) {
        const struct reg_stmt *st = &c->file->stmts[stmt];
        at = st->kind == REG_STMT_KEY || st->kind == REG_STMT_KEY_DELETE ? st->as.key.path_at
                                                                         : st->at;
    }
    /* The key's own name, where its first spelling is in the text. */
    const char *text = c->src->d.text;
    if (k->name.s >= text && k->name.s + k->name.len <= text + c->src->d.len) {
        uint32_t start = (uint32_t)(k->name.s - text);
        if (start >= at.start && start < at.end)
            at = (struct span){start, start + k->name.len};
    }
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = add_v(c, rule, at, fmt, ap);
    va_end(ap);
    anchor_key(c, d, k);
    return d;
}

struct diag *lint_at_stmt(struct lint_ctx *c, enum rule_id rule, size_t stmt, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    struct diag *d = add_v(c, rule, c->file->stmts[stmt].at, fmt, ap);
    va_end(ap);
    return d;
}

unsigned lint_stmt_line(const struct lint_ctx *c, size_t stmt)
{
    return (unsigned)source_shown_line(c->src, c->file->stmts[stmt].at.start);
}

const char *lint_stmt_unit(const struct lint_ctx *c, size_t stmt)
{
    const struct source_origin *o = source_origin_at(c->src, c->file->stmts[stmt].at.start);
    return o && o->record ? "record" : "line";
}

const char *lint_stmt_on(const struct lint_ctx *c, size_t stmt)
{
    const struct source_origin *o = source_origin_at(c->src, c->file->stmts[stmt].at.start);
    return o && o->record ? "in record" : "on line";
}

struct span lint_line_span(const struct lint_ctx *c, struct span at)
{
    uint32_t first, last, col;
    source_position(c->src, at.start, &first, &col);
    source_position(c->src, at.end, &last, &col);
    struct span out = {source_line(c->src, first).start, (uint32_t)c->src->d.len};
    if (last < source_line_count(c->src))
        out.end = source_line(c->src, last + 1).start;
    return out;
}

const char *lint_mask_names(struct lint_ctx *c, uint32_t mask)
{
    struct buf b = BUF_INIT;
    for (int p = 0; p < PROTO_COUNT; p++) {
        const struct protocol_info *info = protocol_info((enum protocol)p);
        if (info->bit && (mask & info->bit))
            buf_printf(&b, "%s%s", b.len ? ", " : "", info->display);
    }
    const char *s = arena_strdup(c->diags->arena, b.len ? b.data : "none");
    buf_free(&b);
    return s;
}

/* -------------------------------------------------------------- engine */

void lint_document(const struct lint_options *o, struct source *src, const struct reg_file *file,
                   struct diag_list *diags)
{
    struct lint_ctx c = {0};
    c.o = o;
    c.src = src;
    c.file = file;
    c.diags = diags;
    c.target = o->has_target ? &o->target : NULL;
    /* Lint reads past a bad header (RL1001/RL1002 say regedit would not),
     * so that one run reports every problem. */
    struct model *m = model_build(file, diags->arena, MODEL_IGNORE_HEADER);
    c.m = m;
    posture_collect(m, &c.posture);
    lint_check_history(&c);
    lint_check_keys(&c);
    lint_check_statements(&c);
    lint_check_protocols(&c);
    lint_check_masks(&c);
    lint_check_mirrors(&c);
    lint_check_suites(&c);
    lint_check_dotnet(&c);
    lint_check_schannel_values(&c);
    lint_check_key_lines(&c);
    if (o->enabled[RULE_NON_CANONICAL_LAYOUT])
        lint_check_layout(&c);
    if (o->policy && o->enabled[RULE_PROFILE_REQUIREMENT_UNMET])
        lint_check_profile(&c);
    model_free(m);
}

/* Keeps the findings of the rules that run, at their severity. */
static bool selected(struct diag *d, void *options)
{
    const struct lint_options *o = *(const struct lint_options **)options;
    if (d->rule != RULE_COUNT) {
        if (!o->enabled[d->rule])
            return false;
        if (o->severity_forced[d->rule])
            d->severity = o->severity[d->rule];
    }
    return true;
}

/* Keeps the findings that lie in the document's own text: those in
 * another hive read as context are that hive's (source.h). */
static bool in_own_text(struct diag *d, void *unused)
{
    (void)unused;
    const struct source_origin *o = d->src ? source_origin_at(d->src, d->at.start) : NULL;
    return !o || !o->context;
}

void lint_finish(const struct lint_options *o, const struct reg_file *file,
                 struct diag_list *diags)
{
    diag_list_filter(diags, in_own_text, NULL);
    if (o->inline_suppressions)
        suppress_apply(file, diags, o->enabled);
    diag_list_filter(diags, selected, &o);
    /* Suppressed findings too, for the formats that show them. */
    size_t kept = 0;
    for (size_t i = 0; i < diags->nsuppressed; i++)
        if (selected(diags->suppressed[i], &o))
            diags->suppressed[kept++] = diags->suppressed[i];
    diags->nsuppressed = kept;
    diag_list_sort(diags);
}
