/*
 * lint_check: what the checks of lint.c share: the context of one run and
 * the helpers that turn a model value, key or statement into a finding with
 * its span and anchor. Private to the lint_*.c files.
 */
#ifndef REGLINT_LINT_CHECK_H
#define REGLINT_LINT_CHECK_H

#include "diag.h"
#include "lint.h"
#include "model.h"
#include "posture.h"
#include "printf_like.h"

struct lint_ctx {
    const struct lint_options *o;
    struct source *src;
    const struct reg_file *file;
    const struct model *m;
    struct posture posture;
    const enum target *target; /* NULL without a target */
    struct diag_list *diags;
};

/* Which part of a value statement a finding underlines. */
enum value_part { PART_STATEMENT, PART_NAME, PART_DATA };

bool lint_on(const struct lint_ctx *c, enum rule_id rule);

/* A finding at a value's last setting (or deleting) statement. */
struct diag *lint_at_value(struct lint_ctx *c, enum rule_id rule, const struct model_value *v,
                           enum value_part part, const char *fmt, ...)
    PRINTF_LIKE(5, 6);
/* A finding at the first statement that names `k` or a key below it. */
struct diag *lint_at_key(struct lint_ctx *c, enum rule_id rule, const struct model_key *k,
                         const char *fmt, ...) PRINTF_LIKE(4, 5);
/* A finding at statement `stmt` (its whole text). */
struct diag *lint_at_stmt(struct lint_ctx *c, enum rule_id rule, size_t stmt, const char *fmt, ...)
    PRINTF_LIKE(4, 5);

/* The value statement that set `v` last. */
const struct reg_value_stmt *lint_value_stmt(const struct lint_ctx *c, const struct model_value *v);
/* "Enabled", or "@" for the default value, in the list's arena. */
const char *lint_value_name(struct lint_ctx *c, const struct model_value *v);
/* The 1-based line of statement `stmt`. */
unsigned lint_stmt_line(const struct lint_ctx *c, size_t stmt);
/* What lint_stmt_line() counts: "record" for a Registry.pol, else "line". */
const char *lint_stmt_unit(const struct lint_ctx *c, size_t stmt);
/* "on line" or "in record", before lint_stmt_line() in messages. */
const char *lint_stmt_on(const struct lint_ctx *c, size_t stmt);
/* The span of a whole line (or lines) holding `at`, line ending included,
 * for fixes that remove a statement. */
struct span lint_line_span(const struct lint_ctx *c, struct span at);

/* Names of the protocols whose bits are in `mask`, "TLS 1.1, TLS 1.2". */
const char *lint_mask_names(struct lint_ctx *c, uint32_t mask);

/* The families of checks. */
void lint_check_history(struct lint_ctx *c);
void lint_check_keys(struct lint_ctx *c);
void lint_check_statements(struct lint_ctx *c);
void lint_check_protocols(struct lint_ctx *c);
void lint_check_masks(struct lint_ctx *c);
void lint_check_mirrors(struct lint_ctx *c);
void lint_check_suites(struct lint_ctx *c);
void lint_check_dotnet(struct lint_ctx *c);
void lint_check_schannel_values(struct lint_ctx *c);
void lint_check_key_lines(struct lint_ctx *c);
void lint_check_layout(struct lint_ctx *c);
void lint_check_profile(struct lint_ctx *c);

#endif
