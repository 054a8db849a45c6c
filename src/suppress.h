/*
 * suppress: inline suppressions, comments on their own line that silence
 * findings (INTERFACE: "Inline suppressions"):
 *
 *   ; reglint-disable-next-line RL4001 -- legacy app needs TLS 1.0 until 2027-01
 *   ; reglint-disable-next-key RL3001,RL3002   the next [key] line and its values
 *   ; reglint-disable RL5001   ...   ; reglint-enable RL5001
 *   ; reglint-disable-file RL2001 -- vendor export
 *
 * Rules are IDs, names or ID prefixes, separated by commas or blanks; none
 * means every rule. A reason may follow " -- ". A directive that silences
 * nothing is reported (RL0001), as is a rule no catalogue entry matches
 * (RL0002), and a comment whose first word starts with "reglint" but that is
 * no directive reglint reads (RL0003): a misspelt or foreign word
 * (reglint-disable-line, reglint-ignore), a directive in a '#' comment or
 * after a value on its line. Findings that belong to no rule (PFxxxx) are
 * never silenced.
 *
 * Ownership: nothing is kept between calls; new findings go to the list.
 */
#ifndef REGLINT_SUPPRESS_H
#define REGLINT_SUPPRESS_H

#include <stdbool.h>

#include "diag.h"
#include "regfile.h"

/* Removes the findings the file's directives silence and adds RL0001,
 * RL0002 and RL0003. `enabled` (RULE_COUNT entries) says which rules run: a directive
 * for a rule that does not run is not unused. */
void suppress_apply(const struct reg_file *file, struct diag_list *diags, const bool *enabled);

#endif
