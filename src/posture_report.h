/*
 * posture_report: what `reglint posture` and `reglint diff` share on the
 * command line's side: reading several .reg files as layers of one posture,
 * the output formats (text, json, markdown) and the effective table printed
 * in each.
 *
 * It prints what posture.h and suites.h computed; it decides nothing about
 * TLS. posture_suites.c holds the part below the protocol table: Schannel's
 * switches and the effective cipher-suite and curve orders.
 *
 * Ownership: a posture_files owns its documents, models and layers until
 * posture_files_release(); printed text is appended to the caller's buf.
 */
#ifndef REGLINT_POSTURE_REPORT_H
#define REGLINT_POSTURE_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "cli.h"
#include "posture.h"
#include "suites.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_MARKDOWN };

/* "text", "json", "markdown". */
bool report_format_by_name(const char *name, enum report_format *out);

/* Parses the options `posture` and `diff` share at argv[*i]: --target OS,
 * --view 64|32, --format FMT and --stdin-filename NAME (also --target=OS, ...).
 * Returns 1 when taken (*i moved past it), 0 when argv[*i] is not one of
 * them, or the exit status after a usage error, negated. */
struct report_options {
    bool has_target;
    enum target target;
    enum view view;
    enum report_format format;
    const char *stdin_name; /* how "-" is named in reports; NULL: <stdin> */
};
/* The options before any is given: no target, the native view, text. */
#define REPORT_OPTIONS_INIT {false, TARGET_WINDOWS_11, VIEW_NATIVE, REPORT_TEXT, NULL}
int report_option(const char *command, int argc, char **argv, int *i, struct report_options *o);
/* Those options and --help, for "did you mean" (NULL-terminated). */
extern const char *const report_option_names[];

/* Files read as regedit imports them, one posture layer each, in order. */
struct posture_files {
    size_t n;
    struct reg_doc *docs;
    struct model **models;
    struct posture *layers;
};

/* Reads every path ("-": standard input, shown as `stdin_name` if not
 * NULL); on an I/O error prints it, releases what was read and
 * returns false. A file regedit would import nothing from (its header) is
 * read as empty, with a warning on stderr. */
bool posture_files_load(struct posture_files *pf, char *const *paths, size_t n,
                        const char *stdin_name);
void posture_files_release(struct posture_files *pf);

/* Text for a Markdown table cell: '|' and the characters Markdown would
 * read as markup are escaped. */
void report_markdown_text(struct buf *b, const char *s, size_t len);

/* "on Windows 11", "on any target", then ", for 32-bit programs
 * (Wow6432Node)" for that view; `explain` adds what no target means. */
void report_scope_phrase(const enum target *target, enum view view, bool explain,
                         struct buf *out);
/* The number that names a view in JSON and on the command line: 64, 32. */
int report_view_bits(enum view view);

/* The effective table of `layers` on `target` (NULL: none) in `view`, in
 * `format`. */
void posture_report_table(const struct posture_table *t, const struct posture_files *pf,
                          const enum target *target, enum view view, enum report_format format,
                          struct buf *out);
/* A Schannel switch (Ciphers, Hashes, KeyExchangeAlgorithms) a file sets:
 * its algorithm, the Enabled value that decides and what it makes of it
 * ("enabled", "disabled", "unknown" for a value that is no DWORD). */
struct posture_switch {
    const struct algorithm_info *alg;
    struct layer_value by;
    const char *state;
};
/* How many switches there can be (the size `out` needs). */
size_t posture_switch_capacity(void);
/* The switches the layers leave set, in the algorithm table's order. */
void posture_switches(const struct posture *layers, size_t nlayers, struct posture_switch *out,
                      size_t *n);
/* "Ciphers\Triple DES 168". */
void posture_switch_key(const struct algorithm_info *alg, struct buf *out);
/* What decided an order: "the Group Policy value (Functions (REG_SZ) at
 * a.reg:4)", "the default of Windows 11", ... */
void posture_order_source(const struct effective_order *o, bool curves, const enum target *target,
                          const struct posture *layers, struct buf *out);
/* What becomes of an entry: "used", "disabled by Ciphers\AES 128/128
 * (Enabled=0 at a.reg:9)", ... */
void posture_entry_why(const struct order_entry *e, const struct posture *layers, struct buf *out);
/* The switches and the suite and curve orders of the layers on `target`:
 * sections after the table in text and markdown; in JSON the members
 * ",\"switches\":[...],\"suites\":{...},\"curves\":{...}" of the table's object. */
void posture_report_suites(const struct posture_files *pf, const enum target *target,
                           enum report_format format, struct buf *out);

/* The JSON object of one cell: {"state", "default", "why", "value"}. */
void posture_report_json_cell(const struct posture_cell *cell, const struct posture *layers,
                              struct buf *out);
/* The machine name of a cell's state: "enabled", "disabled-by-default", ... */
const char *posture_state_id(enum proto_state s);

#endif
