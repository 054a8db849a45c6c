#include "fix.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "regfile.h"
#include "text.h"
#include "xalloc.h"

/* An edit of a fix taken in this pass, with its place in the list so that
 * edits at the same offset keep the order of their findings. */
struct placed_edit {
    const struct fix_edit *edit;
    size_t fix_index;
    size_t order;
};

static int compare_placed(const void *pa, const void *pb)
{
    const struct placed_edit *a = pa, *b = pb;
    if (a->edit->at.start != b->edit->at.start)
        return a->edit->at.start < b->edit->at.start ? -1 : 1;
    if (a->edit->at.end != b->edit->at.end)
        return a->edit->at.end < b->edit->at.end ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static bool fix_wanted(const struct diag *d, bool unsafe, size_t len)
{
    if (!d->fix || d->fix->nedits == 0 || (d->fix->applicability == FIX_UNSAFE && !unsafe))
        return false;
    for (size_t i = 0; i < d->fix->nedits; i++) {
        const struct span at = d->fix->edits[i].at;
        if (at.start > at.end || at.end > len)
            return false;
    }
    return true;
}

static bool names_equal(const char *a, const char *b)
{
    return text_names_equal(a, strlen(a), b, strlen(b));
}

/* Whether `fix`, which inserts where the fixes `placed` inserted, may go
 * there in this pass: each adds a new block for another key, or each adds
 * values to one block, no value twice. Else it waits for the next pass,
 * placed knowing what they wrote (a value into the block one added). */
static bool fits_beside(const struct fix *const *placed, size_t n, const struct fix *fix)
{
    if (n == 0 || (!fix->new_block && !fix->block_of_values))
        return false;
    for (size_t i = 0; i < n; i++) {
        const struct fix *p = placed[i];
        if (fix->new_block) {
            if (!p->new_block || names_equal(p->new_block, fix->new_block))
                return false;
            continue;
        }
        if (!p->block_of_values || !names_equal(p->block_of_values, fix->block_of_values))
            return false;
        for (size_t a = 0; a < p->nvalue_names; a++)
            for (size_t b = 0; b < fix->nvalue_names; b++)
                if (names_equal(p->value_names[a], fix->value_names[b]))
                    return false;
    }
    return true;
}

/* fix_apply(), and with `log`, a line for each fix applied:
 * "FILE:LINE:COL: fixed: MESSAGE [CODE]", placed in `text`. */
static size_t apply_pass(const char *text, size_t len, const struct diag_list *diags, bool unsafe,
                         struct buf *out, struct buf *log)
{
    /* Every edit of every wanted fix, shown or hidden, in source order. */
    size_t nfindings = diags->n + diags->nhidden;
    struct placed_edit *edits = NULL;
    size_t nedits = 0, cap = 0;
    for (size_t i = 0; i < nfindings; i++) {
        const struct diag *d = diag_list_any(diags, i);
        if (!fix_wanted(d, unsafe, len))
            continue;
        for (size_t e = 0; e < d->fix->nedits; e++) {
            edits = xgrow(edits, &cap, nedits + 1, sizeof *edits);
            edits[nedits] = (struct placed_edit){&d->fix->edits[e], i, nedits};
            nedits++;
        }
    }
    if (nedits > 1)
        qsort(edits, nedits, sizeof *edits, compare_placed);

    /* A fix is deferred when one of its edits starts inside an edit of
     * another fix taken so far, or inserts where other fixes insert and does
     * not fit beside them (fits_beside()). */
    bool *deferred = xcalloc(nfindings ? nfindings : 1, sizeof *deferred);
    uint32_t reach = 0, inserted_at = 0;
    size_t reach_owner = SIZE_MAX, insert_owner = SIZE_MAX;
    /* The fixes that inserted at `inserted_at`. */
    const struct fix **placed = NULL;
    size_t nplaced = 0, placed_cap = 0;
    for (size_t i = 0; i < nedits; i++) {
        const struct placed_edit *p = &edits[i];
        if (deferred[p->fix_index])
            continue;
        bool insertion = p->edit->at.start == p->edit->at.end;
        const struct fix *fix = diag_list_any(diags, p->fix_index)->fix;
        bool same_point = insertion && insert_owner != SIZE_MAX && insert_owner != p->fix_index &&
                          inserted_at == p->edit->at.start;
        if ((p->edit->at.start < reach && reach_owner != p->fix_index) ||
            (same_point && !fits_beside(placed, nplaced, fix))) {
            deferred[p->fix_index] = true;
            continue;
        }
        if (insertion) {
            if (!same_point)
                nplaced = 0;
            placed = xgrow(placed, &placed_cap, nplaced + 1, sizeof *placed);
            placed[nplaced++] = fix;
            inserted_at = p->edit->at.start;
            insert_owner = p->fix_index;
        }
        if (p->edit->at.end > reach || reach_owner == SIZE_MAX) {
            reach = p->edit->at.end;
            reach_owner = p->fix_index;
        }
    }

    /* Edits of one fix may touch each other; text is copied once. */
    size_t pos = 0;
    buf_reserve(out, len);
    for (size_t i = 0; i < nedits; i++) {
        const struct placed_edit *p = &edits[i];
        if (deferred[p->fix_index])
            continue;
        if (p->edit->at.start > pos) {
            buf_append(out, text + pos, p->edit->at.start - pos);
            pos = p->edit->at.start;
        }
        buf_puts(out, p->edit->text);
        if (p->edit->at.end > pos)
            pos = p->edit->at.end;
    }
    buf_append(out, text + pos, len - pos);
    size_t applied = 0;
    for (size_t i = 0; i < nfindings; i++) {
        const struct diag *d = diag_list_any(diags, i);
        if (deferred[i] || !fix_wanted(d, unsafe, len))
            continue;
        applied++;
        if (log) {
            uint32_t line, col;
            source_position(d->src, d->at.start, &line, &col);
            buf_printf(log, "%s:%u:%u: fixed: %s [%s]\n", d->src->name, line, col, d->fix->message, d->code);
        }
    }
    free(deferred);
    free(edits);
    free(placed);
    return applied;
}

size_t fix_apply(const char *text, size_t len, const struct diag_list *diags, bool unsafe,
                 struct buf *out)
{
    return apply_pass(text, len, diags, unsafe, out, NULL);
}

size_t fix_encode(const struct decoded_text *like, const char *text, size_t len, struct buf *out)
{
    size_t lossy = 0;
    text_encode_bom(like->encoding, out);
    text_encode(text, len, like->encoding, out, &lossy);
    return lossy;
}

static size_t fixes_offered(const struct diag_list *diags, bool unsafe, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < diags->n + diags->nhidden; i++)
        n += fix_wanted(diag_list_any(diags, i), unsafe, len);
    return n;
}

void fix_document(const struct lint_options *o, bool unsafe, struct reg_doc *doc,
                  struct fix_outcome *outcome)
{
    fix_document_logged(o, unsafe, doc, outcome, NULL, FIX_MAX_PASSES);
}

void fix_document_logged(const struct lint_options *o, bool unsafe, struct reg_doc *doc,
                         struct fix_outcome *outcome, struct buf *log, unsigned max_passes)
{
    memset(outcome, 0, sizeof *outcome);
    struct buf text = BUF_INIT, bytes = BUF_INIT;
    while (outcome->passes < max_passes) {
        buf_clear(&text);
        size_t mark = log ? log->len : 0;
        size_t applied = apply_pass(doc->src->d.text, doc->src->d.len, &doc->diags, unsafe, &text, log);
        if (applied == 0 ||
            (text.len == doc->src->d.len && memcmp(text.data, doc->src->d.text, text.len) == 0)) {
            /* That pass changed nothing: what it listed was not applied. */
            if (log && log->data) {
                log->len = mark;
                log->data[mark] = '\0';
            }
            break;
        }
        buf_clear(&bytes);
        outcome->unencodable += fix_encode(&doc->src->d, text.data, text.len, &bytes);
        struct source *src = source_from_bytes(doc->src->name, (const unsigned char *)bytes.data, bytes.len);
        if (!src)
            break;
        reg_doc_release(doc);
        reg_doc_read(doc, src);
        lint_document(o, doc->src, doc->file, &doc->diags);
        lint_finish(o, doc->file, &doc->diags);
        outcome->applied += applied;
        outcome->passes++;
    }
    if (outcome->passes == max_passes)
        outcome->left = fixes_offered(&doc->diags, unsafe, doc->src->d.len);
    buf_free(&text);
    buf_free(&bytes);
}
