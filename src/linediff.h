/*
 * linediff: a unified diff of two texts, line by line, for
 * `reglint lint --diff`. Lines that both texts have exactly once anchor the
 * diff (as in patience diff); the stretches between them get a shortest
 * edit script (Myers' O(ND) algorithm), or, past 1000 differences, are shown
 * as replaced. Changed blocks slide below lines they repeat, as in GNU diff.
 *
 * Lines end at LF, CR LF or CR; a line compares equal only with its line
 * ending. The output is UTF-8 with LF line endings, in the layout of
 * `diff -u`: "--- old" and "+++ new" headers, "@@ -l,n +l,n @@" hunks with
 * three lines of context, and "\ No newline at end of file" after a last
 * line that has no line ending.
 *
 * It compares text; it knows nothing of .reg files or encodings.
 *
 * Ownership: the output buffer is the caller's.
 */
#ifndef REGLINT_LINEDIFF_H
#define REGLINT_LINEDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define LINEDIFF_CONTEXT 3

/* Appends the diff of old_text -> new_text to `out`, headed with the two
 * names. Returns false, appending nothing, when the texts are equal. */
bool linediff_unified(const char *old_text, size_t old_len, const char *new_text, size_t new_len,
                      const char *old_name, const char *new_name, struct buf *out);

/* linediff_unified() for patch(1) and git apply: the texts are a file's
 * bytes, and each line is printed with its own line ending (CR LF stays
 * CR LF), so that the diff applies to the file as it is on disk. */
bool linediff_patch(const char *old_bytes, size_t old_len, const char *new_bytes, size_t new_len,
                    const char *old_name, const char *new_name, struct buf *out);

#endif
