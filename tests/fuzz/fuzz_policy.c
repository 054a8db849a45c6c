/*
 * fuzz_policy: libFuzzer harness for the policy readers (Registry.pol, LGPO
 * text, GptTmpl.inf, Registry.xml), detection and the rendering they are
 * read through.
 *
 * Any input must be detected, read, dumped, linted with every rule and
 * reported in every format without a crash, a leak or undefined behaviour,
 * under the root the input's hash picks. Every finding must lie inside the
 * rendering. For a PReg input, the records the reader kept, written back,
 * must be exactly the bytes it read them from. Built by `make fuzz`; its
 * seeds (the policy corpus and golden inputs) and regressions are replayed
 * by `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "policy.h"
#include "text.h"

static void put_le32(struct buf *b, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        buf_putc(b, (char)(v >> (8 * i)));
}

static void put_name(struct buf *b, const char *s, uint32_t len)
{
    text_to_utf16le(s, len, b);
    buf_append(b, "\0\0", 2);
}

/* The records, written back as PReg, are the bytes they were read from. */
static void check_records(const uint8_t *data, size_t size)
{
    struct arena *arena = arena_new();
    struct pol_file f;
    pol_parse(data, size, arena, &f);
    for (size_t i = 0; i < f.n; i++) {
        const struct pol_record *r = &f.records[i];
        struct buf b = BUF_INIT;
        buf_append(&b, "[\0", 2);
        put_name(&b, r->key, r->key_len);
        buf_append(&b, ";\0", 2);
        put_name(&b, r->name, r->name_len);
        buf_append(&b, ";\0", 2);
        put_le32(&b, r->type);
        buf_append(&b, ";\0", 2);
        put_le32(&b, r->size);
        buf_append(&b, ";\0", 2);
        buf_append(&b, r->data, r->size);
        buf_append(&b, "]\0", 2);
        if (b.len != r->length || r->offset + (size_t)r->length > size ||
            memcmp(b.data, data + r->offset, b.len) != 0)
            fuzz_fail("record %zu at offset %u does not write back to its bytes", i + 1,
                      (unsigned)r->offset);
        buf_free(&b);
    }
    pol_file_free(&f);
    arena_free(arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t pick = fuzz_hash(data, size);
    static const enum policy_root_choice roots[] = {POLICY_ROOT_DEFAULT, POLICY_ROOT_MACHINE,
                                                    POLICY_ROOT_USER};
    policy_set_root(roots[pick % 3]);
    struct source *src = source_from_bytes("fuzz.pol", data, size);
    if (!src)
        return 0;
    struct reg_doc doc;
    policy_or_reg_doc_read(&doc, src, "fuzz.pol");
    if (src->raw)
        check_records(data, size);
    fuzz_rendered_doc(&doc, pick);
    reg_doc_release(&doc);
    return 0;
}
