/*
 * render: findings as text for people and machines, in the formats of
 * INTERFACE "Output formats": text (carets, help lines, colour when asked,
 * a summary), gcc (one line per finding), json, sarif (2.1.0) and github
 * (workflow commands).
 *
 * A run is streamed: render_begin(), render_file() once per linted file (its
 * findings already filtered and sorted), render_end(). json and sarif write
 * one document for the whole run. Nothing here decides which findings exist
 * or what exit status they give; counts are available for that.
 *
 * SARIF is written for GitHub code scanning: paths relative to SRCROOT (the
 * checkout: GITHUB_WORKSPACE, else the directory holding .git above the
 * current one), a fingerprint per finding that survives line moves, the
 * rules with help links, tags and security-severity, PF codes among them,
 * fixes, suppressed findings with their suppressions, and the exit status.
 *
 * Ownership: the renderer is the caller's until render_end() frees it; the
 * stream stays open.
 */
#ifndef REGLINT_RENDER_H
#define REGLINT_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

enum render_format { FORMAT_TEXT, FORMAT_GCC, FORMAT_JSON, FORMAT_SARIF, FORMAT_GITHUB };

/* "text", "gcc", "json", "sarif", "github". */
bool render_format_parse(const char *name, enum render_format *out);

struct renderer;

struct renderer *render_begin(FILE *out, enum render_format format, bool color);
/* Prints the findings of one file at or above `min` (each names its source). */
void render_file(struct renderer *r, const struct diag_list *diags, enum severity min);
/* The run's exit status, for the formats that record it (SARIF's
 * invocations); 0 unless set. */
void render_set_exit(struct renderer *r, int exit_code);
/* --quiet: the text format prints the findings and no summary. */
void render_set_quiet(struct renderer *r);
/* Ends the run (summary, closing of json/sarif) and frees the renderer. */
void render_end(struct renderer *r);

#endif
