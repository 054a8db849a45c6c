#include "fmt.h"

#include <string.h>

#include "writer.h"

bool fmt_supported(const struct reg_file *file, const char **why)
{
    if (file->version == REG_VERSION_WIN31) {
        *why = "Windows 3.1 (REGEDIT) files have no export layout";
        return false;
    }
    if (file->src->d.issues[TEXT_ISSUE_NUL].count) {
        *why = "the file contains NUL characters";
        return false;
    }
    return true;
}

/* The text after `from` up to the end of its line, without leading blanks. */
static struct span rest_of_line(const struct source *src, uint32_t from)
{
    const char *s = src->d.text;
    uint32_t end = from;
    while (end < src->d.len && s[end] != '\r' && s[end] != '\n')
        end++;
    while (from < end && (s[from] == ' ' || s[from] == '\t'))
        from++;
    return (struct span){from, end};
}

static void append_trailing(struct reg_writer *w, const struct source *src, uint32_t from)
{
    struct span rest = rest_of_line(src, from);
    if (rest.end > rest.start) {
        writer_append(w, " ", 1);
        writer_append(w, src->d.text + rest.start, rest.end - rest.start);
    }
}

static void write_key(struct reg_writer *w, const struct reg_file *file,
                      const struct reg_stmt *st, struct arena *arena)
{
    const struct reg_key_stmt *key = &st->as.key;
    bool deleting = st->kind == REG_STMT_KEY_DELETE;
    if (key->resolved && !key->aborts) {
        const char *path = reg_key_path_string(arena, file, key);
        writer_key(w, path, strlen(path), deleting);
    } else {
        writer_key(w, file->src->d.text + key->path_at.start, key->path_at.end - key->path_at.start,
                   deleting);
    }
    append_trailing(w, file->src, st->at.end);
}

static void write_value(struct reg_writer *w, const struct reg_file *file,
                        const struct reg_stmt *st)
{
    const struct reg_value_stmt *v = &st->as.value;
    struct reg_name name = reg_value_name(file, v);
    if (st->kind == REG_STMT_VALUE_DELETE) {
        writer_value_delete(w, name.s, name.len);
    } else {
        enum reg_form form = v->form;
        /* regedit exports a 4-byte REG_DWORD as dword: whatever it was written as. */
        if (form == REG_FORM_HEX && v->type == REG_TYPE_DWORD && v->len == 4)
            form = REG_FORM_DWORD;
        struct buf scratch = BUF_INIT;
        writer_value(w, name.s, name.len, form, v->type, reg_value_bytes(file, v, &scratch),
                     v->len);
        buf_free(&scratch);
    }
    append_trailing(w, file->src, st->at.end);
}

static void write_verbatim(struct reg_writer *w, const struct reg_file *file, struct span at)
{
    const char *s = file->src->d.text;
    while (at.start < at.end && (s[at.start] == ' ' || s[at.start] == '\t'))
        at.start++;
    writer_line(w, s + at.start, at.end - at.start);
}

void fmt_file(const struct reg_file *file, struct buf *out)
{
    const struct source *src = file->src;
    struct reg_writer w;
    writer_init(&w, src->d.encoding);
    struct arena *arena = arena_new();
    if (file->version == REG_VERSION_4 || file->version == REG_VERSION_5)
        writer_header(&w, file->version);
    else if (file->version != REG_VERSION_NONE)
        writer_line(&w, src->d.text + file->header_at.start,
                    file->header_at.end - file->header_at.start);
    /* Comment lines are held back until the next statement shows whether
     * they lead into a key (then the blank line goes above them). */
    size_t held_from = 0, held = 0;
    for (size_t i = 0; i < file->nstmts; i++) {
        const struct reg_stmt *st = &file->stmts[i];
        if (st->kind == REG_STMT_COMMENT) {
            if (held++ == 0)
                held_from = i;
            continue;
        }
        if (st->kind == REG_STMT_KEY || st->kind == REG_STMT_KEY_DELETE)
            writer_blank(&w);
        for (size_t k = held_from; held > 0; k++, held--)
            write_verbatim(&w, file, file->stmts[k].at);
        switch (st->kind) {
        case REG_STMT_KEY:
        case REG_STMT_KEY_DELETE:
            write_key(&w, file, st, arena);
            break;
        case REG_STMT_VALUE:
        case REG_STMT_VALUE_DELETE:
            write_value(&w, file, st);
            break;
        case REG_STMT_SKIPPED:
            write_verbatim(&w, file, st->at);
            break;
        case REG_STMT_COMMENT:
            break;
        }
    }
    for (size_t k = held_from; held > 0; k++, held--)
        write_verbatim(&w, file, file->stmts[k].at);
    if (file->version != REG_VERSION_NONE)
        writer_blank(&w);
    writer_finish(&w, src->d.eol, true, out);
    writer_release(&w);
    arena_free(arena);
}
