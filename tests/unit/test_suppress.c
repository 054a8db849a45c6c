/* Inline suppressions: what each directive covers, unused and unknown ones. */
#include "test_util.h"

#include "lint.h"

#define HEADER "Windows Registry Editor Version 5.00\r\n\r\n"
#define TLS10 "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server]\r\n"
#define SSL3 "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 3.0\\Server]\r\n"

static struct parsed *lint_text(const char *text, bool inline_suppressions)
{
    struct parsed *p = parse_text(text);
    struct lint_options o;
    lint_options_init(&o);
    o.inline_suppressions = inline_suppressions;
    o.enabled[RULE_CLIENT_SERVER_MISMATCH] = false;
    o.enabled[RULE_LEGACY_OFF_WITHOUT_DOTNET] = false;
    lint_document(&o, p->src, p->file, &p->diags);
    lint_finish(&o, p->file, &p->diags);
    return p;
}

static void test_next_line(void **state)
{
    (void)state;
    const char *text = HEADER SSL3 "; reglint-disable-next-line RL4001 -- scanner until 2027\r\n"
                       "\"Enabled\"=dword:00000001\r\n";
    struct parsed *p = lint_text(text, true);
    expect_clean(p);
    parsed_free(p);
    p = lint_text(text, false);
    expect_diag(p, 1, 0, RULE_WEAK_PROTOCOL_ENABLED, 5, 1, "SSL 3.0 Server");
    parsed_free(p);
}

static void test_next_line_is_only_the_next(void **state)
{
    (void)state;
    /* The directive covers the key line, not the value below it. */
    struct parsed *p = lint_text(HEADER "; reglint-disable-next-line RL4001\r\n" SSL3
                                 "\"Enabled\"=dword:00000001\r\n",
                                 true);
    expect_diag(p, 2, 0, RULE_UNUSED_SUPPRESSION, 3, 1, "silences nothing");
    expect_diag(p, 2, 1, RULE_WEAK_PROTOCOL_ENABLED, 5, 1, "SSL 3.0");
    parsed_free(p);
}

static void test_next_key_and_ranges(void **state)
{
    (void)state;
    struct parsed *p = lint_text(HEADER "; reglint-disable-next-key weak-protocol-enabled\r\n" SSL3
                                 "\"Enabled\"=dword:00000001\r\n"
                                 "; reglint-disable RL4\r\n" TLS10 "\"Enabled\"=dword:00000000\r\n"
                                 "\"DisabledByDefault\"=dword:00000000\r\n"
                                 "; reglint-enable RL4\r\n",
                                 true);
    /* RL3002 is not silenced; the RL4 range silences nothing, so it is unused. */
    expect_diag(p, 2, 0, RULE_UNUSED_SUPPRESSION, 6, 1, "reglint-disable silences");
    expect_diag(p, 2, 1, RULE_DISABLED_BUT_NOT_BY_DEFAULT, 9, 1, "TLS 1.0 Server");
    parsed_free(p);
}

/* A disable ends at the first enable that names one of its rules, not at an
 * enable of another rule; directives in a row each cover the statement after
 * them; a next-key directive with no key after it covers nothing. */
static void test_ranges_in_a_row_and_to_the_end(void **state)
{
    (void)state;
    struct parsed *p = lint_text(HEADER SSL3
                                 "; reglint-disable RL4001 RL5001\r\n"
                                 "; reglint-enable RL2001\r\n"
                                 "\"Enabled\"=dword:00000001\r\n"
                                 "; reglint-enable RL4001\r\n"
                                 "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\SSL 2.0\\Server]\r\n"
                                 "; reglint-disable-next-line RL4001\r\n"
                                 "; reglint-disable-next-line RL4001\r\n"
                                 "\"Enabled\"=dword:00000001\r\n" TLS10
                                 "\"Enabled\"=dword:00000001\r\n"
                                 "; reglint-disable-next-key\r\n",
                                 true);
    expect_diag(p, 2, 0, RULE_WEAK_PROTOCOL_ENABLED, 13, 1, "TLS 1.0 Server");
    expect_diag(p, 2, 1, RULE_UNUSED_SUPPRESSION, 14, 1, "disable-next-key silences nothing");
    parsed_free(p);
}

static void test_file_and_unknown(void **state)
{
    (void)state;
    struct parsed *p = lint_text(HEADER "; reglint-disable-file RL4001, RL40x -- vendor export\r\n" SSL3
                                 "\"Enabled\"=dword:00000001\r\n",
                                 true);
    expect_diag(p, 1, 0, RULE_UNKNOWN_RULE_IN_DIRECTIVE, 3, 32, "RL40x");
    parsed_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_next_line),
        cmocka_unit_test(test_next_line_is_only_the_next),
        cmocka_unit_test(test_next_key_and_ranges),
        cmocka_unit_test(test_ranges_in_a_row_and_to_the_end),
        cmocka_unit_test(test_file_and_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
