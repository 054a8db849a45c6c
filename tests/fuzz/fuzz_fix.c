/*
 * fuzz_fix: libFuzzer harness for the fixes, applied as `lint --fix` applies
 * them.
 *
 * An input is read as a .reg file, linted and fixed pass after pass
 * (fix_document()), once with the safe fixes and once with the unsafe ones
 * too, and each fixed file is read again: a fix must not make a line regedit
 * refuses, so no reader error (RL1xxx) may be more frequent after the fixes
 * than before. The lint settings come from the input's hash: the defaults,
 * every rule on a target, or a built-in profile (whose fixes add what it
 * requires). Built by `make fuzz`; its regressions are replayed by
 * `make check`.
 */
#include <stdbool.h>
#include <stdio.h>

#include "common.h"
#include "fix.h"

/* The lint settings for an input: the defaults, every rule on a target, or a
 * built-in profile. */
static void choose_options(uint32_t pick, struct lint_options *o)
{
    switch (pick % 3) {
    case 0:
        lint_options_init(o);
        break;
    case 1:
        fuzz_options_all_rules(o, pick / 3);
        break;
    default:
        fuzz_options_builtin_profile(o, pick / 3);
        break;
    }
}

/* Fixes data[0..size) as `lint --fix` (with `--unsafe-fixes` if `unsafe`)
 * would, and compares the reader's errors in the result with `before`. */
static void check_fixes(const uint8_t *data, size_t size, const struct fuzz_read *before,
                        const struct lint_options *o, bool unsafe)
{
    struct reg_doc doc;
    fuzz_read_doc(data, size, &doc);
    lint_document(o, doc.src, doc.file, &doc.diags);
    lint_finish(o, doc.file, &doc.diags);
    struct fix_outcome outcome;
    fix_document(o, unsafe, &doc, &outcome);
    struct buf bytes = BUF_INIT;
    fix_encode(&doc.src->d, doc.src->d.text, doc.src->d.len, &bytes);
    reg_doc_release(&doc);

    /* `lint --fix` writes nothing when the encoding cannot hold the fixes. */
    if (outcome.unencodable == 0) {
        struct fuzz_read after;
        if (!fuzz_read((const unsigned char *)bytes.data, bytes.len, &after))
            fuzz_fail("the fixes made the file larger than the reader takes");
        for (int r = 0; r < RULE_COUNT; r++) {
            enum rule_id rule = (enum rule_id)r;
            if (!fuzz_is_reader_rule(rule))
                continue;
            size_t was = fuzz_reader_errors(&before->doc.diags, rule);
            size_t now = fuzz_reader_errors(&after.doc.diags, rule);
            if (now > was)
                fuzz_fail("%s: %zu errors before the fixes (%s fixes, %u passes), %zu after\n"
                          "--- before\n%.*s--- after\n%.*s",
                          rule_info(rule)->id, was, unsafe ? "unsafe" : "safe",
                          outcome.passes, now, (int)before->doc.src->d.len,
                          before->doc.src->d.text, (int)after.doc.src->d.len,
                          after.doc.src->d.text);
        }
        fuzz_read_release(&after);
    }
    buf_free(&bytes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_read before;
    if (!fuzz_read(data, size, &before))
        return 0;
    struct lint_options o;
    choose_options(fuzz_hash(data, size), &o);
    check_fixes(data, size, &before, &o, false);
    check_fixes(data, size, &before, &o, true);
    fuzz_read_release(&before);
    return 0;
}
