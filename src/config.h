/*
 * config: the .reglint file a repository keeps its lint settings in, found by
 * walking up from each linted file (docs/reglint.1, CONFIGURATION).
 *
 *   # .reglint
 *   select = RL1, RL2, RL3, RL4
 *   ignore = RL5001
 *   severity RL3009 = error
 *   fail-on = error
 *   target = windows-server-2019
 *   profile = tls12-only
 *   per-path-ignore legacy/old-*.reg = RL4001, RL4002
 *
 * One setting a line, "key = value"; '#' starts a comment line; blank lines
 * are skipped. Rule lists are IDs, names or prefixes separated by commas or
 * blanks. A per-path glob is relative to the file's directory, with '/'
 * between segments: '*' and '?' stay within a segment, "**" spans any number
 * of them.
 *
 * This module reads and matches; it does not decide how settings combine with
 * the command line (cli_lint.c does: the command line wins).
 *
 * Ownership: a config owns its strings; config_free() releases them.
 */
#ifndef REGLINT_CONFIG_H
#define REGLINT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "knowledge.h"
#include "rules.h"

#define CONFIG_FILE_NAME ".reglint"

struct config_severity {
    char *selector;
    enum severity severity;
};

struct config_path_ignore {
    char *glob;
    char *rules;
};

struct lint_config {
    char *path; /* the file, as found */
    char *dir;  /* its directory, with a final '/' ("" for the current one) */
    char *select, *ignore; /* rule lists, or NULL */
    struct config_severity *severities;
    size_t nseverities;
    bool has_fail_on, fail_never;
    enum severity fail_on;
    bool has_target;
    enum target target;
    char *profile; /* a built-in name or a path relative to `dir`, or NULL */
    struct config_path_ignore *path_ignores;
    size_t npath_ignores;
};

/* Reads `path`. On a mistake returns false and sets *error to
 * "FILE:LINE: what" (malloc'd, the caller frees it); *out is then empty. */
bool config_load(const char *path, struct lint_config *out, char **error);
void config_free(struct lint_config *c);

/* The .reglint nearest to `file`: in its directory, else the closest one
 * above. Returns a malloc'd path, or NULL when there is none. */
char *config_find(const char *file);

/* `name` made absolute against `cwd` (when it is not), with '/' for '\\',
 * and "." and ".." segments resolved: a malloc'd string. */
char *config_absolute_path(const char *cwd, const char *name);
/* `file`'s path relative to the configuration's directory, '/' between
 * segments (malloc'd), or NULL when the file is not below it. */
char *config_relative(const struct lint_config *c, const char *file);
/* The same for any directory ("" is the current one). */
char *config_path_below(const char *dir, const char *file);
/* `file`'s path from `dir`, "../" where it goes up (malloc'd). */
char *config_path_from(const char *dir, const char *file);

/* Whether `path` (relative, '/' between segments) matches `glob`. */
bool config_glob_match(const char *glob, const char *path);

#endif
