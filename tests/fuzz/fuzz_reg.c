/*
 * fuzz_reg: libFuzzer harness for the .reg reader, the model, dump, fmt, lint
 * and the renderers.
 *
 * Any input must be read, dumped, formatted, linted and reported without a
 * crash, a leak or undefined behaviour. Lint runs twice: with every rule on a
 * target, and with every rule and a built-in profile (so that RL6001 and the
 * forbidden protocols run too); each list of findings is rendered in every
 * format (SARIF for some inputs only, see SARIF_EVERY). Whatever fmt writes must import to exactly the same state as the
 * input (the same dump) and be left alone by a second fmt. Built by
 * `make fuzz`; its regressions are replayed by `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "fmt.h"
#include "render.h"

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

/* Where the reports go: they are produced for the sake of the code that
 * writes them, not to be read. */
static FILE *nowhere(void)
{
    static FILE *f;
    if (!f && !(f = fopen("/dev/null", "w")))
        fuzz_fail("cannot open /dev/null");
    return f;
}

/* A SARIF report starts with the whole rule catalogue, pages included: the
 * same text whatever the input, and most of the time spent on an input if it
 * were written for each. So one input in SARIF_EVERY gets one. */
#define SARIF_EVERY 16

static void lint_and_render(const struct lint_options *o, const struct fuzz_read *r, uint32_t pick)
{
    struct diag_list diags;
    diag_list_init(&diags, r->doc.arena);
    lint_document(o, r->doc.src, r->doc.file, &diags);
    lint_finish(o, r->doc.file, &diags);
    static const enum render_format formats[] = {FORMAT_TEXT, FORMAT_GCC, FORMAT_JSON,
                                                 FORMAT_GITHUB, FORMAT_SARIF};
    size_t nformats = sizeof formats / sizeof formats[0] - (pick % SARIF_EVERY != 0);
    for (size_t i = 0; i < nformats; i++) {
        struct renderer *out = render_begin(nowhere(), formats[i], i == 0);
        render_file(out, &r->doc.diags, SEV_STYLE);
        render_file(out, &diags, SEV_STYLE);
        render_end(out);
    }
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
