/* Unit tests for fmt.c: regedit's export layout, meaning kept. */
#include "test_util.h"

#include "dump.h"
#include "fmt.h"
#include "model.h"

/* fmt's output for a file given as bytes. */
static void format_bytes(const void *bytes, size_t n, struct buf *out)
{
    struct parsed *p = parse_bytes(bytes, n);
    const char *why = NULL;
    assert_true(fmt_supported(p->file, &why));
    fmt_file(p->file, out);
    parsed_free(p);
}

static void formats_to(const char *text, const char *want)
{
    struct buf out = BUF_INIT;
    format_bytes(text, strlen(text), &out);
    if (out.len != strlen(want) || memcmp(out.data, want, out.len) != 0) {
        fprintf(stderr, "formatted:\n%.*s\nexpected:\n%s\n", (int)out.len, out.data, want);
        fail();
    }
    buf_free(&out);
}

/* What `reglint dump` prints for a file: its net effect. */
static void net_effect(const void *bytes, size_t n, struct buf *out)
{
    struct parsed *p = parse_bytes(bytes, n);
    struct model *m = model_build(p->file, p->arena, MODEL_AS_REGEDIT);
    FILE *f = tmpfile();
    assert_non_null(f);
    dump_model(m, f);
    long size = ftell(f);
    assert_true(size >= 0);
    rewind(f);
    buf_reserve(out, (size_t)size);
    out->len = fread(out->data, 1, (size_t)size, f);
    out->data[out->len] = '\0';
    assert_int_equal(out->len, (size_t)size);
    fclose(f);
    model_free(m);
    parsed_free(p);
}

/* fmt keeps the net effect, and formatting its output changes nothing. */
static void check_meaning_and_idempotence(const void *bytes, size_t n)
{
    struct buf once = BUF_INIT, twice = BUF_INIT, before = BUF_INIT, after = BUF_INIT;
    format_bytes(bytes, n, &once);
    format_bytes(once.data, once.len, &twice);
    if (once.len != twice.len || memcmp(once.data, twice.data, once.len) != 0) {
        fprintf(stderr, "not idempotent:\n%.*s\n---\n%.*s\n", (int)once.len, once.data,
                (int)twice.len, twice.data);
        fail();
    }
    net_effect(bytes, n, &before);
    net_effect(once.data, once.len, &after);
    if (before.len != after.len || memcmp(before.data, after.data, before.len) != 0) {
        fprintf(stderr, "net effect changed:\n%s---\n%s", before.data, after.data);
        fail();
    }
    buf_free(&once);
    buf_free(&twice);
    buf_free(&before);
    buf_free(&after);
}

#define HEX23 "00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16"

static const char messy[] =
    "  REGEDIT4\n"
    "; leading comment\n"
    "[hkey_current_user\\Software\\A] ; on the key line\n"
    "\"x\"=dword:1\n"
    "\"X2\"=dword:ABCDEF\n"
    "\"b\"=hex:1,2,3\n"
    "   ; indented comment\n"
    "\n"
    "\"\"=\"v\"\n"
    "\"d\"=hex(4):2a,00,00,00\n"
    "\"d8\"=hex(4):01,02,03,04,05,06,07,08\n"
    "\"bin\"=hex(3):FF\n"
    "\"s\" = \"a\\qb\" ; trailing\n"
    "\"gone\"=-\n"
    "  junk line\n"
    "\"a\"=hex(7):61,00,\\ ; after the backslash\n"
    "; inside\n"
    "  00\n"
    "[-HKEY_CURRENT_USER\\Software\\B\\\\C\\]\n"
    "\"long\"=hex:" HEX23 "\n"
    "; at the end\n";

static void test_messy_file_gets_the_export_layout(void **state)
{
    (void)state;
    formats_to(messy,
               "REGEDIT4\n"
               "\n"
               "; leading comment\n"
               "[HKEY_CURRENT_USER\\Software\\A] ; on the key line\n"
               "\"x\"=dword:00000001\n"
               "\"X2\"=dword:00abcdef\n"
               "\"b\"=hex:01,02,03\n"
               "; indented comment\n"
               "@=\"v\"\n"
               "\"d\"=dword:0000002a\n"
               "\"d8\"=hex(4):01,02,03,04,05,06,07,08\n"
               "\"bin\"=hex:ff\n"
               "\"s\"=\"aqb\" ; trailing\n"
               "\"gone\"=-\n"
               "junk line\n"
               "\"a\"=hex(7):61,00,00\n"
               /* Comments just above a key lead into it. */
               "\n"
               "; after the backslash\n"
               "; inside\n"
               "[-HKEY_CURRENT_USER\\Software\\B\\C]\n"
               "\"long\"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,\\\n"
               "  16\n"
               "; at the end\n"
               "\n");
    check_meaning_and_idempotence(messy, sizeof messy - 1);
}

static void test_canonical_file_is_unchanged(void **state)
{
    (void)state;
    static const char clean[] = "Windows Registry Editor Version 5.00\n"
                                "\n"
                                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\K]\n"
                                "@=\"d\"\n"
                                "\"v\"=dword:00000001\n"
                                "\n"
                                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\K\\Sub]\n"
                                "\n";
    formats_to(clean, clean);
}

static void test_nothing_is_reordered(void **state)
{
    (void)state;
    formats_to("REGEDIT4\n"
               "[HKEY_CURRENT_USER\\Z]\n\"z\"=\"1\"\n\"a\"=\"2\"\n"
               "[HKEY_CURRENT_USER\\A]\n\"m\"=\"3\"\n"
               "[HKEY_CURRENT_USER\\Z]\n\"b\"=\"4\"\n",
               "REGEDIT4\n"
               "\n[HKEY_CURRENT_USER\\Z]\n\"z\"=\"1\"\n\"a\"=\"2\"\n"
               "\n[HKEY_CURRENT_USER\\A]\n\"m\"=\"3\"\n"
               "\n[HKEY_CURRENT_USER\\Z]\n\"b\"=\"4\"\n"
               "\n");
}

static void test_keeps_utf16_bom_and_crlf(void **state)
{
    (void)state;
    struct parsed *p = parse_utf16("Windows Registry Editor Version 5.00\r\n"
                                   "[HKEY_CURRENT_USER\\K]\r\n"
                                   "\"v\"=dword:A\r\n");
    struct buf out = BUF_INIT;
    fmt_file(p->file, &out);
    parsed_free(p);
    static const char want[] = "Windows Registry Editor Version 5.00\r\n\r\n"
                               "[HKEY_CURRENT_USER\\K]\r\n\"v\"=dword:0000000a\r\n\r\n";
    assert_int_equal(out.len, 2 + 2 * (sizeof want - 1));
    assert_memory_equal(out.data, "\xFF\xFE", 2);
    for (size_t i = 0; i < sizeof want - 1; i++) {
        assert_int_equal(out.data[2 + 2 * i], want[i]);
        assert_int_equal(out.data[3 + 2 * i], 0);
    }
    buf_free(&out);
}

static void test_keeps_line_endings_and_ansi(void **state)
{
    (void)state;
    /* The most frequent line ending wins; ANSI bytes stay ANSI bytes. */
    formats_to("REGEDIT4\r[HKEY_CURRENT_USER\\K]\r\"\xE9\"=\"\x80\"\r\n",
               "REGEDIT4\r\r[HKEY_CURRENT_USER\\K]\r\"\xE9\"=\"\x80\"\r\r");
    formats_to("REGEDIT4\r\n[HKEY_CURRENT_USER\\K]\r\n", "REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\K]\r\n\r\n");
    formats_to("REGEDIT4", "REGEDIT4\r\n\r\n");
}

static void test_headers_that_import_nothing_stay(void **state)
{
    (void)state;
    /* A header regedit refuses is kept as written: fixing it would change
     * what the file does. */
    formats_to("REGEDIT3\n[HKEY_CURRENT_USER\\K]\n", "REGEDIT3\n\n[HKEY_CURRENT_USER\\K]\n\n");
    formats_to("\xEF\xBB\xBFREGEDIT4\n[HKEY_CURRENT_USER\\K]\n",
               "\xEF\xBB\xBFREGEDIT4\n\n[HKEY_CURRENT_USER\\K]\n\n");
    /* Without a header the first line stays one that is not a header. */
    static const char stray[] = "\nREGEDIT4\n[HKEY_CURRENT_USER\\K]\n\"v\"=\"x\"\n";
    check_meaning_and_idempotence(stray, sizeof stray - 1);
    struct buf out = BUF_INIT;
    format_bytes(stray, sizeof stray - 1, &out);
    assert_true(out.len > 0);
    assert_int_equal(out.data[0], '\n');
    buf_free(&out);
    formats_to("", "");
}

static void test_lines_regedit_skips_stay_as_written(void **state)
{
    (void)state;
    static const char text[] = "REGEDIT4\n"
                               "[HKEY_CURRENT_USER\\K]\n"
                               "\"a\"=dword:0x1\n"
                               "\"b\"=hex:01,\\\n"
                               "[HKEY_CURRENT_USER\\Swallowed]\n"
                               "\"c\"=\"kept\"\n"
                               "[ HKEY_CURRENT_USER\\Ignored]\n"
                               "\"d\"=\"still K\"\n"
                               "[HKCU\\Refused]\n"
                               "\"e\"=\"dropped\"\n";
    formats_to(text, "REGEDIT4\n"
                     "\n"
                     "[HKEY_CURRENT_USER\\K]\n"
                     "\"a\"=dword:0x1\n"
                     "\"b\"=hex:01,\\\n"
                     "[HKEY_CURRENT_USER\\Swallowed]\n"
                     "\"c\"=\"kept\"\n"
                     "[ HKEY_CURRENT_USER\\Ignored]\n"
                     "\"d\"=\"still K\"\n"
                     "\n"
                     "[HKCU\\Refused]\n"
                     "\"e\"=\"dropped\"\n"
                     "\n");
    check_meaning_and_idempotence(text, sizeof text - 1);
}

static void test_meaning_is_kept(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "REGEDIT4\n[HKEY_CURRENT_USER\\K]\n\"w\"=\"x\\ny\\\"z\\\\\"\n\"d\"=dword: ;c\n"
        "\"e\"=hex(2):25,50,41,54,48,25\n\"f\"=hex(2):\n@=-\n",
        "REGEDIT4\n[HKEY_CURRENT_USER\\K]\n\"v\"=\"1\"\n[-HKEY_CURRENT_USER]\n"
        "[HKEY_CURRENT_USER\\K]\n\"after\"=\"2\"\n",
        "REGEDIT4\n[HKEY_CURRENT_USER\\K\\a]b] junk\n\"v\"=\"1\"\n[HKEY_CURRENT_USER\\sp ]\n",
        "REGEDIT4\n\"outside\"=\"x\"\n[HKEY_CURRENT_USER\\K]\n\"a\"=hex:01,\\\n\n  02,\\\n",
        "REGEDIT4\n[HKEY_CURRENT_USER\\K]\n\"" HEX23 HEX23 "\"=hex(7):" HEX23 "," HEX23 "\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        check_meaning_and_idempotence(texts[i], strlen(texts[i]));
}

static void test_refuses_what_it_cannot_lay_out(void **state)
{
    (void)state;
    const char *why = NULL;
    struct parsed *p = parse_text("REGEDIT\nHKEY_CLASSES_ROOT\\a = b\n");
    assert_false(fmt_supported(p->file, &why));
    assert_string_equal(why, "Windows 3.1 (REGEDIT) files have no export layout");
    parsed_free(p);
    static const char nul[] = "REGEDIT4\n[HKEY_CURRENT_USER\\K]\n\"a\"=\"x\"\0junk\n";
    p = parse_bytes(nul, sizeof nul - 1);
    why = NULL;
    assert_false(fmt_supported(p->file, &why));
    assert_string_equal(why, "the file contains NUL characters");
    parsed_free(p);
    p = parse_text("REGEDIT4\n");
    assert_true(fmt_supported(p->file, &why));
    parsed_free(p);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_messy_file_gets_the_export_layout),
        cmocka_unit_test(test_canonical_file_is_unchanged),
        cmocka_unit_test(test_nothing_is_reordered),
        cmocka_unit_test(test_keeps_utf16_bom_and_crlf),
        cmocka_unit_test(test_keeps_line_endings_and_ansi),
        cmocka_unit_test(test_headers_that_import_nothing_stay),
        cmocka_unit_test(test_lines_regedit_skips_stay_as_written),
        cmocka_unit_test(test_meaning_is_kept),
        cmocka_unit_test(test_refuses_what_it_cannot_lay_out),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
