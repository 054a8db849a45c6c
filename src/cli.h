/*
 * cli: what the command implementations share: exit codes, error messages on
 * stderr, and reading a .reg file into a source, a tree and a model.
 *
 * Each command lives in its own cli_<command>.c and is called by main.c with
 * its arguments (argv[0] is the command name). Commands print results to
 * stdout and operational errors to stderr, and return an exit code.
 */
#ifndef REGLINT_CLI_H
#define REGLINT_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "knowledge.h"
#include "model.h"
#include "printf_like.h"
#include "profile.h"
#include "regfile.h"
#include "source.h"
#include "text.h"

struct platform_output;

#define REGLINT_VERSION "0.1.0"
/* REGLINT_HOMEPAGE, when the build defines it (make REGLINT_HOMEPAGE=URL):
 * where this reglint is published, for SARIF's informationUri and helpUri
 * links to the rule pages of the release (docs/rules/ID.md under tag
 * vVERSION). Without it SARIF names no address: reglint does not guess
 * where a copy of it lives, and each rule's page is in its help text. */

/* Exit codes of every command (INTERFACE: docs/reglint.1, EXIT STATUS). */
enum exit_code {
    EXIT_OK = 0,       /* done; no finding at or above --fail-on */
    EXIT_FINDINGS = 1, /* findings, or fmt --check found a file to change */
    EXIT_USAGE = 2,    /* bad option, unknown rule, profile error */
    EXIT_IO = 3,       /* could not read or write a file; out of memory */
};

/* "reglint: error: <message>" on stderr. */
void cli_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* cli_error()'s message appended to `out`, for printing later (a file's
 * messages from a worker thread, printed in the order of the files). */
void cli_error_to(struct buf *out, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Usage error for a command: the message and a pointer to --help. */
int cli_usage(const char *command, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* The usage error for an option `command` does not know, with "did you
 * mean" when one of its options (a NULL-terminated list) is close. */
int cli_unknown_option(const char *command, const char *arg, const char *const *options);
/* A usage error for a --target no Windows version has, with "did you mean". */
int cli_unknown_target(const char *command, const char *name);

/* Loads and parses `path` ("-" for stdin, shown as `display_name` if given).
 * On an I/O error prints it and returns false. */
bool cli_read_reg(const char *path, const char *display_name, struct reg_doc *doc);
/* cli_read_reg(), but the error message goes to `errors` (as cli_error_to()
 * writes it) instead of standard error. */
bool cli_read_reg_to(const char *path, const char *display_name, struct reg_doc *doc,
                     struct buf *errors);

/* A file a command is to write, and how the command line named it:
 * option "-o " or "-f json=", then path. */
struct cli_output {
    const char *option;
    const char *path;
};
/* Checks the files a command is to write, before anything is read or
 * written: two of them naming one file, or one naming one of the inputs
 * (through links too; "-" is no file), is a usage error; a directory, or a
 * name ending in a separator, cannot be written. Prints why and returns the
 * exit status, or -1 to go on. */
int cli_check_outputs(const char *command, const struct cli_output *outputs, size_t n,
                      const char *const *inputs, size_t ninputs);

/* Files a command writes, each to a file or to standard output ("-"). */
struct cli_write {
    const char *path;
    const struct buf *bytes;      /* NULL: nothing to write */
    struct platform_output *file; /* set while writing */
};
/* Writes every output or none: all of them are begun (and checked) before
 * any is written, and a file is replaced only when complete (platform.h).
 * Prints why and returns false when one cannot be written. */
bool cli_write_outputs(struct cli_write *outputs, size_t n);

/* An option's value: "--opt VALUE" or "--opt=VALUE"; NULL if missing. */
const char *cli_option_value(int argc, char **argv, int *i, const char *name);
/* Whether `arg` is option `name`, alone or (a long option) with "=VALUE". */
bool cli_is_option(const char *arg, const char *name);
/* "utf16", "utf8" or "ansi". */
bool cli_parse_encoding(const char *s, enum text_encoding *out);

/* Prints findings as "file:line:col: severity: message [RLxxxx]" lines. */
void cli_print_gcc(struct diag_list *diags, FILE *out);

/* Profile findings (PFxxxx) on stderr: "file:line:col: error: message [PF..]"
 * and their help lines ("did you mean ..."). */
void cli_print_profile_diags(struct diag_list *diags);
/* Loads a profile, a file or a built-in name, for a command. Returns EXIT_OK,
 * or prints why it cannot be used and returns the exit status: EXIT_USAGE for
 * an invalid or unknown profile, EXIT_IO for one that cannot be read. The
 * caller releases *p in every case. */
int cli_load_profile(const char *what, struct profile *p);

int cli_dump(int argc, char **argv);
int cli_show(int argc, char **argv);
int cli_fmt(int argc, char **argv);
int cli_gen(int argc, char **argv);
int cli_templates(int argc, char **argv);
int cli_lint(int argc, char **argv);
int cli_rules(int argc, char **argv);
int cli_rule(int argc, char **argv);
int cli_targets(int argc, char **argv);
int cli_posture(int argc, char **argv);
int cli_diff(int argc, char **argv);
int cli_convert(int argc, char **argv);

/* The kinds of file gen and convert write. */
enum out_format { OUT_REG, OUT_POL, OUT_LGPO, OUT_GPP };
struct polop_list;
/* "reg", "pol", "lgpo" or "gpp". */
bool cli_parse_format(const char *s, enum out_format *out);
/* The options of a command that writes files of any format. */
struct cli_write_options {
    const char *output;   /* -o, --output ("-": standard output) */
    const char *user_out; /* --user-out, or NULL */
    enum text_encoding encoding;
    bool encoding_given;
    enum out_format format;
    bool format_given;
};
/* Reads argv[*i] (and its value, moving *i) when it is one of those options:
 * -o, --output, --user-out, --encoding or `format_option` (--to, --format).
 * Returns -1 when it is not, EXIT_OK when read, or the usage error's status
 * after printing it. */
int cli_write_option(const char *command, const char *format_option, int argc, char **argv, int *i,
                     struct cli_write_options *w);
/* Refuses options that do not go together (--encoding for pol and gpp,
 * --user-out but for pol, both .pol files to standard output). Prints why
 * and returns the exit status, or -1 to go on. */
int cli_check_format_options(const char *command, const struct cli_write_options *w);
/* Writes `ops` as `format` into `out` (and, for pol with `user_out`, the
 * HKEY_CURRENT_USER part into `user`; polwrite.h). Returns EXIT_OK, or prints
 * what cannot be written and returns the exit status. */
int cli_render_policy(const char *command, const struct polop_list *ops, enum out_format format,
                      enum text_encoding encoding, bool user_out, struct arena *arena,
                      struct buf *out, struct buf *user);

/* Takes the options that say how to read inputs out of a command's
 * arguments, for every command that reads files: "--root machine|user"
 * (the hive of a Registry.pol or LGPO text outside a GPO's Machine or User
 * folder), "--mount KEY" (where a registry hive is mounted) and
 * "--all-keys" (read every key of a hive). Returns EXIT_OK or a usage
 * error. */
int cli_take_input_options(int *argc, char **argv);
/* What the registry hives among `paths` say of the machine, on standard
 * error (hive.h): which control set a SYSTEM hive's CurrentControlSet is,
 * and the target of the Windows version a SOFTWARE hive names. Without a
 * target (*has_target false), that one becomes the target, and the line
 * says so (or that the version is no target's); with one, a hive of another
 * version is warned about. Files named .reg are not looked into. */
void cli_hive_notes(char *const *paths, size_t n, bool *has_target, enum target *target);
/* The hives among `paths` that make one Windows image: their paths (not
 * copies) in `image` (room for n), and their number, when there are two or
 * more and no two of one kind (two SYSTEM hives are two machines: then 0,
 * said on standard error). */
size_t cli_hive_image(char *const *paths, size_t n, char **image);
/* Reads registry hive `src`, loaded from `path`, into `doc` (only its
 * rendering with `render_only`). False, with the reason appended to `why`
 * and `src` released, when it cannot be read. */
bool cli_read_hive(const char *path, struct source *src, struct reg_doc *doc, struct buf *why,
                   bool render_only);

#endif
