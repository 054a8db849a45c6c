/*
 * diag: findings as data. Readers and rules append diagnostics to a list;
 * nothing is printed until a renderer (render.h) formats the whole list.
 *
 * A diagnostic names its rule, its severity (the rule's default unless the
 * check chose otherwise), where it is (source + byte span), a one-line
 * message, optional "help:" lines, an anchor (key path and value name, for
 * findings about registry state) and optionally a fix: edits to the source
 * text that resolve it.
 *
 * To keep a garbage input from printing millions of findings, a list shows at
 * most DIAG_PER_RULE_LIMIT findings per rule and counts the rest. Those are
 * kept apart, hidden, but still go through suppressions and deselection like
 * the others, and their fixes are applied (fix.h): the display limit limits
 * no fix.
 *
 * Ownership: diagnostics and their strings live in the list's arena.
 */
#ifndef REGLINT_DIAG_H
#define REGLINT_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "printf_like.h"
#include "rules.h"
#include "source.h"

#define DIAG_PER_RULE_LIMIT 1000

enum fix_applicability {
    FIX_SAFE,   /* resolves the finding and changes nothing else */
    FIX_UNSAFE, /* changes what the file does beyond the finding */
};

/* Replace source bytes [at.start, at.end) with `text` (UTF-8). */
struct fix_edit {
    struct span at;
    const char *text;
};

struct fix {
    enum fix_applicability applicability;
    /* The key of the block it adds at the end of the file, or NULL. Fixes
     * that add blocks for different keys go in at the same place in one
     * pass, one after the other in finding order. */
    const char *new_block;
    /* Or the key of the block it adds values to, below that block's last
     * line, and the names of those values (UTF-8, "" for the default
     * value). Fixes that add other values to one block go in at the same
     * place in one pass. */
    const char *block_of_values;
    const char **value_names;
    size_t nvalue_names;
    const char *message;
    struct fix_edit *edits;
    size_t nedits;
    size_t edits_cap; /* room in edits: it doubles, so a long fix costs linear memory */
};

struct diag {
    enum rule_id rule;       /* RULE_COUNT for a finding that is not a lint rule's */
    const char *code;        /* what is printed in brackets: "RL1005", "PF2001" */
    enum severity severity;
    struct source *src;
    struct span at;
    const char *message;
    const char **help;
    size_t nhelp;
    size_t help_cap; /* room in help, doubling as edits_cap does */
    const char *anchor_key;   /* full key path, or NULL */
    const char *anchor_value; /* value name ("@" for the default), or NULL */
    struct fix *fix;
    /* In a list's `suppressed`: the reason the directive gives after " -- ",
     * or "" when it gives none. */
    const char *justification;
};

struct diag_list {
    struct arena *arena;
    struct diag **items;     /* the findings shown */
    size_t n;
    size_t cap;
    /* Findings past the per-rule limit: neither shown nor counted in the
     * summary, in order of addition. */
    struct diag **hidden;
    size_t nhidden;
    size_t hidden_cap;
    size_t kept[RULE_COUNT];
    size_t dropped[RULE_COUNT]; /* hidden findings of each rule */
    /* Findings an inline directive silenced: not reported, not counted,
     * kept for the formats that show suppressions (SARIF). */
    struct diag **suppressed;
    size_t nsuppressed, suppressed_cap;
};

void diag_list_init(struct diag_list *list, struct arena *arena);
void diag_list_release(struct diag_list *list);
/* Moves a finding of the list to its `suppressed` findings (the caller takes
 * it out of `items`). */
void diag_list_suppress(struct diag_list *list, struct diag *d, const char *justification);

/* Appends a finding at the rule's default severity and returns it so that the
 * caller can add help, an anchor or a fix. Past the per-rule limit the finding
 * goes to the hidden ones. */
struct diag *diag_add(struct diag_list *list, enum rule_id rule, struct source *src,
                      struct span at, const char *fmt, ...)
    PRINTF_LIKE(5, 6);
/* Appends a finding that belongs to no lint rule (a profile error, PFxxxx):
 * it cannot be selected, ignored or suppressed, and is never dropped. */
struct diag *diag_add_coded(struct diag_list *list, const char *code, enum severity severity,
                            struct source *src, struct span at, const char *fmt, ...)
    PRINTF_LIKE(6, 7);
void diag_help(struct diag_list *list, struct diag *d, const char *fmt, ...)
    PRINTF_LIKE(3, 4);
/* Attaches a fix with no edits yet; add them with diag_fix_edit(). */
struct fix *diag_fix(struct diag_list *list, struct diag *d, enum fix_applicability how,
                     const char *fmt, ...) PRINTF_LIKE(4, 5);
void diag_fix_edit(struct diag_list *list, struct fix *fix, struct span at, const char *text);

/* Keeps the findings, shown and hidden, for which keep(d, ctx) is true, in
 * their order, and counts the hidden ones again. */
void diag_list_filter(struct diag_list *list, bool (*keep)(struct diag *d, void *ctx), void *ctx);
/* The finding at `i` of all of them: the shown ones, then the hidden ones
 * (i < list->n + list->nhidden). */
struct diag *diag_list_any(const struct diag_list *list, size_t i);
/* Sorts the shown findings by source order (start offset), keeping insertion
 * order for ties. */
void diag_list_sort(struct diag_list *list);
/* What identifies a finding across edits that only move it (SARIF's
 * partial fingerprint, a baseline's entries): its code, its anchor (key
 * and value) and its line's text with blanks taken out; not its line
 * number. */
uint64_t diag_fingerprint(const struct diag *d);
/* Number of findings at or above `sev`. */
size_t diag_count_at_least(const struct diag_list *list, enum severity sev);

#endif
