/*
 * fuzz_writer: libFuzzer harness for the writer's round trip.
 *
 * An input is read as a .reg file and imported as regedit imports it; the
 * keys it names and the values that exist afterwards are written out through the writer
 * (writer.h) as a .reg file of the same version, encoding and line ending,
 * which is read and imported again: both imports must dump the same. So
 * whatever the reader takes in, the writer can write so that it reads back
 * the same. Built by `make fuzz`; its regressions are replayed by `make check`.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "model.h"
#include "writer.h"

/* Writes `k`, if the file names it, and its subkeys, as far as they exist;
 * keys only created above a named one are left to the reader to create.
 * `scratch` holds value data. */
static void write_key(struct reg_writer *w, const struct model *m, const struct model_key *k,
                      struct buf *scratch)
{
    if (!k->exists)
        return;
    if (k->named) {
        const char *path = model_key_path(m, k);
        writer_blank(w);
        writer_key(w, path, strlen(path), false);
        for (const struct model_value *v = k->first_value; v; v = v->next) {
            if (!v->exists)
                continue;
            struct reg_name name = model_value_name(m, v);
            const struct reg_value_stmt *st = model_value_stmt(m, v);
            writer_value(w, name.s, name.len, (enum reg_form)st->form, st->type,
                         reg_value_bytes(m->file, st, scratch), st->len);
        }
    }
    for (const struct model_key *child = k->first_child; child; child = child->next_sibling)
        write_key(w, m, child, scratch);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_read first;
    if (!fuzz_read(data, size, &first))
        return 0;
    const struct reg_file *file = first.doc.file;
    const struct decoded_text *d = &file->src->d;
    struct reg_writer w;
    writer_init(&w, d->encoding);
    writer_header(&w, file->version == REG_VERSION_4 ? REG_VERSION_4 : REG_VERSION_5);
    struct model *m = model_build(file, first.doc.arena, MODEL_AS_REGEDIT);
    struct buf scratch = BUF_INIT;
    for (int root = 0; root < REG_ROOT_COUNT; root++)
        if (m->roots[root])
            write_key(&w, m, m->roots[root], &scratch);
    buf_free(&scratch);
    model_free(m);
    writer_blank(&w);
    struct buf out = BUF_INIT;
    size_t lossy = writer_finish(&w, d->eol, true, &out);
    writer_release(&w);
    if (lossy)
        fuzz_fail("the writer cannot encode %zu characters the reader decoded", lossy);
    struct fuzz_read second;
    if (!fuzz_read((const unsigned char *)out.data, out.len, &second))
        fuzz_fail("the writer wrote more than the reader takes");
    if (!fuzz_same_dump(&first, &second))
        fuzz_fail("the written file imports differently\n--- read\n%.*s--- written\n%.*s"
                  "--- written as\n%.*s",
                  (int)first.dump_len, first.dump, (int)second.dump_len, second.dump,
                  (int)second.doc.src->d.len, second.doc.src->d.text);
    fuzz_read_release(&second);
    buf_free(&out);
    fuzz_read_release(&first);
    return 0;
}
