/*
 * fuzz_profile: libFuzzer harness for the profile reader, the checks and
 * merging behind profile_load(), gen's plan and the .reg it renders.
 *
 * Any input is read as a profile without a crash, a leak or undefined
 * behaviour. When it is valid, the .reg file gen writes for it and its undo,
 * in UTF-16LE and in ANSI (see `outputs` for UTF-8), must read back with no
 * reader error (RL1xxx): gen may only write what regedit imports as meant. The file is then linted
 * against the profile, for the sake of RL6001's code. Built by `make fuzz`;
 * its regressions are replayed by `make check`.
 */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "gen.h"

static void check_reads_back(const struct buf *reg, const char *what, const struct policy *policy)
{
    struct fuzz_read r;
    if (!fuzz_read((const unsigned char *)reg->data, reg->len, &r))
        fuzz_fail("gen wrote more than the reader takes");
    for (int rule = 0; rule < RULE_COUNT; rule++) {
        if (!fuzz_is_reader_rule((enum rule_id)rule) ||
            fuzz_reader_errors(&r.doc.diags, (enum rule_id)rule) == 0)
            continue;
        for (size_t i = 0; i < r.doc.diags.n; i++) {
            const struct diag *d = r.doc.diags.items[i];
            fprintf(stderr, "%s at %u: %s\n", d->code, (unsigned)d->at.start, d->message);
        }
        fuzz_fail("gen's %s does not read back\n%.*s", what, (int)r.doc.src->d.len,
                  r.doc.src->d.text);
    }
    struct lint_options o;
    lint_options_init(&o);
    o.policy = policy;
    o.has_target = policy->has_target;
    o.target = policy->target;
    struct diag_list diags;
    diag_list_init(&diags, r.doc.arena);
    lint_document(&o, r.doc.src, r.doc.file, &diags);
    lint_finish(&o, r.doc.file, &diags);
    diag_list_release(&diags);
    fuzz_read_release(&r);
}

/* The encodings gen writes. Its UTF-8 is for reading in a terminal: regedit
 * reads that as Windows-1252, so non-ASCII text in it is misread by design
 * (lint says so, RL1010), and a long non-ASCII key name can even grow past
 * the length regedit takes. So only the files meant for regedit are read
 * back; the UTF-8 one is only written. */
static const struct {
    enum text_encoding encoding;
    bool for_regedit;
} outputs[] = {{TEXT_UTF16LE, true}, {TEXT_ANSI, true}, {TEXT_UTF8, false}};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct profile p;
    if (profile_load_text("fuzz.profile", (const char *)data, size, &p) == PROFILE_OK) {
        struct gen_plan *plan = gen_plan(p.policy, p.arena, &p.diags);
        for (size_t i = 0; plan && i < sizeof outputs / sizeof outputs[0]; i++) {
            struct buf apply = BUF_INIT, undo = BUF_INIT;
            /* An ANSI file with characters it cannot hold is refused by gen. */
            if (gen_render(plan, GEN_APPLY, outputs[i].encoding, &apply) == 0 &&
                outputs[i].for_regedit)
                check_reads_back(&apply, "file", p.policy);
            if (gen_render(plan, GEN_UNDO, outputs[i].encoding, &undo) == 0 &&
                outputs[i].for_regedit)
                check_reads_back(&undo, "undo", p.policy);
            buf_free(&apply);
            buf_free(&undo);
        }
    }
    profile_release(&p);
    return 0;
}
