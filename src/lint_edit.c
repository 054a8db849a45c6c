/* Fixes that make a key hold values: the data of a value the file sets is
 * rewritten where it stands, a missing value goes below the key's own
 * values, a missing key gets a block of its own at the end of the file (no
 * fix when regedit stops importing before that end). The
 * lines are laid out by the writer for the file's encoding and line endings
 * (the fixer encodes them with the rest of the file). */
#include <stdint.h>
#include <string.h>

#include "lint_check.h"
#include "writer.h"

/* The statement after which a value of `key` can be added: the last value
 * line of the block its last key line opens (or that key line), when nothing
 * after it deletes a key; otherwise SIZE_MAX. */
static size_t end_of_block(const struct lint_ctx *c, const struct model_key *key)
{
    if (!key || !key->exists || key->stmt == MODEL_NO_STMT ||
        c->file->stmts[key->stmt].kind != REG_STMT_KEY)
        return SIZE_MAX;
    size_t last = key->stmt, i = key->stmt + 1;
    for (; i < c->file->nstmts && c->file->stmts[i].kind != REG_STMT_KEY &&
           c->file->stmts[i].kind != REG_STMT_KEY_DELETE;
         i++)
        if (c->file->stmts[i].kind == REG_STMT_VALUE || c->file->stmts[i].kind == REG_STMT_VALUE_DELETE)
            last = i;
    for (; i < c->file->nstmts; i++)
        if (c->file->stmts[i].kind == REG_STMT_KEY_DELETE)
            return SIZE_MAX;
    return last;
}

/* Whether the value holds exactly what `op` writes. */
static bool holds(const struct lint_ctx *c, const struct model_value *v, const struct gen_op *op)
{
    struct buf want = BUF_INIT, have = BUF_INIT;
    gen_op_data(op, &want);
    model_value_data(c->m, v, &have);
    bool same = model_value_type(c->m, v) == op->type && want.len == have.len &&
                (want.len == 0 || memcmp(want.data, have.data, want.len) == 0);
    buf_free(&want);
    buf_free(&have);
    return same;
}

/* Where a value line of a key goes: after the last line of its block, past
 * any text regedit ignores there, which must stay on that line; else, for a
 * new block, at the end of the file, before its final blank line. */
static uint32_t insertion_point(struct lint_ctx *c, size_t block_end)
{
    const struct decoded_text *in = &c->src->d;
    if (block_end != SIZE_MAX) {
        uint32_t line, col;
        source_position(c->src, c->file->stmts[block_end].at.end, &line, &col);
        return source_line(c->src, line).end;
    }
    uint32_t nlines = source_line_count(c->src);
    struct span last = nlines ? source_line(c->src, nlines) : (struct span){0, 0};
    if (in->final_newline && last.start == last.end && nlines > 1)
        return last.start;
    return (uint32_t)in->len;
}

/* Where regedit stops importing: the first [-ROOT] or [-BADROOT\...] line, or
 * the first NUL when nothing after it is read; else UINT32_MAX. */
static uint32_t import_stop(const struct lint_ctx *c)
{
    for (size_t i = 0; i < c->file->nstmts; i++) {
        const struct reg_stmt *st = &c->file->stmts[i];
        if (st->at.start >= c->file->read_end)
            break;
        if (st->kind == REG_STMT_KEY_DELETE && st->as.key.aborts)
            return st->at.start;
    }
    return c->file->read_end;
}

/* The text that adds `ops` below a block, or as a new block for `path`. */
static void added_text(const struct lint_ctx *c, const char *path, bool new_block,
                       const struct gen_op *const *ops, size_t n, struct buf *out)
{
    const struct decoded_text *in = &c->src->d;
    struct reg_writer w;
    writer_init(&w, in->encoding);
    if (!new_block) {
        writer_blank(&w);
        for (size_t i = 0; i < n; i++)
            gen_write_op(&w, ops[i]);
        writer_finish_text(&w, in->eol, false, out);
    } else {
        /* Each new block brings its own blank line, so that several can go
         * in at once; a file's final blank line stays last, and a file
         * without a final line ending stays without one. */
        if (!in->final_newline && in->len > 0)
            writer_blank(&w);
        writer_blank(&w);
        writer_key(&w, path, strlen(path), false);
        for (size_t i = 0; i < n; i++)
            gen_write_op(&w, ops[i]);
        writer_finish_text(&w, in->eol, in->final_newline || in->len == 0, out);
    }
    writer_release(&w);
}

struct fix *lint_fix_values(struct lint_ctx *c, struct diag *d, enum fix_applicability how,
                            const char *path, const struct gen_op *ops, size_t nops,
                            const char *message)
{
    if (c->file->version != REG_VERSION_4 && c->file->version != REG_VERSION_5) {
        diag_help(c->diags, d, "no fix: regedit reads no key blocks from this file (its first line is "
                               "not a .reg header of Version 5.00 or REGEDIT4)");
        return NULL;
    }
    const struct model_key *key = lint_key_by_path(c, path);
    bool new_key = !key || !key->exists;
    /* What to rewrite where it stands, and what to add. */
    const struct gen_op **missing = arena_alloc(c->diags->arena, (nops + 1) * sizeof *missing);
    const struct gen_op **rewrite = arena_alloc(c->diags->arena, (nops + 1) * sizeof *rewrite);
    const struct model_value **at_value = arena_alloc(c->diags->arena, (nops + 1) * sizeof *at_value);
    size_t nmissing = 0, nrewrite = 0;
    for (size_t i = 0; i < nops; i++) {
        const struct gen_op *op = &ops[i];
        const struct model_value *v = new_key ? NULL : model_find_value(c->m, key, op->name, op->name_len);
        if (v && !v->exists)
            v = NULL;
        if (op->kind == OP_DELETE ? !v : v && holds(c, v, op))
            continue;
        if (v) {
            rewrite[nrewrite] = op;
            at_value[nrewrite++] = v;
        } else {
            missing[nmissing++] = op;
        }
    }
    bool insert = nmissing > 0 || new_key;
    if (nrewrite == 0 && !insert)
        return NULL;
    size_t block_end = end_of_block(c, key);
    uint32_t at = insert ? insertion_point(c, block_end) : 0;
    uint32_t stop = import_stop(c);
    if (insert && at > stop) {
        uint32_t line, col;
        source_position(c->src, stop, &line, &col);
        diag_help(c->diags, d, "no fix: regedit stops importing the file at line %u, so lines added below it "
                               "would not be read; fix that line first", (unsigned)line);
        return NULL;
    }
    if (insert && at > c->file->open_continuation) {
        diag_help(c->diags, d, "no fix: the file ends inside hex data continued with '\\' (RL1009), and "
                               "regedit would read a block added below as more of it; remove that '\\' first");
        return NULL;
    }
    struct fix *fix = diag_fix(c->diags, d, how, "%s", message);
    struct buf text = BUF_INIT;
    for (size_t i = 0; i < nrewrite; i++) {
        /* The statement that sets it last is the one in effect. */
        struct reg_writer w;
        writer_init(&w, c->src->d.encoding);
        gen_write_op(&w, rewrite[i]);
        buf_clear(&text);
        writer_finish_text(&w, c->src->d.eol, false, &text);
        writer_release(&w);
        diag_fix_edit(c->diags, fix, c->file->stmts[at_value[i]->stmt].at, text.data);
    }
    if (insert) {
        buf_clear(&text);
        added_text(c, path, block_end == SIZE_MAX, missing, nmissing, &text);
        if (block_end == SIZE_MAX) {
            fix->new_block = arena_strdup(c->diags->arena, path);
        } else {
            fix->block_of_values = arena_strdup(c->diags->arena, path);
            fix->value_names = arena_alloc(c->diags->arena, nmissing * sizeof *fix->value_names);
            for (size_t i = 0; i < nmissing; i++)
                fix->value_names[i] = arena_strndup(c->diags->arena, missing[i]->name, missing[i]->name_len);
            fix->nvalue_names = nmissing;
        }
        diag_fix_edit(c->diags, fix, (struct span){at, at}, text.data);
    }
    buf_free(&text);
    return fix;
}

const struct model_key *lint_key_by_path(const struct lint_ctx *c, const char *path)
{
    for (int r = 0; r < REG_ROOT_COUNT; r++) {
        const char *root = reg_root_name((enum reg_root)r);
        size_t n = strlen(root);
        if (strncmp(path, root, n) == 0 && path[n] == '\\')
            return model_find_key(c->m, (enum reg_root)r, path + n + 1);
    }
    return NULL;
}
