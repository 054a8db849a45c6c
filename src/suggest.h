/*
 * suggest: "did you mean": the known name closest to a misspelled one.
 *
 * Distance is the optimal-string-alignment edit distance (insertions,
 * deletions, substitutions and swaps of neighbours), ignoring ASCII case as
 * the registry does. Names are byte strings; a multi-byte character counts as
 * several edits, which only makes suggestions more cautious.
 *
 * Nothing is allocated that outlives a call; returned names are the caller's.
 */
#ifndef REGLINT_SUGGEST_H
#define REGLINT_SUGGEST_H

#include <stddef.h>

/* Edit distance between a and b, case-insensitive; stops counting past
 * `limit` (returns limit + 1 then). */
size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen, size_t limit);

/* The candidate closest to `name` within a distance that suits the name's
 * length (1 for short names, 2 from 5 characters, 3 from 12), or NULL. An
 * exact match (ignoring case) is not a suggestion: NULL. Ties go to the
 * earlier candidate. */
const char *suggest_closest(const char *name, size_t len, const char *const *candidates,
                            size_t ncandidates);

#endif
