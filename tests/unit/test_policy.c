/* Unit tests for the policy readers (policy.c, policy_pol.c, policy_text.c,
 * policy_gpp.c, policy_gpo.c): PReg records and their limits, detection,
 * the rendering and where findings land, LGPO and template numbers, the
 * XML reader's limits, and a PReg file loaded from disk in pieces. */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include <unistd.h>

#include "model.h"
#include "policy.h"

/* A PReg record, appended to `b`. */
static void add_record(struct buf *b, const char *key, const char *name, uint32_t type,
                       const void *data, uint32_t size)
{
    buf_append(b, "[\0", 2);
    text_to_utf16le(key, strlen(key), b);
    buf_append(b, "\0\0;\0", 4);
    text_to_utf16le(name, strlen(name), b);
    buf_append(b, "\0\0;\0", 4);
    for (int i = 0; i < 4; i++)
        buf_putc(b, (char)(type >> (8 * i)));
    buf_append(b, ";\0", 2);
    for (int i = 0; i < 4; i++)
        buf_putc(b, (char)(size >> (8 * i)));
    buf_append(b, ";\0", 2);
    buf_append(b, data, size);
    buf_append(b, "]\0", 2);
}

static void header(struct buf *b)
{
    buf_append(b, "PReg\1\0\0\0", 8);
}

static void test_parse_reads_records_and_names(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    header(&b);
    uint32_t one = 1;
    add_record(&b, "Software\\Policies\\T", "Value", REG_TYPE_DWORD, &one, 4);
    /* A non-ASCII name goes through the UTF-16 decoder, not the ASCII path. */
    add_record(&b, "Software\\Caf\xC3\xA9", "", 0, "", 0);
    struct arena *a = arena_new();
    struct pol_file f;
    assert_true(pol_parse((const unsigned char *)b.data, b.len, a, &f));
    assert_int_equal(f.n, 2);
    assert_string_equal(f.records[0].key, "Software\\Policies\\T");
    assert_string_equal(f.records[0].name, "Value");
    assert_int_equal(f.records[0].type, REG_TYPE_DWORD);
    assert_int_equal(f.records[0].size, 4);
    assert_int_equal(f.records[0].offset, 8);
    assert_string_equal(f.records[1].key, "Software\\Caf\xC3\xA9");
    assert_int_equal(f.records[1].offset, 8 + f.records[0].length);
    assert_int_equal(f.records[1].offset + f.records[1].length, b.len);
    pol_file_free(&f);
    arena_free(a);
    buf_free(&b);
}

/* Cutting a valid file anywhere inside its record stops reading at that
 * record, keeping the one before, and never reads past the end. */
/* A record's key is given the string of the key before it only when their
 * bytes match through the NUL: a longer key that starts alike, or one that
 * differs in a character beyond ASCII, is read for itself. */
static void test_parse_shares_only_equal_keys(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    header(&b);
    add_record(&b, "Software\\Caf\xC3\xA9", "A", 0, "", 0);
    add_record(&b, "Software\\Caf\xC3\xA9", "B", 0, "", 0);
    add_record(&b, "Software\\Caf\xC3\xA9s", "C", 0, "", 0);
    add_record(&b, "Software\\Caf\xC3\xA8", "D", 0, "", 0);
    add_record(&b, "Software\\Caf", "E", 0, "", 0);
    struct arena *a = arena_new();
    struct pol_file f;
    assert_true(pol_parse((const unsigned char *)b.data, b.len, a, &f));
    assert_int_equal(f.n, 5);
    assert_ptr_equal(f.records[1].key, f.records[0].key);
    assert_string_equal(f.records[1].key, "Software\\Caf\xC3\xA9");
    assert_string_equal(f.records[2].key, "Software\\Caf\xC3\xA9s");
    assert_string_equal(f.records[3].key, "Software\\Caf\xC3\xA8");
    assert_string_equal(f.records[4].key, "Software\\Caf");
    assert_string_equal(f.records[4].name, "E");
    pol_file_free(&f);
    arena_free(a);
    buf_free(&b);
}

/* Batches read what one pass reads: the same records, numbered on from the
 * batch before, a key shared across the boundary, the stop in the last. */
static void test_parse_in_batches(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    header(&b);
    uint32_t one = 1;
    for (int i = 0; i < 5; i++)
        add_record(&b, "Software\\Caf\xC3\xA9", i == 2 ? "Two" : "Other", REG_TYPE_DWORD, &one, 4);
    size_t whole = b.len;
    add_record(&b, "Software\\T", "Cut", REG_TYPE_DWORD, &one, 4);
    b.len -= 3;
    struct arena *a = arena_new();
    struct pol_file f = {0};
    size_t firsts[4], sizes[4], batches = 0;
    const char *key = NULL;
    while (pol_parse_next((const unsigned char *)b.data, b.len, a, &f, 2)) {
        assert_true(batches < 4);
        firsts[batches] = f.first;
        sizes[batches++] = f.n;
        if (f.first <= 2 && f.first + f.n > 2)
            assert_string_equal(f.records[2 - f.first].name, "Two");
        if (key)
            assert_ptr_equal(f.records[0].key, key);
        key = f.records[f.n - 1].key;
    }
    assert_int_equal(batches, 3);
    assert_int_equal(firsts[0], 0);
    assert_int_equal(firsts[1], 2);
    assert_int_equal(firsts[2], 4);
    assert_int_equal(sizes[2], 1);
    assert_int_equal(f.first, 5);
    assert_non_null(f.error);
    assert_int_equal(f.error_record, 6);
    assert_true(f.error_offset > whole);
    assert_false(pol_parse_next((const unsigned char *)b.data, b.len, a, &f, 2));
    pol_file_free(&f);
    arena_free(a);
    buf_free(&b);
}

static void test_parse_stops_at_every_cut(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    header(&b);
    uint32_t one = 1;
    add_record(&b, "K", "A", REG_TYPE_DWORD, &one, 4);
    size_t first_end = b.len;
    add_record(&b, "K", "B", REG_TYPE_SZ, "x\0\0", 4);
    for (size_t cut = first_end + 1; cut < b.len; cut++) {
        unsigned char *copy = malloc(cut);
        assert_non_null(copy);
        memcpy(copy, b.data, cut);
        struct arena *a = arena_new();
        struct pol_file f;
        assert_false(pol_parse(copy, cut, a, &f));
        assert_int_equal(f.n, 1);
        assert_int_equal(f.error_record, 2);
        assert_true(f.error_offset >= first_end && f.error_offset <= cut);
        pol_file_free(&f);
        arena_free(a);
        free(copy);
    }
    buf_free(&b);
}

static void test_parse_refuses_signature_and_version(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct pol_file f;
    assert_false(pol_parse((const unsigned char *)"PRe", 3, a, &f));
    assert_int_equal(f.error_record, 0);
    assert_false(pol_parse((const unsigned char *)"PReg\2\0\0\0", 8, a, &f));
    assert_non_null(strstr(f.error, "version"));
    assert_true(pol_parse((const unsigned char *)"PReg\1\0\0\0", 8, a, &f));
    assert_int_equal(f.n, 0);
    pol_file_free(&f);
    arena_free(a);
}

/* A data size near 2^32 is checked against what is left, not added to the
 * offset. */
static void test_parse_refuses_a_huge_size(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    header(&b);
    buf_append(&b, "[\0K\0\0\0;\0A\0\0\0;\0\4\0\0\0;\0\xff\xff\xff\xff;\0", 26);
    buf_append(&b, "\1\0\0\0]\0", 6);
    struct arena *a = arena_new();
    struct pol_file f;
    assert_false(pol_parse((const unsigned char *)b.data, b.len, a, &f));
    assert_non_null(strstr(f.error, "runs past the end"));
    pol_file_free(&f);
    arena_free(a);
    buf_free(&b);
}

static struct source *source_of(const char *name, const void *bytes, size_t n)
{
    struct source *src = source_from_bytes(name, bytes, n);
    assert_non_null(src);
    return src;
}

static void test_detect_by_content(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum policy_format format;
        bool looks_like;
    } cases[] = {
        {"Windows Registry Editor Version 5.00\r\n", POLICY_FORMAT_REG, false},
        {"; comment\n\nComputer\nSoftware\\X\nV\nDWORD:1\n", POLICY_FORMAT_LGPO, false},
        {"User:S-1-5-21\nSoftware\\X\nV\nSZ:a\n", POLICY_FORMAT_LGPO, false},
        {"[Unicode]\nUnicode=yes\n[Version]\nsignature=\"$CHICAGO$\"\n", POLICY_FORMAT_INF, false},
        {"[System Access]\n[Registry Values]\nMACHINE\\A\\B=4,1\n", POLICY_FORMAT_INF, false},
        {"<?xml version=\"1.0\"?>\n<RegistrySettings clsid=\"x\"/>", POLICY_FORMAT_GPP, false},
        {"<?xml version=\"1.0\"?>\n<Report/>", POLICY_FORMAT_REG, true},
        {"[HKEY_LOCAL_MACHINE\\X]\n", POLICY_FORMAT_REG, false},
        {"hello\n", POLICY_FORMAT_REG, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct source *src = source_of("t", cases[i].text, strlen(cases[i].text));
        const char *looks_like = NULL;
        assert_int_equal(policy_detect(src, &looks_like), cases[i].format);
        assert_int_equal(looks_like != NULL, cases[i].looks_like);
        source_free(src);
    }
    struct source *pol = source_of("t.pol", "PReg\1\0\0\0", 8);
    assert_non_null(pol->raw);
    assert_int_equal(policy_detect(pol, NULL), POLICY_FORMAT_POL);
    source_free(pol);
}

/* Reads bytes as `reglint lint` reads a file. */
static void read_doc(struct reg_doc *doc, const char *name, const void *bytes, size_t n)
{
    policy_or_reg_doc_read(doc, source_of(name, bytes, n), name);
}

static size_t count_rule(const struct reg_doc *doc, enum rule_id rule)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->diags.n; i++)
        n += doc->diags.items[i]->rule == rule;
    return n;
}

/* A finding lands on the rendering of its record, and the record and offset
 * are found again from there. */
static void test_findings_land_on_their_record(void **state)
{
    (void)state;
    policy_set_root(POLICY_ROOT_MACHINE);
    struct buf b = BUF_INIT;
    header(&b);
    uint32_t one = 1;
    add_record(&b, "Software\\A", "One", REG_TYPE_DWORD, &one, 4);
    size_t second = b.len;
    add_record(&b, "Software\\A", "Short", REG_TYPE_DWORD, &one, 3);
    struct reg_doc doc;
    read_doc(&doc, "t.pol", b.data, b.len);
    assert_int_equal(count_rule(&doc, RULE_POLICY_DATA_MISMATCH), 1);
    assert_int_equal(count_rule(&doc, RULE_POLICY_ROOT_ASSUMED), 0);
    const struct diag *d = doc.diags.items[0];
    const struct source_origin *o = source_origin_at(doc.src, d->at.start);
    assert_non_null(o);
    assert_true(o->record);
    assert_int_equal(o->number, 2);
    assert_int_equal(o->offset, second);
    assert_memory_equal(doc.src->d.text + d->at.start, "\"Short\"=hex(4):", 15);
    struct buf where = BUF_INIT;
    source_describe(doc.src, d->at.start, &where);
    char expected[64];
    snprintf(expected, sizeof expected, "t.pol: record 2 (offset 0x%zX)", second);
    assert_string_equal(where.data, expected);
    buf_free(&where);
    reg_doc_release(&doc);
    buf_free(&b);
    policy_set_root(POLICY_ROOT_DEFAULT);
}

/* show's rendering without the reading is the text the reading reads,
 * with the policy reader's findings and no statements. */
static void test_render_is_the_text_read(void **state)
{
    (void)state;
    policy_set_root(POLICY_ROOT_MACHINE);
    struct buf b = BUF_INIT;
    header(&b);
    uint32_t one = 1;
    unsigned char bytes[100];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (unsigned char)i;
    struct buf text = BUF_INIT;
    text_to_utf16le("C:\\Caf\xC3\xA9 \"quoted\"", strlen("C:\\Caf\xC3\xA9 \"quoted\""), &text);
    buf_append(&text, "\0\0", 2);
    add_record(&b, "Software\\A", "One", REG_TYPE_DWORD, &one, 4);
    add_record(&b, "Software\\A", "Text", REG_TYPE_SZ, text.data, (uint32_t)text.len);
    add_record(&b, "Software\\A", "Bytes", REG_TYPE_BINARY, bytes, sizeof bytes);
    add_record(&b, "Software\\A", "Short", REG_TYPE_DWORD, &one, 3);
    struct reg_doc read, shown;
    policy_doc_read(&read, source_of("t.pol", b.data, b.len), POLICY_FORMAT_POL, "t.pol");
    policy_doc_render(&shown, source_of("t.pol", b.data, b.len), POLICY_FORMAT_POL, "t.pol");
    assert_non_null(read.file);
    assert_null(shown.file);
    assert_int_equal(shown.src->d.len, read.src->d.len);
    assert_memory_equal(shown.src->d.text, read.src->d.text, read.src->d.len);
    assert_int_equal(count_rule(&shown, RULE_POLICY_DATA_MISMATCH), 1);
    assert_int_equal(shown.diags.n, 1);
    reg_doc_release(&read);
    reg_doc_release(&shown);
    buf_free(&text);
    buf_free(&b);
    policy_set_root(POLICY_ROOT_DEFAULT);
}

/* "Delete every value" deletes what was set before it under the key, in any
 * spelling, and nothing after it or elsewhere. */
static void test_delete_values_applies_to_earlier_values(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    header(&b);
    uint32_t one = 1;
    add_record(&b, "Software\\A", "Before", REG_TYPE_DWORD, &one, 4);
    add_record(&b, "Software\\B", "Other", REG_TYPE_DWORD, &one, 4);
    add_record(&b, "SOFTWARE\\a", "**delvals.", REG_TYPE_SZ, " \0\0", 4);
    add_record(&b, "Software\\A", "After", REG_TYPE_DWORD, &one, 4);
    struct reg_doc doc;
    read_doc(&doc, "Machine/Registry.pol", b.data, b.len);
    struct arena *a = arena_new();
    struct model *m = model_build(doc.file, a, MODEL_AS_REGEDIT);
    struct model_key *ka = model_find_key(m, REG_ROOT_HKLM, "Software\\A");
    struct model_key *kb = model_find_key(m, REG_ROOT_HKLM, "Software\\B");
    assert_non_null(ka);
    assert_non_null(kb);
    assert_false(model_find_value(m, ka, "Before", 6)->exists);
    assert_true(model_find_value(m, ka, "After", 5)->exists);
    assert_true(model_find_value(m, kb, "Other", 5)->exists);
    model_free(m);
    arena_free(a);
    reg_doc_release(&doc);
    buf_free(&b);
}

/* The root comes from the nearest Machine or User folder, then --root. */
static void test_root_from_path(void **state)
{
    (void)state;
    bool from_path;
    assert_int_equal(policy_root_for_path("gpo/DomainSysvol/GPO/User/Registry.pol", &from_path),
                     REG_ROOT_HKCU);
    assert_true(from_path);
    assert_int_equal(policy_root_for_path("x\\MACHINE\\registry.pol", &from_path), REG_ROOT_HKLM);
    assert_true(from_path);
    assert_int_equal(policy_root_for_path("User", &from_path), REG_ROOT_HKLM);
    assert_false(from_path);
    policy_set_root(POLICY_ROOT_USER);
    assert_int_equal(policy_root_for_path("export.pol", &from_path), REG_ROOT_HKCU);
    assert_false(from_path);
    policy_set_root(POLICY_ROOT_DEFAULT);
}

/* LGPO numbers are decimal (or 0x hexadecimal) and must fit their type. */
static void test_lgpo_numbers(void **state)
{
    (void)state;
    static const struct {
        const char *action;
        bool ok;
    } cases[] = {
        {"DWORD:4294967295", true}, {"DWORD:4294967296", false}, {"DWORD:0x10", true},
        {"DWORD:", false},          {"DWORD:-1", false},         {"QWORD:18446744073709551615", true},
        {"QWORD:18446744073709551616", false}, {"BINARY:0a0B", true}, {"BINARY:xy", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "Computer\nSoftware\\T\nV\n%s\n", cases[i].action);
        struct reg_doc doc;
        read_doc(&doc, "t.txt", text, strlen(text));
        if (count_rule(&doc, RULE_SKIPPED_POLICY_RECORD) != (cases[i].ok ? 0u : 1u)) {
            fprintf(stderr, "%s: expected %s\n", cases[i].action, cases[i].ok ? "read" : "skipped");
            fail();
        }
        reg_doc_release(&doc);
    }
}

/* The XML reader's bounds: 64 nested elements, 64 attributes. */
static void test_xml_limits(void **state)
{
    (void)state;
    for (int depth = 63; depth <= 65; depth++) {
        struct buf x = BUF_INIT;
        buf_puts(&x, "<RegistrySettings>");
        for (int i = 1; i < depth; i++)
            buf_puts(&x, "<Collection>");
        for (int i = 1; i < depth; i++)
            buf_puts(&x, "</Collection>");
        buf_puts(&x, "</RegistrySettings>");
        struct reg_doc doc;
        read_doc(&doc, "t.xml", x.data, x.len);
        assert_int_equal(count_rule(&doc, RULE_INVALID_POLICY_FILE), depth > 64 ? 1 : 0);
        reg_doc_release(&doc);
        buf_free(&x);
    }
    for (int n = 64; n <= 65; n++) {
        struct buf x = BUF_INIT;
        buf_puts(&x, "<RegistrySettings");
        for (int i = 0; i < n; i++)
            buf_printf(&x, " a%d=\"%d\"", i, i);
        buf_puts(&x, "/>");
        struct reg_doc doc;
        read_doc(&doc, "t.xml", x.data, x.len);
        assert_int_equal(count_rule(&doc, RULE_INVALID_POLICY_FILE), n > 64 ? 1 : 0);
        reg_doc_release(&doc);
        buf_free(&x);
    }
}

/* A PReg file larger than one read is kept whole as bytes. */
static void test_load_keeps_a_large_preg_file(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    header(&b);
    uint32_t v = 0;
    while (b.len < (3u << 20))
        add_record(&b, "Software\\Policies\\Large", "Value", REG_TYPE_DWORD, &v, 4), v++;
    char path[] = "/tmp/reglint-test-policy-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b.data, b.len), (ssize_t)b.len);
    close(fd);
    const char *error = NULL;
    struct source *src = source_load(path, NULL, &error);
    unlink(path);
    assert_non_null(src);
    assert_non_null(src->raw);
    assert_int_equal(src->raw_size, b.len);
    assert_memory_equal(src->raw, b.data, b.len);
    assert_int_equal(src->d.len, 0);
    source_free(src);
    buf_free(&b);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_reads_records_and_names),
        cmocka_unit_test(test_parse_shares_only_equal_keys),
        cmocka_unit_test(test_parse_in_batches),
        cmocka_unit_test(test_parse_stops_at_every_cut),
        cmocka_unit_test(test_parse_refuses_signature_and_version),
        cmocka_unit_test(test_parse_refuses_a_huge_size),
        cmocka_unit_test(test_detect_by_content),
        cmocka_unit_test(test_findings_land_on_their_record),
        cmocka_unit_test(test_render_is_the_text_read),
        cmocka_unit_test(test_delete_values_applies_to_earlier_values),
        cmocka_unit_test(test_root_from_path),
        cmocka_unit_test(test_lgpo_numbers),
        cmocka_unit_test(test_xml_limits),
        cmocka_unit_test(test_load_keeps_a_large_preg_file),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
