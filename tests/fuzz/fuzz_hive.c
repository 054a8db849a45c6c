/*
 * fuzz_hive: libFuzzer harness for registry hives (regf) read through
 * libhivex (src/hive.c): libhivex opens a file by its path, so each input is
 * written to a temporary file first.
 *
 * Any input must be refused with a message or read, then dumped, linted with
 * every rule and reported in every format, without a crash, a leak or
 * undefined behaviour; a refused input leaves nothing behind. The input's
 * hash picks whether every key is read (--all-keys) and whether the hive is
 * mounted by --mount, so that inputs whose root holds none of the keys that
 * identify a hive are read too. Every finding must lie inside the rendering.
 * Built by `make fuzz`; its seeds (the hives under tests/hive/) and
 * regressions are replayed by `make check`. A build without libhivex refuses
 * every input, which the harness checks.
 */
/* mkstemp() and fdopen(): the harnesses run on POSIX systems only. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "hive.h"

/* The input in a temporary file; its path in `path`. */
static void write_input(const uint8_t *data, size_t size, char *path, size_t cap)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, cap, "%s/reglint-fuzz-hive-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        fuzz_fail("cannot create a temporary file in %s", dir && *dir ? dir : "/tmp");
    FILE *f = fdopen(fd, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        fuzz_fail("cannot write %s", path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint32_t pick = fuzz_hash(data, size);
    hive_set_all_keys(pick & 1);
    hive_set_mount(pick & 2 ? "HKEY_LOCAL_MACHINE\\SYSTEM" : NULL);
    char path[4096];
    write_input(data, size, path, sizeof path);
    const char *error = NULL;
    struct source *src = source_load(path, "fuzz.hive", &error);
    if (!src) {
        remove(path);
        return 0;
    }
    struct reg_doc doc;
    struct buf why = BUF_INIT;
    bool read = policy_detect(src, NULL) == POLICY_FORMAT_HIVE
                    ? cli_read_hive(path, src, &doc, &why, false)
                    : (policy_or_reg_doc_read(&doc, src, path), true);
    remove(path);
    if (read && why.len)
        fuzz_fail("a hive read with a reason to refuse it: %s", why.data);
    if (!read && (!why.len || why.data[why.len - 1] == ' '))
        fuzz_fail("a hive refused without a reason");
    if (read && !hive_available() && doc.src->hive)
        fuzz_fail("a build without libhivex read a hive");
    buf_free(&why);
    if (!read)
        return 0;
    fuzz_rendered_doc(&doc, pick);
    reg_doc_release(&doc);
    return 0;
}
