/*
 * rules: the rule catalogue (rules.def) as data: IDs, names, default
 * severities, summaries, and lookup by ID, name or prefix.
 *
 * This module only describes rules; the checks themselves live with the code
 * that can see what they need (the reader reports RL1xxx, the linter the rest).
 */
#ifndef REGLINT_RULES_H
#define REGLINT_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* Ordered: a finding's severity compares with --severity and --fail-on. */
enum severity {
    SEV_STYLE,
    SEV_INFO,
    SEV_WARNING,
    SEV_ERROR,
};

enum rule_id {
#define RULE(sym, id, name, sev, on, summary) RULE_##sym,
#include "rules.def"
#undef RULE
    RULE_COUNT
};

struct rule_info {
    const char *id;        /* "RL3001" */
    const char *name;      /* "enabled-but-disabled-by-default" */
    enum severity severity;
    bool on_by_default;
    const char *summary;
};

const struct rule_info *rule_info(enum rule_id rule);
/* Exact ID or name, case-insensitive; returns false if none. */
bool rule_find(const char *id_or_name, enum rule_id *out);
/* Whether `rule` matches a selector: an exact ID or name, or an ID prefix
 * such as "RL3" or "RL30". */
bool rule_matches(enum rule_id rule, const char *selector);
/* Whether the ID or the name of `rule` starts with `prefix` (not empty),
 * case-insensitive: for naming the rules an unknown word may mean. */
bool rule_starts_with(enum rule_id rule, const char *prefix);
/* Whether any rule matches the selector. */
bool rule_selector_valid(const char *selector);

/* The rule's page (docs/rules/RLxxxx.md, compiled in), or NULL. */
const char *rule_page(enum rule_id rule);
/* The profile language's reference (docs/profile.md, compiled in), whose
 * "Error codes" table describes the PF codes. */
const char *rule_profile_language_page(void);

const char *severity_name(enum severity sev);
/* Parses "error", "warning", "info", "style"; returns false otherwise. */
bool severity_parse(const char *s, enum severity *out);

#endif
