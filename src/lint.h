/*
 * lint: the rule engine. lint_document() runs every check of the catalogue
 * (rules.def) on a file the reader has read, and appends findings to the
 * file's diagnostics; lint_finish() then applies inline suppressions, the
 * selection (--select, --ignore, rules off by default) and severity
 * overrides, so that what remains is what the renderers print.
 *
 * Checks judge the model (what the file does once every statement has run)
 * and the posture (what that leaves Windows doing on the target), and report
 * at the statement that causes a problem, with an anchor (key path, value
 * name) and, where one exists, a fix. Each check lives with its family:
 * lint_registry.c (RL2, RL5), lint_protocols.c (RL3, RL4 protocols),
 * lint_crypto.c (ciphers, hashes, suites, WinHTTP, .NET), lint_profile.c
 * (RL6001).
 *
 * Ownership: options are the caller's; findings live in the list's arena.
 */
#ifndef REGLINT_LINT_H
#define REGLINT_LINT_H

#include <stdbool.h>

#include "diag.h"
#include "knowledge.h"
#include "regfile.h"
#include "rules.h"

struct policy;

struct lint_options {
    bool has_target;
    enum target target;
    /* The profile whose requirements RL6001 checks; NULL for none. */
    const struct policy *policy;
    /* Protocols the profile disables: enabling one is an error (RL4001),
     * whatever the protocol's default severity. */
    bool protocol_forbidden[PROTO_COUNT];
    /* Protocols the profile enables: enabling TLS 1.0 or 1.1 is then its
     * choice, not a warning (RL4001). */
    bool protocol_required[PROTO_COUNT];
    /* Which rules report (defaults: the catalogue's on_by_default). */
    bool enabled[RULE_COUNT];
    /* A severity forced on every finding of a rule (a profile's choice). */
    bool severity_forced[RULE_COUNT];
    enum severity severity[RULE_COUNT];
    bool inline_suppressions;
};

/* The catalogue's defaults: every rule on by default enabled, no target. */
void lint_options_init(struct lint_options *o);
/* Turns rules matching a comma-separated list of IDs, names or prefixes on
 * or off. Returns false (and sets *bad to the offending item, in `list`'s
 * storage) when an item matches no rule. */
bool lint_options_select(struct lint_options *o, char *list, bool on, const char **bad);

/* Appends the findings of every enabled check on `file`. */
void lint_document(const struct lint_options *o, struct source *src, const struct reg_file *file,
                   struct diag_list *diags);
/* Applies suppressions, selection and severity overrides to `diags` (the
 * reader's findings included) and sorts them in source order. */
void lint_finish(const struct lint_options *o, const struct reg_file *file,
                 struct diag_list *diags);

#endif
