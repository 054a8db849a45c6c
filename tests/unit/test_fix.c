/* Fixes: one pass over the edits, the passes to a fixed point, the encoding
 * kept; the unified diff; replacing a file only if it is as it was read. */
#define _XOPEN_SOURCE 700
#include "test_util.h"

#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fix.h"
#include "linediff.h"
#include "lint.h"
#include "platform.h"

#define HEADER "Windows Registry Editor Version 5.00\r\n\r\n"
#define TLS10 "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client]\r\n"

/* A finding with a fix of one edit. */
static void add_fix(struct diag_list *list, struct source *src, enum fix_applicability how,
                    uint32_t start, uint32_t end, const char *text)
{
    struct diag *d = diag_add(list, RULE_ENABLED_NOT_CANONICAL, src, (struct span){start, end}, "x");
    struct fix *fix = diag_fix(list, d, how, "y");
    diag_fix_edit(list, fix, (struct span){start, end}, text);
}

static void test_one_pass(void **state)
{
    (void)state;
    struct source *src = source_from_bytes("t.reg", (const unsigned char *)"abcdefgh", 8);
    struct arena *arena = arena_new();
    struct diag_list list;
    diag_list_init(&list, arena);
    add_fix(&list, src, FIX_SAFE, 1, 3, "BC");    /* taken */
    add_fix(&list, src, FIX_SAFE, 2, 4, "??");    /* overlaps the first: next pass */
    add_fix(&list, src, FIX_SAFE, 8, 8, "1");     /* an insertion, */
    add_fix(&list, src, FIX_SAFE, 8, 8, "2");     /* another at that offset: next pass */
    add_fix(&list, src, FIX_SAFE, 3, 3, "+");     /* an insertion before a replacement */
    add_fix(&list, src, FIX_SAFE, 3, 4, "D");
    add_fix(&list, src, FIX_UNSAFE, 5, 6, "F");   /* unsafe: only when allowed */
    add_fix(&list, src, FIX_SAFE, 6, 99, "out");  /* past the end: never */
    struct buf out = BUF_INIT;
    assert_int_equal(fix_apply(src->d.text, src->d.len, &list, false, &out), 4);
    assert_string_equal(out.data, "aBC+Defgh1");
    buf_clear(&out);
    assert_int_equal(fix_apply(src->d.text, src->d.len, &list, true, &out), 5);
    assert_string_equal(out.data, "aBC+DeFgh1");
    buf_free(&out);
    diag_list_release(&list);
    arena_free(arena);
    source_free(src);
}

/* Fixes that add blocks for different keys at one place go in together, in
 * finding order; a second block for a key already added there, or a block
 * after a plain insertion, waits for the next pass. */
static void test_new_blocks(void **state)
{
    (void)state;
    struct source *src = source_from_bytes("t.reg", (const unsigned char *)"ab", 2);
    struct arena *arena = arena_new();
    struct diag_list list;
    diag_list_init(&list, arena);
    static const char *const keys[] = {"K1", "K2", "k1", NULL, "K3"};
    static const char *const texts[] = {"[1]", "[2]", "[1b]", "+", "[3]"};
    for (size_t i = 0; i < 5; i++) {
        add_fix(&list, src, FIX_SAFE, 2, 2, texts[i]);
        list.items[i]->fix->new_block = keys[i];
    }
    add_fix(&list, src, FIX_SAFE, 1, 1, "-");
    list.items[5]->fix->new_block = "K4";
    add_fix(&list, src, FIX_SAFE, 1, 1, "=");
    list.items[6]->fix->new_block = NULL;
    struct buf out = BUF_INIT;
    /* At 1: K4's block, then the plain insertion waits; at 2: K1, K2, then
     * K3 (k1 is K1 again, '+' is no block). */
    assert_int_equal(fix_apply(src->d.text, src->d.len, &list, false, &out), 4);
    assert_string_equal(out.data, "a-b[1][2][3]");
    buf_free(&out);
    diag_list_release(&list);
    arena_free(arena);
    source_free(src);
}

/* Lints text as a document the way `reglint lint` reads a file. */
static void read_doc(const void *bytes, size_t n, const struct lint_options *o, struct reg_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    struct source *src = source_from_bytes("t.reg", bytes, n);
    assert_non_null(src);
    reg_doc_read(doc, src);
    lint_document(o, doc->src, doc->file, &doc->diags);
    lint_finish(o, doc->file, &doc->diags);
}

/* A UTF-16 file whose fix takes two passes: renaming the value brings
 * RL3002 in, fixed in the second. */
static void read_two_pass_chain(struct lint_options *o, struct buf *in, struct reg_doc *doc)
{
    lint_options_init(o);
    o->enabled[RULE_CLIENT_SERVER_MISMATCH] = false;
    o->enabled[RULE_LEGACY_OFF_WITHOUT_DOTNET] = false;
    buf_append(in, "\xFF\xFE", 2);
    put_utf16(in, HEADER "; kept\r\n" TLS10 "\"Enabled\"=dword:00000000\r\n\"DisableByDefault\"=dword:00000000");
    read_doc(in->data, in->len, o, doc);
}

static void test_passes_and_encoding(void **state)
{
    (void)state;
    struct lint_options o;
    struct buf in = BUF_INIT;
    struct reg_doc doc;
    read_two_pass_chain(&o, &in, &doc);
    struct fix_outcome outcome;
    fix_document(&o, false, &doc, &outcome);
    assert_int_equal(outcome.applied, 2);
    assert_int_equal(outcome.passes, 2);
    assert_int_equal(outcome.unencodable, 0);
    assert_int_equal(doc.diags.n, 0);
    struct buf bytes = BUF_INIT, want = BUF_INIT;
    fix_encode(&doc.src->d, doc.src->d.text, doc.src->d.len, &bytes);
    buf_append(&want, "\xFF\xFE", 2);
    put_utf16(&want, HEADER "; kept\r\n" TLS10 "\"Enabled\"=dword:00000000\r\n\"DisabledByDefault\"=dword:00000001");
    assert_int_equal(bytes.len, want.len);
    assert_memory_equal(bytes.data, want.data, want.len);
    reg_doc_release(&doc);

    /* Nothing to fix: the same bytes, no pass. */
    read_doc(want.data, want.len, &o, &doc);
    fix_document(&o, false, &doc, &outcome);
    assert_int_equal(outcome.passes, 0);
    buf_clear(&bytes);
    fix_encode(&doc.src->d, doc.src->d.text, doc.src->d.len, &bytes);
    assert_memory_equal(bytes.data, want.data, want.len);
    reg_doc_release(&doc);
    buf_free(&bytes);
    buf_free(&want);
    buf_free(&in);
}

/* With one pass, the fix the chain brings in is counted as still offered. */
static void test_passes_run_out(void **state)
{
    (void)state;
    struct lint_options o;
    struct buf in = BUF_INIT;
    struct reg_doc doc;
    read_two_pass_chain(&o, &in, &doc);
    struct fix_outcome outcome;
    fix_document_logged(&o, false, &doc, &outcome, NULL, 1);
    assert_int_equal(outcome.passes, 1);
    assert_int_equal(outcome.applied, 1);
    assert_int_equal(outcome.left, 1);
    reg_doc_release(&doc);
    buf_free(&in);
}

static void test_ansi_round_trip(void **state)
{
    (void)state;
    /* Every Windows-1252 byte, the five undefined ones included, comes back. */
    unsigned char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (unsigned char)(i == 0 ? ' ' : i);
    struct source *src = source_from_bytes("t.reg", all, sizeof all);
    struct buf bytes = BUF_INIT;
    assert_int_equal(fix_encode(&src->d, src->d.text, src->d.len, &bytes), 0);
    assert_int_equal(bytes.len, sizeof all);
    assert_memory_equal(bytes.data, all, sizeof all);
    buf_clear(&bytes);
    /* A character Windows-1252 has no byte for is counted. */
    assert_int_equal(fix_encode(&src->d, "\xE2\x88\x9E", 3, &bytes), 1);
    buf_free(&bytes);
    source_free(src);
}

static void diff_is(const char *old_text, const char *new_text, const char *want)
{
    struct buf out = BUF_INIT;
    bool differ = linediff_unified(old_text, strlen(old_text), new_text, strlen(new_text), "a", "b", &out);
    assert_true(differ);
    assert_string_equal(out.data, want);
    buf_free(&out);
}

static void test_linediff(void **state)
{
    (void)state;
    struct buf out = BUF_INIT;
    assert_false(linediff_unified("x\r\n", 3, "x\r\n", 3, "a", "b", &out));
    assert_int_equal(out.len, 0);
    diff_is("1\n2\n3\n", "1\nTWO\n3\n", "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+TWO\n 3\n");
    /* Changes more than six lines apart make two hunks. */
    diff_is("a\n1\n2\n3\n4\n5\n6\n7\nb\n", "A\n1\n2\n3\n4\n5\n6\n7\nB\n",
            "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-b\n+B\n");
    /* Insertions into an empty text; a last line without its line ending. */
    diff_is("", "x\r\ny", "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n\\ No newline at end of file\n");
    /* Added lines that repeat the lines after them follow those lines. */
    diff_is("c\nk\nx\n", "N\nc\nk\nx\n\nk\nx\n",
            "--- a\n+++ b\n@@ -1,3 +1,7 @@\n+N\n c\n k\n x\n+\n+k\n+x\n");
    /* Past 1000 differences between anchors a stretch is shown as replaced,
     * even the lines it has in common ("k", more than once: no anchor). */
    struct buf old_text = BUF_INIT, new_text = BUF_INIT;
    for (int third = 0; third < 3; third++) {
        for (int i = 0; i < 400; i++) {
            buf_puts(&old_text, "a\n");
            buf_puts(&new_text, "b\n");
        }
        buf_puts(&old_text, "k\n");
        buf_puts(&new_text, "k\n");
    }
    buf_clear(&out);
    assert_true(linediff_unified(old_text.data, old_text.len, new_text.data, new_text.len, "a", "b", &out));
    size_t removed = 0;
    for (const char *line = out.data; line; line = strchr(line + 1, '\n'))
        removed += line[0] == '\n' && line[1] == '-' && line[2] != '-';
    assert_int_equal(removed, 1202);
    assert_non_null(strstr(out.data, "@@ -1,1203 +1,1203 @@\n"));
    buf_free(&out);
    buf_free(&old_text);
    buf_free(&new_text);
    /* A line compares with its ending: CRLF and LF differ. */
    diff_is("x\r\n", "x\n", "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+x\n");
}

static void test_write_unchanged(void **state)
{
    (void)state;
    char dir[] = "/tmp/reglint-fix-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/t.reg", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("old", f);
    fclose(f);
    assert_int_equal(chmod(path, 0640), 0);
    struct file_stamp read;
    platform_file_stamp(path, &read);
    assert_true(read.exists && read.regular);
    assert_null(platform_write_atomic_unchanged(path, "new", 3, &read));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(st.st_size, 3);

    /* Someone writes the file after it was read: it is left as they wrote it. */
    platform_file_stamp(path, &read);
    f = fopen(path, "ab");
    assert_non_null(f);
    fputs("er", f);
    fclose(f);
    assert_non_null(platform_write_atomic_unchanged(path, "fixed", 5, &read));
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_size, 5);
    char text[8] = {0};
    f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fread(text, 1, sizeof text - 1, f), 5);
    fclose(f);
    assert_string_equal(text, "newer");
    /* No temporary file is left behind. */
    remove(path);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_pass),
        cmocka_unit_test(test_new_blocks),
        cmocka_unit_test(test_passes_and_encoding),
        cmocka_unit_test(test_passes_run_out),
        cmocka_unit_test(test_ansi_round_trip),
        cmocka_unit_test(test_linediff),
        cmocka_unit_test(test_write_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
