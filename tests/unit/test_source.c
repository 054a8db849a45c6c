/* Unit tests for source.c: loading, the line map and line:column positions. */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <errno.h>
#include <unistd.h>

static struct source *from_text(const char *text)
{
    struct source *src = source_from_bytes("mem.reg", (const unsigned char *)text, strlen(text));
    assert_non_null(src);
    return src;
}

static void expect_position(struct source *src, uint32_t offset, uint32_t line, uint32_t col)
{
    uint32_t l = 0, c = 0;
    source_position(src, offset, &l, &c);
    if (l != line || c != col) {
        fprintf(stderr, "offset %u: expected %u:%u, got %u:%u\n", (unsigned)offset,
                (unsigned)line, (unsigned)col, (unsigned)l, (unsigned)c);
        fail();
    }
}

static void expect_line(struct source *src, uint32_t line, const char *text)
{
    struct span sp = source_line(src, line);
    assert_int_equal(sp.end - sp.start, strlen(text));
    assert_memory_equal(src->d.text + sp.start, text, strlen(text));
}

/* Writes `n` bytes to a new temporary file; returns its path (free it). */
static char *temp_file(const void *bytes, size_t n)
{
    char *path = strdup("/tmp/reglint-test-source-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, n), (ssize_t)n);
    assert_int_equal(close(fd), 0);
    return path;
}

static void test_from_bytes_keeps_name_size_and_text(void **state)
{
    (void)state;
    struct source *src = from_text("REGEDIT4\n");
    assert_string_equal(src->name, "mem.reg");
    assert_int_equal(src->raw_size, 9);
    assert_int_equal(src->d.len, 9);
    assert_memory_equal(src->d.text, "REGEDIT4\n", 9);
    assert_int_equal(src->d.encoding, TEXT_ANSI);
    source_free(src);
}

static void test_from_bytes_decodes_utf16(void **state)
{
    (void)state;
    const unsigned char bytes[] = {0xFF, 0xFE, 'A', 0, '\n', 0, 0xE9, 0};
    struct source *src = source_from_bytes("u.reg", bytes, sizeof bytes);
    assert_non_null(src);
    assert_int_equal(src->raw_size, 8);
    assert_int_equal(src->d.encoding, TEXT_UTF16LE);
    assert_int_equal(src->d.len, 4);
    assert_memory_equal(src->d.text, "A\n\xC3\xA9", 4);
    /* Positions count decoded code points, not the file's bytes. */
    expect_position(src, 2, 2, 1);
    expect_position(src, 4, 2, 2);
    source_free(src);
}

static void test_load_reads_a_file(void **state)
{
    (void)state;
    const char text[] = "REGEDIT4\r\n[HKEY_CURRENT_USER\\K]\r\n\x80";
    char *path = temp_file(text, sizeof text - 1);
    const char *error = NULL;
    struct source *src = source_load(path, NULL, &error);
    assert_non_null(src);
    assert_null(error);
    assert_string_equal(src->name, path);
    assert_int_equal(src->raw_size, sizeof text - 1);
    /* 0x80 is the euro sign in Windows-1252: three bytes of UTF-8. */
    assert_int_equal(src->d.len, sizeof text - 1 - 1 + 3);
    assert_memory_equal(src->d.text + src->d.len - 3, "\xE2\x82\xAC", 3);
    assert_int_equal(source_line_count(src), 3);
    expect_line(src, 2, "[HKEY_CURRENT_USER\\K]");
    source_free(src);

    src = source_load(path, "shown.reg", &error);
    assert_non_null(src);
    assert_string_equal(src->name, "shown.reg");
    source_free(src);
    unlink(path);
    free(path);
}

static void test_load_of_a_large_file_matches_bytes(void **state)
{
    (void)state;
    /* Larger than one read chunk, with a UTF-16 code unit split across
     * chunks: the streamed decoder must give what the whole-buffer one does. */
    size_t n = ((size_t)1 << 20) * 2 + 7;
    unsigned char *bytes = malloc(n);
    assert_non_null(bytes);
    bytes[0] = 0xFF;
    bytes[1] = 0xFE;
    for (size_t i = 2; i + 1 < n; i += 2) {
        bytes[i] = (unsigned char)('a' + (i / 2) % 26);
        bytes[i + 1] = (i / 2) % 1000 == 0 ? 0x30 : 0;
    }
    bytes[n - 1] = '!';
    char *path = temp_file(bytes, n);
    const char *error = NULL;
    struct source *loaded = source_load(path, NULL, &error);
    struct source *memory = source_from_bytes("m", bytes, n);
    assert_non_null(loaded);
    assert_non_null(memory);
    assert_int_equal(loaded->raw_size, n);
    assert_int_equal(loaded->d.len, memory->d.len);
    assert_memory_equal(loaded->d.text, memory->d.text, memory->d.len);
    assert_int_equal(loaded->d.issues[TEXT_ISSUE_ODD_BYTE].count, 1);
    source_free(loaded);
    source_free(memory);
    unlink(path);
    free(path);
    free(bytes);
}

/* A hive is read by libhivex from its path: the source keeps its signature
 * only, and raw_size says how much of it, not the file's size. */
static void test_load_of_a_hive_keeps_its_signature(void **state)
{
    (void)state;
    unsigned char bytes[4096] = {'r', 'e', 'g', 'f'};
    char *path = temp_file(bytes, sizeof bytes);
    const char *error = NULL;
    struct source *src = source_load(path, NULL, &error);
    assert_non_null(src);
    assert_non_null(src->raw);
    assert_int_equal(src->raw_size, 4);
    assert_memory_equal(src->raw, "regf", 4);
    assert_int_equal(src->d.len, 0);
    source_free(src);
    unlink(path);
    free(path);
}

static void test_load_reports_a_missing_file(void **state)
{
    (void)state;
    const char *error = NULL;
    struct source *src = source_load("/nonexistent/reglint/none.reg", NULL, &error);
    assert_null(src);
    assert_non_null(error);
    assert_string_equal(error, strerror(ENOENT));
}

static void test_load_refuses_a_directory(void **state)
{
    (void)state;
    const char *error = NULL;
    struct source *src = source_load("/tmp", NULL, &error);
    assert_null(src);
    assert_non_null(error);
    assert_string_equal(error, "is a directory");
}

static void test_load_reads_standard_input(void **state)
{
    (void)state;
    const char text[] = "\xFF\xFEW\0\n\0";
    char *path = temp_file(text, sizeof text - 1);
    assert_non_null(freopen(path, "rb", stdin));
    const char *error = NULL;
    struct source *src = source_load("-", "<stdin>", &error);
    assert_non_null(src);
    assert_string_equal(src->name, "<stdin>");
    assert_int_equal(src->d.encoding, TEXT_UTF16LE);
    assert_int_equal(src->d.len, 2);
    assert_memory_equal(src->d.text, "W\n", 2);
    source_free(src);
    unlink(path);
    free(path);
}

static void test_lines_end_at_lf_cr_and_crlf(void **state)
{
    (void)state;
    /* LF, CRLF, CR, then CR CR (two line endings: an empty line). */
    struct source *src = from_text("a\nbb\r\nccc\rd\r\re");
    assert_int_equal(source_line_count(src), 6);
    expect_line(src, 1, "a");
    expect_line(src, 2, "bb");
    expect_line(src, 3, "ccc");
    expect_line(src, 4, "d");
    expect_line(src, 5, "");
    expect_line(src, 6, "e");
    expect_position(src, 0, 1, 1);
    expect_position(src, 2, 2, 1);
    expect_position(src, 4, 2, 3);
    /* The LF of a CRLF belongs to the line it ends. */
    expect_position(src, 5, 2, 4);
    expect_position(src, 6, 3, 1);
    expect_position(src, 10, 4, 1);
    expect_position(src, 12, 5, 1);
    expect_position(src, 13, 6, 1);
    source_free(src);
}

static void test_last_line_needs_no_line_ending(void **state)
{
    (void)state;
    struct source *with = from_text("a\nb\n");
    struct source *without = from_text("a\nb");
    assert_int_equal(source_line_count(with), 2);
    assert_int_equal(source_line_count(without), 2);
    expect_line(with, 2, "b");
    expect_line(without, 2, "b");
    expect_position(without, 2, 2, 1);
    /* The end of the text is on the last line. */
    expect_position(without, 3, 2, 2);
    expect_position(with, 4, 2, 3);
    /* Offsets past the end are clamped to it. */
    expect_position(without, 99, 2, 2);
    source_free(with);
    source_free(without);

    struct source *empty = from_text("");
    assert_int_equal(source_line_count(empty), 0);
    expect_position(empty, 0, 1, 1);
    source_free(empty);

    struct source *blank = from_text("\n");
    assert_int_equal(source_line_count(blank), 1);
    expect_line(blank, 1, "");
    source_free(blank);
}

static void test_columns_count_code_points(void **state)
{
    (void)state;
    /* A UTF-16 file holding é (2 bytes of UTF-8), ぁ (3 bytes), U+1F600 (a
     * surrogate pair; 4 bytes), then x. */
    const unsigned char bytes[] = {0xFF, 0xFE, 'k', 0, '\n', 0, 0xE9, 0, 0x41, 0x30,
                                   0x3D, 0xD8, 0x00, 0xDE, 'x', 0};
    struct source *src = source_from_bytes("u.reg", bytes, sizeof bytes);
    assert_non_null(src);
    assert_memory_equal(src->d.text, "k\n\xC3\xA9\xE3\x81\x81\xF0\x9F\x98\x80x", 12);
    expect_position(src, 2, 2, 1);
    expect_position(src, 4, 2, 2);
    expect_position(src, 7, 2, 3);
    expect_position(src, 11, 2, 4);
    source_free(src);
}

static void test_line_outside_the_file_is_empty(void **state)
{
    (void)state;
    struct source *src = from_text("a\nb\n");
    struct span none = source_line(src, 0);
    assert_int_equal(none.start, 0);
    assert_int_equal(none.end, 0);
    none = source_line(src, 3);
    assert_int_equal(none.start, 0);
    assert_int_equal(none.end, 0);
    struct span second = source_line(src, 2);
    assert_int_equal(second.start, 2);
    assert_int_equal(second.end, 3);
    source_free(src);
}

static void test_many_lines_map_by_binary_search(void **state)
{
    (void)state;
    struct buf text = BUF_INIT;
    for (int i = 0; i < 5000; i++)
        buf_printf(&text, "%d%s", i, i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
    struct source *src = source_from_bytes("m", (const unsigned char *)text.data, text.len);
    assert_int_equal(source_line_count(src), 5000);
    for (uint32_t line = 1; line <= 5000; line += 499) {
        struct span sp = source_line(src, line);
        char want[16];
        snprintf(want, sizeof want, "%u", (unsigned)(line - 1));
        assert_int_equal(sp.end - sp.start, strlen(want));
        assert_memory_equal(src->d.text + sp.start, want, strlen(want));
        expect_position(src, sp.end, line, (uint32_t)strlen(want) + 1);
    }
    source_free(src);
    buf_free(&text);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_from_bytes_keeps_name_size_and_text),
        cmocka_unit_test(test_from_bytes_decodes_utf16),
        cmocka_unit_test(test_load_reads_a_file),
        cmocka_unit_test(test_load_of_a_large_file_matches_bytes),
        cmocka_unit_test(test_load_of_a_hive_keeps_its_signature),
        cmocka_unit_test(test_load_reports_a_missing_file),
        cmocka_unit_test(test_load_refuses_a_directory),
        cmocka_unit_test(test_load_reads_standard_input),
        cmocka_unit_test(test_lines_end_at_lf_cr_and_crlf),
        cmocka_unit_test(test_last_line_needs_no_line_ending),
        cmocka_unit_test(test_columns_count_code_points),
        cmocka_unit_test(test_line_outside_the_file_is_empty),
        cmocka_unit_test(test_many_lines_map_by_binary_search),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
