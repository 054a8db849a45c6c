/*
 * fuzz_reg: libFuzzer harness for the .reg reader, the model, dump and fmt.
 *
 * Any input must be read without a crash, a leak or undefined behaviour, and
 * whatever fmt writes must import to exactly the same state as the input
 * (the same dump) and be left alone by a second fmt. Built by `make fuzz`.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "dump.h"
#include "fmt.h"
#include "model.h"
#include "regfile.h"
#include "source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct imported {
    struct source *src;
    struct arena *arena;
    struct diag_list diags;
    struct reg_file *file;
    char *dump;
    size_t dump_len;
};

static void import(const unsigned char *bytes, size_t n, struct imported *out)
{
    out->src = source_from_bytes("fuzz", bytes, n);
    out->arena = arena_new();
    diag_list_init(&out->diags, out->arena);
    out->file = reg_read(out->src, out->arena, &out->diags);
    struct model *m = model_build(out->file, out->arena, MODEL_AS_REGEDIT);
    FILE *f = open_memstream(&out->dump, &out->dump_len);
    if (!f)
        abort();
    dump_model(m, f);
    fclose(f);
    model_free(m);
}

static void release(struct imported *in)
{
    free(in->dump);
    reg_file_free(in->file);
    diag_list_release(&in->diags);
    arena_free(in->arena);
    source_free(in->src);
}

static int same_dump(const struct imported *a, const struct imported *b)
{
    return a->dump_len == b->dump_len && memcmp(a->dump, b->dump, a->dump_len) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct imported first;
    import(data, size, &first);
    const char *why = NULL;
    if (fmt_supported(first.file, &why)) {
        struct buf once = BUF_INIT, twice = BUF_INIT;
        fmt_file(first.file, &once);
        struct imported second;
        import((const unsigned char *)once.data, once.len, &second);
        if (!same_dump(&first, &second)) {
            fprintf(stderr, "fmt changed what the file imports\n--- before\n%.*s--- after\n%.*s",
                    (int)first.dump_len, first.dump, (int)second.dump_len, second.dump);
            abort();
        }
        fmt_file(second.file, &twice);
        if (once.len != twice.len || memcmp(once.data, twice.data, once.len) != 0) {
            fprintf(stderr, "fmt is not idempotent\n");
            abort();
        }
        release(&second);
        buf_free(&once);
        buf_free(&twice);
    }
    release(&first);
    return 0;
}
