/*
 * fuzz_reg: libFuzzer harness for the .reg reader, the model, dump, fmt, lint
 * and the renderers.
 *
 * Any input must be read, dumped, formatted, linted and reported without a
 * crash, a leak or undefined behaviour. Lint runs twice: with every rule on a
 * target, and with every rule and a built-in profile (so that RL6001 and the
 * forbidden protocols run too); each list of findings is rendered in every
 * format (SARIF for some inputs only, see fuzz_render_all()). Whatever fmt
 * writes must import to exactly the same state as the
 * input (the same dump) and be left alone by a second fmt. Built by
 * `make fuzz`; its regressions are replayed by `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "fmt.h"

static void check_fmt(const struct fuzz_read *first)
{
    const char *why = NULL;
    if (!fmt_supported(first->doc.file, &why))
        return;
    struct buf once = BUF_INIT, twice = BUF_INIT;
    fmt_file(first->doc.file, &once);
    struct fuzz_read second;
    if (!fuzz_read((const unsigned char *)once.data, once.len, &second))
        fuzz_fail("fmt wrote more than the reader takes");
    if (!fuzz_same_dump(first, &second))
        fuzz_fail("fmt changed what the file imports\n--- before\n%.*s--- after\n%.*s",
                  (int)first->dump_len, first->dump, (int)second.dump_len, second.dump);
    fmt_file(second.doc.file, &twice);
    if (once.len != twice.len || memcmp(once.data, twice.data, once.len) != 0)
        fuzz_fail("fmt is not idempotent");
    fuzz_read_release(&second);
    buf_free(&once);
    buf_free(&twice);
}

static void lint_and_render(const struct lint_options *o, const struct fuzz_read *r, uint32_t pick)
{
    struct diag_list diags;
    diag_list_init(&diags, r->doc.arena);
    lint_document(o, r->doc.src, r->doc.file, &diags);
    lint_finish(o, r->doc.file, &diags);
    const struct diag_list *lists[] = {&r->doc.diags, &diags};
    fuzz_render_all(lists, 2, pick);
    diag_list_release(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_read first;
    if (!fuzz_read(data, size, &first))
        return 0;
    check_fmt(&first);
    uint32_t pick = fuzz_hash(data, size);
    struct lint_options o;
    fuzz_options_all_rules(&o, pick);
    lint_and_render(&o, &first, pick);
    fuzz_options_builtin_profile(&o, pick);
    lint_and_render(&o, &first, pick >> 4);
    fuzz_read_release(&first);
    return 0;
}
