/* Unit tests for the .reg scanner and parser (grammar/reg.l, grammar/reg.y,
 * regread.c): the tree good input gives, and one test per problem the reader
 * reports. */
#include "test_util.h"

#include "regread.h"

/* ------------------------------------------------------------ helpers */

static const struct reg_stmt *stmt_at(const struct parsed *p, size_t i)
{
    if (i >= p->file->nstmts) {
        fprintf(stderr, "statement %zu of %zu\n", i, p->file->nstmts);
        fail();
    }
    return &p->file->stmts[i];
}

/* The text a span covers. */
static void span_is(const struct parsed *p, struct span at, const char *want)
{
    const char *s = p->src->d.text + at.start;
    size_t n = at.end - at.start;
    if (n != strlen(want) || memcmp(s, want, n) != 0) {
        fprintf(stderr, "span '%.*s' is not '%s'\n", (int)n, s, want);
        fail();
    }
}

static void key_is(const struct parsed *p, size_t i, enum reg_stmt_kind kind,
                       enum reg_root root, const char *const *segments, uint32_t depth)
{
    const struct reg_stmt *st = stmt_at(p, i);
    assert_int_equal(st->kind, kind);
    assert_true(st->as.key.resolved);
    assert_true(st->as.key.usable);
    assert_false(st->as.key.aborts);
    assert_int_equal(st->as.key.root, root);
    assert_int_equal(st->as.key.depth, depth);
    struct reg_path_buf buf;
    const struct reg_path *path = reg_key_path(p->file, &st->as.key, &buf);
    assert_int_equal(path->root, root);
    assert_int_equal(path->depth, depth);
    for (uint32_t k = 0; k < depth; k++)
        name_is(reg_path_segment(path, k), segments[k]);
}

/* Value statement `i` names `want`. */
static void value_name_is(const struct parsed *p, size_t i, const char *want)
{
    name_is(reg_value_name(p->file, &stmt_at(p, i)->as.value), want);
}

/* Whether the data of `v` is `want`'s bytes. */
static bool value_bytes_equal(const struct reg_file *file, const struct reg_value_stmt *v,
                              const char *want)
{
    struct buf scratch = BUF_INIT;
    bool equal = memcmp(reg_value_bytes(file, v, &scratch), want, strlen(want)) == 0;
    buf_free(&scratch);
    return equal;
}

/* Statement `i` sets `name` to `form`/`type` data of exactly these bytes. */
static const struct reg_value_stmt *value_is(const struct parsed *p, size_t i,
                                                 const char *name, enum reg_form form,
                                                 uint32_t type, const void *bytes, uint32_t len)
{
    const struct reg_stmt *st = stmt_at(p, i);
    assert_int_equal(st->kind, REG_STMT_VALUE);
    const struct reg_value_stmt *v = &st->as.value;
    name_is(reg_value_name(p->file, v), name);
    assert_int_equal(v->form, form);
    assert_int_equal(v->type, type);
    assert_int_equal(v->len, len);
    if (len) {
        struct buf scratch = BUF_INIT;
        assert_memory_equal(reg_value_bytes(p->file, v, &scratch), bytes, len);
        buf_free(&scratch);
    }
    return v;
}

static const struct reg_value_stmt *string_is(const struct parsed *p, size_t i,
                                                  const char *name, const char *text)
{
    return value_is(p, i, name, REG_FORM_STRING, REG_TYPE_SZ, text, (uint32_t)strlen(text));
}

#define K "REGEDIT4\n[HKEY_CURRENT_USER\\K]\n"
#define K5 "Windows Registry Editor Version 5.00\n[HKEY_CURRENT_USER\\K]\n"
#define LATER "[HKEY_CURRENT_USER\\Later]\n\"after\"=\"ok\"\n"

/* ------------------------------------------------------------ header */

/* A first line and the version regedit reads it as. */
struct header_case {
    const char *text;
    enum reg_version version;
};

static void test_header_versions(void **state)
{
    (void)state;
    static const struct header_case cases[] = {
        {"REGEDIT4\n", REG_VERSION_4},
        {"Windows Registry Editor Version 5.00\r\n", REG_VERSION_5},
        {" \tREGEDIT4\n", REG_VERSION_4},
        {"REGEDIT4", REG_VERSION_4},
        {"REGEDIT\n", REG_VERSION_WIN31},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct parsed *p = parse_text(cases[i].text);
        expect_clean(p);
        assert_int_equal(p->file->version, cases[i].version);
        assert_int_equal(p->file->nstmts, 0);
        parsed_free(p);
    }
    struct parsed *p = parse_text("");
    assert_int_equal(p->file->version, REG_VERSION_NONE);
    parsed_free(p);
}

/* Reads UTF-8 text as a UTF-16LE file with a byte order mark. */
static struct parsed *parse_as_utf16(const char *text)
{
    struct buf b = BUF_INIT;
    buf_append(&b, "\xFF\xFE", 2);
    text_to_utf16le(text, strlen(text), &b);
    struct parsed *p = parse_bytes(b.data, b.len);
    buf_free(&b);
    return p;
}

/* regedit compares the header with lstrcmpW(), which passes over
 * characters without weight (what Wine 8.0's regedit does with each). */
static void test_header_with_invisible_characters(void **state)
{
    (void)state;
    static const struct header_case cases[] = {
        /* U+FEFF after the byte order mark: a second one. */
        {"\xEF\xBB\xBFWindows Registry Editor Version 5.00\r\n", REG_VERSION_5},
        {"REGE\xE2\x80\x8C" "DIT4\n", REG_VERSION_4},        /* U+200C */
        {"REGEDIT\xEF\xB8\x8F\n", REG_VERSION_WIN31},         /* U+FE0F */
        {"REGEDIT4\xC2\xAD\xE2\x81\xA0\n", REG_VERSION_4}, /* U+00AD U+2060 */
        /* U+200B has weight; the fuzzy test is exact. */
        {"REGEDIT\xE2\x80\x8B" "4\n", REG_VERSION_FUZZY},
        {"\xEF\xBB\xBFREGEDIT9\n", REG_VERSION_INVALID},
        {"\xEF\xBB\xBF REGEDIT4\n", REG_VERSION_INVALID},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct parsed *p = parse_as_utf16(cases[i].text);
        assert_int_equal(p->file->version, cases[i].version);
        /* One finding about the header (REGEDIT4 in UTF-16 has another). */
        size_t header_findings = 0;
        for (size_t d = 0; d < p->diags.n; d++)
            header_findings += p->diags.items[d]->rule == RULE_INEXACT_HEADER;
        assert_int_equal(header_findings, 1);
        parsed_free(p);
    }
    struct parsed *p = parse_as_utf16("\xEF\xBB\xBFWindows Registry Editor Version 5.00\n");
    expect_diag(p, 1, 0, RULE_INEXACT_HEADER, 1, 1,
                "a second byte order mark (FF FE) before the header; regedit compares the header "
                "with Windows' string comparison, which passes over such characters: it may import "
                "the file as if the header were exact (Wine 8.0's does) or import nothing");
    assert_int_equal(p->diags.items[0]->severity, SEV_WARNING);
    parsed_free(p);
}

static void test_header_is_read_by_bom_not_by_text(void **state)
{
    (void)state;
    struct parsed *p = parse_utf16("Windows Registry Editor Version 5.00\r\n\r\n"
                                   "[HKEY_CURRENT_USER\\K]\r\n\"v\"=\"x\"\r\n");
    expect_clean(p);
    assert_int_equal(p->file->version, REG_VERSION_5);
    assert_int_equal(p->file->src->d.encoding, TEXT_UTF16LE);
    string_is(p, 1, "v", "x");
    parsed_free(p);
}

/* ------------------------------------------------------------ keys */

static void test_key_lines(void **state)
{
    (void)state;
    struct parsed *p = parse_text("REGEDIT4\n"
                                  "[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n"
                                  "[hkey_current_user\\x]\n"
                                  "[HKEY_USERS]\n"
                                  "[HKEY_CLASSES_ROOT\\t\\]\n"
                                  "[HKEY_CURRENT_CONFIG\\sp ]\n"
                                  "[HKEY_DYN_DATA\\a]b] ;comment\n"
                                  "  [HKEY_CURRENT_USER\\https://winehq.org\\Sub\"1]\n");
    expect_clean(p);
    assert_int_equal(p->file->nstmts, 7);
    key_is(p, 0, REG_STMT_KEY, REG_ROOT_HKLM, (const char *const[]){"SOFTWARE", "A"}, 2);
    span_is(p, stmt_at(p, 0)->at, "[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]");
    span_is(p, stmt_at(p, 0)->as.key.path_at, "HKEY_LOCAL_MACHINE\\SOFTWARE\\A");
    /* Roots match in any case. */
    key_is(p, 1, REG_STMT_KEY, REG_ROOT_HKCU, (const char *const[]){"x"}, 1);
    /* A root alone opens the root. */
    key_is(p, 2, REG_STMT_KEY, REG_ROOT_HKU, NULL, 0);
    /* A trailing backslash is harmless (RegCreateKeyEx ignores it). */
    key_is(p, 3, REG_STMT_KEY, REG_ROOT_HKCR, (const char *const[]){"t"}, 1);
    /* Blanks before ']' belong to the name. */
    key_is(p, 4, REG_STMT_KEY, REG_ROOT_HKCC, (const char *const[]){"sp "}, 1);
    /* The name ends at the last ']'; a comment after it is fine. */
    key_is(p, 5, REG_STMT_KEY, REG_ROOT_HKDD, (const char *const[]){"a]b"}, 1);
    span_is(p, stmt_at(p, 5)->at, "[HKEY_DYN_DATA\\a]b]");
    /* '/', ':' and '"' are ordinary characters in key names. */
    key_is(p, 6, REG_STMT_KEY, REG_ROOT_HKCU,
               (const char *const[]){"https://winehq.org", "Sub\"1"}, 2);
    parsed_free(p);
}

static void test_key_deletions(void **state)
{
    (void)state;
    struct parsed *p = parse_text("REGEDIT4\n"
                                  "[-HKEY_CURRENT_USER\\A\\B]\n"
                                  "[-hkey_local_machine\\C]\n");
    expect_clean(p);
    key_is(p, 0, REG_STMT_KEY_DELETE, REG_ROOT_HKCU, (const char *const[]){"A", "B"}, 2);
    /* The '-' is not part of the path. */
    span_is(p, stmt_at(p, 0)->as.key.path_at, "HKEY_CURRENT_USER\\A\\B");
    key_is(p, 1, REG_STMT_KEY_DELETE, REG_ROOT_HKLM, (const char *const[]){"C"}, 1);
    parsed_free(p);
}

static void test_path_string(void **state)
{
    (void)state;
    struct parsed *p = parse_text("REGEDIT4\n[hkey_current_user\\\\A\\\\B\\]\n");
    const struct reg_key_stmt *key = &stmt_at(p, 0)->as.key;
    assert_string_equal(reg_key_path_string(p->arena, p->file, key), "HKEY_CURRENT_USER\\A\\B");
    assert_string_equal(reg_root_name(REG_ROOT_HKDD), "HKEY_DYN_DATA");
    parsed_free(p);
}

/* ------------------------------------------------------------ values */

static void test_value_names(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "@=\"d\"\n"
                                    "\"\"=\"e\"\n"
                                    "\" a b \"=\"f\"\n"
                                    "\"q\\\"x\\\\y\"=\"g\"\n"
                                    "\"With=Equals\"=\"h\"\n"
                                    "\"semi;#\"=\"i\"\n"
                                    "\"\xE9\"=\"j\"\n");
    expect_clean(p);
    const struct reg_value_stmt *v = string_is(p, 1, "", "d");
    assert_true(v->is_at);
    span_is(p, v->name_at, "@");
    span_is(p, v->data_at, "\"d\"");
    /* An empty quoted name is the default value too, written differently. */
    v = string_is(p, 2, "", "e");
    assert_false(v->is_at);
    span_is(p, v->name_at, "\"\"");
    string_is(p, 3, " a b ", "f");
    v = string_is(p, 4, "q\"x\\y", "g");
    span_is(p, v->name_at, "\"q\\\"x\\\\y\"");
    string_is(p, 5, "With=Equals", "h");
    string_is(p, 6, "semi;#", "i");
    /* An ANSI file's bytes are Windows-1252: E9 is U+00E9. */
    string_is(p, 7, "\xC3\xA9", "j");
    parsed_free(p);
}

static void test_string_data(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"a\"=\"\"\n"
                                    "\"b\"=\"quote \\\" backslash \\\\ tab\there\"\n"
                                    "\"c\"=\"semi;colon#hash\" ; comment\n"
                                    "\"d\"=\"\\\\0\"\n"
                                    "  \"e\"  =  \"x\"  \n"
                                    "\"f\"=\"\\\"\"\n");
    expect_clean(p);
    string_is(p, 1, "a", "");
    string_is(p, 2, "b", "quote \" backslash \\ tab\there");
    const struct reg_value_stmt *v = string_is(p, 3, "c", "semi;colon#hash");
    span_is(p, v->data_at, "\"semi;colon#hash\"");
    span_is(p, stmt_at(p, 3)->at, "\"c\"=\"semi;colon#hash\"");
    /* An escaped backslash before 0 is not a \0 escape. */
    string_is(p, 4, "d", "\\0");
    v = string_is(p, 5, "e", "x");
    span_is(p, stmt_at(p, 5)->at, "\"e\"  =  \"x\"");
    span_is(p, v->data_at, "\"x\"");
    string_is(p, 6, "f", "\"");
    parsed_free(p);
}

static void test_dword_data(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"a\"=dword:00000001\n"
                                    "\"b\"=dword:1\n"
                                    "\"c\"=dword:ABCDEF01\n"
                                    "\"d\"=dword:ffffffff\n"
                                    "\"e\"=dword:1234;5678\n"
                                    "\t@\t=\tdword:\t2a\t\n"
                                    "\"f\"=dword:00000000 ; zero\n");
    expect_clean(p);
    const struct reg_value_stmt *v =
        value_is(p, 1, "a", REG_FORM_DWORD, REG_TYPE_DWORD, "\1\0\0\0", 4);
    span_is(p, v->data_at, "dword:00000001");
    value_is(p, 2, "b", REG_FORM_DWORD, REG_TYPE_DWORD, "\1\0\0\0", 4);
    value_is(p, 3, "c", REG_FORM_DWORD, REG_TYPE_DWORD, "\x01\xEF\xCD\xAB", 4);
    value_is(p, 4, "d", REG_FORM_DWORD, REG_TYPE_DWORD, "\xFF\xFF\xFF\xFF", 4);
    v = value_is(p, 5, "e", REG_FORM_DWORD, REG_TYPE_DWORD, "\x34\x12\0\0", 4);
    span_is(p, v->data_at, "dword:1234");
    v = value_is(p, 6, "", REG_FORM_DWORD, REG_TYPE_DWORD, "\x2A\0\0\0", 4);
    assert_true(v->is_at);
    span_is(p, v->data_at, "dword:\t2a");
    value_is(p, 7, "f", REG_FORM_DWORD, REG_TYPE_DWORD, "\0\0\0\0", 4);
    parsed_free(p);
}

static void test_hex_data(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"bin\"=hex:01,ff,0A\n"
                                    "\"none\"=hex(0):01\n"
                                    "\"exp\"=hex(2):25,00\n"
                                    "\"bin3\"=hex(3):02\n"
                                    "\"multi\"=hex(7):41,00,00\n"
                                    "\"q\"=hex(b):01,00,00,00,00,00,00,00\n"
                                    "\"Q\"=hex(B):02\n"
                                    "\"big\"=hex(ffffffff):03\n"
                                    "\"odd\"=hex(100):04\n"
                                    "\"empty\"=hex(7):\n"
                                    "\"emptybin\"=hex:\n"
                                    "\"wcstoul\"=hex:000aa,+1,0x2,  7\n"
                                    "\"trailing\"=hex:01,02,\n"
                                    "\"comment\"=hex:05 ; five\n"
                                    "\"blanks\"=hex( 7):06\n"
                                    "\"sign\"=hex(+7):07\n"
                                    "\"zero\"=hex():08\n");
    expect_clean(p);
    const struct reg_value_stmt *v =
        value_is(p, 1, "bin", REG_FORM_HEX, REG_TYPE_BINARY, "\x01\xFF\x0A", 3);
    assert_true(v->hex_plain);
    span_is(p, v->data_at, "hex:01,ff,0A");
    v = value_is(p, 2, "none", REG_FORM_HEX, REG_TYPE_NONE, "\x01", 1);
    assert_false(v->hex_plain);
    /* The reader keeps the bytes as listed; widening is the model's. */
    value_is(p, 3, "exp", REG_FORM_HEX, REG_TYPE_EXPAND_SZ, "%\0", 2);
    v = value_is(p, 4, "bin3", REG_FORM_HEX, REG_TYPE_BINARY, "\x02", 1);
    assert_false(v->hex_plain);
    value_is(p, 5, "multi", REG_FORM_HEX, REG_TYPE_MULTI_SZ, "A\0\0", 3);
    value_is(p, 6, "q", REG_FORM_HEX, REG_TYPE_QWORD, "\1\0\0\0\0\0\0\0", 8);
    value_is(p, 7, "Q", REG_FORM_HEX, REG_TYPE_QWORD, "\2", 1);
    value_is(p, 8, "big", REG_FORM_HEX, 0xFFFFFFFFu, "\3", 1);
    value_is(p, 9, "odd", REG_FORM_HEX, 0x100, "\4", 1);
    v = value_is(p, 10, "empty", REG_FORM_HEX, REG_TYPE_MULTI_SZ, "", 0);
    span_is(p, v->data_at, "hex(7):");
    value_is(p, 11, "emptybin", REG_FORM_HEX, REG_TYPE_BINARY, "", 0);
    /* Bytes are read with wcstoul: leading zeros, '+', "0x" and blanks. */
    value_is(p, 12, "wcstoul", REG_FORM_HEX, REG_TYPE_BINARY, "\xAA\x01\x02\x07", 4);
    value_is(p, 13, "trailing", REG_FORM_HEX, REG_TYPE_BINARY, "\1\2", 2);
    v = value_is(p, 14, "comment", REG_FORM_HEX, REG_TYPE_BINARY, "\5", 1);
    span_is(p, v->data_at, "hex:05");
    value_is(p, 15, "blanks", REG_FORM_HEX, REG_TYPE_MULTI_SZ, "\6", 1);
    value_is(p, 16, "sign", REG_FORM_HEX, REG_TYPE_MULTI_SZ, "\7", 1);
    /* wcstoul reads no digits from "" and stops at ')', so that is type 0. */
    value_is(p, 17, "zero", REG_FORM_HEX, REG_TYPE_NONE, "\x08", 1);
    parsed_free(p);
}

static void test_hex_in_utf16_file_is_kept_as_listed(void **state)
{
    (void)state;
    struct parsed *p = parse_utf16("Windows Registry Editor Version 5.00\r\n"
                                   "[HKEY_CURRENT_USER\\K]\r\n"
                                   "\"e\"=hex(2):25,00,50,00\r\n"
                                   "\"m\"=hex(7):41,00,00,00,00,00\r\n");
    expect_clean(p);
    value_is(p, 1, "e", REG_FORM_HEX, REG_TYPE_EXPAND_SZ, "%\0P\0", 4);
    value_is(p, 2, "m", REG_FORM_HEX, REG_TYPE_MULTI_SZ, "A\0\0\0\0\0", 6);
    parsed_free(p);
}

static void test_hex_continuations(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"a\"=hex:01,02,\\\n"
                                    "  03,04,\\ ; after the backslash\n"
                                    "\n"
                                    "   \t\n"
                                    "; a comment line inside the data\n"
                                    "  05\n"
                                    "\"b\"=hex(7):\\\n"
                                    "  41,00,\\\n"
                                    "  00,00 ; end\n"
                                    "\"c\"=hex:\t\\\n"
                                    "06\n");
    expect_clean(p);
    assert_int_equal(p->file->nstmts, 6);
    const struct reg_value_stmt *v =
        value_is(p, 1, "a", REG_FORM_HEX, REG_TYPE_BINARY, "\1\2\3\4\5", 5);
    /* The statement runs through its last line; the data to its last byte. */
    span_is(p, stmt_at(p, 1)->at,
                "\"a\"=hex:01,02,\\\n  03,04,\\ ; after the backslash\n\n   \t\n"
                "; a comment line inside the data\n  05");
    span_is(p, v->data_at,
                "hex:01,02,\\\n  03,04,\\ ; after the backslash\n\n   \t\n"
                "; a comment line inside the data\n  05");
    /* Comments inside the data, after a backslash or on their own line,
     * follow the value. */
    assert_int_equal(stmt_at(p, 2)->kind, REG_STMT_COMMENT);
    span_is(p, stmt_at(p, 2)->at, "; after the backslash");
    assert_int_equal(stmt_at(p, 3)->kind, REG_STMT_COMMENT);
    span_is(p, stmt_at(p, 3)->at, "; a comment line inside the data");
    value_is(p, 4, "b", REG_FORM_HEX, REG_TYPE_MULTI_SZ, "A\0\0\0", 4);
    value_is(p, 5, "c", REG_FORM_HEX, REG_TYPE_BINARY, "\6", 1);
    parsed_free(p);
}

/* The findings are `n`, at these lines and columns in order. */
static void findings_at(const struct parsed *p, const uint32_t (*where)[2], size_t n)
{
    if (p->diags.n != n)
        print_diags(p);
    assert_int_equal(p->diags.n, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t line, col;
        source_position(p->src, p->diags.items[i]->at.start, &line, &col);
        assert_int_equal(line, where[i][0]);
        assert_int_equal(col, where[i][1]);
    }
}

/* The scanner steps over plain bytes ("hh,") without matching them: what
 * follows them, on the value's line or a continued one, reads as it would
 * after any other bytes, and problems keep their columns. */
static void test_hex_plain_bytes_then_other_forms(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"a\"=hex:01,02,0x3,+4, 5,006\n"
                                    "\"b\"=hex(7):41,00,\\\n"
                                    "  42,00,43,\\\n"
                                    "  00,00,00 ; end\n"
                                    "\"c\"=hex:0A,0b,Cc,dD,\n"
                                    "\"d\"=hex:01,\\\n"
                                    "  ,02\n"
                                    "\"e\"=hex:01,02,1a4\n"
                                    "\"f\"=hex:01,\\\n"
                                    "  02,03, \n"
                                    "\"g\"=hex:01,02,,03\n");
    const struct reg_value_stmt *v =
        value_is(p, 1, "a", REG_FORM_HEX, REG_TYPE_BINARY, "\1\2\3\4\5\6", 6);
    span_is(p, v->data_at, "hex:01,02,0x3,+4, 5,006");
    v = value_is(p, 2, "b", REG_FORM_HEX, REG_TYPE_MULTI_SZ, "A\0B\0C\0\0\0", 8);
    span_is(p, v->data_at, "hex(7):41,00,\\\n  42,00,43,\\\n  00,00,00");
    v = value_is(p, 3, "c", REG_FORM_HEX, REG_TYPE_BINARY, "\x0A\x0B\xCC\xDD", 4);
    span_is(p, v->data_at, "hex:0A,0b,Cc,dD,");
    /* Line and column of each problem, in order: a comma opening a continued
     * line, a byte too big, a blank after a comma on a continued line, two
     * commas. */
    static const uint32_t where[][2] = {{9, 3}, {10, 15}, {12, 9}, {13, 15}};
    findings_at(p, where, 4);
    parsed_free(p);
}

/* Plain bytes continued on the next line, after each kind of line end, read
 * as the continuation rules read them; a backslash at the end of the file
 * after such a continuation is the one reported. */
static void test_hex_plain_bytes_across_line_ends(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"a\"=hex:01,\\\r\n  02,03\r\n"
                                    "\"b\"=hex:04,\\\r\t05,06,\\\n07\n"
                                    "\"c\"=hex:08,\\\n  09, \n"
                                    "\"d\"=hex:0a,\\\n  0b,\\");
    const struct reg_value_stmt *v =
        value_is(p, 1, "a", REG_FORM_HEX, REG_TYPE_BINARY, "\1\2\3", 3);
    span_is(p, v->data_at, "hex:01,\\\r\n  02,03");
    value_is(p, 2, "b", REG_FORM_HEX, REG_TYPE_BINARY, "\4\5\6\7", 4);
    span_is(p, stmt_at(p, 2)->at, "\"b\"=hex:04,\\\r\t05,06,\\\n07");
    /* A blank after the last comma of a continued line; the backslash the
     * file ends after. */
    static const uint32_t where[][2] = {{9, 6}, {11, 6}};
    findings_at(p, where, 2);
    parsed_free(p);
}

static void test_value_deletions(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"x\"=-\n"
                                    "@=-\n"
                                    "\"y\" = - ; gone\n"
                                    "\"z\"=-\t\n");
    expect_clean(p);
    assert_int_equal(p->file->nstmts, 5);
    for (size_t i = 1; i < 5; i++)
        assert_int_equal(stmt_at(p, i)->kind, REG_STMT_VALUE_DELETE);
    value_name_is(p, 1, "x");
    span_is(p, stmt_at(p, 1)->at, "\"x\"=-");
    assert_true(stmt_at(p, 2)->as.value.is_at);
    value_name_is(p, 2, "");
    value_name_is(p, 3, "y");
    span_is(p, stmt_at(p, 3)->at, "\"y\" = -");
    value_name_is(p, 4, "z");
    parsed_free(p);
}

static void test_comments_and_blank_lines(void **state)
{
    (void)state;
    struct parsed *p = parse_text("REGEDIT4\n"
                                  "; semicolon\n"
                                  "# hash\n"
                                  "   ; indented\n"
                                  "\n"
                                  "\t\n"
                                  "[HKEY_CURRENT_USER\\K]\n"
                                  "; ends in a backslash \\\n"
                                  "\"v\"=\"x\"\n");
    expect_clean(p);
    assert_int_equal(p->file->nstmts, 6);
    assert_int_equal(stmt_at(p, 0)->kind, REG_STMT_COMMENT);
    span_is(p, stmt_at(p, 0)->at, "; semicolon");
    span_is(p, stmt_at(p, 1)->at, "# hash");
    span_is(p, stmt_at(p, 2)->at, "; indented");
    assert_int_equal(stmt_at(p, 3)->kind, REG_STMT_KEY);
    assert_int_equal(stmt_at(p, 4)->kind, REG_STMT_COMMENT);
    /* A comment ending in a backslash does not continue. */
    string_is(p, 5, "v", "x");
    parsed_free(p);
}

static void test_line_endings(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "REGEDIT4\n\n[HKEY_CURRENT_USER\\K]\n\"v\"=hex:01,\\\n  02\n",
        "REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\K]\r\n\"v\"=hex:01,\\\r\n  02\r\n",
        "REGEDIT4\r\r[HKEY_CURRENT_USER\\K]\r\"v\"=hex:01,\\\r  02\r",
        "REGEDIT4\n\n[HKEY_CURRENT_USER\\K]\n\"v\"=hex:01,\\\n  02",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        struct parsed *p = parse_text(texts[i]);
        expect_clean(p);
        assert_int_equal(p->file->nstmts, 2);
        value_is(p, 1, "v", REG_FORM_HEX, REG_TYPE_BINARY, "\1\2", 2);
        parsed_free(p);
    }
}

static void test_windows_31_lines(void **state)
{
    (void)state;
    struct parsed *p = parse_text("REGEDIT\n"
                                  "HKEY_CLASSES_ROOT\\a =  V\n"
                                  "HKEY_CLASSES_ROOT\\b = V \n"
                                  "HKEY_CLASSES_ROOT\\c\n");
    expect_clean(p);
    assert_int_equal(p->file->version, REG_VERSION_WIN31);
    assert_int_equal(p->file->nstmts, 6);
    key_is(p, 0, REG_STMT_KEY, REG_ROOT_HKCR, (const char *const[]){"a"}, 1);
    /* At most one space after '=' is skipped; the rest is the value. */
    assert_true(string_is(p, 1, "", " V")->is_at);
    string_is(p, 3, "", "V ");
    key_is(p, 4, REG_STMT_KEY, REG_ROOT_HKCR, (const char *const[]){"c"}, 1);
    string_is(p, 5, "", "");
    parsed_free(p);
}

static void test_unknown_escapes_keep_the_character(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"a\\qb\"=\"x\\ty\"\n");
    assert_int_equal(p->diags.n, 2);
    string_is(p, 1, "aqb", "xty");
    parsed_free(p);
}

/* ------------------------------------------------------------ problems */

/* The input for one problem: `before`, then `unit` repeated `times` times
 * (for inputs longer than a string literal may be), then `after`. */
struct problem_case {
    const char *before;
    const char *unit;
    unsigned times;
    const char *after;
    enum rule_id rule;
    enum severity severity;
    uint32_t line, col;
    const char *message;
    /* The data of the value the last statement sets: later lines are still
     * read. NULL means "ok" (the value LATER sets). */
    const char *stored;
};

#define ERR(r) RULE_##r, SEV_ERROR
#define WARN(r) RULE_##r, SEV_WARNING
#define QUOTE_L "\xE2\x80\x9C"
#define QUOTE_R "\xE2\x80\x9D"

static const struct problem_case problem_cases[PROB_COUNT] = {
    [PROB_HEADER_MISSING] = {LATER, NULL, 0, "", ERR(MISSING_HEADER), 1, 1,
        "no regedit header on the first line; regedit imports nothing from this file", NULL},
    [PROB_HEADER_INEXACT] = {"Windows Registry Editor Version 4.00\n" LATER, NULL, 0, "",
        ERR(INEXACT_HEADER), 1, 1,
        "header is not exact 'Windows Registry Editor Version 4.00'; regedit imports nothing "
        "from this file", NULL},
    [PROB_HEADER_TRAILING_BLANK] = {"REGEDIT4 \n" LATER, NULL, 0, "", ERR(INEXACT_HEADER), 1, 1,
        "blank after the header 'REGEDIT4 '; regedit compares the whole line and imports "
        "nothing from this file", NULL},
    [PROB_HEADER_WRONG_CASE] = {"regedit4\n" LATER, NULL, 0, "", ERR(INEXACT_HEADER), 1, 1,
        "header in the wrong case 'regedit4'; regedit compares it case-sensitively and imports "
        "nothing from this file", NULL},
    [PROB_HEADER_FUZZY] = {"REGEDIT3\n" LATER, NULL, 0, "", ERR(INEXACT_HEADER), 1, 1,
        "header starts with REGEDIT but is not 'REGEDIT4' 'REGEDIT3'; regedit accepts the file "
        "and imports nothing from it", NULL},
    [PROB_HEADER_IGNORABLE] = {"REGEDIT4\xAD\n" LATER, NULL, 0, "", WARN(INEXACT_HEADER), 1, 1,
        "invisible character in the header (U+00AD); regedit compares the header with Windows' "
        "string comparison, which passes over such characters: it may import the file as if the "
        "header were exact (Wine 8.0's does) or import nothing", NULL},
    [PROB_HEADER_UTF8_BOM] = {"\xEF\xBB\xBFREGEDIT4\n" LATER, NULL, 0, "", ERR(INEXACT_HEADER),
        1, 1,
        "UTF-8 byte order mark before the header '\xC3\xAF\xC2\xBB\xC2\xBFREGEDIT4'; regedit "
        "reads the mark as part of the header and imports nothing (per Wine; reports on Windows "
        "differ)", NULL},
    [PROB_KEY_BLANK_AFTER_BRACKET] = {K "[ HKEY_CURRENT_USER\\X]\n" LATER, NULL, 0, "",
        ERR(INVALID_KEY_PATH), 3, 1,
        "blank after '[' '[ HKEY_CURRENT_USER\\X]'; regedit ignores this key line and the values "
        "below it go to the previous key", NULL},
    [PROB_KEY_NO_CLOSING_BRACKET] = {K "[HKEY_CURRENT_USER\\X\n" LATER, NULL, 0, "",
        ERR(INVALID_KEY_PATH), 3, 1,
        "key line without ']' '[HKEY_CURRENT_USER\\X'; regedit ignores it and the values below "
        "it go to the previous key", NULL},
    [PROB_KEY_UNKNOWN_ROOT] = {K "[HKEY_CURRENT_USERS\\X]\n" LATER, NULL, 0, "",
        ERR(INVALID_KEY_PATH), 3, 2,
        "unknown root key 'HKEY_CURRENT_USERS\\X'; regedit cannot open this key and drops the "
        "values below it", NULL},
    [PROB_KEY_ABBREVIATED_ROOT] = {K "[HKCU\\X]\n" LATER, NULL, 0, "", ERR(INVALID_KEY_PATH),
        3, 2,
        "abbreviated root key 'HKCU\\X'; regedit accepts only full root names and drops this key "
        "and its values", NULL},
    [PROB_KEY_EMPTY] = {K "[]\n" LATER, NULL, 0, "", ERR(INVALID_KEY_PATH), 3, 2,
        "empty key name; regedit cannot open it and drops the values below it", NULL},
    [PROB_KEY_EMPTY_SEGMENT] = {K "[HKEY_CURRENT_USER\\A\\\\B]\n" LATER, NULL, 0, "",
        WARN(INVALID_KEY_PATH), 3, 2,
        "empty segment in the key path 'HKEY_CURRENT_USER\\A\\\\B'; regedit (per Wine) skips "
        "it; Windows may refuse the key", NULL},
    [PROB_KEY_LEADING_BACKSLASH] = {K "[HKEY_CURRENT_USER\\\\A]\n" LATER, NULL, 0, "",
        ERR(INVALID_KEY_PATH), 3, 2,
        "empty first segment in the key path 'HKEY_CURRENT_USER\\\\A'; the path below the root "
        "starts with a backslash, so regedit cannot open this key and drops the values below it",
        NULL},
    [PROB_KEY_SEGMENT_TOO_LONG] = {K "[HKEY_CURRENT_USER\\", "a", 256, "]\n" LATER,
        ERR(INVALID_KEY_PATH), 3, 2,
        "key name longer than 255 characters 'HKEY_CURRENT_USER\\aaaaaaaaaaaaaaaaaaaaaa...'; "
        "Windows refuses the key and regedit drops its values", NULL},
    [PROB_KEY_TOO_DEEP] = {K "[HKEY_CURRENT_USER", "\\a", 513, "]\n" LATER,
        ERR(INVALID_KEY_PATH), 3, 2,
        "key path deeper than 512 levels 'HKEY_CURRENT_USER\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\...'; "
        "Windows refuses the key and regedit drops its values", NULL},
    [PROB_KEY_DELETE_IGNORED] = {K "[- HKEY_CURRENT_USER\\X]\n" LATER, NULL, 0, "",
        ERR(INVALID_KEY_PATH), 3, 1,
        "'[-' not followed by a root key name '[- HKEY_CURRENT_USER\\X]'; regedit deletes "
        "nothing here", NULL},
    [PROB_KEY_DELETE_LEADING_BACKSLASH] = {K "[-HKEY_CURRENT_USER\\\\A]\n" LATER, NULL, 0, "",
        ERR(INVALID_KEY_PATH), 3, 3,
        "empty first segment in the path of a deletion 'HKEY_CURRENT_USER\\\\A'; the path below "
        "the root starts with a backslash, so regedit deletes nothing here", NULL},
    [PROB_KEY_DELETE_ROOT] = {K "[-HKEY_CURRENT_USER]\n" LATER, NULL, 0, "",
        ERR(INVALID_KEY_PATH), 3, 1,
        "deletion of a root key '[-HKEY_CURRENT_USER]'; regedit stops importing at this line, "
        "so nothing below it is imported (per Wine)", NULL},
    [PROB_KEY_DELETE_BAD_ROOT] = {K "[-HKEY_NOWHERE\\X]\n" LATER, NULL, 0, "",
        ERR(INVALID_KEY_PATH), 3, 1,
        "deletion under an unknown root key '[-HKEY_NOWHERE\\X]'; regedit stops importing at "
        "this line, so nothing below it is imported (per Wine)", NULL},
    [PROB_TEXT_AFTER_KEY] = {K "[HKEY_CURRENT_USER\\X] junk\n" LATER, NULL, 0, "",
        ERR(TEXT_AFTER_KEY), 3, 23, "text after ']' 'junk'; regedit ignores it", NULL},
    [PROB_NAME_UNTERMINATED] = {K "\"abc=1\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 1,
        "value name without a closing quote '\"abc=1'; regedit skips this line", NULL},
    [PROB_NAME_NUL_ESCAPE] = {K "\"a\\0b\"=\"x\"\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE),
        3, 1, "'\\0' escape in a value name '\"a\\0b\"=\"x\"'; regedit skips this line", NULL},
    [PROB_NAME_TOO_LONG] = {K "\"", "n", 16384, "\"=\"x\"\n" LATER, ERR(INVALID_VALUE_LINE), 3,
        1,
        "value name longer than 16383 characters "
        "'\"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...'; Windows refuses the value", NULL},
    [PROB_NO_EQUALS] = {K "\"a\" \"x\"\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 5,
        "missing '=' after the value name '\"x\"'; regedit skips this line", NULL},
    [PROB_NO_DATA] = {K "\"a\"=\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 5,
        "no data after '='; regedit skips this line", NULL},
    [PROB_STRING_UNTERMINATED] = {K "\"a\"=\"abc\n" LATER, NULL, 0, "",
        ERR(INVALID_VALUE_LINE), 3, 5,
        "string without a closing quote '\"abc'; regedit skips this line", NULL},
    [PROB_STRING_NUL_ESCAPE] = {K "\"a\"=\"x\\0y\"\n" LATER, NULL, 0, "",
        ERR(INVALID_VALUE_LINE), 3, 5, "'\\0' escape in a string '\"x\\0y\"'; regedit skips this line",
        NULL},
    [PROB_TEXT_AFTER_STRING] = {K "\"a\"=\"x\" y\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE),
        3, 9, "text after the closing quote 'y'; regedit skips this line", NULL},
    [PROB_TEXT_AFTER_DELETE] = {K "\"a\"=- x\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3,
        7, "text after '=-' 'x'; regedit deletes nothing and skips this line", NULL},
    [PROB_TYPE_UNKNOWN] = {K "\"a\"=#x\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 5,
        "unknown data type '#x'; regedit skips this line", NULL},
    [PROB_TYPE_WRONG_CASE] = {K "\"a\"=DWORD:1\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3,
        5, "data type in the wrong case 'DWORD:1'; regedit skips this line", NULL},
    [PROB_TYPE_QWORD] = {K "\"a\"=qword:1\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 5,
        "qword: is not .reg syntax 'qword:1'; regedit skips this line", NULL},
    [PROB_TYPE_STR] = {K "\"a\"=str:\"x\"\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 5,
        "str: is Wine's registry syntax, not regedit's 'str:\"x\"'; regedit skips this line",
        NULL},
    [PROB_TYPE_TYPOGRAPHIC_QUOTE] = {K "\"a\"=\x93" "x\x94\n" LATER, NULL, 0, "",
        ERR(INVALID_VALUE_LINE), 3, 5,
        "typographic quote instead of '\"' '" QUOTE_L "x" QUOTE_R "'; regedit skips this line",
        NULL},
    [PROB_TYPE_BARE] = {K "\"a\"=1\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 5,
        "data without quotes or a type '1'; regedit skips this line", NULL},
    [PROB_TYPE_HEX_MALFORMED] = {K "\"a\"=hex(0x2):01\n" LATER, NULL, 0, "",
        ERR(INVALID_VALUE_LINE), 3, 5, "malformed hex(N): type 'hex(0x2):01'; regedit skips this line",
        NULL},
    [PROB_DWORD_EMPTY] = {K "\"a\"=dword:\n" LATER, NULL, 0, "", ERR(INVALID_DWORD), 3, 11,
        "dword: without digits; regedit skips this line", NULL},
    [PROB_DWORD_TOO_LONG] = {K "\"a\"=dword:000000001\n" LATER, NULL, 0, "", ERR(INVALID_DWORD),
        3, 11, "more than 8 hex digits after dword: '000000001'; regedit skips this line", NULL},
    [PROB_DWORD_0X] = {K "\"a\"=dword:0x1\n" LATER, NULL, 0, "", ERR(INVALID_DWORD), 3, 11,
        "0x prefix after dword: '0x1'; regedit skips this line", NULL},
    [PROB_DWORD_JUNK] = {K "\"a\"=dword:12 34\n" LATER, NULL, 0, "", ERR(INVALID_DWORD), 3, 11,
        "text after the dword digits '12 34'; regedit skips this line", NULL},
    [PROB_DWORD_COMMENT_ONLY] = {K "\"a\"=dword:;c\n" LATER, NULL, 0, "", WARN(INVALID_DWORD), 3,
        5, "dword: followed only by a comment 'dword:'; regedit (per Wine) stores 0", NULL},
    [PROB_HEX_BYTE_TOO_BIG] = {K "\"a\"=hex:1a4\n" LATER, NULL, 0, "", ERR(INVALID_HEX_DATA), 3,
        9, "hex byte greater than ff '1a4'; regedit skips this value", NULL},
    [PROB_HEX_BLANK_BEFORE_COMMA] = {K "\"a\"=hex:aa ,bb\n" LATER, NULL, 0, "",
        ERR(INVALID_HEX_DATA), 3, 12, "blank before ',' ',bb'; regedit skips this value", NULL},
    [PROB_HEX_DOUBLE_COMMA] = {K "\"a\"=hex:01,,02\n" LATER, NULL, 0, "", ERR(INVALID_HEX_DATA),
        3, 12, "two commas in a row ',02'; regedit skips this value", NULL},
    [PROB_HEX_LEADING_COMMA] = {K "\"a\"=hex:,01\n" LATER, NULL, 0, "", ERR(INVALID_HEX_DATA), 3,
        9, "',' before the first byte ',01'; regedit skips this value", NULL},
    [PROB_HEX_BAD_CHAR] = {K "\"a\"=hex:01,zz\n" LATER, NULL, 0, "", ERR(INVALID_HEX_DATA), 3,
        12, "not a comma-separated hex byte 'zz'; regedit skips this value", NULL},
    [PROB_HEX_BACKSLASH_AFTER_BYTE] = {K "\"a\"=hex:01,20\\\n" LATER, NULL, 0, "",
        ERR(INVALID_HEX_DATA), 3, 14,
        "continuation backslash without a comma before it '\\'; regedit skips this value", NULL},
    [PROB_HEX_TEXT_AFTER_BACKSLASH] = {K "\"a\"=hex:01,\\ x\n" LATER, NULL, 0, "",
        ERR(INVALID_HEX_DATA), 3, 14,
        "text after the continuation backslash 'x'; regedit skips this value", NULL},
    [PROB_HEX_BLANK_AFTER_COMMA] = {K "\"a\"=hex:01,\\\n  02, \n" LATER, NULL, 0, "",
        ERR(INVALID_HEX_DATA), 4, 6,
        "blank after the last comma of a continuation line ' '; regedit skips this value", NULL},
    [PROB_HEX_STRING_EMPTY] = {K "\"a\"=hex(2): ;x\n" LATER, NULL, 0, "", ERR(UNDEFINED_STRING_DATA),
        3, 5,
        "string data with no bytes before a comment or continuation 'hex(2):'; regedit then looks "
        "for a terminating NUL before the start of its buffer: Wine's crashes there, ending the "
        "import, and what Windows' does is undefined", NULL},
    [PROB_HEX_STRING_ONE_BYTE] = {K5 "\"a\"=hex(1):41\n" LATER, NULL, 0, "",
        ERR(UNDEFINED_STRING_DATA), 3, 5,
        "one byte of string data in a UTF-16 file 'hex(1):41'; regedit reads it as characters of "
        "two bytes and looks for a terminating NUL before the start of its buffer: Wine's crashes "
        "there, ending the import, and what Windows' does is undefined", NULL},
    [PROB_HEX_STRING_ODD] = {K5 "\"a\"=hex(7):41,00,42\n" LATER, NULL, 0, "",
        ERR(UNDEFINED_STRING_DATA), 3, 5,
        "odd number of bytes of string data in a UTF-16 file 'hex(7):41,00,42'; regedit (per Wine) "
        "writes a NUL character over the last byte and stores one byte from past the end of its "
        "buffer, so the value's last byte is undefined", NULL},
    [PROB_CONTINUATION_BROKEN] = {K "\"a\"=hex:01,\\\n\"b\"=\"x\"\n" LATER, NULL, 0, "",
        ERR(UNTERMINATED_CONTINUATION), 4, 1,
        "this line does not continue the hex data above '\"b\"=\"x\"'; regedit drops the value, "
        "and this line with it", NULL},
    [PROB_CONTINUATION_AT_EOF] = {K "\"a\"=hex:01,\\\n", NULL, 0, "",
        WARN(UNTERMINATED_CONTINUATION), 3, 12,
        "the file ends after a continuation backslash '\\'; regedit stores the bytes read so far",
        "\x01"},
    [PROB_STRAY_LINE] = {K "junk\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 1,
        "not a key, a value or a comment 'junk'; regedit ignores this line", NULL},
    [PROB_STRAY_HEADER] = {K "REGEDIT4\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 1,
        "header below the first line 'REGEDIT4'; regedit reads only the first line as the header",
        NULL},
    [PROB_STRAY_KEY_WITHOUT_BRACKETS] = {K "HKEY_CURRENT_USER\\X\n" LATER, NULL, 0, "",
        ERR(INVALID_VALUE_LINE), 3, 1,
        "key path without brackets 'HKEY_CURRENT_USER\\X'; regedit ignores this line", NULL},
    [PROB_STRAY_QUOTED_LINE] = {K "\x93x\x94=\"y\"\n" LATER, NULL, 0, "",
        ERR(INVALID_VALUE_LINE), 3, 1,
        "typographic quotes '" QUOTE_L "x" QUOTE_R "=\"y\"'; regedit ignores this line", NULL},
    [PROB_STRAY_UNQUOTED_NAME] = {K "x=1\n" LATER, NULL, 0, "", ERR(INVALID_VALUE_LINE), 3, 1,
        "value name without quotes 'x=1'; regedit ignores this line", NULL},
    [PROB_STRAY_WIN31_LINE] = {"REGEDIT\nfoo\nHKEY_CLASSES_ROOT\\Later ok\n", NULL, 0, "",
        ERR(INVALID_VALUE_LINE), 2, 1,
        "line that does not start with HKEY_CLASSES_ROOT in a REGEDIT (Windows 3.1) file 'foo'; "
        "regedit ignores it", NULL},
    [PROB_VALUE_OUTSIDE_KEY] = {"REGEDIT4\n\"v\"=\"x\"\n" LATER, NULL, 0, "",
        ERR(VALUE_OUTSIDE_KEY), 2, 1, "value with no open key '\"v\"=\"x\"'; regedit drops it", NULL},
    [PROB_ESCAPE_UNKNOWN] = {K "\"a\"=\"x\\qy\"\n" LATER, NULL, 0, "", WARN(ESCAPE_SEQUENCE), 3, 7,
        "unknown escape '\\q'; regedit keeps only the character after the backslash", NULL},
    [PROB_ESCAPE_WINE_ONLY] = {K "\"a\"=\"x\\ny\"\n" LATER, NULL, 0, "", WARN(ESCAPE_SEQUENCE), 3,
        7,
        "escape for a line break '\\n'; Wine's regedit stores CR or LF; Windows' handling is not "
        "documented", NULL},
};

/* The problems only a UTF-16 file has: their cases are read as one. */
static bool read_as_utf16(const struct problem_case *c)
{
    return c == &problem_cases[PROB_HEX_STRING_ONE_BYTE] || c == &problem_cases[PROB_HEX_STRING_ODD];
}

static struct parsed *parse_case(const struct problem_case *c)
{
    struct buf text = BUF_INIT;
    buf_puts(&text, c->before);
    for (unsigned i = 0; i < c->times; i++)
        buf_puts(&text, c->unit);
    buf_puts(&text, c->after);
    struct parsed *p = read_as_utf16(c) ? parse_utf16(text.data) : parse_bytes(text.data, text.len);
    buf_free(&text);
    return p;
}

/* Whether the problem's case gives exactly its finding and reading goes on;
 * prints what differs. */
static bool problem_reported(enum reg_problem problem)
{
    const struct problem_case *c = &problem_cases[problem];
    struct parsed *p = parse_case(c);
    bool ok = p->diags.n == 1;
    if (ok) {
        const struct diag *d = p->diags.items[0];
        uint32_t line, col;
        source_position(d->src, d->at.start, &line, &col);
        ok = d->rule == c->rule && strcmp(d->code, rule_info(c->rule)->id) == 0 &&
             d->severity == c->severity && line == c->line && col == c->col &&
             strcmp(d->message, c->message) == 0 && reg_problem_rule(problem) == c->rule;
    }
    if (!ok) {
        fprintf(stderr, "problem %d: expected only %u:%u: %s: %s [%s], got:\n", (int)problem,
                (unsigned)c->line, (unsigned)c->col, severity_name(c->severity), c->message,
                rule_info(c->rule)->id);
        print_diags(p);
    }
    /* Reading went on: the last line still set its value under a key. */
    size_t n = p->file->nstmts;
    const char *stored = c->stored ? c->stored : "ok";
    const struct reg_stmt *last = n >= 2 ? &p->file->stmts[n - 1] : NULL;
    const struct reg_stmt *key = n >= 2 ? &p->file->stmts[n - 2] : NULL;
    if (!last || last->kind != REG_STMT_VALUE || last->as.value.len != strlen(stored) ||
        !value_bytes_equal(p->file, &last->as.value, stored) || key->kind != REG_STMT_KEY ||
        !key->as.key.usable) {
        fprintf(stderr, "problem %d: the lines after it were not read\n", (int)problem);
        ok = false;
    }
    parsed_free(p);
    return ok;
}

static void test_every_problem_has_a_case(void **state)
{
    (void)state;
    for (int problem = 0; problem < PROB_COUNT; problem++) {
        if (!problem_cases[problem].before) {
            fprintf(stderr, "problem %d has no test case in problem_cases\n", problem);
            fail();
        }
    }
}

static void test_each_problem(void **state)
{
    (void)state;
    int failures = 0;
    for (int problem = 0; problem < PROB_COUNT; problem++)
        if (problem_cases[problem].before && !problem_reported((enum reg_problem)problem))
            failures++;
    assert_int_equal(failures, 0);
}

/* What each problem does to the tree, where it matters. */
static void test_skipped_lines_become_skipped_statements(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"a\"=dword:0x1\n\"b\"=hex:01,\\\n\"c\"=\"x\"\n\"d\"=\"y\"\n");
    assert_int_equal(p->file->nstmts, 4);
    assert_int_equal(stmt_at(p, 1)->kind, REG_STMT_SKIPPED);
    span_is(p, stmt_at(p, 1)->at, "\"a\"=dword:0x1");
    /* A broken continuation swallows the line that broke it. */
    assert_int_equal(stmt_at(p, 2)->kind, REG_STMT_SKIPPED);
    span_is(p, stmt_at(p, 2)->at, "\"b\"=hex:01,\\\n\"c\"=\"x\"");
    string_is(p, 3, "d", "y");
    parsed_free(p);
}

static void test_bad_key_lines_and_the_open_key(void **state)
{
    (void)state;
    /* A blank after '[' or a missing ']' leaves the previous key open; a key
     * regedit cannot open closes it. */
    struct parsed *p = parse_text(K "[ HKEY_CURRENT_USER\\X]\n\"a\"=\"1\"\n"
                                    "[HKEY_CURRENT_USER\\Y\n\"b\"=\"2\"\n"
                                    "[HKCU\\Z]\n\"c\"=\"3\"\n");
    assert_int_equal(p->diags.n, 4);
    expect_diag(p, 4, 3, RULE_VALUE_OUTSIDE_KEY, 8, 1, "value with no open key");
    const struct reg_key_stmt *bad = &stmt_at(p, 5)->as.key;
    assert_int_equal(stmt_at(p, 5)->kind, REG_STMT_KEY);
    assert_false(bad->resolved);
    assert_false(bad->usable);
    parsed_free(p);
}

static void test_root_deletions_abort(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "[-HKEY_CURRENT_USER]\n[-HKEY_NOWHERE\\X]\n[- HKEY_CURRENT_USER\\K]\n");
    assert_int_equal(p->diags.n, 3);
    const struct reg_key_stmt *root = &stmt_at(p, 1)->as.key;
    assert_true(root->aborts);
    assert_true(root->resolved);
    assert_false(root->usable);
    const struct reg_key_stmt *bad = &stmt_at(p, 2)->as.key;
    assert_true(bad->aborts);
    assert_false(bad->resolved);
    const struct reg_key_stmt *ignored = &stmt_at(p, 3)->as.key;
    assert_false(ignored->aborts);
    assert_false(ignored->usable);
    parsed_free(p);
}

static void test_abbreviated_root_names_the_full_one(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "[HKLM\\X]\n");
    expect_diag(p, 1, 0, RULE_INVALID_KEY_PATH, 3, 2, "abbreviated root key");
    const struct diag *d = p->diags.items[0];
    assert_int_equal(d->nhelp, 1);
    assert_string_equal(d->help[0], "write HKEY_LOCAL_MACHINE");
    parsed_free(p);
}

static void test_text_after_key_help_depends_on_the_text(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "[HKEY_CURRENT_USER\\X] \"a\"=\"b\"\n[HKEY_CURRENT_USER\\Y] # x\n");
    assert_int_equal(p->diags.n, 2);
    assert_string_equal(p->diags.items[0]->help[0],
                        "put each value on its own line below the key line");
    assert_string_equal(p->diags.items[1]->help[0], "start a comment with ';'");
    /* Both keys are still opened. */
    key_is(p, 1, REG_STMT_KEY, REG_ROOT_HKCU, (const char *const[]){"X"}, 1);
    key_is(p, 2, REG_STMT_KEY, REG_ROOT_HKCU, (const char *const[]){"Y"}, 1);
    parsed_free(p);
}

static void test_continuation_at_end_after_a_byte_drops_the_value(void **state)
{
    (void)state;
    /* EOF after "20\" (no comma) drops the value; after ",\" it is kept. */
    struct parsed *p = parse_text(K "\"a\"=hex:01,20\\");
    expect_diag(p, 1, 0, RULE_INVALID_HEX_DATA, 3, 14, "continuation backslash without a comma");
    assert_int_equal(stmt_at(p, 1)->kind, REG_STMT_SKIPPED);
    parsed_free(p);
    p = parse_text(K "\"a\"=hex:01,\\\n\n; only a comment\n");
    expect_diag(p, 1, 0, RULE_UNTERMINATED_CONTINUATION, 3, 12, "the file ends");
    value_is(p, 1, "a", REG_FORM_HEX, REG_TYPE_BINARY, "\1", 1);
    parsed_free(p);
}

static void test_header_problems_on_other_lines(void **state)
{
    (void)state;
    /* An empty first line is a missing header; the header after it is stray. */
    struct parsed *p = parse_text("\nREGEDIT4\n" LATER);
    expect_diag(p, 2, 0, RULE_MISSING_HEADER, 1, 1, "no regedit header");
    expect_diag(p, 2, 1, RULE_INVALID_VALUE_LINE, 2, 1, "header below the first line");
    assert_int_equal(p->file->version, REG_VERSION_INVALID);
    parsed_free(p);
    p = parse_text("Windows Registry Editor Version 5.00 \n" LATER);
    expect_diag(p, 1, 0, RULE_INEXACT_HEADER, 1, 1, "blank after the header");
    parsed_free(p);
    p = parse_text("WINDOWS REGISTRY EDITOR VERSION 5.00\n" LATER);
    expect_diag(p, 1, 0, RULE_INEXACT_HEADER, 1, 1, "header in the wrong case");
    parsed_free(p);
}

/* ------------------------------------------------------------ encodings */

static void test_utf16_without_bom_is_reported(void **state)
{
    (void)state;
    const char text[] = "R\0E\0G\0E\0D\0I\0T\0" "4\0\n\0";
    struct parsed *p = parse_bytes(text, sizeof text - 1);
    assert_true(p->diags.n >= 1);
    const struct diag *d = p->diags.items[0];
    assert_int_equal(d->rule, RULE_ENCODING_MISMATCH);
    assert_int_equal(d->severity, SEV_ERROR);
    assert_string_equal(d->message, "the file looks like UTF-16LE without a byte order mark; "
                                    "regedit reads it as ANSI and imports nothing");
    parsed_free(p);
}

static void test_nul_character_is_reported(void **state)
{
    (void)state;
    const char text[] = K "\"a\"=\"x\"\0junk\n\"b\"=\"y\"\n";
    struct parsed *p = parse_bytes(text, sizeof text - 1);
    expect_diag(p, 1, 0, RULE_ENCODING_MISMATCH, 3, 8,
                "NUL character (1 in the file); regedit's reader (per Wine) takes it for the end "
                "of the file: the rest of this line and every line after it are not imported");
    assert_int_equal(p->diags.items[0]->severity, SEV_WARNING);
    /* The line ends at the NUL and the lines after it are read, but regedit
     * reads nothing from the NUL on. */
    string_is(p, 1, "a", "x");
    string_is(p, 2, "b", "y");
    assert_int_equal(p->file->read_end, sizeof K - 1 + 7);
    parsed_free(p);

    /* regedit reads 4095 bytes after the first two, then as many as fit in
     * its buffer of 4096 with the unfinished line: a NUL in the first block
     * loses the rest of that block only, up to byte 4097 of the file. */
    struct buf big = BUF_INIT;
    buf_puts(&big, K "\"a\"=\"x\"");
    buf_putc(&big, '\0');
    while (big.len < 5000)
        buf_puts(&big, "\n\"filler\"=\"0123456789\"");
    buf_puts(&big, "\n");
    p = parse_bytes(big.data, big.len);
    uint32_t line, col;
    source_position(p->src, 4097, &line, &col);
    char want[256];
    snprintf(want, sizeof want, "up to line %u, column %u are lost", (unsigned)line, (unsigned)col);
    expect_diag(p, 1, 0, RULE_ENCODING_MISMATCH, 3, 8, want);
    assert_int_equal(p->file->read_end, UINT32_MAX);
    parsed_free(p);
    buf_free(&big);
}

static void test_nul_inside_hex_data_ends_its_line(void **state)
{
    (void)state;
    /* A NUL on a continuation line ends that line; the data goes on below,
     * and the bytes read again from the text are the bytes counted. */
    const char text[] = K "\"a\"=hex:01,\\\n\0" "02,\\\n  03,\0" "04\n\"b\"=\"y\"\n";
    struct parsed *p = parse_bytes(text, sizeof text - 1);
    value_is(p, 1, "a", REG_FORM_HEX, REG_TYPE_BINARY, "\1\3", 2);
    string_is(p, 2, "b", "y");
    parsed_free(p);
}

static void test_broken_utf16_is_reported(void **state)
{
    (void)state;
    /* A comment with a lone high surrogate, then an odd final byte. */
    struct buf b = BUF_INIT;
    buf_append(&b, "\xFF\xFE", 2);
    put_utf16(&b, "Windows Registry Editor Version 5.00\r\n;");
    buf_append(&b, "\x00\xD8", 2);
    put_utf16(&b, "\r\n");
    buf_putc(&b, 'x');
    struct parsed *p = parse_bytes(b.data, b.len);
    buf_free(&b);
    expect_diag(p, 2, 0, RULE_ENCODING_MISMATCH, 2, 2,
                "unpaired UTF-16 surrogate (1 in the file); the text is not valid UTF-16");
    expect_diag(p, 2, 1, RULE_ENCODING_MISMATCH, 2, 5,
                "the UTF-16 file has an odd number of bytes; regedit ignores the last byte");
    assert_int_equal(stmt_at(p, 0)->kind, REG_STMT_COMMENT);
    parsed_free(p);
}

static void test_utf8_without_bom_is_reported(void **state)
{
    (void)state;
    struct parsed *p = parse_text(K "\"a\"=\"\xC3\xA9\"\n");
    expect_diag(p, 1, 0, RULE_ENCODING_MISMATCH, 1, 1, "the file is UTF-8 without a byte order mark");
    /* The value is read as Windows-1252, as regedit reads it. */
    string_is(p, 1, "a", "\xC3\x83\xC2\xA9");
    parsed_free(p);
}

static void test_regedit4_in_utf16_is_reported(void **state)
{
    (void)state;
    struct parsed *p = parse_utf16("REGEDIT4\r\n[HKEY_CURRENT_USER\\K]\r\n");
    expect_diag(p, 1, 0, RULE_ENCODING_MISMATCH, 1, 1, "REGEDIT4 header in a UTF-16 file");
    assert_int_equal(p->file->version, REG_VERSION_4);
    parsed_free(p);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_versions),
        cmocka_unit_test(test_header_with_invisible_characters),
        cmocka_unit_test(test_header_is_read_by_bom_not_by_text),
        cmocka_unit_test(test_key_lines),
        cmocka_unit_test(test_key_deletions),
        cmocka_unit_test(test_path_string),
        cmocka_unit_test(test_value_names),
        cmocka_unit_test(test_string_data),
        cmocka_unit_test(test_dword_data),
        cmocka_unit_test(test_hex_data),
        cmocka_unit_test(test_hex_in_utf16_file_is_kept_as_listed),
        cmocka_unit_test(test_hex_continuations),
        cmocka_unit_test(test_hex_plain_bytes_then_other_forms),
        cmocka_unit_test(test_hex_plain_bytes_across_line_ends),
        cmocka_unit_test(test_value_deletions),
        cmocka_unit_test(test_comments_and_blank_lines),
        cmocka_unit_test(test_line_endings),
        cmocka_unit_test(test_windows_31_lines),
        cmocka_unit_test(test_unknown_escapes_keep_the_character),
        cmocka_unit_test(test_every_problem_has_a_case),
        cmocka_unit_test(test_each_problem),
        cmocka_unit_test(test_skipped_lines_become_skipped_statements),
        cmocka_unit_test(test_bad_key_lines_and_the_open_key),
        cmocka_unit_test(test_root_deletions_abort),
        cmocka_unit_test(test_abbreviated_root_names_the_full_one),
        cmocka_unit_test(test_text_after_key_help_depends_on_the_text),
        cmocka_unit_test(test_continuation_at_end_after_a_byte_drops_the_value),
        cmocka_unit_test(test_header_problems_on_other_lines),
        cmocka_unit_test(test_utf16_without_bom_is_reported),
        cmocka_unit_test(test_nul_character_is_reported),
        cmocka_unit_test(test_nul_inside_hex_data_ends_its_line),
        cmocka_unit_test(test_broken_utf16_is_reported),
        cmocka_unit_test(test_utf8_without_bom_is_reported),
        cmocka_unit_test(test_regedit4_in_utf16_is_reported),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
