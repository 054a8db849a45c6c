/* Unit tests for text.c: regedit's decoding and reglint's encodings. */
#include "test_util.h"

#include "text.h"

static void decode(const char *bytes, size_t n, struct decoded_text *d)
{
    assert_true(text_decode((const unsigned char *)bytes, n, d));
}

static void test_bom_means_utf16(void **state)
{
    (void)state;
    struct decoded_text d;
    decode("\xFF\xFE" "A\0\xE9\0\x41\x30", 8, &d);
    assert_int_equal(d.encoding, TEXT_UTF16LE);
    /* A, U+00E9, U+3041 */
    assert_int_equal(d.len, 6);
    assert_memory_equal(d.text, "A\xC3\xA9\xE3\x81\x81", 6);
    assert_int_equal(d.text[d.len], 0);
    assert_int_equal(d.text[d.len + 1], 0);
    free(d.text);
}

static void test_everything_else_is_ansi(void **state)
{
    (void)state;
    struct decoded_text d;
    /* 0x80 is the euro sign in Windows-1252; 0x81 is undefined and maps to U+0081. */
    decode("Windows Registry Editor Version 5.00\x80\x81", 38, &d);
    assert_int_equal(d.encoding, TEXT_ANSI);
    assert_int_equal(d.len, 36 + 3 + 2);
    assert_memory_equal(d.text + 36, "\xE2\x82\xAC\xC2\x81", 5);
    free(d.text);
}

static void test_utf8_without_bom_is_read_as_ansi(void **state)
{
    (void)state;
    struct decoded_text d;
    decode("\"\xC3\xA9\"", 4, &d);
    assert_int_equal(d.encoding, TEXT_ANSI);
    assert_true(d.looks_utf8);
    /* C3 A9 read as Windows-1252: U+00C3 U+00A9 (case 069). */
    assert_memory_equal(d.text, "\"\xC3\x83\xC2\xA9\"", 6);
    free(d.text);
}

static void test_utf8_bom_stays_in_the_text(void **state)
{
    (void)state;
    struct decoded_text d;
    decode("\xEF\xBB\xBFREGEDIT4", 11, &d);
    assert_int_equal(d.encoding, TEXT_ANSI);
    assert_true(d.has_utf8_bom);
    assert_false(d.looks_utf8);
    assert_memory_equal(d.text, "\xC3\xAF\xC2\xBB\xC2\xBFREGEDIT4", 14);
    free(d.text);
}

static void test_utf16_without_bom_is_noticed(void **state)
{
    (void)state;
    struct decoded_text d;
    decode("W\0i\0n\0", 6, &d);
    assert_int_equal(d.encoding, TEXT_ANSI);
    assert_true(d.looks_utf16_nobom);
    assert_int_equal(d.issues[TEXT_ISSUE_NUL].count, 3);
    assert_int_equal(d.issues[TEXT_ISSUE_NUL].first_offset, 1);
    free(d.text);
}

static void test_broken_utf16_is_kept_and_reported(void **state)
{
    (void)state;
    struct decoded_text d;
    /* A lone high surrogate, a surrogate pair (U+1F600), then an odd byte. */
    decode("\xFF\xFE\x00\xD8" "A\0" "\x3D\xD8\x00\xDE" "\x42", 11, &d);
    assert_int_equal(d.issues[TEXT_ISSUE_LONE_SURROGATE].count, 1);
    assert_int_equal(d.issues[TEXT_ISSUE_LONE_SURROGATE].first_offset, 0);
    assert_int_equal(d.issues[TEXT_ISSUE_ODD_BYTE].count, 1);
    assert_memory_equal(d.text, "\xED\xA0\x80" "A" "\xF0\x9F\x98\x80", 8);
    /* Re-encoding gives back the same code units, the lone surrogate too. */
    struct buf out = BUF_INIT;
    text_to_utf16le(d.text, d.len, &out);
    assert_int_equal(out.len, 8);
    assert_memory_equal(out.data, "\x00\xD8" "A\0" "\x3D\xD8\x00\xDE", 8);
    buf_free(&out);
    free(d.text);
}

static void test_decoder_fed_in_pieces_matches_whole(void **state)
{
    (void)state;
    /* Split inside a code unit and inside a surrogate pair. */
    const char bytes[] = "\xFF\xFE" "a\0" "\x3D\xD8\x00\xDE" "z\0";
    struct decoded_text whole, pieces;
    decode(bytes, sizeof bytes - 1, &whole);
    struct text_decoder *dec = text_decoder_new(0, TEXT_MAX_DECODED);
    for (size_t i = 0; i < sizeof bytes - 1; i++)
        assert_int_equal(text_decoder_feed(dec, (const unsigned char *)bytes + i, 1), TEXT_WITHIN_LIMITS);
    assert_int_equal(text_decoder_finish(dec, &pieces), TEXT_WITHIN_LIMITS);
    assert_int_equal(whole.len, pieces.len);
    assert_memory_equal(whole.text, pieces.text, whole.len);
    assert_int_equal(pieces.issues[TEXT_ISSUE_LONE_SURROGATE].count, 0);
    free(whole.text);
    free(pieces.text);
}

/* Decodes `n` bytes in one piece under a limit on the decoded text. */
static enum text_limit decode_within(const char *bytes, size_t n, size_t limit, size_t *len)
{
    struct text_decoder *dec = text_decoder_new(n, limit);
    enum text_limit why = text_decoder_feed(dec, (const unsigned char *)bytes, n);
    if (why != TEXT_WITHIN_LIMITS) {
        text_decoder_abandon(dec);
        return why;
    }
    struct decoded_text d;
    why = text_decoder_finish(dec, &d);
    if (why == TEXT_WITHIN_LIMITS) {
        *len = d.len;
        free(d.text);
    }
    return why;
}

/* The limit is on the decoded text, not the file: byte 0x80 of an ANSI file
 * is U+20AC, three bytes of UTF-8; a UTF-16 unit may be three too. */
static void test_decoded_text_limit(void **state)
{
    (void)state;
    size_t len = 0;
    /* Four bytes in the file, twelve decoded: at the edge, then past it. */
    assert_int_equal(decode_within("\x80\x80\x80\x80", 4, 12, &len), TEXT_WITHIN_LIMITS);
    assert_int_equal(len, 12);
    assert_int_equal(decode_within("\x80\x80\x80\x80", 4, 11, &len), TEXT_DECODED_TOO_LARGE);
    /* Fewer than four bytes are decoded only when the decoder finishes. */
    assert_int_equal(decode_within("\x80", 1, 2, &len), TEXT_DECODED_TOO_LARGE);
    /* UTF-16LE: the byte order mark and U+20AC twice, six bytes decoded. */
    assert_int_equal(decode_within("\xFF\xFE\xAC\x20\xAC\x20", 6, 6, &len), TEXT_WITHIN_LIMITS);
    assert_int_equal(len, 6);
    assert_int_equal(decode_within("\xFF\xFE\xAC\x20\xAC\x20", 6, 5, &len), TEXT_DECODED_TOO_LARGE);
    /* A limit above TEXT_MAX_DECODED is TEXT_MAX_DECODED. */
    assert_int_equal(decode_within("ab", 2, SIZE_MAX, &len), TEXT_WITHIN_LIMITS);
    assert_int_equal(len, 2);
}

static void test_line_endings_are_counted(void **state)
{
    (void)state;
    struct decoded_text d;
    decode("a\nb\nc\r\nd", 8, &d);
    assert_int_equal(d.eol, TEXT_EOL_LF);
    assert_false(d.final_newline);
    free(d.text);
    decode("a\r\nb\r\n", 6, &d);
    assert_int_equal(d.eol, TEXT_EOL_CRLF);
    assert_true(d.final_newline);
    free(d.text);
    decode("a\rb\r", 4, &d);
    assert_int_equal(d.eol, TEXT_EOL_CR);
    free(d.text);
}

static void test_ansi_encoding_round_trips_and_counts_losses(void **state)
{
    (void)state;
    for (int byte = 1; byte < 256; byte++) {
        uint32_t cp = text_cp1252_decode((unsigned char)byte);
        assert_int_equal(text_cp1252_encode(cp), byte);
    }
    struct buf out = BUF_INIT;
    size_t lossy = 0;
    text_encode("a\xE2\x82\xAC\xE3\x81\x81", 7, TEXT_ANSI, &out, &lossy);
    assert_int_equal(out.len, 3);
    assert_memory_equal(out.data, "a\x80?", 3);
    assert_int_equal(lossy, 1);
    buf_free(&out);
}

static void test_counts_and_upcase(void **state)
{
    (void)state;
    const char s[] = "a\xC3\xA9\xF0\x9F\x98\x80";
    assert_int_equal(text_count_cps(s, sizeof s - 1), 3);
    assert_int_equal(text_count_utf16(s, sizeof s - 1), 4);
    assert_int_equal(text_upcase('q'), 'Q');
    assert_int_equal(text_upcase(0xE9), 0xC9);
    assert_int_equal(text_upcase(0xFF), 0x178);
    assert_int_equal(text_upcase(0x430), 0x410);
    assert_int_equal(text_upcase(0x101), 0x100);
    assert_int_equal(text_upcase(0x13A), 0x139);
    assert_int_equal(text_upcase(0xF7), 0xF7);
}

/* Pairs Windows' upper-case table makes one name, beyond the blocks a
 * hand-made table covers, and pairs it keeps apart. */
static void test_upcase_is_windows_table(void **state)
{
    (void)state;
    static const uint32_t one_name[][2] = {
        {0x01C6, 0x01C4}, /* dz with caron */
        {0x03AC, 0x0386}, /* alpha with tonos */
        {0x0461, 0x0460}, /* Cyrillic omega */
        {0x0561, 0x0531}, /* Armenian ayb */
        {0x1EA1, 0x1EA0}, /* a with dot below */
        {0xFF41, 0xFF21}, /* fullwidth a */
        {0x24D0, 0x24B6}, /* circled a */
        {0x2170, 0x2160}, /* small roman numeral one */
        {0x0180, 0x0243}, /* b with stroke */
        {0x00FF, 0x0178}, /* y with diaeresis */
        {0x0101, 0x0100}, {0x013A, 0x0139}, {0x0430, 0x0410}, {0x0450, 0x0400},
        {0x1F70, 0x1FBA}, {0x2D00, 0x10A0}, {0xA77F, 0xA77E},
    };
    for (size_t i = 0; i < sizeof one_name / sizeof one_name[0]; i++) {
        assert_int_equal(text_upcase(one_name[i][0]), one_name[i][1]);
        assert_int_equal(text_upcase(one_name[i][1]), one_name[i][1]);
    }
    /* Final sigma is not sigma to Windows; micro sign, dotless i, long s and
     * the title-case Dz keep their own upper case too. */
    static const uint32_t own[] = {0x03C2, 0x00B5, 0x0131, 0x017F, 0x01C5, 0x00F7, 0x00D7,
                                   0x0139, 0x0138, 0x0149, 0xD800, 0xDFFF, 0xFFFF,
                                   0x10428};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        assert_int_equal(text_upcase(own[i]), own[i]);
    assert_int_equal(text_upcase(0x03C3), 0x03A3);
    /* Names: "ǆ" and "Ǆ" are one, "ς" and "Σ" two. */
    assert_true(text_names_equal("\xC7\x86x", 3, "\xC7\x84X", 3));
    assert_false(text_names_equal("\xCF\x82", 2, "\xCE\xA3", 2));
    assert_true(text_names_equal("\xCF\x83", 2, "\xCE\xA3", 2));
    assert_false(text_names_equal("ab", 2, "abc", 3));
    /* The last characters are compared first, in any case. */
    assert_false(text_names_equal("Value1", 6, "value2", 6));
    assert_true(text_names_equal("ValueA", 6, "valuea", 6));
    assert_true(text_names_equal("x\xC3\xA9", 3, "X\xC3\x89", 3));
}

static void test_snippet_stops_at_line_end_and_escapes(void **state)
{
    (void)state;
    struct buf out = BUF_INIT;
    text_snippet(&out, "a\tb\r\nnext", 9, 40);
    assert_string_equal(out.data, "a\\x09b");
    buf_clear(&out);
    text_snippet(&out, "abcdef", 6, 3);
    assert_string_equal(out.data, "abc...");
    buf_free(&out);
}

static void test_json_string_is_valid_json(void **state)
{
    (void)state;
    struct buf b = BUF_INIT;
    /* Quote, backslash, CR/LF/TAB, another control character, DEL, UTF-8,
     * and an unpaired surrogate as the decoder keeps it (WTF-8). */
    const char in[] = "a\"b\\c\r\n\t\x01\x7f\xc3\xa9\xed\xa0\x80z";
    text_json_string(&b, in, sizeof in - 1);
    buf_putc(&b, '\0');
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\r\\n\\t\\u0001\\u007f\xc3\xa9\xef\xbf\xbdz\"");
    buf_free(&b);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bom_means_utf16),
        cmocka_unit_test(test_everything_else_is_ansi),
        cmocka_unit_test(test_utf8_without_bom_is_read_as_ansi),
        cmocka_unit_test(test_utf8_bom_stays_in_the_text),
        cmocka_unit_test(test_utf16_without_bom_is_noticed),
        cmocka_unit_test(test_broken_utf16_is_kept_and_reported),
        cmocka_unit_test(test_decoder_fed_in_pieces_matches_whole),
        cmocka_unit_test(test_line_endings_are_counted),
        cmocka_unit_test(test_ansi_encoding_round_trips_and_counts_losses),
        cmocka_unit_test(test_decoded_text_limit),
        cmocka_unit_test(test_counts_and_upcase),
        cmocka_unit_test(test_upcase_is_windows_table),
        cmocka_unit_test(test_snippet_stops_at_line_end_and_escapes),
        cmocka_unit_test(test_json_string_is_valid_json),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
