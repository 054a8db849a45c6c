/*
 * fix: applies the fixes that findings carry (diag.h) to a document's text,
 * for `reglint lint --fix`, `--fix-to` and `--diff`.
 *
 * A fix is a set of edits on byte spans of the decoded text. One pass takes
 * the fixes of the findings that remain after lint_finish() (suppressed and
 * deselected findings carry none), those hidden past the display limit
 * (diag.h) too, safe ones only unless unsafe fixes are allowed; a fix whose
 * edits overlap those of a fix taken earlier in source order, or that inserts
 * where another inserts and does not fit beside it (new blocks for other
 * keys, other values for one block), waits for the next pass. The document is then read and linted again, and passes go on
 * until no fix applies or FIX_MAX_PASSES have run (the files of the tests
 * need 3 at most; a fix that does not take effect comes back every pass);
 * the fixes still offered then are counted, for the caller to say. Text
 * outside the edits is kept as it was: comments, order, line endings, the
 * final newline; the bytes are encoded as the input was (UTF-16LE with its
 * byte order mark, or ANSI), so an untouched file encodes to its own bytes.
 *
 * It decides nothing about what a fix should be (the rules do) and writes no
 * file (the caller does, see platform.h).
 *
 * Ownership: the document is the caller's (struct reg_doc, regfile.h);
 * fix_document() replaces its contents with the corrected document.
 */
#ifndef REGLINT_FIX_H
#define REGLINT_FIX_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "lint.h"
#include "regfile.h"

#define FIX_MAX_PASSES 10

/* Applies one pass of the fixes in `diags` to text[0..len) and appends the
 * result to `out`. Returns the number of fixes applied. */
size_t fix_apply(const char *text, size_t len, const struct diag_list *diags, bool unsafe,
                 struct buf *out);

/* Appends text[0..len) (UTF-8) encoded the way `like` was read: its encoding
 * and byte order mark. Returns the number of characters the encoding cannot
 * represent (written as '?'). */
size_t fix_encode(const struct decoded_text *like, const char *text, size_t len, struct buf *out);

struct fix_outcome {
    size_t applied;     /* fixes applied over all passes */
    unsigned passes;    /* passes that changed the text */
    size_t unencodable; /* characters the file's encoding cannot hold */
    size_t left;        /* fixes still offered when the passes ran out */
};

/* Fixes a document that has been read, linted and finished with `o`, pass
 * after pass; on return `doc` holds the corrected text, read and linted
 * again: its findings are what remains. */
void fix_document(const struct lint_options *o, bool unsafe, struct reg_doc *doc,
                  struct fix_outcome *outcome);
/* fix_document() with at most `max_passes` passes (FIX_MAX_PASSES for the
 * command), appending to `log` a line for each fix applied, placed where it
 * was applied: "FILE:LINE:COL: fixed: MESSAGE [CODE]". */
void fix_document_logged(const struct lint_options *o, bool unsafe, struct reg_doc *doc,
                         struct fix_outcome *outcome, struct buf *log, unsigned max_passes);

#endif
