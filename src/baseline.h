/*
 * baseline: the findings a repository accepts for now (lint --write-baseline
 * records them, lint --baseline leaves them out of the report).
 *
 * A baseline file is text: a first line "# reglint baseline 1...", then one
 * entry a line, "ID FINGERPRINT PATH": the finding's rule or PF code, its
 * diag_fingerprint() in 16 hex digits (its key, value and line text, not its
 * line number, so that moved lines keep their entries), and the file's path
 * from the baseline's directory ("../" where it goes up), so that the file
 * holds wherever lint runs from. Entries are sorted; each hides one finding.
 *
 * Ownership: a baseline owns its entries; baseline_free() releases them.
 */
#ifndef REGLINT_BASELINE_H
#define REGLINT_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct baseline {
    char **entries; /* sorted */
    bool *used;     /* entries[i] has hidden a finding already */
    size_t n;
    char *dir;      /* the baseline file's directory, with its separator */
};

/* Reads a baseline file. On failure returns false with *error malloc'd
 * ("FILE: why") and *unreadable set when the file could not be read (rather
 * than not being a baseline). */
bool baseline_load(const char *path, struct baseline *b, char **error, bool *unreadable);
void baseline_free(struct baseline *b);
/* Takes out of `diags` the findings the baseline records. */
void baseline_filter(struct baseline *b, struct diag_list *diags);
/* Appends an entry line to `entries` for each finding at or above `min`,
 * with paths from the directory of `baseline_path`. */
void baseline_record(const char *baseline_path, const struct diag_list *diags, enum severity min,
                     struct buf *entries);
/* Writes `entries` (lines from baseline_record()) sorted, under the header,
 * to `path`, atomically. Returns NULL and sets *count, or why it failed. */
const char *baseline_write(const char *path, const struct buf *entries, size_t *count);

#endif
