/*
 * profcheck: what the statements of one profile mean. profile_check() walks
 * a parsed profile, checks every statement's arguments against the knowledge
 * tables and the rule catalogue, and collects the profile's own settings;
 * policy_merge() lays them over the policy of the profile it extends, and
 * policy_check_target() checks the result against its target. Mistakes are
 * PF diagnostics (profparse.h); nothing is printed.
 *
 * Private to profile.c; the public side is profile.h.
 *
 * Ownership: everything returned lives in the arena passed in.
 */
#ifndef REGLINT_PROFCHECK_H
#define REGLINT_PROFCHECK_H

#include <stdbool.h>

#include "profile.h"
#include "profparse.h"

/* One profile's own statements, before `extends` is followed. */
struct checked_profile {
    struct source *src;
    struct policy *policy;    /* the profile's own settings and fields */
    const char *extends;      /* NULL if it extends nothing */
    struct span extends_at;
    bool has_arch;
};

/* Checks a parsed profile; false when a PF error was reported. */
bool profile_check(struct arena *arena, struct diag_list *diags, struct source *src,
                   const struct prof_stmt *top, struct checked_profile *out);
/* The parent's policy with the child's settings laid over it: a setting the
 * child repeats takes the child's value in the parent's place; new ones
 * follow in the child's order. Fields the child sets replace the parent's;
 * lint selectors and overrides add up. */
struct policy *policy_merge(struct arena *arena, const struct policy *parent,
                            const struct checked_profile *child);
/* PF2006 for each protocol the policy enables that its target lacks; false
 * when there was any. */
bool policy_check_target(struct arena *arena, struct diag_list *diags, const struct policy *policy);

#endif
