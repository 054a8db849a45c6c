/*
 * common: what the libFuzzer harnesses (tests/fuzz/fuzz_*.c) share: reading
 * bytes as a .reg file the way the program does, its dump, the reader's
 * errors, the lint settings a harness picks for an input, and failing loudly.
 *
 * A harness must behave the same every time it sees the same bytes, so every
 * choice it makes about an input (target, profile, unsafe fixes) comes from
 * fuzz_hash() of those bytes.
 *
 * It does not decide what a harness checks; each harness says that in its
 * own header comment.
 *
 * Ownership: a struct fuzz_read owns its source, arena, tree, diagnostics and
 * dump until fuzz_read_release(); the built-in profiles that
 * fuzz_builtin_profile() loads stay loaded for the life of the process.
 */
#ifndef REGLINT_FUZZ_COMMON_H
#define REGLINT_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "lint.h"
#include "printf_like.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A .reg file read from memory, and what importing it does. */
struct fuzz_read {
    struct reg_doc doc;
    char *dump;      /* `reglint dump` of the file, as regedit imports it */
    size_t dump_len;
};

/* Reads bytes as a .reg file, as `reglint lint` does (cli_read_reg()). False
 * (nothing to release) only when the input is larger than the program reads
 * at all. */
bool fuzz_read_doc(const unsigned char *bytes, size_t n, struct reg_doc *doc);
/* Reads bytes and imports them as `reglint dump` does. False (nothing to release) only when the
 * input is larger than the program reads at all. */
bool fuzz_read(const unsigned char *bytes, size_t n, struct fuzz_read *out);
void fuzz_read_release(struct fuzz_read *r);
bool fuzz_same_dump(const struct fuzz_read *a, const struct fuzz_read *b);

/* The number of the reader's findings of `rule` that are errors. */
size_t fuzz_reader_errors(const struct diag_list *diags, enum rule_id rule);
/* Whether `rule` is a reader rule (RL1xxx). */
bool fuzz_is_reader_rule(enum rule_id rule);

/* A number that depends on every byte of the input (FNV-1a). */
uint32_t fuzz_hash(const uint8_t *data, size_t size);

/* Every rule on, on a target chosen by `pick`. */
void fuzz_options_all_rules(struct lint_options *o, uint32_t pick);
/* The options `lint --profile NAME` uses with the built-in profile chosen by
 * `pick`: its requirements (RL6001), target and forbidden protocols. */
void fuzz_options_builtin_profile(struct lint_options *o, uint32_t pick);

/* Where reports go: they are produced for the sake of the code that writes
 * them, not to be read (/dev/null, opened once). */
FILE *fuzz_nowhere(void);
/* Renders lists[0..n) in every output format. A SARIF report starts with the
 * whole rule catalogue, pages included: the same text whatever the input,
 * and most of the time spent on an input if it were written for each, so
 * one `pick` in 16 gets one. */
void fuzz_render_all(const struct diag_list *const *lists, size_t n, uint32_t pick);
/* For a document read through a rendering (a policy file, a hive): checks
 * that every finding lies inside the rendering, then dumps the document,
 * lints it with every rule and renders its findings in every format. */
void fuzz_rendered_doc(struct reg_doc *doc, uint32_t pick);

/* Prints what went wrong on stderr and aborts, so that libFuzzer keeps the
 * input. */
_Noreturn void fuzz_fail(const char *fmt, ...) PRINTF_LIKE(1, 2);

#endif
