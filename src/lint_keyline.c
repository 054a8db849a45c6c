/* What values written after a key line's ']' (RL1003, found by the reader)
 * would do on a line of their own, said in the finding; and no fix moving
 * them where the fixes that follow would turn them around, so that a chain
 * of fixes never makes a file do the opposite of what it was written for
 * ("enable SSL 2.0" becoming a file that disables it). Which fixes follow
 * is found by linting the moved values alone, as this file is linted. */
#include <string.h>

#include "buf.h"
#include "lint_check.h"
#include "regfile.h"

struct moved_values {
    const struct model *m;   /* of the values read on a line of their own */
    struct arena *arena;     /* the findings' */
    struct buf said;         /* "enable SSL 2.0 for servers and ..." */
};

static void say(struct moved_values *mv, const char *what)
{
    buf_printf(&mv->said, "%s%s", mv->said.len ? " and " : "", what);
}

static void describe_value(struct moved_values *mv, const struct model_value *v, const struct key_class *cls)
{
    const struct model *m = mv->m;
    struct arena *arena = mv->arena;
    struct reg_name name = model_value_name(m, v);
    const char *value_name = name.len ? arena_strndup(arena, name.s, name.len) : "@";
    uint32_t x;
    bool dword = model_value_dword(m, v, &x);
    if (dword && cls->kind == KK_PROTOCOL_ROLE && cls->known && !cls->misplaced) {
        const char *proto = protocol_info(cls->protocol)->display;
        const char *who = cls->role == ROLE_CLIENT ? "clients" : "servers";
        if (knowledge_name_equal(name.s, name.len, "Enabled")) {
            say(mv, arena_printf(arena, "%s %s for %s", x ? "enable" : "disable", proto, who));
            return;
        }
        if (knowledge_name_equal(name.s, name.len, "DisabledByDefault")) {
            say(mv, arena_printf(arena, x ? "let %s use %s only when an application asks for it"
                                           : "let %s use %s by default",
                                 who, proto));
            return;
        }
    }
    if (dword && cls->kind == KK_ALGORITHM && cls->algorithm && !cls->misplaced &&
        knowledge_name_equal(name.s, name.len, "Enabled")) {
        const struct algorithm_info *alg = cls->algorithm;
        const char *group = alg->kind == ALG_CIPHER ? "cipher" : alg->kind == ALG_HASH ? "hash" : "key exchange";
        say(mv, arena_printf(arena, "%s the %s %s", x ? "enable" : "disable", group, alg->key));
        return;
    }
    if (dword)
        say(mv, arena_printf(arena, "set \"%s\" to %u", value_name, x));
    else
        say(mv, arena_printf(arena, "set \"%s\"", value_name));
}

static void visit(void *ctx, const struct model_key *k, const struct key_class *cls,
                  const struct key_class *parent)
{
    (void)parent;
    struct moved_values *mv = ctx;
    for (const struct model_value *v = k->first_value; v; v = v->next) {
        if (v->exists) {
            describe_value(mv, v, cls);
        } else {
            struct reg_name name = model_value_name(mv->m, v);
            say(mv, arena_printf(mv->arena, "delete \"%s\"",
                                 name.len ? arena_strndup(mv->arena, name.s, name.len) : "@"));
        }
    }
}

/* The rule whose unsafe fix would rewrite the data of a moved value, once
 * the values stand on lines of their own; NULL for none. Lints `moved`. */
static const char *undoing_rule(const struct lint_ctx *c, struct reg_doc *moved)
{
    lint_document(c->o, moved->src, moved->file, &moved->diags);
    lint_finish(c->o, moved->file, &moved->diags);
    for (size_t i = 0; i < moved->diags.n; i++) {
        const struct diag *d = moved->diags.items[i];
        if (!d->fix || d->fix->applicability != FIX_UNSAFE || d->rule == RULE_COUNT)
            continue;
        for (size_t e = 0; e < d->fix->nedits; e++)
            for (size_t k = 0; k < moved->file->nstmts; k++) {
                const struct reg_stmt *st = &moved->file->stmts[k];
                struct span data = st->as.value.data_at, at = d->fix->edits[e].at;
                if (st->kind == REG_STMT_VALUE && at.start < data.end && at.end > data.start)
                    return rule_info(d->rule)->id;
            }
    }
    return NULL;
}

/* The key statement a finding on a key line's trailing text belongs to. */
static const struct reg_stmt *key_line_of(const struct reg_file *f, uint32_t offset)
{
    size_t lo = 0, hi = f->nstmts;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->stmts[mid].at.start <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const struct reg_stmt *st = &f->stmts[lo - 1];
    return st->kind == REG_STMT_KEY && st->as.key.usable ? st : NULL;
}

static void explain(struct lint_ctx *c, struct diag *d)
{
    const struct reg_stmt *key = key_line_of(c->file, d->at.start);
    if (!key)
        return;
    const char *text = c->src->d.text;
    struct buf body = BUF_INIT;
    buf_puts(&body, "[");
    buf_append(&body, text + key->as.key.path_at.start, key->as.key.path_at.end - key->as.key.path_at.start);
    buf_puts(&body, "]\n");
    buf_append(&body, text + d->at.start, d->at.end - d->at.start);
    buf_puts(&body, "\n");
    struct reg_doc moved;
    bool read = reg_read_text(&moved, "key line", body.data, body.len);
    buf_free(&body);
    if (!read)
        return;
    /* Text that is not all value lines is left to the reader's help. */
    if (moved.diags.n == 0) {
        struct model *m = model_build(moved.file, moved.arena, MODEL_AS_REGEDIT);
        struct moved_values mv = {m, c->diags->arena, BUF_INIT};
        posture_walk(m, visit, &mv);
        model_free(m);
        if (mv.said.len) {
            d->message = arena_printf(c->diags->arena, "%s; on a line of its own it would %s", d->message,
                                      mv.said.data);
            const char *undone_by = d->fix ? undoing_rule(c, &moved) : NULL;
            if (undone_by) {
                d->fix = NULL;
                diag_help(c->diags, d, "no fix: %s's fix would then undo it, turning the file into the opposite of what it was written for; delete the text, or move it yourself if that is really meant",
                          undone_by);
            }
        }
        buf_free(&mv.said);
    }
    reg_doc_release(&moved);
}

void lint_check_key_lines(struct lint_ctx *c)
{
    if (!lint_on(c, RULE_TEXT_AFTER_KEY))
        return;
    size_t n = c->diags->n;
    for (size_t i = 0; i < n; i++)
        if (c->diags->items[i]->rule == RULE_TEXT_AFTER_KEY && c->diags->items[i]->src == c->src)
            explain(c, c->diags->items[i]);
}
