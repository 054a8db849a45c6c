/* Unit tests for writer.c: the exact bytes of regedit's export layout. */
#include "test_util.h"

#include "writer.h"

/* The writer's lines so far (UTF-8, LF). */
static void text_is(const struct reg_writer *w, const char *want)
{
    size_t n = strlen(want);
    if (w->text.len != n || memcmp(w->text.data, want, n) != 0) {
        fprintf(stderr, "wrote:\n%.*s\nexpected:\n%s\n", (int)w->text.len, w->text.data, want);
        fail();
    }
}

/* The bytes writer_finish() gives. */
static void bytes_are(const struct buf *out, const void *want, size_t n)
{
    assert_int_equal(out->len, n);
    assert_memory_equal(out->data, want, n);
}

/* The UTF-16LE bytes of ASCII text, after a byte order mark. */
static void utf16_with_bom(const char *ascii, struct buf *out)
{
    buf_append(out, "\xFF\xFE", 2);
    put_utf16(out, ascii);
}

static void test_empty_key_export_is_byte_exact(void **state)
{
    (void)state;
    /* Wine's empty_key_test, which passes on Windows. */
    static const char key[] = "HKEY_CURRENT_USER\\Software\\Wine\\regedit_test";
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    writer_header(&w, REG_VERSION_5);
    writer_blank(&w);
    writer_key(&w, key, strlen(key), false);
    writer_blank(&w);
    struct buf out = BUF_INIT, want = BUF_INIT;
    assert_int_equal(writer_finish(&w, TEXT_EOL_CRLF, true, &out), 0);
    utf16_with_bom("Windows Registry Editor Version 5.00\r\n\r\n"
                   "[HKEY_CURRENT_USER\\Software\\Wine\\regedit_test]\r\n\r\n",
                   &want);
    bytes_are(&out, want.data, want.len);
    buf_free(&out);
    buf_free(&want);
    writer_release(&w);
}

static void test_regedit4_is_ansi_without_bom(void **state)
{
    (void)state;
    struct reg_writer w;
    writer_init(&w, TEXT_ANSI);
    writer_header(&w, REG_VERSION_4);
    writer_blank(&w);
    writer_key(&w, "HKEY_CURRENT_USER\\K", 19, false);
    writer_string(&w, "e", 1, "\xE2\x82\xAC", 3);
    struct buf out = BUF_INIT;
    assert_int_equal(writer_finish(&w, TEXT_EOL_CRLF, true, &out), 0);
    /* The euro sign is byte 0x80 in Windows-1252. */
    static const char want[] = "REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\K]\r\n\"e\"=\"\x80\"\r\n";
    bytes_are(&out, want, sizeof want - 1);
    buf_free(&out);
    writer_release(&w);
}

static void test_line_endings_and_final_newline(void **state)
{
    (void)state;
    struct reg_writer w;
    writer_init(&w, TEXT_UTF8);
    writer_header(&w, REG_VERSION_5);
    writer_key(&w, "HKEY_USERS", 10, true);
    struct buf out = BUF_INIT;
    writer_finish(&w, TEXT_EOL_LF, false, &out);
    bytes_are(&out, "Windows Registry Editor Version 5.00\n[-HKEY_USERS]", 50);
    buf_clear(&out);
    writer_finish(&w, TEXT_EOL_CR, true, &out);
    bytes_are(&out, "Windows Registry Editor Version 5.00\r[-HKEY_USERS]\r", 51);
    buf_free(&out);
    writer_release(&w);
}

static void test_ansi_losses_are_counted(void **state)
{
    (void)state;
    struct reg_writer w;
    writer_init(&w, TEXT_ANSI);
    writer_string(&w, "\xE3\x81\x81", 3, "a\xE3\x81\x81\xC3\xA9", 6);
    struct buf out = BUF_INIT;
    assert_int_equal(writer_finish(&w, TEXT_EOL_CRLF, true, &out), 2);
    bytes_are(&out, "\"?\"=\"a?\xE9\"\r\n", 11);
    buf_free(&out);
    writer_release(&w);
}

static void test_dword_is_eight_lower_case_digits(void **state)
{
    (void)state;
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    writer_dword(&w, "a", 1, 0xABC);
    writer_dword(&w, "", 0, 0);
    writer_dword(&w, "b", 1, 0xFFFFFFFFu);
    writer_value(&w, "c", 1, REG_FORM_DWORD, REG_TYPE_DWORD,
                 (const unsigned char *)"\x01\x02\x03\x04", 4);
    text_is(&w, "\"a\"=dword:00000abc\n"
                "@=dword:00000000\n"
                "\"b\"=dword:ffffffff\n"
                "\"c\"=dword:04030201\n");
    writer_release(&w);
}

static void test_strings_and_names_are_escaped(void **state)
{
    (void)state;
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    writer_string(&w, "zeta", 4, "quote \" backslash \\ tab\there", 28);
    writer_string(&w, "NL", 2, "line1\nline2\r", 12);
    writer_string(&w, "a\"b\\c", 5, "", 0);
    writer_string(&w, "", 0, "default", 7);
    writer_value_delete(&w, "x\"", 2);
    writer_value_delete(&w, "", 0);
    text_is(&w, "\"zeta\"=\"quote \\\" backslash \\\\ tab\there\"\n"
                "\"NL\"=\"line1\\nline2\\r\"\n"
                "\"a\\\"b\\\\c\"=\"\"\n"
                "@=\"default\"\n"
                "\"x\\\"\"=-\n"
                "@=-\n");
    writer_release(&w);
}

static void test_key_paths_are_written_verbatim(void **state)
{
    (void)state;
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    static const char path[] = "HKEY_CURRENT_USER\\Sub]x\\a\"b/c";
    writer_key(&w, path, strlen(path), false);
    writer_key(&w, path, strlen(path), true);
    text_is(&w, "[HKEY_CURRENT_USER\\Sub]x\\a\"b/c]\n[-HKEY_CURRENT_USER\\Sub]x\\a\"b/c]\n");
    writer_release(&w);
}

static void test_hex_tags(void **state)
{
    (void)state;
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    const unsigned char one[] = {0xAB};
    writer_value(&w, "bin", 3, REG_FORM_HEX, REG_TYPE_BINARY, one, 1);
    writer_value(&w, "none", 4, REG_FORM_HEX, REG_TYPE_NONE, one, 1);
    writer_value(&w, "exp", 3, REG_FORM_HEX, REG_TYPE_EXPAND_SZ, one, 1);
    writer_value(&w, "multi", 5, REG_FORM_HEX, REG_TYPE_MULTI_SZ, one, 1);
    writer_value(&w, "q", 1, REG_FORM_HEX, REG_TYPE_QWORD, one, 1);
    writer_value(&w, "odd", 3, REG_FORM_HEX, 0xABCD, one, 1);
    writer_value(&w, "big", 3, REG_FORM_HEX, 0x100, one, 1);
    writer_value(&w, "d8", 2, REG_FORM_HEX, REG_TYPE_DWORD,
                 (const unsigned char *)"\x80\x70\x60\x50\x40\x30\x20\x10", 8);
    /* Zero-length data is just the tag. */
    writer_value(&w, "e0", 2, REG_FORM_HEX, REG_TYPE_NONE, NULL, 0);
    writer_value(&w, "e3", 2, REG_FORM_HEX, REG_TYPE_BINARY, NULL, 0);
    writer_value(&w, "e7", 2, REG_FORM_HEX, REG_TYPE_MULTI_SZ, NULL, 0);
    text_is(&w, "\"bin\"=hex:ab\n"
                "\"none\"=hex(0):ab\n"
                "\"exp\"=hex(2):ab\n"
                "\"multi\"=hex(7):ab\n"
                "\"q\"=hex(b):ab\n"
                "\"odd\"=hex(abcd):ab\n"
                "\"big\"=hex(100):ab\n"
                "\"d8\"=hex(4):80,70,60,50,40,30,20,10\n"
                "\"e0\"=hex(0):\n"
                "\"e3\"=hex:\n"
                "\"e7\"=hex(7):\n");
    writer_release(&w);
}

static void test_multi_and_expand_strings_wrap_as_regedit(void **state)
{
    (void)state;
    /* Wine's complex_test, which passes on Windows. */
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    static const char *const lines[] = {"Line1", "Line2", "Line3"};
    static const char *const path[] = {"%HOME%\\%PATH%"};
    writer_strings(&w, "Multiple strings", 16, REG_TYPE_MULTI_SZ, lines, 3);
    writer_strings(&w, "String expansion", 16, REG_TYPE_EXPAND_SZ, path, 1);
    text_is(&w,
            "\"Multiple strings\"=hex(7):4c,00,69,00,6e,00,65,00,31,00,00,00,4c,00,69,00,6e,\\\n"
            "  00,65,00,32,00,00,00,4c,00,69,00,6e,00,65,00,33,00,00,00,00,00\n"
            "\"String expansion\"=hex(2):25,00,48,00,4f,00,4d,00,45,00,25,00,5c,00,25,00,50,\\\n"
            "  00,41,00,54,00,48,00,25,00,00,00\n");
    writer_release(&w);

    /* An ANSI file holds them as ANSI bytes. */
    writer_init(&w, TEXT_ANSI);
    static const char *const ab[] = {"a", "\xE2\x82\xAC"};
    writer_strings(&w, "m", 1, REG_TYPE_MULTI_SZ, ab, 2);
    writer_strings(&w, "e", 1, REG_TYPE_EXPAND_SZ, ab, 1);
    text_is(&w, "\"m\"=hex(7):61,00,80,00,00\n\"e\"=hex(2):61,00\n");
    writer_release(&w);
}

/* `count` bytes 00, 01, 02, ... */
static void counting(unsigned char *bytes, size_t count)
{
    for (size_t i = 0; i < count; i++)
        bytes[i] = (unsigned char)i;
}

static void test_hex_wraps_at_regedit_column(void **state)
{
    (void)state;
    unsigned char bytes[100];
    counting(bytes, sizeof bytes);
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    /* "Alpha"=hex: is 12 characters: 22 bytes fit (Wine's export sample). */
    writer_value(&w, "Alpha", 5, REG_FORM_HEX, REG_TYPE_BINARY, bytes, 40);
    text_is(&w, "\"Alpha\"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,\\\n"
                "  16,17,18,19,1a,1b,1c,1d,1e,1f,20,21,22,23,24,25,26,27\n");
    writer_release(&w);

    /* @=hex: is 6 characters: 24 bytes, then 25 on each continuation line. */
    writer_init(&w, TEXT_UTF16LE);
    writer_value(&w, "", 0, REG_FORM_HEX, REG_TYPE_BINARY, bytes, 100);
    text_is(&w, "@=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,17,\\\n"
                "  18,19,1a,1b,1c,1d,1e,1f,20,21,22,23,24,25,26,27,28,29,2a,2b,2c,2d,2e,2f,30,\\\n"
                "  31,32,33,34,35,36,37,38,39,3a,3b,3c,3d,3e,3f,40,41,42,43,44,45,46,47,48,49,\\\n"
                "  4a,4b,4c,4d,4e,4f,50,51,52,53,54,55,56,57,58,59,5a,5b,5c,5d,5e,5f,60,61,62,\\\n"
                "  63\n");
    writer_release(&w);

    /* The last byte never ends in a comma or a backslash, even at the column. */
    writer_init(&w, TEXT_UTF16LE);
    writer_value(&w, "", 0, REG_FORM_HEX, REG_TYPE_BINARY, bytes, 25);
    text_is(&w, "@=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,17,\\\n"
                "  18\n");
    writer_release(&w);
    writer_init(&w, TEXT_UTF16LE);
    writer_value(&w, "", 0, REG_FORM_HEX, REG_TYPE_BINARY, bytes, 24);
    text_is(&w, "@=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,17\n");
    writer_release(&w);
}

static void test_wrapping_counts_utf16_units_of_the_escaped_name(void **state)
{
    (void)state;
    unsigned char bytes[30];
    counting(bytes, sizeof bytes);
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    /* "éé"=hex: and "ab"=hex: are both 9 characters: 23 bytes fit. */
    writer_value(&w, "\xC3\xA9\xC3\xA9", 4, REG_FORM_HEX, REG_TYPE_BINARY, bytes, 24);
    writer_value(&w, "ab", 2, REG_FORM_HEX, REG_TYPE_BINARY, bytes, 24);
    /* "\""=hex: is 9 characters as written. */
    writer_value(&w, "\"", 1, REG_FORM_HEX, REG_TYPE_BINARY, bytes, 24);
    /* U+1F600 is two UTF-16 units: "😀"=hex: is 9 characters too. */
    writer_value(&w, "\xF0\x9F\x98\x80", 4, REG_FORM_HEX, REG_TYPE_BINARY, bytes, 24);
    static const char tail[] =
        "=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,\\\n  17\n";
    char want[600];
    snprintf(want, sizeof want, "\"\xC3\xA9\xC3\xA9\"%s\"ab\"%s\"\\\"\"%s\"\xF0\x9F\x98\x80\"%s",
             tail, tail, tail, tail);
    text_is(&w, want);
    writer_release(&w);
}

static void test_lines_and_trailing_text(void **state)
{
    (void)state;
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    writer_line(&w, "; a\rb\r\nc\nd", 10);
    writer_dword(&w, "v", 1, 1);
    writer_append(&w, " ; one", 6);
    writer_append(&w, " two", 4);
    text_is(&w, "; a\nb\nc\nd\n\"v\"=dword:00000001 ; one two\n");
    struct buf out = BUF_INIT, want = BUF_INIT;
    writer_finish(&w, TEXT_EOL_CRLF, true, &out);
    utf16_with_bom("; a\r\nb\r\nc\r\nd\r\n\"v\"=dword:00000001 ; one two\r\n", &want);
    bytes_are(&out, want.data, want.len);
    buf_free(&out);
    buf_free(&want);
    writer_release(&w);
}

/* Text for a fix: laid out for the file's encoding, returned as UTF-8 with
 * no byte order mark. */
static void test_finish_text_keeps_the_layout(void **state)
{
    (void)state;
    static const char *const one[] = {"ab"};
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    writer_blank(&w);
    writer_strings(&w, "M", 1, REG_TYPE_MULTI_SZ, one, 1);
    struct buf out = BUF_INIT;
    writer_finish_text(&w, TEXT_EOL_CRLF, false, &out);
    buf_putc(&out, '\0');
    assert_string_equal(out.data, "\r\n\"M\"=hex(7):61,00,62,00,00,00,00,00");
    buf_free(&out);
    writer_release(&w);
    writer_init(&w, TEXT_ANSI);
    writer_strings(&w, "M", 1, REG_TYPE_MULTI_SZ, one, 1);
    writer_finish_text(&w, TEXT_EOL_LF, true, &out);
    buf_putc(&out, '\0');
    assert_string_equal(out.data, "\"M\"=hex(7):61,62,00,00\n");
    buf_free(&out);
    writer_release(&w);
}

static void test_written_values_read_back(void **state)
{
    (void)state;
    /* What the writer escapes, the reader unescapes. */
    static const char name[] = "n\\\"q";
    static const char text[] = "a\"b\\c";
    struct reg_writer w;
    writer_init(&w, TEXT_UTF16LE);
    writer_header(&w, REG_VERSION_5);
    writer_key(&w, "HKEY_CURRENT_USER\\K", 19, false);
    writer_string(&w, name, strlen(name), text, strlen(text));
    unsigned char bytes[60];
    counting(bytes, sizeof bytes);
    writer_value(&w, "h", 1, REG_FORM_HEX, 0x7, bytes, sizeof bytes);
    struct buf out = BUF_INIT;
    writer_finish(&w, TEXT_EOL_CRLF, true, &out);
    writer_release(&w);
    struct parsed *p = parse_bytes(out.data, out.len);
    buf_free(&out);
    expect_clean(p);
    assert_int_equal(p->file->nstmts, 3);
    const struct reg_value_stmt *v = &p->file->stmts[1].as.value;
    struct reg_name spelt = reg_value_name(p->file, v);
    assert_int_equal(spelt.len, strlen(name));
    assert_memory_equal(spelt.s, name, strlen(name));
    assert_int_equal(v->len, strlen(text));
    assert_memory_equal(reg_value_text(p->file, v), text, strlen(text));
    v = &p->file->stmts[2].as.value;
    assert_int_equal(v->type, 7);
    assert_int_equal(v->len, sizeof bytes);
    struct buf scratch = BUF_INIT;
    assert_memory_equal(reg_value_bytes(p->file, v, &scratch), bytes, sizeof bytes);
    buf_free(&scratch);
    parsed_free(p);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_key_export_is_byte_exact),
        cmocka_unit_test(test_regedit4_is_ansi_without_bom),
        cmocka_unit_test(test_line_endings_and_final_newline),
        cmocka_unit_test(test_ansi_losses_are_counted),
        cmocka_unit_test(test_dword_is_eight_lower_case_digits),
        cmocka_unit_test(test_strings_and_names_are_escaped),
        cmocka_unit_test(test_key_paths_are_written_verbatim),
        cmocka_unit_test(test_hex_tags),
        cmocka_unit_test(test_multi_and_expand_strings_wrap_as_regedit),
        cmocka_unit_test(test_hex_wraps_at_regedit_column),
        cmocka_unit_test(test_wrapping_counts_utf16_units_of_the_escaped_name),
        cmocka_unit_test(test_lines_and_trailing_text),
        cmocka_unit_test(test_finish_text_keeps_the_layout),
        cmocka_unit_test(test_written_values_read_back),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
